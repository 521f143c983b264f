import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../app';
import { testEnv } from '../../env';
import { createLogger } from '../../http/logging';
import { createTestDatabase, type TestDatabase } from '../../test/database';
import { controllableClock } from './test-controls';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
}, 60_000);
afterAll(async () => {
  await db.destroy();
});

async function appWith(controls: 'on' | 'off') {
  const testClock = controllableClock(() => Date.parse('2026-11-21T09:00:00Z'));
  const app = await createApp({
    db,
    env: testEnv({ HUSLY_TEST_CONTROLS: controls }),
    clock: testClock.clock,
    logger: createLogger({ level: 'silent' }),
    testClock,
  });
  return { app, testClock };
}

describe('test controls (browser tests only)', () => {
  it('do not exist unless HUSLY_TEST_CONTROLS=on', async () => {
    const { app, testClock } = await appWith('off');
    const clock = await app.inject({ method: 'POST', url: '/api/test-controls/clock', payload: { offsetDays: 90 } });
    const sweep = await app.inject({ method: 'POST', url: '/api/test-controls/scheduler' });
    expect([clock.statusCode, sweep.statusCode]).toEqual([404, 404]);
    expect(testClock.offsetDays()).toBe(0);
    await app.close();
  });

  it('move the clock forward and run a sweep when on', async () => {
    const { app, testClock } = await appWith('on');
    const clock = await app.inject({ method: 'POST', url: '/api/test-controls/clock', payload: { offsetDays: 90 } });
    expect(clock.statusCode).toBe(200);
    expect(clock.json()).toEqual({ offsetDays: 90, now: '2027-02-19T09:00:00.000Z' });
    expect(testClock.clock().toISOString()).toBe('2027-02-19T09:00:00.000Z');
    const sweep = await app.inject({ method: 'POST', url: '/api/test-controls/scheduler' });
    expect(sweep.statusCode).toBe(200);
    expect(sweep.json()).toMatchObject({ ran: true });
    const backwards = await app.inject({ method: 'POST', url: '/api/test-controls/clock', payload: { offsetDays: -1 } });
    expect(backwards.statusCode).toBe(400);
    await app.close();
  });
});
