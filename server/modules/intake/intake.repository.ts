import { sql } from 'kysely';
import type { Relation } from '../../../shared/domain/household-composition';
import type { RefugeeCategory } from '../../../shared/intake/imdi-intake';
import type { Tx } from '../../db/tenant';
import { currentHouseholdsOf } from '../households/households.repository';

// The intake's reads and writes of households (issue 5 item 5). All queries run in the caller's
// tenant transaction, so row-level security limits them to the actor's municipality: another
// municipality's persons and households are never seen.

/** IMDi case states that close a pipeline: the case may be proposed again (household_imdi_case_key). */
export const CLOSED_STATES = ['declined', 'withdrawn'] as const;

export type ExistingPersonRow = { id: string; identityNumber: string | null; dufNumber: string | null };

/** Persons of this municipality holding any of these identity or DUF numbers. */
export async function personsByNumbers(
  trx: Tx,
  { identityNumbers, dufNumbers }: { identityNumbers: readonly string[]; dufNumbers: readonly string[] },
): Promise<ExistingPersonRow[]> {
  if (identityNumbers.length === 0 && dufNumbers.length === 0) return [];
  const rows = await trx
    .selectFrom('app.person')
    .select(['id', 'identity_number', 'duf_number'])
    .where((eb) =>
      eb.or([
        ...(identityNumbers.length > 0 ? [eb('identity_number', 'in', [...identityNumbers])] : []),
        ...(dufNumbers.length > 0 ? [eb('duf_number', 'in', [...dufNumbers])] : []),
      ]),
    )
    .execute();
  return rows.map((r) => ({ id: r.id, identityNumber: r.identity_number, dufNumber: r.duf_number }));
}

export type Membership = { personId: string; householdId: string; reference: string; state: string };

/** The household each person currently belongs to (open membership), if any. */
export async function openMemberships(trx: Tx, personIds: readonly string[]): Promise<Map<string, Membership>> {
  const rows = await currentHouseholdsOf(trx, personIds);
  return new Map(
    rows.map((r) => [
      r.person_id,
      { personId: r.person_id, householdId: r.id, reference: r.reference, state: r.pipeline_state },
    ]),
  );
}

/** Households with an open pipeline for these IMDi case ids (one at most per case). */
export async function openCases(
  trx: Tx,
  caseIds: readonly string[],
): Promise<Map<string, { id: string; reference: string }>> {
  if (caseIds.length === 0) return new Map();
  const rows = await trx
    .selectFrom('app.household')
    .select(['id', 'reference', 'imdi_case_id'])
    .where('imdi_case_id', 'in', [...caseIds])
    .where('pipeline_state', 'not in', [...CLOSED_STATES])
    .execute();
  return new Map(rows.map((r) => [r.imdi_case_id!, { id: r.id, reference: r.reference }]));
}

/**
 * Serialises commits of IMDi intakes in one municipality (transaction-scoped advisory lock), so
 * two imports of the same file cannot both find the cases free and both write them.
 */
export async function lockIntake(trx: Tx, tenantId: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtextextended(${`husly-intake:${tenantId}`}, 0))`.execute(trx);
}

export async function insertHousehold(
  trx: Tx,
  values: {
    tenantId: string;
    reference: string;
    imdiCaseId: string;
    category: RefugeeCategory;
    responsibleUnitId: string;
    proposedOn: string;
    residencePermitDate: string;
    receptionCentre: string | null;
    createdBy: string;
    now: Date;
  },
): Promise<string> {
  const row = await trx
    .insertInto('app.household')
    .values({
      tenant_id: values.tenantId,
      reference: values.reference,
      imdi_case_id: values.imdiCaseId,
      category: values.category,
      responsible_unit_id: values.responsibleUnitId,
      pipeline_state: 'proposed',
      state_changed_at: values.now,
      proposed_on: values.proposedOn,
      residence_permit_date: values.residencePermitDate,
      reception_centre: values.receptionCentre,
      created_by: values.createdBy,
      updated_at: values.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Ends a person's membership of a closed (declined/withdrawn) household, so they can join a new one. */
export async function leaveClosedHousehold(
  trx: Tx,
  { personId, householdId, leftOn }: { personId: string; householdId: string; leftOn: string },
): Promise<void> {
  await trx
    .updateTable('app.household_member')
    .set({ left_on: sql<string>`greatest(${leftOn}::date, coalesce(joined_on, ${leftOn}::date))` })
    .where('person_id', '=', personId)
    .where('household_id', '=', householdId)
    .where('left_on', 'is', null)
    .execute();
}

export async function insertMembers(
  trx: Tx,
  tenantId: string,
  householdId: string,
  members: readonly { personId: string; relation: Relation; joinedOn: string }[],
): Promise<void> {
  if (members.length === 0) return;
  await trx
    .insertInto('app.household_member')
    .values(
      members.map((m) => ({
        tenant_id: tenantId,
        household_id: householdId,
        person_id: m.personId,
        relation: m.relation,
        joined_on: m.joinedOn,
      })),
    )
    .execute();
}

export async function insertInitialEvent(
  trx: Tx,
  values: {
    tenantId: string;
    householdId: string;
    effectiveOn: string;
    reason: string;
    actorUserId: string;
    now: Date;
  },
): Promise<void> {
  await trx
    .insertInto('app.pipeline_event')
    .values({
      tenant_id: values.tenantId,
      household_id: values.householdId,
      from_state: null,
      to_state: 'proposed',
      reason: values.reason,
      effective_on: values.effectiveOn,
      actor_user_id: values.actorUserId,
      occurred_at: values.now,
    })
    .execute();
}

export async function insertMappingRecord(
  trx: Tx,
  values: {
    tenantId: string;
    personId: string;
    details: string;
    legalBasisNote: string;
    recordedBy: string;
    now: Date;
  },
): Promise<void> {
  await trx
    .insertInto('app.special_category_record')
    .values({
      tenant_id: values.tenantId,
      person_id: values.personId,
      category: 'functional_needs',
      details: values.details,
      legal_basis: 'integration_act',
      legal_basis_note: values.legalBasisNote,
      source: 'imdi_intake',
      recorded_by: values.recordedBy,
      recorded_at: values.now,
      updated_at: values.now,
    })
    .execute();
}

export async function insertBatch(
  trx: Tx,
  values: {
    tenantId: string;
    fileName: string;
    sha256: string;
    format: 'json' | 'csv';
    casesTotal: number;
    casesCreated: number;
    problems: number;
    importedBy: string;
    now: Date;
  },
): Promise<string> {
  const row = await trx
    .insertInto('app.intake_batch')
    .values({
      tenant_id: values.tenantId,
      file_name: values.fileName,
      file_sha256: values.sha256,
      format: values.format,
      cases_total: values.casesTotal,
      cases_created: values.casesCreated,
      problems: values.problems,
      imported_by: values.importedBy,
      imported_at: values.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}
