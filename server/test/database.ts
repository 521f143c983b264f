import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
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
    if (!migrate) {
      const db = await createDatabase({ kind: 'pglite', dataDir: 'memory' });
      return { ...db, destroy: () => db.close() };
    }
    const db = await createDatabase({ kind: 'pglite', dataDir: 'memory', loadDataDir: await migratedPGlite() });
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

// A PGlite database costs ~2 s to create (initdb) and migrate, ~0.4 s to load from a data
// directory dump. Every test file needs one, so the first test process to need it migrates a
// database once and stores the dump under node_modules/.cache, keyed by the migrations' source;
// later ones (and later runs) load it. A changed migration gives a new key. Same schema either way:
// the dump is of a database built by the same migrateToLatest.
const migrationsDir = join(dirname(fileURLToPath(import.meta.url)), '../db/migrations');
const cacheDir = join(dirname(fileURLToPath(import.meta.url)), '../../node_modules/.cache/husly-test-db');
let migratedDump: Promise<Blob> | undefined;

function migrationsKey(): string {
  const hash = createHash('sha256');
  for (const file of readdirSync(migrationsDir).filter((f) => /^\d{4}_.*\.ts$/.test(f)).sort()) {
    hash.update(file).update(readFileSync(join(migrationsDir, file)));
  }
  hash.update(readFileSync(join(migrationsDir, '../migrate.ts')));
  return hash.digest('hex').slice(0, 16);
}

function migratedPGlite(): Promise<Blob> {
  migratedDump ??= (async () => {
    const file = join(cacheDir, `pglite-${migrationsKey()}.tar`);
    if (existsSync(file)) return new Blob([readFileSync(file)]);
    const fresh = await createDatabase({ kind: 'pglite', dataDir: 'memory' });
    try {
      await migrateToLatest(fresh.owner as never);
      const dump = await fresh.dumpDataDir!();
      mkdirSync(cacheDir, { recursive: true });
      const partial = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
      writeFileSync(partial, new Uint8Array(await dump.arrayBuffer()));
      renameSync(partial, file); // atomic: concurrent writers leave one complete file
      return dump;
    } finally {
      await fresh.close();
    }
  })();
  return migratedDump;
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
