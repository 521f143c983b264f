import type { PGlite } from '@electric-sql/pglite';
import {
  CompiledQuery,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type Kysely,
  type QueryResult,
} from 'kysely';

// A minimal Kysely dialect for PGlite (decision 002: the published dialects pin PGlite < 0.5).
// PGlite is a single connection, so a mutex hands it to one Kysely connection at a time: a
// transaction therefore owns the database until it commits or rolls back. `role` is applied on
// every hand-over, so the owner handle (migrations) and the app handle (runtime role) can share
// one embedded database without the runtime ever running as the owner.

function createMutex() {
  let tail: Promise<void> = Promise.resolve();
  return async function lock(): Promise<() => void> {
    let release!: () => void;
    const next = new Promise<void>((resolve) => (release = resolve));
    const previous = tail;
    tail = previous.then(() => next);
    await previous;
    return release;
  };
}

export type PGliteShared = { pglite: PGlite; lock: () => Promise<() => void> };

export function sharePGlite(pglite: PGlite): PGliteShared {
  return { pglite, lock: createMutex() };
}

class PGliteConnection implements DatabaseConnection {
  constructor(private readonly pglite: PGlite) {}

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    if (query.parameters.length === 0) {
      // Simple-query protocol: allows several statements (migrations), like pg does.
      const results = await this.pglite.exec(query.sql, { rowMode: 'object' });
      const last = results.at(-1);
      return {
        rows: (last?.rows ?? []) as R[],
        numAffectedRows:
          last?.affectedRows === undefined ? undefined : BigInt(last.affectedRows),
      };
    }
    const result = await this.pglite.query<R>(query.sql, [...query.parameters], {
      rowMode: 'object',
    });
    return {
      rows: result.rows,
      numAffectedRows:
        result.affectedRows === undefined ? undefined : BigInt(result.affectedRows),
    };
  }

  // eslint-disable-next-line require-yield
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('streaming is not supported on PGlite');
  }
}

export function pgliteDialect({ shared, role }: { shared: PGliteShared; role: string | null }): Dialect {
  const releases = new WeakMap<DatabaseConnection, () => void>();
  const driver: Driver = {
    async init() {},
    async acquireConnection() {
      const release = await shared.lock();
      const connection = new PGliteConnection(shared.pglite);
      releases.set(connection, release);
      try {
        await shared.pglite.exec(role ? `SET ROLE ${role}` : 'RESET ROLE');
      } catch (error) {
        release();
        throw error;
      }
      return connection;
    },
    async beginTransaction(connection, settings) {
      const isolation = settings.isolationLevel ? ` ISOLATION LEVEL ${settings.isolationLevel.toUpperCase()}` : '';
      await connection.executeQuery(CompiledQuery.raw(`BEGIN${isolation}`));
    },
    async commitTransaction(connection) {
      await connection.executeQuery(CompiledQuery.raw('COMMIT'));
    },
    async rollbackTransaction(connection) {
      await connection.executeQuery(CompiledQuery.raw('ROLLBACK'));
    },
    async releaseConnection(connection) {
      releases.get(connection)?.();
      releases.delete(connection);
    },
    async destroy() {},
  };
  return {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => driver,
    createIntrospector: (db: Kysely<unknown>) => new PostgresIntrospector(db),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  };
}
