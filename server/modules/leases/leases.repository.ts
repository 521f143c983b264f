import { sql } from 'kysely';
import type { Tx } from '../../db/tenant';
import type { LeaseKind, LeaseListQuery, LeaseState, LegalBasis, SecurityKind } from '../../../shared/api/leases';

// All SQL of the leases module. Every query runs inside withTenant (row-level security), so
// another municipality's rows are simply not there.

/** The columns a lease is made with. */
type LeaseTerms = {
  reference: string;
  kind: LeaseKind;
  dwelling_id: string;
  head_lease_id: string | null;
  landlord_id: string | null;
  tenant_person_id: string | null;
  responsible_unit_id: string | null;
  start_date: string;
  end_date: string | null;
  legal_basis: LegalBasis;
  rent_ore: number;
  deposit_ore: number;
  security_kind: SecurityKind;
  rent_paid_in_advance: boolean;
  signed_by_user_id: string | null;
  signed_on: string | null;
  maintenance_duties: string;
  notes: string;
};

export type LeaseRow = LeaseTerms & {
  id: string;
  terminated_on: string | null;
  state: LeaseState;
  notice_given_on: string | null;
  termination_reason: string | null;
  termination_note: string;
  created_at: Date;
  version: number;
};

const leaseColumns = [
  'l.id',
  'l.reference',
  'l.kind',
  'l.dwelling_id',
  'l.head_lease_id',
  'l.landlord_id',
  'l.tenant_person_id',
  'l.responsible_unit_id',
  'l.start_date',
  'l.end_date',
  'l.terminated_on',
  'l.legal_basis',
  'l.rent_ore',
  'l.deposit_ore',
  'l.security_kind',
  'l.rent_paid_in_advance',
  'l.signed_by_user_id',
  'l.signed_on',
  'l.state',
  'l.notice_given_on',
  'l.termination_reason',
  'l.termination_note',
  'l.maintenance_duties',
  'l.notes',
  'l.created_at',
  'l.version',
] as const;

export async function findLease(trx: Tx, id: string, { lock = false } = {}): Promise<LeaseRow | undefined> {
  let query = trx.selectFrom('app.lease as l').select(leaseColumns).where('l.id', '=', id);
  if (lock) query = query.forUpdate();
  return (await query.executeTakeFirst()) as LeaseRow | undefined;
}

export type DwellingForLease = {
  id: string;
  reference: string;
  street: string;
  postnummer: string;
  poststed: string;
  disposal_form: string;
  status: string;
};

export async function findDwelling(trx: Tx, id: string): Promise<DwellingForLease | undefined> {
  return trx
    .selectFrom('app.dwelling')
    .select(['id', 'reference', 'street', 'postnummer', 'poststed', 'disposal_form', 'status'])
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function landlordExists(trx: Tx, id: string): Promise<boolean> {
  return Boolean(await trx.selectFrom('app.landlord').select('id').where('id', '=', id).executeTakeFirst());
}

/** Locks the person row so that concurrent leases for one person serialise (R: one primary lease). */
export async function lockPerson(trx: Tx, id: string): Promise<boolean> {
  return Boolean(await trx.selectFrom('app.person').select('id').where('id', '=', id).forUpdate().executeTakeFirst());
}

export async function allowMultiplePrimaryLeases(trx: Tx): Promise<boolean> {
  const row = await trx.selectFrom('app.housing_settings').select('allow_multiple_primary_leases').executeTakeFirst();
  return row?.allow_multiple_primary_leases ?? false;
}

/** Another running lease to a household held by this person whose period overlaps [start, end). */
export async function findOverlappingPrimaryLease(
  trx: Tx,
  { personId, start, end, excludeId }: { personId: string; start: string; end: string | null; excludeId?: string },
): Promise<{ id: string; reference: string } | undefined> {
  let query = trx
    .selectFrom('app.lease')
    .select(['id', 'reference'])
    .where('tenant_person_id', '=', personId)
    .where('kind', 'in', ['sub', 'direct'])
    .where('state', 'in', ['active', 'notice_given'])
    .where(sql<boolean>`period && daterange(${start}::date, ${end}::date, '[)')`);
  if (excludeId) query = query.where('id', '<>', excludeId);
  return query.orderBy('start_date').executeTakeFirst();
}

/** The non-cancelled lease of the same layer on the dwelling whose period overlaps. */
export async function findOverlappingLease(
  trx: Tx,
  {
    dwellingId,
    layer,
    start,
    end,
    excludeId,
  }: { dwellingId: string; layer: 'head' | 'occupancy'; start: string; end: string | null; excludeId?: string },
): Promise<{ id: string; reference: string } | undefined> {
  let query = trx
    .selectFrom('app.lease')
    .select(['id', 'reference'])
    .where('dwelling_id', '=', dwellingId)
    .where('layer', '=', layer)
    .where('state', '<>', 'cancelled')
    .where(sql<boolean>`period && daterange(${start}::date, ${end}::date, '[)')`);
  if (excludeId) query = query.where('id', '<>', excludeId);
  return query.orderBy('start_date').executeTakeFirst();
}

export type NewLease = LeaseTerms & { tenant_id: string };

export async function insertLease(trx: Tx, values: NewLease): Promise<{ id: string; version: number }> {
  return trx.insertInto('app.lease').values(values).returning(['id', 'version']).executeTakeFirstOrThrow();
}

/** Subleases of a head lease that still hold the dwelling after `date` (or open-ended). */
export async function subleasesRunningPast(
  trx: Tx,
  { headLeaseId, date }: { headLeaseId: string; date: string | null },
): Promise<{ id: string; reference: string }[]> {
  let query = trx
    .selectFrom('app.lease')
    .select(['id', 'reference'])
    .where('head_lease_id', '=', headLeaseId)
    .where('state', 'in', ['active', 'notice_given']);
  if (date !== null) {
    query = query.where((eb) =>
      eb.or([eb(sql`coalesce(terminated_on, end_date)`, 'is', null), eb(sql`coalesce(terminated_on, end_date)`, '>', date)]),
    );
  }
  return query.orderBy('start_date').execute();
}

export type LeaseListRow = LeaseRow & {
  dwelling_reference: string;
  dwelling_street: string;
  landlord_name: string | null;
  tenant_name: string | null;
  needs_assessment_missing: boolean;
};

// "Needs assessment missing": a running lease to a household whose end (fixed term) is within six
// months of today, with no needs assessment recorded after its last renewal (R8.2).
function needsAssessmentMissing(today: string) {
  return sql<boolean>`(
    l.kind <> 'head' AND l.state = 'active' AND l.end_date IS NOT NULL AND l.terminated_on IS NULL
    AND l.end_date <= (${today}::date + interval '6 months')::date
    AND NOT EXISTS (
      SELECT 1 FROM app.needs_assessment na
      WHERE na.lease_id = l.id
        AND NOT EXISTS (SELECT 1 FROM app.lease_renewal r WHERE r.assessment_id = na.id)
        AND na.created_at >= coalesce((SELECT max(r2.created_at) FROM app.lease_renewal r2 WHERE r2.lease_id = l.id), '-infinity'::timestamptz)
    ))`;
}

function listQuery(trx: Tx, today: string) {
  return trx
    .selectFrom('app.lease as l')
    .innerJoin('app.dwelling as d', 'd.id', 'l.dwelling_id')
    .leftJoin('app.landlord as ll', 'll.id', 'l.landlord_id')
    .leftJoin('app.person as p', 'p.id', 'l.tenant_person_id')
    .select(leaseColumns)
    .select([
      'd.reference as dwelling_reference',
      'd.street as dwelling_street',
      'll.name as landlord_name',
      'p.full_name as tenant_name',
      needsAssessmentMissing(today).as('needs_assessment_missing'),
    ]);
}

export async function listLeases(
  trx: Tx,
  { query, today }: { query: LeaseListQuery; today: string },
): Promise<{ total: number; rows: LeaseListRow[] }> {
  let q = listQuery(trx, today);
  if (query.kind) q = q.where('l.kind', '=', query.kind);
  if (query.state) q = q.where('l.state', '=', query.state);
  if (query.dwellingId) q = q.where('l.dwelling_id', '=', query.dwellingId);
  if (query.landlordId) q = q.where('l.landlord_id', '=', query.landlordId);
  if (query.expiringWithinMonths) {
    const months = query.expiringWithinMonths;
    q = q
      .where('l.state', 'in', ['active', 'notice_given'])
      .where(sql<boolean>`coalesce(l.terminated_on, l.end_date) >= ${today}::date`)
      .where(
        sql<boolean>`coalesce(l.terminated_on, l.end_date) <= (${today}::date + make_interval(months => ${months}::int))::date`,
      );
  }
  if (query.needsAssessmentMissing === 'true') q = q.where(needsAssessmentMissing(today));
  const countRow = await q
    .clearSelect()
    .select(sql<number>`count(*)::int`.as('n'))
    .executeTakeFirstOrThrow();
  const sort = query.sort ?? 'end_asc';
  const end = sql`coalesce(l.terminated_on, l.end_date)`;
  const ordered =
    sort === 'end_asc'
      ? q.orderBy(sql`${end} asc nulls last`).orderBy('l.reference')
      : sort === 'end_desc'
        ? q.orderBy(sql`${end} desc nulls first`).orderBy('l.reference')
        : q.orderBy('l.start_date', 'desc').orderBy('l.reference');
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? 50;
  const rows = (await ordered
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute()) as LeaseListRow[];
  return { total: countRow.n, rows };
}

export async function leasesOfDwelling(trx: Tx, { dwellingId, today }: { dwellingId: string; today: string }) {
  return (await listQuery(trx, today)
    .where('l.dwelling_id', '=', dwellingId)
    .orderBy('l.start_date', 'desc')
    .execute()) as LeaseListRow[];
}

export async function leasesOfLandlord(trx: Tx, { landlordId, today }: { landlordId: string; today: string }) {
  return (await listQuery(trx, today)
    .where('l.landlord_id', '=', landlordId)
    .orderBy('l.start_date', 'desc')
    .execute()) as LeaseListRow[];
}

export async function subleasesOf(trx: Tx, { headLeaseId, today }: { headLeaseId: string; today: string }) {
  return (await listQuery(trx, today)
    .where('l.head_lease_id', '=', headLeaseId)
    .orderBy('l.start_date')
    .execute()) as LeaseListRow[];
}

export async function findLeaseListRow(trx: Tx, { id, today }: { id: string; today: string }) {
  return (await listQuery(trx, today).where('l.id', '=', id).executeTakeFirst()) as LeaseListRow | undefined;
}

export async function findLandlordRef(trx: Tx, id: string) {
  return trx.selectFrom('app.landlord').select(['id', 'name', 'party_kind']).where('id', '=', id).executeTakeFirst();
}

export async function findPerson(trx: Tx, id: string) {
  return trx.selectFrom('app.person').select(['id', 'full_name', 'birth_date']).where('id', '=', id).executeTakeFirst();
}

export async function staffName(trx: Tx, id: string | null): Promise<string | null> {
  if (!id) return null;
  const row = await trx.selectFrom('app.staff_user').select('display_name').where('id', '=', id).executeTakeFirst();
  return row?.display_name ?? null;
}

export async function unitRef(trx: Tx, id: string | null) {
  if (!id) return null;
  return (await trx.selectFrom('app.unit').select(['id', 'name']).where('id', '=', id).executeTakeFirst()) ?? null;
}

export async function assessmentsOf(trx: Tx, leaseId: string) {
  return trx
    .selectFrom('app.needs_assessment as na')
    .leftJoin('app.staff_user as s', 's.id', 'na.assessed_by')
    .leftJoin('app.lease_renewal as r', 'r.assessment_id', 'na.id')
    .select([
      'na.id',
      'na.assessed_on',
      'na.outcome',
      'na.reasons',
      'na.could_buy',
      'na.created_at',
      's.display_name as assessed_by_name',
      'r.id as renewal_id',
    ])
    .where('na.lease_id', '=', leaseId)
    .orderBy('na.assessed_on', 'desc')
    .orderBy('na.created_at', 'desc')
    .execute();
}

export async function renewalsOf(trx: Tx, leaseId: string) {
  return trx
    .selectFrom('app.lease_renewal as r')
    .leftJoin('app.staff_user as s', 's.id', 'r.renewed_by')
    .select(['r.id', 'r.assessment_id', 'r.previous_end', 'r.new_end', 'r.renewed_on', 'r.created_at', 's.display_name as renewed_by_name'])
    .where('r.lease_id', '=', leaseId)
    .orderBy('r.created_at', 'desc')
    .execute();
}

export async function inspectionsOf(trx: Tx, leaseId: string) {
  return trx
    .selectFrom('app.move_out_inspection as i')
    .leftJoin('app.staff_user as s', 's.id', 'i.inspected_by')
    .select([
      'i.id',
      'i.inspected_on',
      'i.damages',
      'i.total_cost_ore',
      'i.deposit_withheld_ore',
      'i.notes',
      's.display_name as inspected_by_name',
    ])
    .where('i.lease_id', '=', leaseId)
    .orderBy('i.inspected_on', 'desc')
    .execute();
}

export async function insertAssessment(
  trx: Tx,
  values: {
    tenant_id: string;
    lease_id: string;
    assessed_on: string;
    outcome: string;
    reasons: string;
    could_buy: boolean | null;
    assessed_by: string;
  },
): Promise<string> {
  return (await trx.insertInto('app.needs_assessment').values(values).returning('id').executeTakeFirstOrThrow()).id;
}

export async function insertRenewal(
  trx: Tx,
  values: {
    tenant_id: string;
    lease_id: string;
    assessment_id: string;
    previous_end: string | null;
    new_end: string | null;
    renewed_on: string;
    renewed_by: string;
  },
): Promise<string> {
  return (await trx.insertInto('app.lease_renewal').values(values).returning('id').executeTakeFirstOrThrow()).id;
}

export async function insertInspection(
  trx: Tx,
  values: {
    tenant_id: string;
    lease_id: string;
    inspected_on: string;
    inspected_by: string | null;
    damages: string;
    total_cost_ore: number;
    deposit_withheld_ore: number;
    notes: string;
  },
): Promise<string> {
  return (await trx.insertInto('app.move_out_inspection').values(values).returning('id').executeTakeFirstOrThrow()).id;
}

/** Optimistic concurrency when `expectedVersion` is given: updates only the version the user saw. */
export async function updateLease(
  trx: Tx,
  id: string,
  expectedVersion: number | null,
  changes: Partial<{
    rent_ore: number;
    deposit_ore: number;
    security_kind: 'none' | 'deposit' | 'deposit_guarantee' | 'rent_guarantee';
    rent_paid_in_advance: boolean;
    signed_by_user_id: string | null;
    signed_on: string | null;
    responsible_unit_id: string | null;
    maintenance_duties: string;
    notes: string;
    end_date: string | null;
    legal_basis: 'hl_9_3' | 'hl_11_1' | 'open_ended';
    terminated_on: string | null;
    notice_given_on: string | null;
    termination_reason: string | null;
    termination_note: string;
    state: 'active' | 'notice_given' | 'ended' | 'cancelled';
  }>,
  now: Date,
): Promise<number | null> {
  let query = trx
    .updateTable('app.lease')
    .set((eb) => ({ ...changes, updated_at: now, version: eb('version', '+', 1) }))
    .where('id', '=', id);
  if (expectedVersion !== null) query = query.where('version', '=', expectedVersion);
  const row = await query.returning('version').executeTakeFirst();
  return row?.version ?? null;
}

/** Another non-cancelled lease to a household on the dwelling that holds it today or later. */
export async function otherOccupancyFromToday(
  trx: Tx,
  { dwellingId, today, excludeId }: { dwellingId: string; today: string; excludeId: string },
): Promise<boolean> {
  const row = await trx
    .selectFrom('app.lease')
    .select('id')
    .where('dwelling_id', '=', dwellingId)
    .where('layer', '=', 'occupancy')
    .where('state', 'in', ['active', 'notice_given'])
    .where('id', '<>', excludeId)
    .where(sql<boolean>`(upper_inf(period) OR upper(period) > ${today}::date)`)
    .executeTakeFirst();
  return Boolean(row);
}
