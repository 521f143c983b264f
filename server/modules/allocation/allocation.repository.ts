import { sql, type SqlBool } from 'kysely';
import type { Tx } from '../../db/tenant';
import { permitDate } from '../households/households.repository';

// Shared reads of the allocation (inside withTenant: row-level security scopes every query to the
// actor's municipality): the batch candidates (households awaiting a dwelling, dwellings that can
// be allocated) and what the composition rules need (who already lives in a building, how many
// of an area's dwellings are used for settlement). Set-based: a batch of 300 × 300 is a handful
// of queries (issue 6 item 8: the batch answers inside one HTTP request in under 200 ms).

/** Offer states that hold the household and the dwelling (the partial unique indexes' states). */
export const LIVE_OFFER_STATES = ['reserved', 'offered', 'accepted'] as const;
/** Household states in which it holds its reserved dwelling, or lives there (settled). */
export const HOLDING_STATES = ['dwelling_reserved', 'ready_to_move_in'] as const;
export const LIVING_STATES = ['dwelling_reserved', 'ready_to_move_in', 'settled'] as const;
/** Dwelling statuses that can be allocated (the engine's status rule, hard-rules.ts). */
export const ALLOCATABLE = ['ready', 'vacant'] as const;

// ---------------------------------------------------------------------------------------------
// Households awaiting a dwelling

function candidateHouseholdQuery(trx: Tx) {
  return trx
    .selectFrom('app.household as h')
    .select([
      'h.id',
      'h.reference',
      'h.category',
      'h.pipeline_state',
      'h.state_changed_at',
      'h.proposed_on',
      'h.responsible_unit_id',
      permitDate(),
      'h.agreed_target_days',
      'h.settlement_date',
      'h.shared_housing',
      'h.reunification_adults',
      'h.reunification_children',
      'h.reunification_expected_on',
      'h.accessibility',
      'h.support_need',
      'h.near_school',
      'h.near_kindergarten',
      'h.near_intro_site',
      'h.preferred_area',
      'h.max_rent_ore',
      'h.version',
    ])
    .where('h.pipeline_state', '=', 'accepted')
    .where('h.anonymised_at', 'is', null)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('app.allocation_offer as o')
            .select(sql`1`.as('one'))
            .whereRef('o.household_id', '=', 'h.id')
            .where('o.state', 'in', [...LIVE_OFFER_STATES]),
        ),
      ),
    );
}

export type CandidateHouseholdRow = NonNullable<Awaited<ReturnType<ReturnType<typeof candidateHouseholdQuery>['executeTakeFirst']>>>;

/** Households in 'accepted' without a live offer; `ids` narrows to those (the others are simply absent). */
export function candidateHouseholds(trx: Tx, { ids }: { ids?: readonly string[] } = {}): Promise<CandidateHouseholdRow[]> {
  let q = candidateHouseholdQuery(trx);
  if (ids) {
    if (ids.length === 0) return Promise.resolve([]);
    q = q.where('h.id', 'in', [...ids]);
  }
  return q.orderBy('h.reference').execute();
}

export type AllocationMemberRow = {
  household_id: string;
  person_id: string;
  relation: 'main' | 'spouse' | 'child' | 'parent' | 'sibling' | 'grandchild' | 'other';
  full_name: string;
  birth_date: string | null;
  birth_date_precision: 'exact' | 'year' | 'jan1_convention' | null;
  intro_programme: 'unknown' | 'entitled_and_obliged' | 'entitled' | 'not_entitled';
  intro_programme_end: string | null;
};

/** Current members (not left by `on`) of the households, main person first. */
export async function currentMembers(trx: Tx, householdIds: readonly string[], on: string): Promise<AllocationMemberRow[]> {
  if (householdIds.length === 0) return [];
  return trx
    .selectFrom('app.household_member as m')
    .innerJoin('app.person as p', 'p.id', 'm.person_id')
    .select([
      'm.household_id',
      'm.person_id',
      'm.relation',
      'p.full_name',
      'p.birth_date',
      'p.birth_date_precision',
      'p.intro_programme',
      'p.intro_programme_end',
    ])
    // One array parameter, not hundreds (the planner's cost on PGlite grows with the list).
    .where(sql<SqlBool>`m.household_id = ANY(${[...householdIds]}::uuid[])`)
    .where((eb) => eb.or([eb('m.left_on', 'is', null), eb('m.left_on', '>', on)]))
    .orderBy('m.household_id')
    .orderBy(sql`CASE m.relation WHEN 'main' THEN 0 WHEN 'spouse' THEN 1 ELSE 2 END`)
    .orderBy('p.birth_date')
    .orderBy('m.person_id')
    .execute();
}

/** The persons' language codes (ISO 639), sorted. */
export async function languagesOf(trx: Tx, personIds: readonly string[]): Promise<{ person_id: string; code: string }[]> {
  if (personIds.length === 0) return [];
  return trx
    .selectFrom('app.person_language')
    .select(['person_id', 'code'])
    .where('person_id', 'in', [...personIds])
    .orderBy('code')
    .execute();
}

// ---------------------------------------------------------------------------------------------
// Dwellings that can be allocated

function candidateDwellingQuery(trx: Tx) {
  return trx
    .selectFrom('app.dwelling as d')
    .leftJoin('app.building as b', 'b.id', 'd.building_id')
    .select([
      'd.id',
      'd.reference',
      'd.building_id',
      'b.name as building_name',
      'd.street',
      'd.postnummer',
      'd.poststed',
      'd.type',
      'd.status',
      'd.status_since',
      'd.earmarking',
      'd.bedrooms',
      'd.capacity',
      'd.floor',
      'd.lift',
      'd.wheelchair_accessible',
      'd.step_free_entrance',
      'd.rent_ore',
      'd.area_zone',
      'd.school_district',
      'd.walk_min_school',
      'd.walk_min_kindergarten',
      'd.walk_min_bus_stop',
      'd.walk_min_centre',
      'd.walk_min_intro_programme',
    ])
    .where('d.status', 'in', [...ALLOCATABLE])
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('app.household as h')
            .select(sql`1`.as('one'))
            .whereRef('h.reserved_dwelling_id', '=', 'd.id')
            .where('h.pipeline_state', 'in', [...HOLDING_STATES]),
        ),
      ),
    )
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('app.allocation_offer as o')
            .select(sql`1`.as('one'))
            .whereRef('o.dwelling_id', '=', 'd.id')
            .where('o.state', 'in', [...LIVE_OFFER_STATES]),
        ),
      ),
    );
}

export type CandidateDwellingRow = NonNullable<Awaited<ReturnType<ReturnType<typeof candidateDwellingQuery>['executeTakeFirst']>>>;

/**
 * Dwellings ready or vacant, held neither by a household's reservation nor by a live offer;
 * `availableBy` keeps those whose status holds from that date at the latest; `ids` narrows.
 */
export function candidateDwellings(
  trx: Tx,
  { ids, availableBy }: { ids?: readonly string[]; availableBy?: string } = {},
): Promise<CandidateDwellingRow[]> {
  let q = candidateDwellingQuery(trx);
  if (ids) {
    if (ids.length === 0) return Promise.resolve([]);
    q = q.where('d.id', 'in', [...ids]);
  }
  if (availableBy) q = q.where('d.status_since', '<=', availableBy);
  return q.orderBy('d.reference').execute();
}

/** Display data of dwellings by id, whatever their status now (a stored run's dwellings). */
export function dwellingsById(trx: Tx, ids: readonly string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return trx
    .selectFrom('app.dwelling as d')
    .leftJoin('app.building as b', 'b.id', 'd.building_id')
    .select(['d.id', 'd.reference', 'd.street', 'd.postnummer', 'd.poststed', 'b.name as building_name', 'd.bedrooms', 'd.rent_ore'])
    .where('d.id', 'in', [...ids])
    .execute();
}

/** Main persons' names of households by id (for display; the caller decides whether names are shown). */
export async function mainPersonNames(trx: Tx, householdIds: readonly string[]): Promise<Map<string, string>> {
  if (householdIds.length === 0) return new Map();
  const rows = await trx
    .selectFrom('app.household_member as m')
    .innerJoin('app.person as p', 'p.id', 'm.person_id')
    .select(['m.household_id', 'p.full_name'])
    .where('m.household_id', 'in', [...householdIds])
    .where('m.relation', '=', 'main')
    .where('m.left_on', 'is', null)
    .where('p.anonymised_at', 'is', null)
    .execute();
  return new Map(rows.map((r) => [r.household_id, r.full_name]));
}

// ---------------------------------------------------------------------------------------------
// Composition: who lives in the buildings, settlement use of the areas

/** Dwellings per building (all but disposed ones), for the buildings' size in the composition rules. */
export async function buildingSizes(trx: Tx, buildingIds: readonly string[]): Promise<{ id: string; name: string; dwellings: number }[]> {
  if (buildingIds.length === 0) return [];
  const rows = await trx
    .selectFrom('app.building as b')
    .leftJoin('app.dwelling as d', (j) => j.onRef('d.building_id', '=', 'b.id').on('d.status', '<>', 'disposed'))
    .select(['b.id', 'b.name', sql<string>`count(d.id)`.as('dwellings')])
    .where('b.id', 'in', [...buildingIds])
    .groupBy(['b.id', 'b.name'])
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.name, dwellings: Number(r.dwellings) }));
}

/**
 * Households that hold or live in a dwelling of the buildings (reserved, ready to move in or
 * settled there), and the tenants of active leases there (with their current household if any).
 */
export async function buildingResidents(
  trx: Tx,
  buildingIds: readonly string[],
  on: string,
): Promise<{ households: { building_id: string; household_id: string }[]; tenants: { building_id: string; person_id: string; household_id: string | null }[] }> {
  if (buildingIds.length === 0) return { households: [], tenants: [] };
  const households = await trx
    .selectFrom('app.household as h')
    .innerJoin('app.dwelling as d', 'd.id', 'h.reserved_dwelling_id')
    .select(['d.building_id', 'h.id as household_id'])
    .where('d.building_id', 'in', [...buildingIds])
    .where('h.pipeline_state', 'in', [...LIVING_STATES])
    .where('h.anonymised_at', 'is', null)
    .execute();
  const tenants = await trx
    .selectFrom('app.lease as l')
    .innerJoin('app.dwelling as d', 'd.id', 'l.dwelling_id')
    .select([
      'd.building_id',
      'l.tenant_person_id as person_id',
      sql<string | null>`(SELECT m.household_id FROM app.household_member m
        WHERE m.person_id = l.tenant_person_id AND m.left_on IS NULL ORDER BY m.household_id LIMIT 1)`.as('household_id'),
    ])
    .where('d.building_id', 'in', [...buildingIds])
    .where('l.layer', '=', 'occupancy')
    .where('l.state', 'in', ['active', 'notice_given'])
    .where('l.start_date', '<=', on)
    .where('l.tenant_person_id', 'is not', null)
    .execute();
  return {
    households: households.flatMap((r) => (r.building_id ? [{ building_id: r.building_id, household_id: r.household_id }] : [])),
    tenants: tenants.flatMap((r) => (r.building_id && r.person_id ? [{ building_id: r.building_id, person_id: r.person_id, household_id: r.household_id }] : [])),
  };
}

/** Support flags of households by id. */
export async function supportFlags(trx: Tx, householdIds: readonly string[]): Promise<Map<string, boolean>> {
  if (householdIds.length === 0) return new Map();
  const rows = await trx.selectFrom('app.household').select(['id', 'support_need']).where('id', 'in', [...householdIds]).execute();
  return new Map(rows.map((r) => [r.id, r.support_need]));
}

/** Persons' birth dates (a lease tenant living alone, outside any household). */
export function personsBirth(trx: Tx, personIds: readonly string[]) {
  if (personIds.length === 0) return Promise.resolve([]);
  return trx.selectFrom('app.person').select(['id', 'birth_date', 'birth_date_precision']).where('id', 'in', [...personIds]).execute();
}

/**
 * Per area (the dwellings' area zone or school district): all dwellings (but disposed ones) and
 * those used for settled refugees (held or lived in by a household of the pipeline).
 */
export async function areaUse(
  trx: Tx,
  { column, keys }: { column: 'area_zone' | 'school_district'; keys: readonly string[] },
): Promise<{ key: string; dwellings: number; settlement: number }[]> {
  if (keys.length === 0) return [];
  const col = sql.ref(`d.${column}`);
  const rows = await trx
    .selectFrom('app.dwelling as d')
    .select([
      sql<string>`${col}`.as('key'),
      sql<string>`count(*)`.as('dwellings'),
      sql<string>`count(*) FILTER (WHERE EXISTS (SELECT 1 FROM app.household h WHERE h.reserved_dwelling_id = d.id
        AND h.pipeline_state IN ('dwelling_reserved', 'ready_to_move_in', 'settled')))`.as('settlement'),
    ])
    .where('d.status', '<>', 'disposed')
    .where(sql<SqlBool>`${col} IN (${sql.join([...keys])})`)
    .groupBy(col)
    .execute();
  return rows.map((r) => ({ key: r.key, dwellings: Number(r.dwellings), settlement: Number(r.settlement) }));
}
