import { createDatabase } from '../db/db';
import { parseEnv } from '../env';
import { databaseOptionsFromEnv } from '../db/options';

export async function openDatabaseFromEnv() {
  const env = parseEnv();
  return { env, db: await createDatabase(databaseOptionsFromEnv(env)) };
}
