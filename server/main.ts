import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApp } from './app';
import { createDatabase, type Database } from './db/db';
import { migrateToLatest } from './db/migrate';
import { databaseOptionsFromEnv } from './db/options';
import { parseEnv } from './env';
import { createLogger } from './http/logging';
import { controllableClock } from './modules/test-controls/test-controls';
import { seedDemo } from './seed';

async function main(): Promise<void> {
  const env = parseEnv();
  const logger = createLogger({ level: env.LOG_LEVEL });
  const db: Database = await createDatabase(databaseOptionsFromEnv(env));
  const applied = await migrateToLatest(db.owner as never);
  logger.info({ migrations: applied.length, database: db.kind }, 'database ready');

  if (env.HUSLY_SEED === 'demo') {
    const seeded = await seedDemo({ db: db.app, password: env.HUSLY_DEMO_PASSWORD });
    const lines = seeded.logins.map((l) => `    ${l.email.padEnd(40)} ${l.roles.join(', ')}`);
    // Console, not the log: these are synthetic demo accounts, printed for the person starting the app.
    console.log(
      [
        '',
        `  Husly — demokommune ${seeded.municipality}${seeded.created ? ' (opprettet nå)' : ''}`,
        `  Demo-innlogginger (passord: ${env.HUSLY_DEMO_PASSWORD}):`,
        ...lines,
        '',
      ].join('\n'),
    );
  }

  const here = dirname(fileURLToPath(import.meta.url));
  const webRoot = resolve(here, '../web');
  const testClock = env.HUSLY_TEST_CONTROLS === 'on' ? controllableClock() : undefined;
  if (testClock) logger.warn('HUSLY_TEST_CONTROLS=on: test endpoints can move the clock — never use this for real data');
  const clock = testClock?.clock ?? (() => new Date());
  const app = await createApp({ db, env, clock, logger, webRoot, testClock });

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    logger.info({ signal }, 'shutting down');
    const timer = setTimeout(() => process.exit(1), 10_000);
    timer.unref();
    try {
      await app.close(); // stops accepting, lets in-flight requests finish
      await db.close();
      process.exit(0);
    } catch (error) {
      logger.error({ err: String(error) }, 'shutdown failed');
      process.exit(1);
    }
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));

  await app.listen({ port: env.PORT, host: env.HOST });
  console.log(`  Husly kjører på http://localhost:${env.PORT}\n`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
