import { randomBytes } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import pg from 'pg';
import { createDatabase, type Database } from '../db/db';
import { migrateToLatest } from '../db/migrate';
import type { DB } from '../db/schema';

/**
 * A fresh, empty database per test file: in-memory PGlite by default, or — when
 * TEST_DATABASE_URL points at a PostgreSQL server (CI) — a new database created on that server
 * and dropped afterwards. Same migrations, same tests.
 */
export type TestDatabase = Database & { destroy(): Promise<void> };

export const onServer = Boolean(process.env.TEST_DATABASE_URL);

export async function createTestDatabase({
  migrate = true,
  poolSize = 4,
}: { migrate?: boolean; poolSize?: number } = {}): Promise<TestDatabase> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    const db = await createDatabase({ kind: 'pglite', dataDir: 'memory' });
    if (migrate) await migrateToLatest(db.owner as never);
    return { ...db, destroy: () => db.close() };
  }
  const name = `husly_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const db = await createDatabase({ kind: 'postgres', url: url.toString(), poolSize });
  if (migrate) await migrateToLatest(db.owner as never);
  return {
    ...db,
    async destroy() {
      await db.close();
      const cleanup = new pg.Client({ connectionString: serverUrl });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
    },
  };
}

/** The number of rows in `table` that the transaction sees (under row-level security: its tenant's). */
export async function tableRowCount(trx: Kysely<DB>, table: string): Promise<number> {
  const { rows } = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(trx);
  return rows[0]!.n;
}

/** The sum of `column` over the rows of `table` the transaction sees (0 when none), e.g. of versions. */
export async function tableColumnSum(trx: Kysely<DB>, column: string, table: string): Promise<number> {
  const sum = sql<{ n: number }>`select coalesce(sum(${sql.ref(column)}), 0)::int as n from ${sql.table(table)}`;
  const { rows } = await sum.execute(trx);
  return Number(rows[0]!.n);
}
