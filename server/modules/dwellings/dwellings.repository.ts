import { sql, type Expression, type ExpressionBuilder, type Selectable, type SqlBool } from 'kysely';
import type { DwellingListQuery, DwellingSortKey } from '../../../shared/api/dwellings';
import type { DB } from '../../db/schema';
import { escapeLike } from '../../db/like';
import type { Tx } from '../../db/tenant';

// Data access for the housing register. Every query runs under the tenant's row-level security
// (withTenant); the explicit tenant_id conditions only let the planner use the (tenant_id, …)
// indexes for the lease look-ups.

export type DwellingRow = Selectable<DB['app.dwelling']>;

export async function findDwelling(trx: Tx, id: string): Promise<DwellingRow | undefined> {
  return (await trx.selectFrom('app.dwelling').selectAll().where('id', '=', id).executeTakeFirst()) as
    DwellingRow | undefined;
}

export async function findDwellingForUpdate(trx: Tx, id: string): Promise<DwellingRow | undefined> {
  return (await trx.selectFrom('app.dwelling').selectAll().where('id', '=', id).forUpdate().executeTakeFirst()) as
    DwellingRow | undefined;
}

export async function insertDwellingRow(trx: Tx, values: Record<string, unknown>): Promise<string> {
  const row = await trx
    .insertInto('app.dwelling')
    .values(values as never)
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function insertStatusEvent(
  trx: Tx,
  values: {
    tenantId: string;
    dwellingId: string;
    status: string;
    validFrom: string;
    source: 'user' | 'lease' | 'scheduler' | 'import';
    userId: string | null;
    note: string;
  },
): Promise<void> {
  await trx
    .insertInto('app.dwelling_status_event')
    .values({
      tenant_id: values.tenantId,
      dwelling_id: values.dwellingId,
      status: values.status,
      valid_from: values.validFrom,
      source: values.source,
      changed_by: values.userId,
      note: values.note,
    })
    .execute();
}

/** Optimistic concurrency: updates only if the version is still the one the user saw. */
export async function updateDwellingRow(
  trx: Tx,
  id: string,
  expectedVersion: number,
  changes: Record<string, unknown>,
  now: Date,
): Promise<boolean> {
  const result = await trx
    .updateTable('app.dwelling')
    .set((eb) => ({ ...(changes as object), updated_at: now, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function findBuildingRef(trx: Tx, id: string): Promise<{ id: string; name: string } | undefined> {
  return trx.selectFrom('app.building').select(['id', 'name']).where('id', '=', id).executeTakeFirst();
}

export async function findUnitRef(trx: Tx, id: string): Promise<{ id: string; name: string } | undefined> {
  return trx.selectFrom('app.unit').select(['id', 'name']).where('id', '=', id).executeTakeFirst();
}

export async function findParentRef(
  trx: Tx,
  id: string,
): Promise<{ id: string; type: string; reference: string; street: string } | undefined> {
  return trx
    .selectFrom('app.dwelling')
    .select(['id', 'type', 'reference', 'street'])
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function countSubUnits(trx: Tx, id: string): Promise<number> {
  const row = await trx
    .selectFrom('app.dwelling')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('parent_id', '=', id)
    .executeTakeFirstOrThrow();
  return row.n;
}

export function listSubUnits(trx: Tx, id: string) {
  return trx
    .selectFrom('app.dwelling')
    .select(['id', 'reference', 'type', 'bedrooms', 'capacity', 'status', 'status_since'])
    .where('parent_id', '=', id)
    .orderBy('reference')
    .execute();
}

export function listStatusHistory(trx: Tx, dwellingId: string) {
  return trx
    .selectFrom('app.dwelling_status_event as e')
    .leftJoin('app.staff_user as s', 's.id', 'e.changed_by')
    .select([
      'e.id',
      'e.status',
      'e.valid_from',
      'e.note',
      'e.source',
      'e.changed_at',
      's.display_name as changed_by_name',
    ])
    .where('e.dwelling_id', '=', dwellingId)
    .orderBy('e.changed_at', 'desc')
    .orderBy('e.id', 'desc')
    .execute();
}

/** Whether a lease to a household holds the dwelling on `today` (then its status is the lease's). */
export async function hasCurrentOccupancyLease(
  trx: Tx,
  tenantId: string,
  dwellingId: string,
  today: string,
): Promise<boolean> {
  const row = await trx
    .selectFrom('app.lease')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('dwelling_id', '=', dwellingId)
    .where('layer', '=', 'occupancy')
    .where('state', 'in', ['active', 'notice_given'])
    .where(sql<SqlBool>`period @> ${today}::date`)
    .executeTakeFirst();
  return row !== undefined;
}

export async function internalRentThresholdMonths(trx: Tx): Promise<number | undefined> {
  const row = await trx.selectFrom('app.housing_settings').select('internal_rent_after_months').executeTakeFirst();
  return row?.internal_rent_after_months;
}

// ---- The register list ---------------------------------------------------------------------

export type ListScope = { unitIds: readonly string[] | null };

export type DwellingListRow = {
  id: string;
  reference: string;
  street: string;
  postnummer: string;
  poststed: string;
  type: string;
  rooms: number;
  bedrooms: number;
  area_m2: string | null;
  capacity: number;
  floor: number | null;
  status: string;
  status_since: string;
  vacancy_days: number | null;
  earmarking: string;
  disposal_form: string;
  rent_ore: number | null;
  wheelchair_accessible: boolean;
  building_id: string | null;
  building_name: string | null;
  occupancy_lease_end: string | null;
  head_lease_end: string | null;
  has_occupancy_lease: boolean;
  has_head_lease: boolean;
};

type Eb = ExpressionBuilder<DB & { d: DB['app.dwelling'] }, 'd'>;

/** The WHERE of the list: every filter is an indexable or cheap condition on app.dwelling. */
function filters(eb: Eb, query: DwellingListQuery, scope: ListScope, today: string, expiringUntil: string | null) {
  const conditions: Expression<SqlBool>[] = [];
  if (scope.unitIds) {
    conditions.push(scope.unitIds.length ? eb('d.disposing_unit_id', 'in', [...scope.unitIds]) : sql<SqlBool>`false`);
  }
  if (query.status?.length) conditions.push(eb('d.status', 'in', query.status));
  if (query.type?.length) conditions.push(eb('d.type', 'in', query.type));
  if (query.earmarking?.length) conditions.push(eb('d.earmarking', 'in', query.earmarking));
  if (query.disposalForm?.length) conditions.push(eb('d.disposal_form', 'in', query.disposalForm));
  if (query.bedroomsMin !== undefined) conditions.push(eb('d.bedrooms', '>=', query.bedroomsMin));
  if (query.bedroomsMax !== undefined) conditions.push(eb('d.bedrooms', '<=', query.bedroomsMax));
  if (query.areaMin !== undefined) conditions.push(eb('d.area_m2', '>=', String(query.areaMin)));
  if (query.areaMax !== undefined) conditions.push(eb('d.area_m2', '<=', String(query.areaMax)));
  if (query.vacant || query.vacantMoreThanDays !== undefined) conditions.push(eb('d.status', '=', 'vacant'));
  if (query.vacantMoreThanDays !== undefined) {
    // vacancy days > N  ⇔  status_since < today − N days
    conditions.push(sql<SqlBool>`d.status_since < ${today}::date - ${query.vacantMoreThanDays}::int`);
  }
  if (query.buildingId) conditions.push(eb('d.building_id', '=', query.buildingId));
  if (query.wheelchairAccessible !== undefined)
    conditions.push(eb('d.wheelchair_accessible', '=', query.wheelchairAccessible));
  if (query.stepFreeEntrance !== undefined) conditions.push(eb('d.step_free_entrance', '=', query.stepFreeEntrance));
  if (query.schoolDistrict) conditions.push(sql<SqlBool>`lower(d.school_district) = lower(${query.schoolDistrict})`);
  if (query.q) {
    const pattern = `%${escapeLike(query.q)}%`;
    conditions.push(sql<SqlBool>`(d.reference ILIKE ${pattern} OR d.street ILIKE ${pattern})`);
  }
  if (expiringUntil) {
    conditions.push(sql<SqlBool>`EXISTS (
      SELECT 1 FROM app.lease l
       WHERE l.tenant_id = d.tenant_id AND l.dwelling_id = d.id
         AND l.state IN ('active', 'notice_given')
         AND coalesce(l.terminated_on, l.end_date) >= ${today}::date
         AND coalesce(l.terminated_on, l.end_date) <= ${expiringUntil}::date)`);
  }
  return eb.and(conditions);
}

const vacancyDaysSql = (today: string) =>
  sql<number | null>`CASE WHEN d.status = 'vacant' THEN greatest(0, ${today}::date - d.status_since) END`;

const sortColumns: Record<Exclude<DwellingSortKey, 'vacancyDays'>, string> = {
  reference: 'reference',
  address: 'street',
  bedrooms: 'bedrooms',
  area: 'area_m2',
  status: 'status',
  statusSince: 'status_since',
  rent: 'rent_ore',
};

/** ORDER BY for the inner query (alias d) or the page (alias p, where vacancy_days is a column). */
function orderBy(key: DwellingSortKey, dir: 'asc' | 'desc', today: string, alias: 'd' | 'p') {
  const direction = dir === 'desc' ? sql`DESC` : sql`ASC`;
  const first =
    key === 'vacancyDays'
      ? alias === 'd'
        ? vacancyDaysSql(today)
        : sql.ref('p.vacancy_days')
      : sql.ref(`${alias}.${sortColumns[key]}`);
  return sql`${first} ${direction} NULLS LAST, ${sql.ref(`${alias}.reference`)} ${direction}, ${sql.ref(`${alias}.id`)}`;
}

/** Current lease of one layer: holds the dwelling today; its effective end (null = open-ended). */
function currentLease(layer: 'head' | 'occupancy', today: string) {
  return sql`(SELECT coalesce(l.terminated_on, l.end_date) AS end_date, true AS present
                FROM app.lease l
               WHERE l.tenant_id = p.tenant_id AND l.dwelling_id = p.id AND l.layer = ${layer}
                 AND l.state IN ('active', 'notice_given') AND l.period @> ${today}::date
               ORDER BY lower(l.period) DESC
               LIMIT 1)`;
}

/**
 * One page of the register: filter and sort on app.dwelling only (indexes), cut the page, and
 * only then look up building names and current leases for the (≤ 200) rows on it.
 */
export async function listDwellings(
  trx: Tx,
  query: DwellingListQuery,
  scope: ListScope,
  {
    today,
    expiringUntil,
    page,
    pageSize,
  }: { today: string; expiringUntil: string | null; page: number; pageSize: number },
): Promise<{ rows: DwellingListRow[]; total: number }> {
  const sortKey = query.sort ?? 'reference';
  const dir = query.dir ?? 'asc';
  const base = trx
    .selectFrom('app.dwelling as d')
    .where((eb) => filters(eb as unknown as Eb, query, scope, today, expiringUntil));

  const countRow = await base.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
  const inner = base
    .selectAll('d')
    .select(vacancyDaysSql(today).as('vacancy_days'))
    .orderBy(orderBy(sortKey, dir, today, 'd'))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  const { rows: pageRows } = await sql<DwellingListRow>`
    WITH p AS ${inner}
    SELECT p.id, p.reference, p.street, p.postnummer, p.poststed, p.type, p.rooms, p.bedrooms, p.area_m2,
           p.capacity, p.floor, p.status, p.status_since, p.vacancy_days, p.earmarking, p.disposal_form,
           p.rent_ore, p.wheelchair_accessible, p.building_id, b.name AS building_name,
           occ.end_date AS occupancy_lease_end, head.end_date AS head_lease_end,
           coalesce(occ.present, false) AS has_occupancy_lease, coalesce(head.present, false) AS has_head_lease
      FROM p
      LEFT JOIN app.building b ON b.tenant_id = p.tenant_id AND b.id = p.building_id
      LEFT JOIN LATERAL ${currentLease('occupancy', today)} occ ON true
      LEFT JOIN LATERAL ${currentLease('head', today)} head ON true
     ORDER BY ${orderBy(sortKey, dir, today, 'p')}`.execute(trx);
  return { rows: pageRows as unknown as DwellingListRow[], total: countRow.n };
}
