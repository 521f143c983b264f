import type { Kysely } from 'kysely';
import { execute, grantToApp, tenantIsolation } from '../sql-helpers';

// Issue 5: persons in full, the special-category store, households with members, needs and
// contacts, the settlement pipeline with its event history, per-quarter settlement targets, the
// municipality's settlement settings (agreed target, move-in checklist template, owners of the
// checklist's roles, retention), and IMDi intake batches. Rules live in shared/domain
// (pipeline.ts, household-composition.ts, birth-date.ts, duf.ts, identity-rules.ts,
// person-names.ts, move-in-checklist.ts); the database backs the ones that must hold under
// concurrency or a buggy caller.

const refugeeCategories = `'resettlement_refugee', 'from_reception_centre', 'unaccompanied_minor',
  'family_reunification', 'self_settled_by_agreement'`;
const pipelineStates = `'proposed', 'accepted', 'dwelling_reserved', 'ready_to_move_in', 'settled', 'moved_on',
  'moved_away', 'declined', 'withdrawn'`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await execute(
    db,
    `-- Persons: the minimal lease party of 0005 becomes the full person record.
     ALTER TABLE app.person
       ADD COLUMN transliteration text
         CHECK (char_length(transliteration) BETWEEN 1 AND 200 AND transliteration = normalize(transliteration, NFC)),
       -- Lower-cased, accent-folded search key over name and transliteration (person-names.ts nameSearchKey).
       ADD COLUMN name_search text NOT NULL DEFAULT '' CHECK (char_length(name_search) <= 500),
       ADD COLUMN birth_date_precision text CHECK (birth_date_precision IN ('exact', 'year', 'jan1_convention')),
       ADD COLUMN duf_number text CHECK (duf_number ~ '^[0-9]{12}$'),
       ADD COLUMN nationality text CHECK (nationality ~ '^[A-Z]{3}$'),
       ADD COLUMN refugee_category text CHECK (refugee_category IN (${refugeeCategories})),
       ADD COLUMN residence_permit_date date,
       ADD COLUMN reception_centre text CHECK (char_length(reception_centre) BETWEEN 1 AND 200),
       ADD COLUMN arrival_date date,
       ADD COLUMN settlement_date date,
       ADD COLUMN intro_programme text NOT NULL DEFAULT 'unknown'
         CHECK (intro_programme IN ('unknown', 'entitled_and_obliged', 'entitled', 'not_entitled')),
       ADD COLUMN intro_programme_start date,
       ADD COLUMN intro_programme_end date,
       ADD COLUMN created_by uuid,
       ADD COLUMN anonymised_at timestamptz,
       ADD CONSTRAINT person_created_by_fkey FOREIGN KEY (tenant_id, created_by) REFERENCES app.staff_user (tenant_id, id);
     -- Persons registered before this migration (lease parties) had exact birth dates, if any.
     UPDATE app.person SET birth_date_precision = 'exact' WHERE birth_date IS NOT NULL;
     UPDATE app.person SET name_search = lower(full_name);
     ALTER TABLE app.person
       ADD CONSTRAINT person_birth_date_precision CHECK ((birth_date IS NULL) = (birth_date_precision IS NULL)),
       ADD CONSTRAINT person_settlement_after_arrival CHECK (settlement_date >= arrival_date),
       ADD CONSTRAINT person_intro_programme_dates CHECK (intro_programme_end >= intro_programme_start);
     CREATE UNIQUE INDEX person_duf_number_key ON app.person (tenant_id, duf_number) WHERE duf_number IS NOT NULL;
     CREATE INDEX person_name_search_idx ON app.person (tenant_id, name_search);

     -- Languages: interpreter need per language; at most one preferred for letters.
     CREATE TABLE app.person_language (
       tenant_id uuid NOT NULL REFERENCES app.municipality (tenant_id),
       person_id uuid NOT NULL,
       code text NOT NULL CHECK (code ~ '^[a-z]{2,3}$'),
       interpreter_needed boolean NOT NULL DEFAULT false,
       preferred_for_letters boolean NOT NULL DEFAULT false,
       PRIMARY KEY (tenant_id, person_id, code),
       CONSTRAINT person_language_person_fkey FOREIGN KEY (tenant_id, person_id) REFERENCES app.person (tenant_id, id) ON DELETE CASCADE
     );
     CREATE UNIQUE INDEX person_language_letters_key ON app.person_language (tenant_id, person_id) WHERE preferred_for_letters;

     -- Identity changes keep history: every set, change or removal of fnr/D-nummer or DUF.
     CREATE TABLE app.person_identity_event (
       tenant_id uuid NOT NULL REFERENCES app.municipality (tenant_id),
       id uuid NOT NULL DEFAULT gen_random_uuid(),
       person_id uuid NOT NULL,
       field text NOT NULL CHECK (field IN ('identity_number', 'duf_number')),
       old_value text CHECK (old_value ~ '^[0-9]{11,12}$'),
       new_value text CHECK (new_value ~ '^[0-9]{11,12}$'),
       reason text NOT NULL DEFAULT '' CHECK (char_length(reason) <= 500),
       changed_by uuid,
       changed_at timestamptz NOT NULL DEFAULT now(),
       PRIMARY KEY (tenant_id, id),
       CONSTRAINT person_identity_event_person_fkey FOREIGN KEY (tenant_id, person_id) REFERENCES app.person (tenant_id, id) ON DELETE CASCADE,
       CONSTRAINT person_identity_event_changed_by_fkey FOREIGN KEY (tenant_id, changed_by) REFERENCES app.staff_user (tenant_id, id),
       CONSTRAINT person_identity_event_changes CHECK (old_value IS DISTINCT FROM new_value)
     );
     CREATE INDEX person_identity_event_person_idx ON app.person_identity_event (tenant_id, person_id, changed_at);

     -- Special categories (GDPR art. 9): its own table, so no query for a person or household can
     -- reach it by accident. Every row carries its legal basis; consent needs the date it was given.
     CREATE TABLE app.special_category_record (
       tenant_id uuid NOT NULL REFERENCES app.municipality (tenant_id),
       id uuid NOT NULL DEFAULT gen_random_uuid(),
       person_id uuid NOT NULL,
       category text NOT NULL CHECK (category IN ('health', 'functional_needs', 'disability', 'universal_design')),
       details text NOT NULL CHECK (char_length(details) BETWEEN 1 AND 8000),
       legal_basis text NOT NULL CHECK (legal_basis IN ('consent', 'integration_act', 'health_and_care_services_act',
         'social_services_act', 'child_welfare_act', 'vital_interests')),
       legal_basis_note text NOT NULL DEFAULT '' CHECK (char_length(legal_basis_note) <= 500),
       consent_given_on date,
       consent_withdrawn_on date,
       source text NOT NULL DEFAULT 'staff' CHECK (source IN ('staff', 'imdi_intake')),
       recorded_by uuid,
       recorded_at timestamptz NOT NULL DEFAULT now(),
       updated_at timestamptz NOT NULL DEFAULT now(),
       version integer NOT NULL DEFAULT 1,
       PRIMARY KEY (tenant_id, id),
       CONSTRAINT special_category_record_person_fkey FOREIGN KEY (tenant_id, person_id) REFERENCES app.person (tenant_id, id) ON DELETE CASCADE,
       CONSTRAINT special_category_record_recorded_by_fkey FOREIGN KEY (tenant_id, recorded_by) REFERENCES app.staff_user (tenant_id, id),
       CONSTRAINT special_category_consent_dated CHECK (legal_basis <> 'consent' OR consent_given_on IS NOT NULL),
       CONSTRAINT special_category_withdrawal_after_consent CHECK (consent_withdrawn_on >= consent_given_on)
     );
     CREATE INDEX special_category_record_person_idx ON app.special_category_record (tenant_id, person_id);

     -- Households. The pipeline state is denormalised here (the board and the list read it);
     -- pipeline_event is the history, written in the same transaction as every state change.
     CREATE TABLE app.household (
       tenant_id uuid NOT NULL REFERENCES app.municipality (tenant_id),
       id uuid NOT NULL DEFAULT gen_random_uuid(),
       reference text NOT NULL CHECK (reference ~ '^[A-Za-z0-9][A-Za-z0-9._/-]{0,39}$'),
       imdi_case_id text CHECK (imdi_case_id ~ '^[A-Za-z0-9][A-Za-z0-9._/-]{0,63}$'),
       category text NOT NULL CHECK (category IN (${refugeeCategories})),
       responsible_unit_id uuid NOT NULL,
       pipeline_state text NOT NULL DEFAULT 'proposed' CHECK (pipeline_state IN (${pipelineStates})),
       state_changed_at timestamptz NOT NULL DEFAULT now(),
       proposed_on date NOT NULL,
       residence_permit_date date,
       reception_centre text CHECK (char_length(reception_centre) BETWEEN 1 AND 200),
       -- An agreed target with IMDi for this household, in days from the permit (overrides the municipality's).
       agreed_target_days integer CHECK (agreed_target_days BETWEEN 1 AND 365),
       planned_arrival_date date,
       arrival_date date,
       settlement_date date,
       reserved_dwelling_id uuid,
       shared_housing boolean NOT NULL DEFAULT false,
       -- Guardian (verge/representant) for unaccompanied minors: not a member, a named contact.
       guardian_name text CHECK (char_length(guardian_name) BETWEEN 1 AND 200),
       guardian_phone text NOT NULL DEFAULT '' CHECK (char_length(guardian_phone) <= 40),
       guardian_email text NOT NULL DEFAULT '' CHECK (char_length(guardian_email) <= 254),
       guardian_appointed_on date,
       -- Expected family reunification.
       reunification_adults integer NOT NULL DEFAULT 0 CHECK (reunification_adults BETWEEN 0 AND 20),
       reunification_children integer NOT NULL DEFAULT 0 CHECK (reunification_children BETWEEN 0 AND 20),
       reunification_expected_on date,
       -- Housing needs profile. accessibility is functional-needs data: shown only with that permission.
       accessibility text NOT NULL DEFAULT 'none' CHECK (accessibility IN ('none', 'step_free', 'wheelchair')),
       near_school boolean NOT NULL DEFAULT false,
       near_kindergarten boolean NOT NULL DEFAULT false,
       near_intro_site boolean NOT NULL DEFAULT false,
       preferred_area text NOT NULL DEFAULT '' CHECK (char_length(preferred_area) <= 200),
       max_rent_ore bigint CHECK (max_rent_ore BETWEEN 0 AND 100000000),
       income_sources text[] NOT NULL DEFAULT '{}'
         CHECK (income_sources <@ ARRAY['introduction_benefit', 'wages', 'social_assistance', 'child_benefit',
           'housing_allowance', 'pension', 'disability_benefit', 'qualification_benefit', 'student_support', 'other']::text[]),
       needs_notes text NOT NULL DEFAULT '' CHECK (char_length(needs_notes) <= 4000),
       created_by uuid,
       created_at timestamptz NOT NULL DEFAULT now(),
       updated_at timestamptz NOT NULL DEFAULT now(),
       anonymised_at timestamptz,
       version integer NOT NULL DEFAULT 1,
       PRIMARY KEY (tenant_id, id),
       CONSTRAINT household_reference_key UNIQUE (tenant_id, reference),
       CONSTRAINT household_unit_fkey FOREIGN KEY (tenant_id, responsible_unit_id) REFERENCES app.unit (tenant_id, id),
       CONSTRAINT household_dwelling_fkey FOREIGN KEY (tenant_id, reserved_dwelling_id) REFERENCES app.dwelling (tenant_id, id),
       CONSTRAINT household_created_by_fkey FOREIGN KEY (tenant_id, created_by) REFERENCES app.staff_user (tenant_id, id),
       CONSTRAINT household_settlement_after_arrival CHECK (settlement_date >= arrival_date),
       CONSTRAINT household_settled_has_date CHECK (pipeline_state NOT IN ('settled', 'moved_on', 'moved_away') OR settlement_date IS NOT NULL),
       CONSTRAINT household_reserved_has_dwelling
         CHECK (pipeline_state NOT IN ('dwelling_reserved', 'ready_to_move_in') OR reserved_dwelling_id IS NOT NULL)
     );
     -- One open pipeline per IMDi case; a closed one (declined, withdrawn) may be proposed again.
     CREATE UNIQUE INDEX household_imdi_case_key ON app.household (tenant_id, imdi_case_id)
       WHERE imdi_case_id IS NOT NULL AND pipeline_state NOT IN ('declined', 'withdrawn');
     -- Two households cannot hold the same dwelling reserved at once.
     CREATE UNIQUE INDEX household_reserved_dwelling_key ON app.household (tenant_id, reserved_dwelling_id)
       WHERE pipeline_state IN ('dwelling_reserved', 'ready_to_move_in');
     CREATE INDEX household_state_idx ON app.household (tenant_id, pipeline_state);

     CREATE TABLE app.household_member (
       tenant_id uuid NOT NULL REFERENCES app.municipality (tenant_id),
       household_id uuid NOT NULL,
       person_id uuid NOT NULL,
       relation text NOT NULL CHECK (relation IN ('main', 'spouse', 'child', 'parent', 'sibling', 'grandchild', 'other')),
       joined_on date,
       left_on date,
       created_at timestamptz NOT NULL DEFAULT now(),
       PRIMARY KEY (tenant_id, household_id, person_id),
       CONSTRAINT household_member_household_fkey FOREIGN KEY (tenant_id, household_id) REFERENCES app.household (tenant_id, id) ON DELETE CASCADE,
       CONSTRAINT household_member_person_fkey FOREIGN KEY (tenant_id, person_id) REFERENCES app.person (tenant_id, id),
       CONSTRAINT household_member_left_after_joined CHECK (left_on >= joined_on)
     );
     CREATE UNIQUE INDEX household_member_main_key ON app.household_member (tenant_id, household_id)
       WHERE relation = 'main' AND left_on IS NULL;
     -- A person belongs to at most one household at a time.
     CREATE UNIQUE INDEX household_member_person_key ON app.household_member (tenant_id, person_id) WHERE left_on IS NULL;

     -- Who, when and why for every pipeline state change (the first row has from_state NULL).
     CREATE TABLE app.pipeline_event (
       tenant_id uuid NOT NULL REFERENCES app.municipality (tenant_id),
       id uuid NOT NULL DEFAULT gen_random_uuid(),
       household_id uuid NOT NULL,
       from_state text CHECK (from_state IN (${pipelineStates})),
       to_state text NOT NULL CHECK (to_state IN (${pipelineStates})),
       reason text NOT NULL DEFAULT '' CHECK (char_length(reason) <= 2000),
       effective_on date NOT NULL,
       dwelling_id uuid,
       actor_user_id uuid,
       occurred_at timestamptz NOT NULL DEFAULT now(),
       PRIMARY KEY (tenant_id, id),
       CONSTRAINT pipeline_event_household_fkey FOREIGN KEY (tenant_id, household_id) REFERENCES app.household (tenant_id, id) ON DELETE CASCADE,
       CONSTRAINT pipeline_event_dwelling_fkey FOREIGN KEY (tenant_id, dwelling_id) REFERENCES app.dwelling (tenant_id, id),
       CONSTRAINT pipeline_event_actor_fkey FOREIGN KEY (tenant_id, actor_user_id) REFERENCES app.staff_user (tenant_id, id),
       CONSTRAINT pipeline_event_changes CHECK (from_state IS DISTINCT FROM to_state)
     );
     CREATE INDEX pipeline_event_household_idx ON app.pipeline_event (tenant_id, household_id, occurred_at);
     CREATE INDEX pipeline_event_settled_idx ON app.pipeline_event (tenant_id, effective_on) WHERE to_state = 'settled';

     -- A household's named contacts (R6.5: everyone must know whom to contact).
     CREATE TABLE app.household_contact (
       tenant_id uuid NOT NULL REFERENCES app.municipality (tenant_id),
       id uuid NOT NULL DEFAULT gen_random_uuid(),
       household_id uuid NOT NULL,
       role text NOT NULL CHECK (role IN ('settlement_worker', 'nav_adviser', 'introduction_adviser', 'on_site_staff',
         'landlord', 'housing_office', 'emergency', 'guardian', 'other')),
       staff_user_id uuid,
       name text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 200),
       phone text NOT NULL DEFAULT '' CHECK (char_length(phone) <= 40),
       email text NOT NULL DEFAULT '' CHECK (char_length(email) <= 254),
       availability text NOT NULL DEFAULT '' CHECK (char_length(availability) <= 200),
       sort_order integer NOT NULL DEFAULT 0 CHECK (sort_order BETWEEN 0 AND 1000),
       PRIMARY KEY (tenant_id, id),
       CONSTRAINT household_contact_household_fkey FOREIGN KEY (tenant_id, household_id) REFERENCES app.household (tenant_id, id) ON DELETE CASCADE,
       CONSTRAINT household_contact_staff_fkey FOREIGN KEY (tenant_id, staff_user_id) REFERENCES app.staff_user (tenant_id, id),
       CONSTRAINT household_contact_reachable CHECK (phone <> '' OR email <> '')
     );
     CREATE INDEX household_contact_household_idx ON app.household_contact (tenant_id, household_id, sort_order);

     -- Settlement targets per quarter (until the planning module supplies them).
     CREATE TABLE app.settlement_target (
       tenant_id uuid NOT NULL REFERENCES app.municipality (tenant_id),
       year integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
       quarter integer NOT NULL CHECK (quarter BETWEEN 1 AND 4),
       target integer NOT NULL CHECK (target BETWEEN 0 AND 100000),
       set_by uuid,
       updated_at timestamptz NOT NULL DEFAULT now(),
       PRIMARY KEY (tenant_id, year, quarter),
       CONSTRAINT settlement_target_set_by_fkey FOREIGN KEY (tenant_id, set_by) REFERENCES app.staff_user (tenant_id, id)
     );

     -- The municipality's settlement settings. checklist NULL = Husly's default template;
     -- unit_for_role maps a checklist owner role to a unit ({"eiendom": "<unit uuid>", …}).
     CREATE TABLE app.settlement_settings (
       tenant_id uuid PRIMARY KEY REFERENCES app.municipality (tenant_id),
       agreed_target_days integer CHECK (agreed_target_days BETWEEN 1 AND 365),
       checklist jsonb CHECK (jsonb_typeof(checklist) = 'array'),
       unit_for_role jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(unit_for_role) = 'object'),
       retention_months integer NOT NULL DEFAULT 120 CHECK (retention_months BETWEEN 12 AND 600),
       emergency_phone text NOT NULL DEFAULT '' CHECK (char_length(emergency_phone) <= 40),
       version integer NOT NULL DEFAULT 1,
       updated_at timestamptz NOT NULL DEFAULT now()
     );

     -- An IMDi intake file as imported: what was in it and what became of it (no personal data
     -- beyond the counts and the case ids).
     CREATE TABLE app.intake_batch (
       tenant_id uuid NOT NULL REFERENCES app.municipality (tenant_id),
       id uuid NOT NULL DEFAULT gen_random_uuid(),
       file_name text NOT NULL DEFAULT '' CHECK (char_length(file_name) <= 255),
       file_sha256 text NOT NULL CHECK (file_sha256 ~ '^[0-9a-f]{64}$'),
       format text NOT NULL CHECK (format IN ('json', 'csv')),
       cases_total integer NOT NULL CHECK (cases_total >= 0),
       cases_created integer NOT NULL CHECK (cases_created >= 0),
       problems integer NOT NULL CHECK (problems >= 0),
       imported_by uuid,
       imported_at timestamptz NOT NULL DEFAULT now(),
       PRIMARY KEY (tenant_id, id),
       CONSTRAINT intake_batch_imported_by_fkey FOREIGN KEY (tenant_id, imported_by) REFERENCES app.staff_user (tenant_id, id)
     );

     -- Audit: anonymisation is an audited act.
     ALTER TABLE app.audit_log DROP CONSTRAINT audit_log_action_check;
     ALTER TABLE app.audit_log ADD CONSTRAINT audit_log_action_check
       CHECK (action IN ('display', 'create', 'update', 'deactivate', 'export', 'login', 'login_failed', 'logout',
         'password_change', 'import', 'anonymise'));`,
  );

  const tables: Record<string, string> = {
    person_language: 'SELECT, INSERT, UPDATE, DELETE',
    person_identity_event: 'SELECT, INSERT, DELETE',
    special_category_record: 'SELECT, INSERT, UPDATE, DELETE',
    household: 'SELECT, INSERT, UPDATE',
    household_member: 'SELECT, INSERT, UPDATE, DELETE',
    pipeline_event: 'SELECT, INSERT',
    household_contact: 'SELECT, INSERT, UPDATE, DELETE',
    settlement_target: 'SELECT, INSERT, UPDATE',
    settlement_settings: 'SELECT, INSERT, UPDATE',
    intake_batch: 'SELECT, INSERT',
  };
  for (const [table, privileges] of Object.entries(tables)) {
    await tenantIsolation(table).execute(db);
    await grantToApp(table, privileges).execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await execute(
    db,
    `ALTER TABLE app.audit_log DROP CONSTRAINT audit_log_action_check;
     ALTER TABLE app.audit_log ADD CONSTRAINT audit_log_action_check
       CHECK (action IN ('display', 'create', 'update', 'deactivate', 'export', 'login', 'login_failed', 'logout',
         'password_change', 'import'));
     DROP TABLE app.intake_batch;
     DROP TABLE app.settlement_settings;
     DROP TABLE app.settlement_target;
     DROP TABLE app.household_contact;
     DROP TABLE app.pipeline_event;
     DROP TABLE app.household_member;
     DROP TABLE app.household;
     DROP TABLE app.special_category_record;
     DROP TABLE app.person_identity_event;
     DROP TABLE app.person_language;
     DROP INDEX app.person_name_search_idx;
     DROP INDEX app.person_duf_number_key;
     ALTER TABLE app.person
       DROP CONSTRAINT person_intro_programme_dates,
       DROP CONSTRAINT person_settlement_after_arrival,
       DROP CONSTRAINT person_birth_date_precision,
       DROP CONSTRAINT person_created_by_fkey,
       DROP COLUMN anonymised_at,
       DROP COLUMN created_by,
       DROP COLUMN intro_programme_end,
       DROP COLUMN intro_programme_start,
       DROP COLUMN intro_programme,
       DROP COLUMN settlement_date,
       DROP COLUMN arrival_date,
       DROP COLUMN reception_centre,
       DROP COLUMN residence_permit_date,
       DROP COLUMN refugee_category,
       DROP COLUMN nationality,
       DROP COLUMN duf_number,
       DROP COLUMN birth_date_precision,
       DROP COLUMN name_search,
       DROP COLUMN transliteration;`,
  );
}
