import { PGlite } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { CompiledQuery, Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { mkdirSync } from 'node:fs';
import { pgliteDialect, sharePGlite } from './pglite-dialect';
import type { DB } from './schema';

/** The runtime role: NOSUPERUSER, NOBYPASSRLS, owns nothing (RELIABILITY.md §3.2 P1). */
export const APP_ROLE = 'husly_app';

export type Database = {
  kind: 'pglite' | 'postgres';
  /** Owner handle: migrations, seed and tests that must act as the schema owner. */
  owner: Kysely<DB>;
  /** Runtime handle: every request runs here, as APP_ROLE, under row-level security. */
  app: Kysely<DB>;
  close(): Promise<void>;
  /** PGlite only: the whole data directory as a tarball (tests reuse a migrated one). */
  dumpDataDir?: () => Promise<Blob>;
};

export type DatabaseOptions =
  | { kind: 'pglite'; dataDir: string | 'memory'; loadDataDir?: Blob }
  | { kind: 'postgres'; url: string; appUrl?: string | undefined; poolSize: number };

// Calendar dates stay 'YYYY-MM-DD' strings (leases and deadlines are dates, not instants);
// bigint counts become numbers.
const DATE_OID = 1082;
const INT8_OID = 20;

export async function createDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.kind === 'pglite') {
    if (options.dataDir !== 'memory') mkdirSync(options.dataDir, { recursive: true });
    const pglite = await PGlite.create({
      dataDir: options.dataDir === 'memory' ? undefined : options.dataDir,
      ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
      parsers: { [DATE_OID]: (v: string) => v, [INT8_OID]: (v: string) => Number(v) },
      // Contrib extensions the migrations CREATE (PostgreSQL servers ship them in postgresql-contrib).
      extensions: { btree_gist },
    });
    const shared = sharePGlite(pglite);
    const owner = new Kysely<DB>({ dialect: pgliteDialect({ shared, role: null }) });
    const app = new Kysely<DB>({ dialect: pgliteDialect({ shared, role: APP_ROLE }) });
    return {
      kind: 'pglite',
      owner,
      app,
      async close() {
        await app.destroy();
        await owner.destroy();
        await pglite.close();
      },
      dumpDataDir: async () => {
        const dump = await shared.lock();
        try {
          return await pglite.dumpDataDir('none');
        } finally {
          dump();
        }
      },
    };
  }

  const types = {
    getTypeParser: (oid: number, format?: 'text' | 'binary') => {
      if (oid === DATE_OID) return (v: string) => v;
      if (oid === INT8_OID) return (v: string) => Number(v);
      return pg.types.getTypeParser(oid, format);
    },
  } as pg.CustomTypesConfig;
  const ownerPool = new pg.Pool({ connectionString: options.url, max: 2, types });
  const appPool = new pg.Pool({
    connectionString: options.appUrl ?? options.url,
    max: options.poolSize,
    types,
  });
  // A connection the server ends (restart, pg_terminate_backend, a database dropped WITH (FORCE))
  // must not crash the process: pg emits 'error' on the client — also on one that is closing, when
  // no listener is left — and the pool then drops it; a query in flight still fails with the error.
  for (const pool of [ownerPool, appPool]) {
    pool.on('error', () => undefined);
    pool.on('connect', (client) => client.on('error', () => undefined));
  }
  const owner = new Kysely<DB>({ dialect: new PostgresDialect({ pool: ownerPool }) });
  const app = new Kysely<DB>({
    dialect: new PostgresDialect({
      pool: appPool,
      // Session-level role switch on every new physical connection, awaited before first use,
      // so no query on the runtime pool — in or out of a transaction — runs as the owner.
      onCreateConnection: options.appUrl
        ? undefined
        : async (connection) => {
            await connection.executeQuery(CompiledQuery.raw(`SET ROLE ${APP_ROLE}`));
          },
    }),
  });
  return {
    kind: 'postgres',
    owner,
    app,
    async close() {
      await app.destroy();
      await owner.destroy();
    },
  };
}
