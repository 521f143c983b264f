import { sql, type Kysely, type RawBuilder } from 'kysely';
import { APP_ROLE } from './db';

// Building blocks for migrations, so every tenant-owned table gets the same, reviewed policy.

/** The tenant of the current transaction; NULL (→ no rows) when unset or reset to ''. */
export const CURRENT_TENANT = `nullif(current_setting('app.tenant_id', true), '')::uuid`;

/**
 * RLS ENABLE + FORCE and one policy for all commands: rows are visible and writable only
 * inside their tenant's transaction. RELIABILITY.md §3.2: FORCE so the owner is bound too (P1);
 * `current_setting(…, true)` so a missing context fails closed to 0 rows (P5).
 */
export function tenantIsolation(table: string): RawBuilder<unknown> {
  return sql.raw(`
    ALTER TABLE app.${table} ENABLE ROW LEVEL SECURITY;
    ALTER TABLE app.${table} FORCE ROW LEVEL SECURITY;
    CREATE POLICY ${table}_tenant_isolation ON app.${table}
      USING (tenant_id = ${CURRENT_TENANT})
      WITH CHECK (tenant_id = ${CURRENT_TENANT});
  `);
}

export function grantToApp(table: string, privileges: string): RawBuilder<unknown> {
  return sql.raw(`GRANT ${privileges} ON app.${table} TO ${APP_ROLE};`);
}

export async function execute(db: Kysely<unknown>, statements: string): Promise<void> {
  await sql.raw(statements).execute(db);
}
