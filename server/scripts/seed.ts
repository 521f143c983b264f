import { migrateToLatest } from '../db/migrate';
import { seedDemo } from '../seed';
import { openDatabaseFromEnv } from './cli-db';

const { env, db } = await openDatabaseFromEnv();
try {
  await migrateToLatest(db.owner as never);
  const result = await seedDemo({ db: db.app, password: env.HUSLY_DEMO_PASSWORD });
  console.log(`${result.created ? 'Opprettet' : 'Finnes fra før'}: ${result.municipality}`);
  for (const login of result.logins) console.log(`  ${login.email}  (${login.roles.join(', ')})`);
} finally {
  await db.close();
}
