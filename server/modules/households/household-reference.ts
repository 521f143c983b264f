import { sql } from 'kysely';
import type { Tx } from '../../db/tenant';

/**
 * The next household reference of the year, 'H-2026-0001', 'H-2026-0002', … per municipality.
 * Takes a transaction-scoped advisory lock per municipality so concurrent creations (the form and
 * an IMDi import at once) never draw the same number; the unique key backs it.
 */
export async function nextHouseholdReference(trx: Tx, { tenantId, year }: { tenantId: string; year: number }): Promise<string> {
  await sql`select pg_advisory_xact_lock(hashtextextended(${'husly-household-ref:' + tenantId}, 0))`.execute(trx);
  const prefix = `H-${year}-`;
  const row = await trx
    .selectFrom('app.household')
    .select(sql<string | null>`max(reference)`.as('last'))
    .where('reference', 'like', `${prefix}%`)
    .executeTakeFirst();
  const last = row?.last ? Number(row.last.slice(prefix.length)) : 0;
  return `${prefix}${String(last + 1).padStart(4, '0')}`;
}
