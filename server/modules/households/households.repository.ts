import { sql, type Insertable, type SqlBool, type Updateable } from 'kysely';
import type { PipelineState } from '../../../shared/domain/pipeline';
import type { HouseholdTable, PipelineEventTable } from '../../db/schema';
import { escapeLike } from '../../db/like';
import type { Tx } from '../../db/tenant';

// All SQL of the households module (inside withTenant: row-level security scopes every query to
// the actor's municipality).

/** read:household:any sees every household; read:household:unit those of the actor's units. */
export type HouseholdScope = { unitIds: readonly string[] | null };

export type HouseholdValues = Updateable<HouseholdTable>;

// ---------------------------------------------------------------------------------------------
// One household

function householdQuery(trx: Tx) {
  return trx
    .selectFrom('app.household as h')
    .innerJoin('app.unit as u', 'u.id', 'h.responsible_unit_id')
    .leftJoin('app.dwelling as d', 'd.id', 'h.reserved_dwelling_id')
    .selectAll('h')
    .select([
      'u.name as unit_name',
      'd.reference as dwelling_reference',
      'd.street as dwelling_street',
      'd.postnummer as dwelling_postnummer',
      'd.poststed as dwelling_poststed',
    ]);
}

export type HouseholdRow = NonNullable<Awaited<ReturnType<ReturnType<typeof householdQuery>['executeTakeFirst']>>>;

export async function findHousehold(
  trx: Tx,
  id: string,
  { forUpdate = false }: { forUpdate?: boolean } = {},
): Promise<HouseholdRow | undefined> {
  if (forUpdate) {
    // Lock the household row itself (not the joined unit and dwelling rows).
    const locked = await trx.selectFrom('app.household').select('id').where('id', '=', id).forUpdate().executeTakeFirst();
    if (!locked) return undefined;
  }
  return householdQuery(trx).where('h.id', '=', id).executeTakeFirst();
}

export function inScope(scope: HouseholdScope, row: { responsible_unit_id: string }): boolean {
  return scope.unitIds === null || scope.unitIds.includes(row.responsible_unit_id);
}

export async function insertHousehold(trx: Tx, values: Insertable<HouseholdTable>): Promise<string> {
  return (await trx.insertInto('app.household').values(values).returning('id').executeTakeFirstOrThrow()).id;
}

/** Updates the household if it still has `expectedVersion`; returns the new version or null. */
export async function updateHousehold(
  trx: Tx,
  { id, expectedVersion, values, now }: { id: string; expectedVersion: number; values: HouseholdValues; now: Date },
): Promise<number | null> {
  const row = await trx
    .updateTable('app.household')
    .set((eb) => ({ ...values, updated_at: now, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .returning('version')
    .executeTakeFirst();
  return row?.version ?? null;
}

export async function imdiCaseHolder(trx: Tx, imdiCaseId: string, excludeId?: string) {
  let q = trx
    .selectFrom('app.household')
    .select(['id', 'reference'])
    .where('imdi_case_id', '=', imdiCaseId)
    .where('pipeline_state', 'not in', ['declined', 'withdrawn']);
  if (excludeId) q = q.where('id', '<>', excludeId);
  return q.executeTakeFirst();
}

export async function agreedTargetDays(trx: Tx): Promise<number | null> {
  const row = await trx.selectFrom('app.settlement_settings').select('agreed_target_days').executeTakeFirst();
  return row?.agreed_target_days ?? null;
}

// ---------------------------------------------------------------------------------------------
// Members

export type MemberRow = {
  household_id: string;
  person_id: string;
  relation: 'main' | 'spouse' | 'child' | 'parent' | 'sibling' | 'grandchild' | 'other';
  joined_on: string | null;
  left_on: string | null;
  full_name: string;
  transliteration: string | null;
  birth_date: string | null;
  birth_date_precision: 'exact' | 'year' | 'jan1_convention' | null;
  residence_permit_date: string | null;
  arrival_date: string | null;
  settlement_date: string | null;
};

export async function membersOf(trx: Tx, householdIds: readonly string[]): Promise<MemberRow[]> {
  if (householdIds.length === 0) return [];
  return trx
    .selectFrom('app.household_member as m')
    .innerJoin('app.person as p', 'p.id', 'm.person_id')
    .select([
      'm.household_id',
      'm.person_id',
      'm.relation',
      'm.joined_on',
      'm.left_on',
      'p.full_name',
      'p.transliteration',
      'p.birth_date',
      'p.birth_date_precision',
      'p.residence_permit_date',
      'p.arrival_date',
      'p.settlement_date',
    ])
    .where('m.household_id', 'in', [...householdIds])
    .orderBy(sql`m.left_on IS NOT NULL`)
    .orderBy(sql`CASE m.relation WHEN 'main' THEN 0 WHEN 'spouse' THEN 1 ELSE 2 END`)
    .orderBy('p.birth_date')
    .orderBy('m.created_at')
    .execute();
}

export async function languagesOf(trx: Tx, personIds: readonly string[]) {
  if (personIds.length === 0) return [];
  return trx
    .selectFrom('app.person_language')
    .select(['person_id', 'code', 'interpreter_needed', 'preferred_for_letters'])
    .where('person_id', 'in', [...personIds])
    .orderBy('preferred_for_letters', 'desc')
    .orderBy('code')
    .execute();
}

export async function personsExist(trx: Tx, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return trx
    .selectFrom('app.person')
    .select(['id', 'birth_date', 'birth_date_precision', 'anonymised_at'])
    .where('id', 'in', [...ids])
    .execute();
}

/** The household (other than `excludeHouseholdId`) each person currently belongs to. */
export async function currentHouseholdsOf(trx: Tx, personIds: readonly string[], excludeHouseholdId?: string) {
  if (personIds.length === 0) return [];
  let q = trx
    .selectFrom('app.household_member as m')
    .innerJoin('app.household as h', 'h.id', 'm.household_id')
    .select(['m.person_id', 'h.id', 'h.reference', 'h.pipeline_state'])
    .where('m.person_id', 'in', [...personIds])
    .where('m.left_on', 'is', null);
  if (excludeHouseholdId) q = q.where('h.id', '<>', excludeHouseholdId);
  return q.execute();
}

export async function insertMembers(
  trx: Tx,
  rows: readonly { tenant_id: string; household_id: string; person_id: string; relation: MemberRow['relation']; joined_on: string | null }[],
) {
  if (rows.length === 0) return;
  await trx.insertInto('app.household_member').values([...rows]).execute();
}

export async function updateMember(
  trx: Tx,
  { householdId, personId, values }: { householdId: string; personId: string; values: { relation?: MemberRow['relation']; left_on?: string | null } },
) {
  await trx
    .updateTable('app.household_member')
    .set(values)
    .where('household_id', '=', householdId)
    .where('person_id', '=', personId)
    .execute();
}

/** Sets the settlement (and a missing arrival) date on the persons of a household at settlement. */
export async function markPersonsSettled(trx: Tx, { personIds, settlementDate }: { personIds: readonly string[]; settlementDate: string }) {
  if (personIds.length === 0) return;
  await trx
    .updateTable('app.person')
    .set((eb) => ({
      settlement_date: settlementDate,
      arrival_date: eb.fn.coalesce('arrival_date', sql<string>`${settlementDate}::date`),
      updated_at: new Date(),
    }))
    .where('id', 'in', [...personIds])
    .execute();
}

/** A settlement recorded by mistake is taken back: the persons' settlement date set from it goes. */
export async function unmarkPersonsSettled(trx: Tx, { personIds, settlementDate }: { personIds: readonly string[]; settlementDate: string }) {
  if (personIds.length === 0) return;
  await trx
    .updateTable('app.person')
    .set({ settlement_date: null, updated_at: new Date() })
    .where('id', 'in', [...personIds])
    .where('settlement_date', '=', settlementDate)
    .execute();
}

// ---------------------------------------------------------------------------------------------
// Pipeline events, contacts

export async function insertPipelineEvent(trx: Tx, values: Insertable<PipelineEventTable>) {
  await trx.insertInto('app.pipeline_event').values(values).execute();
}

export async function historyOf(trx: Tx, householdId: string) {
  return trx
    .selectFrom('app.pipeline_event as e')
    .leftJoin('app.staff_user as s', 's.id', 'e.actor_user_id')
    .leftJoin('app.dwelling as d', 'd.id', 'e.dwelling_id')
    .select([
      'e.id',
      'e.from_state',
      'e.to_state',
      'e.reason',
      'e.effective_on',
      'e.dwelling_id',
      'd.reference as dwelling_reference',
      's.display_name as actor_name',
      'e.occurred_at',
    ])
    .where('e.household_id', '=', householdId)
    .orderBy('e.occurred_at', 'desc')
    .orderBy('e.id')
    .execute();
}

// ---------------------------------------------------------------------------------------------
// Dwellings (reservation)

export async function lockDwelling(trx: Tx, id: string) {
  return trx.selectFrom('app.dwelling').select(['id', 'reference', 'status']).where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function dwellingHolder(trx: Tx, dwellingId: string, excludeHouseholdId: string) {
  return trx
    .selectFrom('app.household')
    .select(['id', 'reference'])
    .where('reserved_dwelling_id', '=', dwellingId)
    .where('pipeline_state', 'in', ['dwelling_reserved', 'ready_to_move_in'])
    .where('id', '<>', excludeHouseholdId)
    .executeTakeFirst();
}

/** The dwelling's status before its current reservation: the latest other status in its history. */
export async function statusBeforeReservation(trx: Tx, dwellingId: string): Promise<string | null> {
  const row = await trx
    .selectFrom('app.dwelling_status_event')
    .select('status')
    .where('dwelling_id', '=', dwellingId)
    .where('status', '<>', 'reserved')
    .orderBy('changed_at', 'desc')
    .orderBy('valid_from', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.status ?? null;
}

// ---------------------------------------------------------------------------------------------
// Lists, board and quarters

export type HouseholdListRow = {
  id: string;
  reference: string;
  imdi_case_id: string | null;
  category: HouseholdTable['category'];
  pipeline_state: PipelineState;
  state_changed_at: Date;
  responsible_unit_id: string;
  unit_name: string;
  proposed_on: string;
  residence_permit_date: string | null;
  /** The household's permit date, else the earliest of its current members'. */
  permit_date: string | null;
  agreed_target_days: number | null;
  arrival_date: string | null;
  settlement_date: string | null;
  shared_housing: boolean;
};

export type ListFilter = {
  scope: HouseholdScope;
  search?: { text: string; nameKey: string; digits: string | null } | undefined;
  state?: PipelineState | undefined;
  states?: readonly PipelineState[] | undefined;
  category?: HouseholdTable['category'] | undefined;
  unitId?: string | undefined;
};

/**
 * `permit_date` of the household `h`: its own residence-permit date, else the earliest of its
 * current members' (where the settlement clock starts, decision 012).
 */
export function permitDate() {
  return sql<string | null>`coalesce(h.residence_permit_date, (
        SELECT min(p.residence_permit_date) FROM app.household_member m JOIN app.person p ON p.id = m.person_id
        WHERE m.household_id = h.id AND m.left_on IS NULL))`.as('permit_date');
}

/** Every household matching the filter (the caller sorts by urgency and pages). */
export async function listHouseholds(trx: Tx, filter: ListFilter): Promise<HouseholdListRow[]> {
  let q = trx
    .selectFrom('app.household as h')
    .innerJoin('app.unit as u', 'u.id', 'h.responsible_unit_id')
    .select([
      'h.id',
      'h.reference',
      'h.imdi_case_id',
      'h.category',
      'h.pipeline_state',
      'h.state_changed_at',
      'h.responsible_unit_id',
      'u.name as unit_name',
      'h.proposed_on',
      'h.residence_permit_date',
      permitDate(),
      'h.agreed_target_days',
      'h.arrival_date',
      'h.settlement_date',
      'h.shared_housing',
    ])
    .where('h.anonymised_at', 'is', null);
  if (filter.scope.unitIds) {
    const unitIds = filter.scope.unitIds;
    q = q.where((eb) => (unitIds.length ? eb('h.responsible_unit_id', 'in', [...unitIds]) : sql<SqlBool>`false`));
  }
  if (filter.state) q = q.where('h.pipeline_state', '=', filter.state);
  if (filter.states) q = q.where('h.pipeline_state', 'in', [...filter.states]);
  if (filter.category) q = q.where('h.category', '=', filter.category);
  if (filter.unitId) q = q.where('h.responsible_unit_id', '=', filter.unitId);
  if (filter.search) {
    const { text, nameKey, digits } = filter.search;
    q = q.where((eb) => {
      const memberMatches = (condition: ReturnType<typeof sql<SqlBool>>) =>
        eb.exists(
          eb
            .selectFrom('app.household_member as m')
            .innerJoin('app.person as p', 'p.id', 'm.person_id')
            .select(sql`1`.as('one'))
            .whereRef('m.household_id', '=', 'h.id')
            .where('m.left_on', 'is', null)
            .where(condition),
        );
      const like = `%${escapeLike(text)}%`;
      const alternatives = [eb('h.reference', 'ilike', like), eb('h.imdi_case_id', 'ilike', like)];
      // Every token of the name occurs in a member's name key (name and transliteration, any order).
      const tokens = nameKey.split(' ').filter(Boolean);
      if (tokens.length) {
        alternatives.push(
          memberMatches(sql<SqlBool>`${sql.join(tokens.map((token) => sql`p.name_search LIKE ${`%${escapeLike(token)}%`}`), sql` AND `)}`),
        );
      }
      if (digits?.length === 11) alternatives.push(memberMatches(sql<SqlBool>`p.identity_number = ${digits}`));
      if (digits?.length === 12) alternatives.push(memberMatches(sql<SqlBool>`p.duf_number = ${digits}`));
      return eb.or(alternatives);
    });
  }
  return (await q.orderBy('h.reference').execute()) as HouseholdListRow[];
}

export async function targetsOf(trx: Tx, year: number) {
  return trx.selectFrom('app.settlement_target').select(['year', 'quarter', 'target']).where('year', '=', year).execute();
}

export async function upsertTarget(
  trx: Tx,
  values: { tenant_id: string; year: number; quarter: number; target: number; set_by: string; updated_at: Date },
) {
  await trx
    .insertInto('app.settlement_target')
    .values(values)
    .onConflict((oc) =>
      oc.columns(['tenant_id', 'year', 'quarter']).doUpdateSet({ target: values.target, set_by: values.set_by, updated_at: values.updated_at }),
    )
    .execute();
}

/**
 * Settled households with a settlement date in the year, and how many persons were members on
 * the settlement date (the unit IMDi counts in).
 */
export async function settlementsIn(trx: Tx, year: number) {
  return trx
    .selectFrom('app.household as h')
    .select([
      'h.id',
      'h.category',
      'h.settlement_date',
      'h.agreed_target_days',
      sql<string | null>`coalesce(h.residence_permit_date, (
        SELECT min(p.residence_permit_date) FROM app.household_member m JOIN app.person p ON p.id = m.person_id
        WHERE m.household_id = h.id AND (m.left_on IS NULL OR m.left_on > h.settlement_date)))`.as('permit_date'),
      sql<number>`(SELECT count(*)::int FROM app.household_member m WHERE m.household_id = h.id
        AND (m.joined_on IS NULL OR m.joined_on <= h.settlement_date)
        AND (m.left_on IS NULL OR m.left_on > h.settlement_date))`.as('persons'),
    ])
    .where('h.pipeline_state', 'in', ['settled', 'moved_on', 'moved_away'])
    .where('h.settlement_date', '>=', `${year}-01-01`)
    .where('h.settlement_date', '<=', `${year}-12-31`)
    .execute() as Promise<
    { id: string; category: HouseholdTable['category']; settlement_date: string; agreed_target_days: number | null; permit_date: string | null; persons: number }[]
  >;
}
