import { sql } from 'kysely';
import type { Tx } from '../../db/tenant';

// SQL of allocation decisions (enkeltvedtak) and appeals (inside withTenant: row-level security
// scopes every query to the actor's municipality).

function decisionQuery(trx: Tx) {
  return trx
    .selectFrom('app.allocation_decision as dec')
    .innerJoin('app.household as h', 'h.id', 'dec.household_id')
    .selectAll('dec')
    .select(['h.reference as household_reference', 'h.anonymised_at as household_anonymised_at']);
}

export type DecisionRow = NonNullable<Awaited<ReturnType<ReturnType<typeof decisionQuery>['executeTakeFirst']>>>;

export function findDecision(trx: Tx, id: string): Promise<DecisionRow | undefined> {
  return decisionQuery(trx).where('dec.id', '=', id).executeTakeFirst();
}

export function decisionsOfHousehold(trx: Tx, householdId: string): Promise<DecisionRow[]> {
  return decisionQuery(trx).where('dec.household_id', '=', householdId).orderBy('dec.decided_at', 'desc').orderBy('dec.id').execute();
}

export function appealsOf(trx: Tx, decisionIds: readonly string[]) {
  if (decisionIds.length === 0) return Promise.resolve([]);
  return trx
    .selectFrom('app.allocation_appeal')
    .selectAll()
    .where('decision_id', 'in', [...decisionIds])
    .orderBy('received_on')
    .orderBy('created_at')
    .execute();
}

export type AppealRow = Awaited<ReturnType<typeof appealsOf>>[number];

/**
 * The next decision reference of the year, 'TV-2026-0001', … per municipality (TV: tildelingsvedtak).
 * A transaction-scoped advisory lock per municipality keeps concurrent decisions from drawing the
 * same number; the unique key backs it.
 */
export async function nextDecisionReference(trx: Tx, { tenantId, year }: { tenantId: string; year: number }): Promise<string> {
  await sql`select pg_advisory_xact_lock(hashtextextended(${'husly-allocation-decision-ref:' + tenantId}, 0))`.execute(trx);
  const prefix = `TV-${year}-`;
  const row = await trx
    .selectFrom('app.allocation_decision')
    .select(sql<string | null>`max(reference)`.as('last'))
    .where('reference', 'like', `${prefix}%`)
    .executeTakeFirst();
  const last = row?.last ? Number(row.last.slice(prefix.length)) : 0;
  return `${prefix}${String(last + 1).padStart(4, '0')}`;
}

/** The active head lease of a dwelling the municipality rents from a private landlord. */
export function activeHeadLease(trx: Tx, { dwellingId, on }: { dwellingId: string; on: string }) {
  return trx
    .selectFrom('app.lease')
    .select(['id', 'start_date', 'end_date', 'terminated_on'])
    .where('dwelling_id', '=', dwellingId)
    .where('kind', '=', 'head')
    .where('state', 'in', ['active', 'notice_given'])
    .where('start_date', '<=', on)
    .where((eb) => eb.or([eb(sql`coalesce(terminated_on, end_date)`, 'is', null), eb(sql`coalesce(terminated_on, end_date)`, '>', on)]))
    .orderBy('start_date', 'desc')
    .executeTakeFirst();
}

export function leaseReference(trx: Tx, id: string) {
  return trx.selectFrom('app.lease').select(['reference', 'start_date', 'rent_ore']).where('id', '=', id).executeTakeFirst();
}
