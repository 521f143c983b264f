import { migrateToLatest } from '../db/migrate';
import { openDatabaseFromEnv } from './cli-db';

const { db } = await openDatabaseFromEnv();
try {
  const ran = await migrateToLatest(db.owner as never);
  console.log(ran.length ? ran.join('\n') : 'Databasen er oppdatert (ingen nye migreringer).');
} finally {
  await db.close();
}
