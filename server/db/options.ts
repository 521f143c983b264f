import { join } from 'node:path';
import type { Env } from '../env';
import type { DatabaseOptions } from './db';

/** DATABASE_URL set → PostgreSQL server; otherwise embedded PGlite under HUSLY_DATA_DIR/pglite. */
export function databaseOptionsFromEnv(env: Env): DatabaseOptions {
  return env.DATABASE_URL
    ? { kind: 'postgres', url: env.DATABASE_URL, appUrl: env.APP_DATABASE_URL, poolSize: env.DATABASE_POOL_SIZE }
    : { kind: 'pglite', dataDir: join(env.HUSLY_DATA_DIR, 'pglite') };
}
