import type { Kysely } from 'kysely';
import { execute, grantToApp, tenantIsolation } from '../sql-helpers';

// Issue 6: allocation. Criteria versions (immutable rows: a change is a new version, so a past
// run, offer or decision keeps the version it applied), the municipality's allocation settings
// (refusal reasons, answer period, where appeals go), matching runs (the instance as sent to the
// engine and its result with explanations: what a decision can be defended from), offers from
// reservation to answer, allocation decisions (enkeltvedtak) with their letters, and appeals.
// The database enforces that one dwelling has at most one live offer and one household at most
// one live offer (two staff reserving at once: exactly one succeeds).

const offerStates = `'reserved', 'offered', 'accepted', 'refused', 'withdrawn', 'expired'`;
const liveOfferStates = `'reserved', 'offered', 'accepted'`;
const consequences = `'new_offer', 'no_new_offer', 'finds_own', 'under_dialogue'`;
const appealStates = `'received', 'upheld_by_office', 'reversed_by_office', 'sent_to_appeal_body', 'upheld', 'reversed', 'withdrawn'`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await execute(
    db,
    `-- A household's need for support or health follow-up (composition rule: at most N per
     -- building). Functional-needs data: shown only to roles that may read it.
     ALTER TABLE app.household ADD COLUMN support_need boolean NOT NULL DEFAULT false;

     CREATE TABLE app.allocation_criteria_version (
       tenant_id uuid NOT NULL REFERENCES app.municipality (tenant_id),
       version integer NOT NULL CHECK (version >= 1),
       criteria jsonb NOT NULL CHECK (jsonb_typeof(criteria) = 'object'),
       note text NOT NULL DEFAULT '' CHECK (char_length(note) <= 1000),
       created_by uuid,
       created_at timestamptz NOT NULL DEFAULT now(),
       PRIMARY KEY (tenant_id, version),
       CONSTRAINT allocation_criteria_created_by_fkey FOREIGN KEY (tenant_id, created_by) REFERENCES app.staff_user (tenant_id, id)
     );

     CREATE TABLE app.allocation_settings (
       tenant_id uuid PRIMARY KEY REFERENCES app.municipality (tenant_id),
       refusal_reasons jsonb NOT NULL CHECK (jsonb_typeof(refusal_reasons) = 'array'),
       offer_answer_days integer NOT NULL DEFAULT 7 CHECK (offer_answer_days BETWEEN 1 AND 60),
       appeal_office text NOT NULL DEFAULT '' CHECK (char_length(appeal_office) <= 200),
       appeal_address text NOT NULL DEFAULT '' CHECK (char_length(appeal_address) <= 300),
       appeal_body text NOT NULL DEFAULT '' CHECK (char_length(appeal_body) <= 200),
       version integer NOT NULL DEFAULT 1,
       updated_at timestamptz NOT NULL DEFAULT now()
     );

     -- One run of the matcher: the domain input exactly as solved and the result.
     CREATE TABLE app.allocation_run (
       tenant_id uuid NOT NULL REFERENCES app.municipality (tenant_id),
       id uuid NOT NULL DEFAULT gen_random_uuid(),
       criteria_version integer NOT NULL,
       planned_move_in date NOT NULL,
       previous_run_id uuid,
       input jsonb NOT NULL CHECK (jsonb_typeof(input) = 'object'),
       result jsonb NOT NULL CHECK (jsonb_typeof(result) = 'object'),
       households integer NOT NULL CHECK (households >= 0),
       dwellings integer NOT NULL CHECK (dwellings >= 0),
       objective bigint NOT NULL,
       bound bigint NOT NULL,
       millis integer NOT NULL CHECK (millis >= 0),
       created_by uuid,
       created_at timestamptz NOT NULL DEFAULT now(),
       PRIMARY KEY (tenant_id, id),
       CONSTRAINT allocation_run_criteria_fkey FOREIGN KEY (tenant_id, criteria_version) REFERENCES app.allocation_criteria_version (tenant_id, version),
       CONSTRAINT allocation_run_previous_fkey FOREIGN KEY (tenant_id, previous_run_id) REFERENCES app.allocation_run (tenant_id, id),
       CONSTRAINT allocation_run_created_by_fkey FOREIGN KEY (tenant_id, created_by) REFERENCES app.staff_user (tenant_id, id)
     );
     CREATE INDEX allocation_run_created_idx ON app.allocation_run (tenant_id, created_at DESC);

     CREATE TABLE app.allocation_offer (
       tenant_id uuid NOT NULL REFERENCES app.municipality (tenant_id),
       id uuid NOT NULL DEFAULT gen_random_uuid(),
       household_id uuid NOT NULL,
       dwelling_id uuid NOT NULL,
       run_id uuid,
       criteria_version integer NOT NULL,
       state text NOT NULL DEFAULT 'reserved' CHECK (state IN (${offerStates})),
       score integer,
       -- The proposal's explanation as shown when reserved (contributions and hard rules).
       explanation jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(explanation) = 'object'),
       reserved_at timestamptz NOT NULL DEFAULT now(),
       reserved_by uuid,
       offered_at timestamptz,
       offered_by uuid,
       answer_due date,
       answered_at timestamptz,
       answered_on date,
       refusal_reason text CHECK (refusal_reason ~ '^[a-z][a-z0-9_]{0,39}$'),
       refusal_text text NOT NULL DEFAULT '' CHECK (char_length(refusal_text) <= 2000),
       consequence text CHECK (consequence IN (${consequences})),
       letter_form text CHECK (letter_form IN ('nb', 'nn')),
       summary_language text CHECK (summary_language ~ '^[a-z]{2,3}$'),
       closed_reason text NOT NULL DEFAULT '' CHECK (char_length(closed_reason) <= 2000),
       version integer NOT NULL DEFAULT 1,
       updated_at timestamptz NOT NULL DEFAULT now(),
       PRIMARY KEY (tenant_id, id),
       CONSTRAINT allocation_offer_household_fkey FOREIGN KEY (tenant_id, household_id) REFERENCES app.household (tenant_id, id),
       CONSTRAINT allocation_offer_dwelling_fkey FOREIGN KEY (tenant_id, dwelling_id) REFERENCES app.dwelling (tenant_id, id),
       CONSTRAINT allocation_offer_run_fkey FOREIGN KEY (tenant_id, run_id) REFERENCES app.allocation_run (tenant_id, id),
       CONSTRAINT allocation_offer_criteria_fkey FOREIGN KEY (tenant_id, criteria_version) REFERENCES app.allocation_criteria_version (tenant_id, version),
       CONSTRAINT allocation_offer_reserved_by_fkey FOREIGN KEY (tenant_id, reserved_by) REFERENCES app.staff_user (tenant_id, id),
       CONSTRAINT allocation_offer_offered_by_fkey FOREIGN KEY (tenant_id, offered_by) REFERENCES app.staff_user (tenant_id, id),
       CONSTRAINT allocation_offer_offered CHECK (state = 'reserved' OR state = 'withdrawn' OR offered_at IS NOT NULL),
       CONSTRAINT allocation_offer_answered CHECK (state NOT IN ('accepted', 'refused') OR answered_at IS NOT NULL),
       CONSTRAINT allocation_offer_refusal CHECK ((state = 'refused') = (refusal_reason IS NOT NULL AND consequence IS NOT NULL))
     );
     -- Exclusive reservation: one live offer per dwelling and per household.
     CREATE UNIQUE INDEX allocation_offer_dwelling_live_key ON app.allocation_offer (tenant_id, dwelling_id)
       WHERE state IN (${liveOfferStates});
     CREATE UNIQUE INDEX allocation_offer_household_live_key ON app.allocation_offer (tenant_id, household_id)
       WHERE state IN (${liveOfferStates});
     CREATE INDEX allocation_offer_household_idx ON app.allocation_offer (tenant_id, household_id, reserved_at);
     CREATE INDEX allocation_offer_due_idx ON app.allocation_offer (tenant_id, answer_due) WHERE state = 'offered';

     -- Allocation or rejection of a municipal dwelling: an enkeltvedtak (forvaltningsloven § 2).
     CREATE TABLE app.allocation_decision (
       tenant_id uuid NOT NULL REFERENCES app.municipality (tenant_id),
       id uuid NOT NULL DEFAULT gen_random_uuid(),
       reference text NOT NULL CHECK (reference ~ '^[A-Za-z0-9][A-Za-z0-9._/-]{0,39}$'),
       household_id uuid NOT NULL,
       offer_id uuid,
       dwelling_id uuid,
       outcome text NOT NULL CHECK (outcome IN ('allocated', 'rejected')),
       criteria_version integer NOT NULL,
       assessment text NOT NULL CHECK (char_length(assessment) BETWEEN 1 AND 8000),
       letter_form text NOT NULL DEFAULT 'nb' CHECK (letter_form IN ('nb', 'nn')),
       appeal_deadline date NOT NULL,
       lease_id uuid,
       decided_by uuid,
       decided_at timestamptz NOT NULL DEFAULT now(),
       PRIMARY KEY (tenant_id, id),
       CONSTRAINT allocation_decision_reference_key UNIQUE (tenant_id, reference),
       CONSTRAINT allocation_decision_household_fkey FOREIGN KEY (tenant_id, household_id) REFERENCES app.household (tenant_id, id),
       CONSTRAINT allocation_decision_offer_fkey FOREIGN KEY (tenant_id, offer_id) REFERENCES app.allocation_offer (tenant_id, id),
       CONSTRAINT allocation_decision_dwelling_fkey FOREIGN KEY (tenant_id, dwelling_id) REFERENCES app.dwelling (tenant_id, id),
       CONSTRAINT allocation_decision_lease_fkey FOREIGN KEY (tenant_id, lease_id) REFERENCES app.lease (tenant_id, id),
       CONSTRAINT allocation_decision_criteria_fkey FOREIGN KEY (tenant_id, criteria_version) REFERENCES app.allocation_criteria_version (tenant_id, version),
       CONSTRAINT allocation_decision_decided_by_fkey FOREIGN KEY (tenant_id, decided_by) REFERENCES app.staff_user (tenant_id, id),
       CONSTRAINT allocation_decision_allocated_has_dwelling CHECK (outcome = 'rejected' OR (dwelling_id IS NOT NULL AND offer_id IS NOT NULL))
     );
     -- One decision per offer.
     CREATE UNIQUE INDEX allocation_decision_offer_key ON app.allocation_decision (tenant_id, offer_id) WHERE offer_id IS NOT NULL;
     CREATE INDEX allocation_decision_household_idx ON app.allocation_decision (tenant_id, household_id, decided_at);

     CREATE TABLE app.allocation_appeal (
       tenant_id uuid NOT NULL REFERENCES app.municipality (tenant_id),
       id uuid NOT NULL DEFAULT gen_random_uuid(),
       decision_id uuid NOT NULL,
       received_on date NOT NULL,
       grounds text NOT NULL CHECK (char_length(grounds) BETWEEN 1 AND 8000),
       state text NOT NULL DEFAULT 'received' CHECK (state IN (${appealStates})),
       outcome_on date,
       outcome_note text NOT NULL DEFAULT '' CHECK (char_length(outcome_note) <= 8000),
       registered_by uuid,
       created_at timestamptz NOT NULL DEFAULT now(),
       version integer NOT NULL DEFAULT 1,
       updated_at timestamptz NOT NULL DEFAULT now(),
       PRIMARY KEY (tenant_id, id),
       CONSTRAINT allocation_appeal_decision_fkey FOREIGN KEY (tenant_id, decision_id) REFERENCES app.allocation_decision (tenant_id, id),
       CONSTRAINT allocation_appeal_registered_by_fkey FOREIGN KEY (tenant_id, registered_by) REFERENCES app.staff_user (tenant_id, id),
       CONSTRAINT allocation_appeal_outcome CHECK (state IN ('received', 'sent_to_appeal_body') OR outcome_on IS NOT NULL)
     );
     CREATE INDEX allocation_appeal_decision_idx ON app.allocation_appeal (tenant_id, decision_id);

     -- Offer and decision letters as sent (PDF and its hash), so the record shows what the household got.
     CREATE TABLE app.allocation_letter (
       tenant_id uuid NOT NULL REFERENCES app.municipality (tenant_id),
       id uuid NOT NULL DEFAULT gen_random_uuid(),
       kind text NOT NULL CHECK (kind IN ('offer', 'decision')),
       offer_id uuid,
       decision_id uuid,
       form text NOT NULL CHECK (form IN ('nb', 'nn')),
       summary_language text CHECK (summary_language ~ '^[a-z]{2,3}$'),
       pdf bytea NOT NULL,
       sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
       created_by uuid,
       created_at timestamptz NOT NULL DEFAULT now(),
       PRIMARY KEY (tenant_id, id),
       CONSTRAINT allocation_letter_offer_fkey FOREIGN KEY (tenant_id, offer_id) REFERENCES app.allocation_offer (tenant_id, id),
       CONSTRAINT allocation_letter_decision_fkey FOREIGN KEY (tenant_id, decision_id) REFERENCES app.allocation_decision (tenant_id, id),
       CONSTRAINT allocation_letter_created_by_fkey FOREIGN KEY (tenant_id, created_by) REFERENCES app.staff_user (tenant_id, id),
       CONSTRAINT allocation_letter_subject CHECK ((kind = 'offer') = (offer_id IS NOT NULL) AND (kind = 'decision') = (decision_id IS NOT NULL))
     );
     CREATE INDEX allocation_letter_offer_idx ON app.allocation_letter (tenant_id, offer_id, created_at);
     CREATE INDEX allocation_letter_decision_idx ON app.allocation_letter (tenant_id, decision_id, created_at);`,
  );

  const tables: Record<string, string> = {
    allocation_criteria_version: 'SELECT, INSERT',
    allocation_settings: 'SELECT, INSERT, UPDATE',
    allocation_run: 'SELECT, INSERT',
    allocation_offer: 'SELECT, INSERT, UPDATE',
    allocation_decision: 'SELECT, INSERT, UPDATE',
    allocation_appeal: 'SELECT, INSERT, UPDATE',
    allocation_letter: 'SELECT, INSERT',
  };
  for (const [table, privileges] of Object.entries(tables)) {
    await tenantIsolation(table).execute(db);
    await grantToApp(table, privileges).execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await execute(
    db,
    `DROP TABLE app.allocation_letter;
     DROP TABLE app.allocation_appeal;
     DROP TABLE app.allocation_decision;
     DROP TABLE app.allocation_offer;
     DROP TABLE app.allocation_run;
     DROP TABLE app.allocation_settings;
     DROP TABLE app.allocation_criteria_version;
     ALTER TABLE app.household DROP COLUMN support_need;`,
  );
}
