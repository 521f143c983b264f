import { Migrator, NO_MIGRATIONS, type Kysely, type MigrationResultSet } from 'kysely';
import { migrations } from './migrations/registry';

function migrator(db: Kysely<unknown>): Migrator {
  return new Migrator({
    db,
    provider: {
      async getMigrations() {
        return Object.fromEntries(migrations.map((m) => [m.name, { up: m.up, down: m.down }]));
      },
    },
    migrationTableSchema: 'public',
    migrationTableName: 'husly_migration',
    migrationLockTableName: 'husly_migration_lock',
  });
}

function unwrap(result: MigrationResultSet): string[] {
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error');
    throw new Error(`migration ${failed?.migrationName ?? '?'} failed: ${String(result.error)}`, {
      cause: result.error,
    });
  }
  return (result.results ?? []).map((r) => `${r.direction} ${r.migrationName}`);
}

/** Applies every pending migration; returns what ran. Must run on the owner handle. */
export async function migrateToLatest(db: Kysely<unknown>): Promise<string[]> {
  return unwrap(await migrator(db).migrateToLatest());
}

/** Migrates up or down to exactly `name` (or to nothing). */
export async function migrateTo(db: Kysely<unknown>, name: string | 'none'): Promise<string[]> {
  return unwrap(await migrator(db).migrateTo(name === 'none' ? NO_MIGRATIONS : name));
}

export async function migrateDownOne(db: Kysely<unknown>): Promise<string[]> {
  return unwrap(await migrator(db).migrateDown());
}
