import { sql } from 'kysely';
import { migrateToLatest } from '../db/migrate';
import { seedDemo } from '../seed';
import { openDatabaseFromEnv } from './cli-db';

// Drops everything Husly owns, migrates from scratch and seeds the demo municipality again.
const { env, db } = await openDatabaseFromEnv();
try {
  await sql`DROP SCHEMA IF EXISTS app CASCADE`.execute(db.owner);
  await sql`DROP TABLE IF EXISTS public.husly_migration, public.husly_migration_lock`.execute(db.owner);
  await migrateToLatest(db.owner as never);
  const result = await seedDemo({ db: db.app, password: env.HUSLY_DEMO_PASSWORD });
  console.log(`Databasen er nullstilt. Demokommune: ${result.municipality}`);
} finally {
  await db.close();
}
