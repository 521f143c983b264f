import type { Kysely } from 'kysely';
import { APP_ROLE } from '../db';
import { execute, grantToApp, tenantIsolation } from '../sql-helpers';

// Issue 4: the housing register (buildings, dwellings, status history), private landlords,
// head leases and leases/subleases with renewals, needs assessments, move-out inspections,
// letters, and the tasks/reminders engine every later module reuses. A minimal person table
// carries the tenant party of a lease; the household module (issue 5) extends it.
//
// Money is integer øre (bigint). Calendar dates are `date`. A lease period is the half-open
// range [start_date, effective end) — see lease.period — so touching periods do not overlap.

const dwellingStatuses = `'planned', 'procurement', 'renovation', 'ready', 'reserved', 'let', 'notice_given',
  'vacant', 'awaiting_maintenance', 'disposed'`;

export async function up(db: Kysely<unknown>): Promise<void> {
  // btree_gist lets one exclusion constraint combine `=` on uuids with `&&` on date ranges.
  await execute(db, `CREATE EXTENSION IF NOT EXISTS btree_gist;`);

  await execute(
    db,
    `CREATE TABLE app.housing_settings (
       tenant_id uuid PRIMARY KEY REFERENCES app.municipality (tenant_id),
       internal_rent_after_months integer NOT NULL DEFAULT 2 CHECK (internal_rent_after_months BETWEEN 0 AND 24),
       lead_months_lease integer[] NOT NULL DEFAULT '{6,3}'
         CHECK (cardinality(lead_months_lease) BETWEEN 0 AND 6 AND lead_months_lease <@ ARRAY[1,2,3,4,5,6,7,8,9,10,11,12]),
       lead_months_head_lease integer[] NOT NULL DEFAULT '{6,3,1}'
         CHECK (cardinality(lead_months_head_lease) BETWEEN 0 AND 6 AND lead_months_head_lease <@ ARRAY[1,2,3,4,5,6,7,8,9,10,11,12]),
       allow_multiple_primary_leases boolean NOT NULL DEFAULT false,
       letter_sender text NOT NULL DEFAULT '' CHECK (char_length(letter_sender) <= 200),
       letter_address text NOT NULL DEFAULT '' CHECK (char_length(letter_address) <= 300),
       letter_phone text NOT NULL DEFAULT '' CHECK (char_length(letter_phone) <= 40),
       letter_email text NOT NULL DEFAULT '' CHECK (char_length(letter_email) <= 254),
       version integer NOT NULL DEFAULT 1,
       updated_at timestamptz NOT NULL DEFAULT now()
     );

     CREATE TABLE app.building (
       tenant_id uuid NOT NULL REFERENCES app.municipality (tenant_id),
       id uuid NOT NULL DEFAULT gen_random_uuid(),
       name text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 120),
       kind text NOT NULL CHECK (kind IN ('modular', 'shared_house', 'apartment_block', 'house', 'other')),
       street text NOT NULL CHECK (char_length(street) BETWEEN 1 AND 200),
       postnummer text NOT NULL CHECK (postnummer ~ '^[0-9]{4}$'),
       poststed text NOT NULL DEFAULT '' CHECK (char_length(poststed) <= 80),
       kommunenummer text NOT NULL CHECK (kommunenummer ~ '^[0-9]{4}$'),
       gnr integer CHECK (gnr BETWEEN 1 AND 99999),
       bnr integer CHECK (bnr BETWEEN 1 AND 99999),
       owner_kind text NOT NULL DEFAULT 'municipality'
         CHECK (owner_kind IN ('municipality', 'municipal_company', 'housing_foundation', 'private_landlord', 'developer')),
       common_house boolean NOT NULL DEFAULT false,
       common_facilities text[] NOT NULL DEFAULT '{}'
         CHECK (common_facilities <@ ARRAY['kitchen', 'tv_room', 'living_room', 'toilet', 'laundry', 'veranda']),
       staff_rooms integer NOT NULL DEFAULT 0 CHECK (staff_rooms BETWEEN 0 AND 100),
       neighbourhood_notes text NOT NULL DEFAULT '' CHECK (char_length(neighbourhood_notes) <= 2000),
       created_at timestamptz NOT NULL DEFAULT now(),
       updated_at timestamptz NOT NULL DEFAULT now(),
       version integer NOT NULL DEFAULT 1,
       PRIMARY KEY (tenant_id, id)
     );

     CREATE TABLE app.dwelling (
       tenant_id uuid NOT NULL REFERENCES app.municipality (tenant_id),
       id uuid NOT NULL DEFAULT gen_random_uuid(),
       reference text NOT NULL CHECK (reference ~ '^[A-Za-z0-9][A-Za-z0-9._/-]{0,39}$'),
       building_id uuid,
       parent_id uuid,
       street text NOT NULL CHECK (char_length(street) BETWEEN 1 AND 200),
       postnummer text NOT NULL CHECK (postnummer ~ '^[0-9]{4}$'),
       poststed text NOT NULL DEFAULT '' CHECK (char_length(poststed) <= 80),
       kommunenummer text NOT NULL CHECK (kommunenummer ~ '^[0-9]{4}$'),
       gnr integer CHECK (gnr BETWEEN 1 AND 99999),
       bnr integer CHECK (bnr BETWEEN 1 AND 99999),
       fnr integer CHECK (fnr BETWEEN 0 AND 9999),
       snr integer CHECK (snr BETWEEN 0 AND 9999),
       bruksenhetsnummer text CHECK (bruksenhetsnummer ~ '^[HKLU][0-9]{4}$'),
       type text NOT NULL CHECK (type IN ('flat', 'bedsit', 'house', 'modular_unit', 'shared_housing', 'shared_room')),
       rooms integer NOT NULL CHECK (rooms BETWEEN 1 AND 30),
       bedrooms integer NOT NULL CHECK (bedrooms BETWEEN 0 AND 20),
       area_m2 numeric(6,1) CHECK (area_m2 > 0 AND area_m2 <= 2000),
       capacity integer NOT NULL CHECK (capacity BETWEEN 1 AND 40),
       floor integer CHECK (floor BETWEEN -5 AND 60),
       lift boolean NOT NULL DEFAULT false,
       universal_design boolean NOT NULL DEFAULT false,
       wheelchair_accessible boolean NOT NULL DEFAULT false,
       step_free_entrance boolean NOT NULL DEFAULT false,
       standard text NOT NULL DEFAULT 'satisfactory' CHECK (standard IN ('low', 'satisfactory', 'high')),
       condition text NOT NULL DEFAULT 'good' CHECK (condition IN ('good', 'needs_maintenance', 'poor')),
       condition_note text NOT NULL DEFAULT '' CHECK (char_length(condition_note) <= 2000),
       furnished text NOT NULL DEFAULT 'no' CHECK (furnished IN ('no', 'partly', 'fully')),
       walk_min_school integer CHECK (walk_min_school BETWEEN 0 AND 600),
       walk_min_kindergarten integer CHECK (walk_min_kindergarten BETWEEN 0 AND 600),
       walk_min_bus_stop integer CHECK (walk_min_bus_stop BETWEEN 0 AND 600),
       walk_min_shop integer CHECK (walk_min_shop BETWEEN 0 AND 600),
       walk_min_centre integer CHECK (walk_min_centre BETWEEN 0 AND 600),
       walk_min_intro_programme integer CHECK (walk_min_intro_programme BETWEEN 0 AND 600),
       school_district text NOT NULL DEFAULT '' CHECK (char_length(school_district) <= 120),
       area_zone text NOT NULL DEFAULT '' CHECK (char_length(area_zone) <= 120),
       disposal_form text NOT NULL CHECK (disposal_form IN ('municipal', 'municipal_company', 'private_sublet',
         'cooperative', 'rent_to_own')),
       earmarking text NOT NULL DEFAULT 'none' CHECK (earmarking IN ('first_settlement', 'welfare', 'care', 'none')),
       disposing_unit_id uuid,
       rent_ore bigint CHECK (rent_ore BETWEEN 0 AND 100000000),
       rent_includes text[] NOT NULL DEFAULT '{}'
         CHECK (rent_includes <@ ARRAY['electricity', 'heating', 'water_sewage', 'internet', 'furniture', 'tv']),
       market_rent_ore bigint CHECK (market_rent_ore BETWEEN 0 AND 100000000),
       husbanken_financing text NOT NULL DEFAULT 'none' CHECK (husbanken_financing IN ('none', 'grunnlan', 'tilskudd', 'grunnlan_og_tilskudd')),
       husbanken_grant_percent integer CHECK (husbanken_grant_percent BETWEEN 0 AND 100),
       acquisition_method text CHECK (acquisition_method IN ('new_build', 'purchase_new', 'purchase_used', 'renovation',
         'lease_in', 'ops', 'hamaroy', 'other')),
       acquisition_date date,
       bostotte_approved_unit boolean NOT NULL DEFAULT false,
       rent_to_own_potential boolean NOT NULL DEFAULT false,
       caretaker text NOT NULL DEFAULT '' CHECK (char_length(caretaker) <= 120),
       notes text NOT NULL DEFAULT '' CHECK (char_length(notes) <= 4000),
       status text NOT NULL DEFAULT 'ready' CHECK (status IN (${dwellingStatuses})),
       status_since date NOT NULL DEFAULT CURRENT_DATE,
       created_at timestamptz NOT NULL DEFAULT now(),
       updated_at timestamptz NOT NULL DEFAULT now(),
       version integer NOT NULL DEFAULT 1,
       PRIMARY KEY (tenant_id, id),
       CONSTRAINT dwelling_reference_key UNIQUE (tenant_id, reference),
       CONSTRAINT dwelling_building_fkey FOREIGN KEY (tenant_id, building_id) REFERENCES app.building (tenant_id, id),
       CONSTRAINT dwelling_parent_fkey FOREIGN KEY (tenant_id, parent_id) REFERENCES app.dwelling (tenant_id, id),
       CONSTRAINT dwelling_unit_fkey FOREIGN KEY (tenant_id, disposing_unit_id) REFERENCES app.unit (tenant_id, id),
       CONSTRAINT dwelling_not_own_parent CHECK (parent_id IS DISTINCT FROM id),
       CONSTRAINT dwelling_room_has_parent CHECK ((type = 'shared_room') = (parent_id IS NOT NULL)),
       CONSTRAINT dwelling_bedrooms_within_rooms CHECK (bedrooms <= rooms)
     );
     CREATE INDEX dwelling_building_idx ON app.dwelling (tenant_id, building_id);
     CREATE INDEX dwelling_parent_idx ON app.dwelling (tenant_id, parent_id);
     CREATE INDEX dwelling_status_idx ON app.dwelling (tenant_id, status);
     CREATE UNIQUE INDEX dwelling_cadastre_key ON app.dwelling (tenant_id, kommunenummer, gnr, bnr, fnr, snr, bruksenhetsnummer)
       WHERE bruksenhetsnummer IS NOT NULL AND gnr IS NOT NULL AND bnr IS NOT NULL;

     -- Every status a dwelling has had, from which date. Append-only.
     CREATE TABLE app.dwelling_status_event (
       tenant_id uuid NOT NULL,
       id uuid NOT NULL DEFAULT gen_random_uuid(),
       dwelling_id uuid NOT NULL,
       status text NOT NULL CHECK (status IN (${dwellingStatuses})),
       valid_from date NOT NULL,
       note text NOT NULL DEFAULT '' CHECK (char_length(note) <= 1000),
       source text NOT NULL DEFAULT 'user' CHECK (source IN ('user', 'lease', 'scheduler', 'import')),
       changed_by uuid,
       changed_at timestamptz NOT NULL DEFAULT now(),
       PRIMARY KEY (tenant_id, id),
       FOREIGN KEY (tenant_id, dwelling_id) REFERENCES app.dwelling (tenant_id, id) ON DELETE CASCADE,
       FOREIGN KEY (tenant_id, changed_by) REFERENCES app.staff_user (tenant_id, id)
     );
     CREATE INDEX dwelling_status_event_dwelling_idx ON app.dwelling_status_event (tenant_id, dwelling_id, changed_at);

     CREATE TABLE app.landlord (
       tenant_id uuid NOT NULL REFERENCES app.municipality (tenant_id),
       id uuid NOT NULL DEFAULT gen_random_uuid(),
       party_kind text NOT NULL CHECK (party_kind IN ('person', 'company')),
       category text NOT NULL DEFAULT 'private_person'
         CHECK (category IN ('professional', 'private_person', 'developer', 'cooperative', 'foundation')),
       name text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 200),
       orgnr text CHECK (orgnr ~ '^[89][0-9]{8}$'),
       email text NOT NULL DEFAULT '' CHECK (char_length(email) <= 254),
       phone text NOT NULL DEFAULT '' CHECK (char_length(phone) <= 40),
       address text NOT NULL DEFAULT '' CHECK (char_length(address) <= 300),
       kontonummer text CHECK (kontonummer ~ '^[0-9]{11}$'),
       contact_user_id uuid,
       wants_consultation_before_reletting boolean NOT NULL DEFAULT false,
       prefers_long_term boolean NOT NULL DEFAULT false,
       refuses_municipal_guarantee boolean NOT NULL DEFAULT false,
       preference_notes text NOT NULL DEFAULT '' CHECK (char_length(preference_notes) <= 2000),
       deposit_guarantee boolean NOT NULL DEFAULT false,
       rent_guarantee boolean NOT NULL DEFAULT false,
       rent_paid_in_advance boolean NOT NULL DEFAULT false,
       notes text NOT NULL DEFAULT '' CHECK (char_length(notes) <= 4000),
       created_at timestamptz NOT NULL DEFAULT now(),
       updated_at timestamptz NOT NULL DEFAULT now(),
       version integer NOT NULL DEFAULT 1,
       PRIMARY KEY (tenant_id, id),
       CONSTRAINT landlord_contact_fkey FOREIGN KEY (tenant_id, contact_user_id) REFERENCES app.staff_user (tenant_id, id),
       CONSTRAINT landlord_company_has_orgnr CHECK (party_kind = 'person' OR orgnr IS NOT NULL)
     );
     CREATE UNIQUE INDEX landlord_orgnr_key ON app.landlord (tenant_id, orgnr) WHERE orgnr IS NOT NULL;

     CREATE TABLE app.landlord_incident (
       tenant_id uuid NOT NULL,
       id uuid NOT NULL DEFAULT gen_random_uuid(),
       landlord_id uuid NOT NULL,
       dwelling_id uuid,
       occurred_on date NOT NULL,
       kind text NOT NULL CHECK (kind IN ('complaint_from_landlord', 'complaint_to_landlord', 'damage', 'neighbour',
         'maintenance', 'other')),
       description text NOT NULL CHECK (char_length(description) BETWEEN 1 AND 4000),
       resolved_on date,
       created_by uuid,
       created_at timestamptz NOT NULL DEFAULT now(),
       PRIMARY KEY (tenant_id, id),
       FOREIGN KEY (tenant_id, landlord_id) REFERENCES app.landlord (tenant_id, id) ON DELETE CASCADE,
       FOREIGN KEY (tenant_id, dwelling_id) REFERENCES app.dwelling (tenant_id, id),
       FOREIGN KEY (tenant_id, created_by) REFERENCES app.staff_user (tenant_id, id),
       CONSTRAINT landlord_incident_resolved_after CHECK (resolved_on IS NULL OR resolved_on >= occurred_on)
     );
     CREATE INDEX landlord_incident_landlord_idx ON app.landlord_incident (tenant_id, landlord_id, occurred_on);

     -- Minimal person record: the tenant party of a lease. Issue 5 (households) extends it.
     CREATE TABLE app.person (
       tenant_id uuid NOT NULL REFERENCES app.municipality (tenant_id),
       id uuid NOT NULL DEFAULT gen_random_uuid(),
       full_name text NOT NULL CHECK (char_length(full_name) BETWEEN 1 AND 200 AND full_name = normalize(full_name, NFC)),
       birth_date date,
       identity_number text CHECK (identity_number ~ '^[0-9]{11}$'),
       created_at timestamptz NOT NULL DEFAULT now(),
       updated_at timestamptz NOT NULL DEFAULT now(),
       version integer NOT NULL DEFAULT 1,
       PRIMARY KEY (tenant_id, id)
     );
     CREATE UNIQUE INDEX person_identity_number_key ON app.person (tenant_id, identity_number) WHERE identity_number IS NOT NULL;

     CREATE TABLE app.lease (
       tenant_id uuid NOT NULL REFERENCES app.municipality (tenant_id),
       id uuid NOT NULL DEFAULT gen_random_uuid(),
       reference text NOT NULL CHECK (reference ~ '^[A-Za-z0-9][A-Za-z0-9._/-]{0,39}$'),
       kind text NOT NULL CHECK (kind IN ('head', 'sub', 'direct')),
       dwelling_id uuid NOT NULL,
       head_lease_id uuid,
       landlord_id uuid,
       tenant_person_id uuid,
       responsible_unit_id uuid,
       start_date date NOT NULL,
       end_date date,
       terminated_on date,
       legal_basis text NOT NULL CHECK (legal_basis IN ('hl_9_3', 'hl_11_1', 'open_ended')),
       rent_ore bigint NOT NULL CHECK (rent_ore BETWEEN 0 AND 100000000),
       deposit_ore bigint NOT NULL DEFAULT 0 CHECK (deposit_ore >= 0),
       security_kind text NOT NULL DEFAULT 'none'
         CHECK (security_kind IN ('none', 'deposit', 'deposit_guarantee', 'rent_guarantee')),
       rent_paid_in_advance boolean NOT NULL DEFAULT false,
       signed_by_user_id uuid,
       signed_on date,
       state text NOT NULL DEFAULT 'active' CHECK (state IN ('active', 'notice_given', 'ended', 'cancelled')),
       notice_given_on date,
       termination_reason text CHECK (termination_reason IN ('private_rental', 'bought', 'moved_municipality',
         'other_municipal', 'breach', 'head_lease_ended', 'other')),
       termination_note text NOT NULL DEFAULT '' CHECK (char_length(termination_note) <= 2000),
       maintenance_duties text NOT NULL DEFAULT '' CHECK (char_length(maintenance_duties) <= 2000),
       notes text NOT NULL DEFAULT '' CHECK (char_length(notes) <= 4000),
       -- The period the lease actually holds the dwelling: half-open, unbounded when open-ended.
       period daterange GENERATED ALWAYS AS (daterange(start_date, coalesce(terminated_on, end_date), '[)')) STORED,
       layer text GENERATED ALWAYS AS (CASE WHEN kind = 'head' THEN 'head' ELSE 'occupancy' END) STORED,
       created_at timestamptz NOT NULL DEFAULT now(),
       updated_at timestamptz NOT NULL DEFAULT now(),
       version integer NOT NULL DEFAULT 1,
       PRIMARY KEY (tenant_id, id),
       CONSTRAINT lease_reference_key UNIQUE (tenant_id, reference),
       CONSTRAINT lease_dwelling_fkey FOREIGN KEY (tenant_id, dwelling_id) REFERENCES app.dwelling (tenant_id, id),
       CONSTRAINT lease_head_lease_fkey FOREIGN KEY (tenant_id, head_lease_id) REFERENCES app.lease (tenant_id, id),
       CONSTRAINT lease_landlord_fkey FOREIGN KEY (tenant_id, landlord_id) REFERENCES app.landlord (tenant_id, id),
       CONSTRAINT lease_person_fkey FOREIGN KEY (tenant_id, tenant_person_id) REFERENCES app.person (tenant_id, id),
       CONSTRAINT lease_unit_fkey FOREIGN KEY (tenant_id, responsible_unit_id) REFERENCES app.unit (tenant_id, id),
       CONSTRAINT lease_signed_by_fkey FOREIGN KEY (tenant_id, signed_by_user_id) REFERENCES app.staff_user (tenant_id, id),
       CONSTRAINT lease_end_after_start CHECK (end_date IS NULL OR end_date > start_date),
       CONSTRAINT lease_terminated_after_start CHECK (terminated_on IS NULL OR terminated_on > start_date),
       CONSTRAINT lease_terminated_within_term CHECK (terminated_on IS NULL OR end_date IS NULL OR terminated_on <= end_date),
       CONSTRAINT lease_open_ended_basis CHECK ((legal_basis = 'open_ended') = (end_date IS NULL)),
       CONSTRAINT lease_head_has_landlord CHECK (kind <> 'head' OR (landlord_id IS NOT NULL AND head_lease_id IS NULL)),
       CONSTRAINT lease_sub_has_head CHECK ((kind = 'sub') = (head_lease_id IS NOT NULL)),
       CONSTRAINT lease_deposit_at_most_6_months CHECK (deposit_ore <= 6 * rent_ore),
       -- No two leases of the same layer (head leases; leases to households) hold one dwelling at
       -- the same time. Touching periods ([a,b) and [b,c)) do not overlap.
       CONSTRAINT lease_no_overlap EXCLUDE USING gist (tenant_id WITH =, dwelling_id WITH =, layer WITH =, period WITH &&)
         WHERE (state <> 'cancelled')
     );
     CREATE INDEX lease_dwelling_idx ON app.lease (tenant_id, dwelling_id);
     CREATE INDEX lease_head_idx ON app.lease (tenant_id, head_lease_id);
     CREATE INDEX lease_landlord_idx ON app.lease (tenant_id, landlord_id);
     CREATE INDEX lease_person_idx ON app.lease (tenant_id, tenant_person_id);
     CREATE INDEX lease_end_idx ON app.lease (tenant_id, end_date) WHERE state IN ('active', 'notice_given');

     CREATE TABLE app.needs_assessment (
       tenant_id uuid NOT NULL,
       id uuid NOT NULL DEFAULT gen_random_uuid(),
       lease_id uuid NOT NULL,
       assessed_on date NOT NULL,
       outcome text NOT NULL CHECK (outcome IN ('continued_need', 'private_rental', 'startlan_purchase',
         'other_municipal_dwelling', 'no_longer_qualifies')),
       reasons text NOT NULL CHECK (char_length(reasons) BETWEEN 1 AND 4000),
       could_buy boolean,
       assessed_by uuid NOT NULL,
       created_at timestamptz NOT NULL DEFAULT now(),
       PRIMARY KEY (tenant_id, id),
       FOREIGN KEY (tenant_id, lease_id) REFERENCES app.lease (tenant_id, id) ON DELETE CASCADE,
       FOREIGN KEY (tenant_id, assessed_by) REFERENCES app.staff_user (tenant_id, id)
     );
     CREATE INDEX needs_assessment_lease_idx ON app.needs_assessment (tenant_id, lease_id, assessed_on);

     CREATE TABLE app.lease_renewal (
       tenant_id uuid NOT NULL,
       id uuid NOT NULL DEFAULT gen_random_uuid(),
       lease_id uuid NOT NULL,
       assessment_id uuid NOT NULL,
       previous_end date,
       new_end date,
       renewed_on date NOT NULL,
       renewed_by uuid NOT NULL,
       created_at timestamptz NOT NULL DEFAULT now(),
       PRIMARY KEY (tenant_id, id),
       CONSTRAINT lease_renewal_assessment_key UNIQUE (tenant_id, assessment_id),
       FOREIGN KEY (tenant_id, lease_id) REFERENCES app.lease (tenant_id, id) ON DELETE CASCADE,
       FOREIGN KEY (tenant_id, assessment_id) REFERENCES app.needs_assessment (tenant_id, id),
       FOREIGN KEY (tenant_id, renewed_by) REFERENCES app.staff_user (tenant_id, id)
     );

     CREATE TABLE app.move_out_inspection (
       tenant_id uuid NOT NULL,
       id uuid NOT NULL DEFAULT gen_random_uuid(),
       lease_id uuid NOT NULL,
       inspected_on date NOT NULL,
       inspected_by uuid,
       damages jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(damages) = 'array'),
       total_cost_ore bigint NOT NULL DEFAULT 0 CHECK (total_cost_ore >= 0),
       deposit_withheld_ore bigint NOT NULL DEFAULT 0 CHECK (deposit_withheld_ore >= 0),
       notes text NOT NULL DEFAULT '' CHECK (char_length(notes) <= 4000),
       created_at timestamptz NOT NULL DEFAULT now(),
       PRIMARY KEY (tenant_id, id),
       FOREIGN KEY (tenant_id, lease_id) REFERENCES app.lease (tenant_id, id) ON DELETE CASCADE,
       FOREIGN KEY (tenant_id, inspected_by) REFERENCES app.staff_user (tenant_id, id)
     );

     CREATE TABLE app.letter (
       tenant_id uuid NOT NULL,
       id uuid NOT NULL DEFAULT gen_random_uuid(),
       lease_id uuid NOT NULL,
       kind text NOT NULL CHECK (kind IN ('lease_end_notice', 'next_steps_meeting')),
       language text NOT NULL CHECK (language IN ('nb', 'nn')),
       meeting_at timestamptz,
       meeting_place text NOT NULL DEFAULT '' CHECK (char_length(meeting_place) <= 200),
       pdf bytea NOT NULL,
       sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
       created_by uuid NOT NULL,
       created_at timestamptz NOT NULL DEFAULT now(),
       PRIMARY KEY (tenant_id, id),
       FOREIGN KEY (tenant_id, lease_id) REFERENCES app.lease (tenant_id, id) ON DELETE CASCADE,
       FOREIGN KEY (tenant_id, created_by) REFERENCES app.staff_user (tenant_id, id)
     );
     CREATE INDEX letter_lease_idx ON app.letter (tenant_id, lease_id, created_at);

     -- Tasks and reminders. Generated reminders carry a dedupe_key (e.g. lease-end:6m:<lease>:<end>)
     -- so the scheduler can run any number of times and create each exactly once.
     CREATE TABLE app.task (
       tenant_id uuid NOT NULL REFERENCES app.municipality (tenant_id),
       id uuid NOT NULL DEFAULT gen_random_uuid(),
       kind text NOT NULL CHECK (kind ~ '^[a-z][a-z0-9_.]{1,60}$'),
       title text NOT NULL DEFAULT '' CHECK (char_length(title) <= 200),
       description text NOT NULL DEFAULT '' CHECK (char_length(description) <= 4000),
       params jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(params) = 'object'),
       subject_type text CHECK (subject_type IN ('dwelling', 'building', 'lease', 'landlord', 'household', 'person')),
       subject_id uuid,
       due_on date NOT NULL,
       assignee_user_id uuid,
       assignee_unit_id uuid,
       state text NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'done', 'dismissed')),
       dedupe_key text CHECK (char_length(dedupe_key) <= 200),
       completed_at timestamptz,
       completed_by uuid,
       completion_note text NOT NULL DEFAULT '' CHECK (char_length(completion_note) <= 2000),
       notified_at timestamptz,
       created_by uuid,
       created_at timestamptz NOT NULL DEFAULT now(),
       updated_at timestamptz NOT NULL DEFAULT now(),
       version integer NOT NULL DEFAULT 1,
       PRIMARY KEY (tenant_id, id),
       CONSTRAINT task_dedupe_key UNIQUE (tenant_id, dedupe_key),
       CONSTRAINT task_assignee_user_fkey FOREIGN KEY (tenant_id, assignee_user_id) REFERENCES app.staff_user (tenant_id, id),
       CONSTRAINT task_assignee_unit_fkey FOREIGN KEY (tenant_id, assignee_unit_id) REFERENCES app.unit (tenant_id, id),
       CONSTRAINT task_completed_by_fkey FOREIGN KEY (tenant_id, completed_by) REFERENCES app.staff_user (tenant_id, id),
       CONSTRAINT task_created_by_fkey FOREIGN KEY (tenant_id, created_by) REFERENCES app.staff_user (tenant_id, id),
       CONSTRAINT task_has_assignee CHECK (assignee_user_id IS NOT NULL OR assignee_unit_id IS NOT NULL),
       CONSTRAINT task_subject_complete CHECK ((subject_type IS NULL) = (subject_id IS NULL)),
       CONSTRAINT task_title_or_kind CHECK (kind <> 'manual' OR char_length(title) >= 1),
       CONSTRAINT task_completion CHECK ((state = 'open') = (completed_at IS NULL))
     );
     CREATE INDEX task_user_inbox_idx ON app.task (tenant_id, assignee_user_id, state, due_on);
     CREATE INDEX task_unit_inbox_idx ON app.task (tenant_id, assignee_unit_id, state, due_on);
     CREATE INDEX task_subject_idx ON app.task (tenant_id, subject_type, subject_id);

     -- Personal ICS feed: the URL carries a random token; only its SHA-256 is stored.
     CREATE TABLE app.calendar_feed (
       tenant_id uuid NOT NULL,
       id uuid NOT NULL DEFAULT gen_random_uuid(),
       user_id uuid NOT NULL,
       token_hash text NOT NULL CHECK (token_hash ~ '^[0-9a-f]{64}$'),
       created_at timestamptz NOT NULL DEFAULT now(),
       revoked_at timestamptz,
       PRIMARY KEY (tenant_id, id),
       FOREIGN KEY (tenant_id, user_id) REFERENCES app.staff_user (tenant_id, id) ON DELETE CASCADE
     );
     CREATE UNIQUE INDEX calendar_feed_token_key ON app.calendar_feed (tenant_id, token_hash);
     CREATE UNIQUE INDEX calendar_feed_active_key ON app.calendar_feed (tenant_id, user_id) WHERE revoked_at IS NULL;
     CREATE INDEX calendar_feed_token_idx ON app.calendar_feed (token_hash);

     -- Leases ending soon (reminders, "expiring within N months"): by effective end.
     CREATE INDEX lease_effective_end_idx ON app.lease (tenant_id, (coalesce(terminated_on, end_date)))
       WHERE state IN ('active', 'notice_given');

     -- Audit: landlords and leases are subjects too; imports are audited acts.
     ALTER TABLE app.audit_log DROP CONSTRAINT audit_log_subject_type_check;
     ALTER TABLE app.audit_log ADD CONSTRAINT audit_log_subject_type_check
       CHECK (subject_type IN ('person', 'household', 'staff_user', 'landlord', 'lease'));
     ALTER TABLE app.audit_log DROP CONSTRAINT audit_log_action_check;
     ALTER TABLE app.audit_log ADD CONSTRAINT audit_log_action_check
       CHECK (action IN ('display', 'create', 'update', 'deactivate', 'export', 'login', 'login_failed', 'logout',
         'password_change', 'import'));`,
  );

  const tables: Record<string, string> = {
    housing_settings: 'SELECT, INSERT, UPDATE',
    building: 'SELECT, INSERT, UPDATE, DELETE',
    dwelling: 'SELECT, INSERT, UPDATE',
    dwelling_status_event: 'SELECT, INSERT',
    landlord: 'SELECT, INSERT, UPDATE',
    landlord_incident: 'SELECT, INSERT, UPDATE',
    person: 'SELECT, INSERT, UPDATE',
    lease: 'SELECT, INSERT, UPDATE',
    needs_assessment: 'SELECT, INSERT',
    lease_renewal: 'SELECT, INSERT',
    move_out_inspection: 'SELECT, INSERT',
    letter: 'SELECT, INSERT',
    task: 'SELECT, INSERT, UPDATE',
    calendar_feed: 'SELECT, INSERT, UPDATE',
  };
  for (const [table, privileges] of Object.entries(tables)) {
    if (table !== 'housing_settings') await tenantIsolation(table).execute(db);
    await grantToApp(table, privileges).execute(db);
  }
  await tenantIsolation('housing_settings').execute(db);

  // The calendar feed is fetched by calendar apps without a session: this is its one narrow door
  // across tenants (like resolve_session), answering only "which tenant holds this token".
  await execute(
    db,
    `CREATE FUNCTION app.resolve_calendar_feed(p_token_hash text)
       RETURNS uuid
       LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
       AS $$ SELECT f.tenant_id FROM app.calendar_feed f WHERE f.token_hash = p_token_hash AND f.revoked_at IS NULL $$;
     REVOKE ALL ON FUNCTION app.resolve_calendar_feed(text) FROM PUBLIC;
     GRANT EXECUTE ON FUNCTION app.resolve_calendar_feed(text) TO ${APP_ROLE};`,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await execute(
    db,
    `DROP FUNCTION app.resolve_calendar_feed(text);
     ALTER TABLE app.audit_log DROP CONSTRAINT audit_log_action_check;
     ALTER TABLE app.audit_log ADD CONSTRAINT audit_log_action_check
       CHECK (action IN ('display', 'create', 'update', 'deactivate', 'export', 'login', 'login_failed', 'logout',
         'password_change'));
     ALTER TABLE app.audit_log DROP CONSTRAINT audit_log_subject_type_check;
     ALTER TABLE app.audit_log ADD CONSTRAINT audit_log_subject_type_check
       CHECK (subject_type IN ('person', 'household', 'staff_user'));
     DROP TABLE app.calendar_feed;
     DROP TABLE app.task;
     DROP TABLE app.letter;
     DROP TABLE app.move_out_inspection;
     DROP TABLE app.lease_renewal;
     DROP TABLE app.needs_assessment;
     DROP TABLE app.lease;
     DROP TABLE app.person;
     DROP TABLE app.landlord_incident;
     DROP TABLE app.landlord;
     DROP TABLE app.dwelling_status_event;
     DROP TABLE app.dwelling;
     DROP TABLE app.building;
     DROP TABLE app.housing_settings;
     DROP EXTENSION IF EXISTS btree_gist;`,
  );
}
