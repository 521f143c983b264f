import { z } from 'zod';
import type { AppDeps } from '../../app';
import { appError } from '../../http/errors';
import { defineRoute, type AnyRoute } from '../../http/route';
import { runScheduler } from '../tasks/scheduler';

/**
 * A wall clock that browser tests can move forward ("move the clock, see the reminder"). Only
 * created when HUSLY_TEST_CONTROLS=on; production never has an offset.
 */
export type ControllableClock = { clock: () => Date; setOffsetDays(days: number): void; offsetDays(): number };

export function controllableClock(now: () => number = Date.now): ControllableClock {
  let offsetDays = 0;
  return {
    clock: () => new Date(now() + offsetDays * 86_400_000),
    setOffsetDays(days) {
      offsetDays = days;
    },
    offsetDays: () => offsetDays,
  };
}

const clockRequest = z.strictObject({ offsetDays: z.number().int().min(0).max(3660) });
const clockResponse = z.object({ offsetDays: z.number().int(), now: z.string() });
const sweepResponse = z.object({ ran: z.boolean(), remindersCreated: z.number().int() });

/**
 * Test-only endpoints for the browser tests of the built server: move the clock, run one reminder
 * sweep now. Registered only when the operator sets HUSLY_TEST_CONTROLS=on (the server then warns
 * at start-up); absent otherwise, so they answer 404 like any unknown route.
 */
export function testControlRoutes(deps: AppDeps, controls: ControllableClock): AnyRoute[] {
  if (deps.env.HUSLY_TEST_CONTROLS !== 'on') return [];
  return [
    defineRoute({
      method: 'POST',
      url: '/api/test-controls/clock',
      summary: 'TEST ONLY: move the server clock forward by whole days',
      tags: ['test-controls'],
      auth: 'none',
      body: clockRequest,
      response: clockResponse,
      handler: async ({ body }) => {
        if (deps.env.HUSLY_TEST_CONTROLS !== 'on') throw appError('route.not_found');
        controls.setOffsetDays(body.offsetDays);
        return { offsetDays: controls.offsetDays(), now: deps.clock().toISOString() };
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/test-controls/scheduler',
      summary: 'TEST ONLY: run one reminder sweep now',
      tags: ['test-controls'],
      auth: 'none',
      response: sweepResponse,
      handler: async () => {
        const report = await runScheduler({ db: deps.db, clock: deps.clock, logger: deps.logger });
        return { ran: report.ran, remindersCreated: report.remindersCreated };
      },
    }),
  ];
}
