import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from './schema';

export type Tx = Transaction<DB>;

/**
 * Runs `fn` in one transaction bound to one tenant. The tenant comes from the authenticated
 * session (or the seed/tests), never from a request parameter. `set_config(…, true)` is
 * transaction-local: it cannot leak to the next user of a pooled connection (RELIABILITY §3.2 P2).
 */
export async function withTenant<T>(
  db: Kysely<DB>,
  context: { tenantId: string; userId?: string | null },
  fn: (trx: Tx) => Promise<T>,
): Promise<T> {
  return db.transaction().execute(async (trx) => {
    await sql`select set_config('app.tenant_id', ${context.tenantId}, true),
                     set_config('app.user_id', ${context.userId ?? ''}, true)`.execute(trx);
    return fn(trx);
  });
}

/** Platform acts (creating municipalities): allowed to platform administrators and the seed. */
export async function withPlatform<T>(db: Kysely<DB>, fn: (trx: Tx) => Promise<T>): Promise<T> {
  return db.transaction().execute(async (trx) => {
    await sql`select set_config('app.platform', 'on', true)`.execute(trx);
    return fn(trx);
  });
}
