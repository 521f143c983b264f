import { afterAll, describe, expect, it } from 'vitest';
import { AppError } from '../http/errors';
import { batch, dwelling, household, syntheticBatch } from './domain/domain.test-support';
import { solveDomain } from './domain/solve-domain';
import { closeMatchingWorker, runMatching } from './run-in-worker';

afterAll(async () => {
  await closeMatchingWorker();
});

const small = batch({ households: [household('a', { waitingDays: 90 }), household('b')], dwellings: [dwelling('x')] });

describe('runMatching (worker thread)', () => {
  it('runs the matcher in a worker and returns the same result as in process', async () => {
    const result = await runMatching(small, { timeoutMs: 30_000 });
    const local = solveDomain(small);
    expect({ ...result, quality: { ...result.quality, millis: 0 } }).toEqual({ ...local, quality: { ...local.quality, millis: 0 } });
    expect(result.proposals.map((p) => [p.householdId, p.dwellingId])).toEqual([['a', 'x']]);
  });

  it('really runs off the main thread: the event loop keeps turning during a large batch', async () => {
    const big = syntheticBatch(300, 300);
    let ticks = 0;
    const timer = setInterval(() => ticks++, 5);
    const result = await runMatching(big, { timeoutMs: 60_000 });
    clearInterval(timer);
    expect(result.proposals.length).toBeGreaterThan(200);
    // In process the same solve blocks the loop for its whole duration (no tick could run).
    expect(ticks).toBeGreaterThan(3);
  });

  it('maps an invalid lock to allocation.lock_invalid with the detail', async () => {
    const input = { ...small, locks: [{ householdId: 'a', dwellingId: 'nope', kind: 'force' as const }] };
    const error: unknown = await runMatching(input, { timeoutMs: 30_000 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('allocation.lock_invalid');
    expect((error as AppError).detail).toMatch(/nope is not in the batch/);
  });

  it('terminates a worker past its deadline (allocation.matching_unavailable), and the next job gets a fresh one', async () => {
    const big = syntheticBatch(300, 300);
    const error: unknown = await runMatching(big, { timeoutMs: 1 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('allocation.matching_unavailable');
    const after = await runMatching(small, { timeoutMs: 30_000 });
    expect(after.proposals).toHaveLength(1);
  });

  it('queues concurrent jobs and answers each', async () => {
    const inputs = [0, 1, 2].map((k) => batch({ households: [household(`h${k}`)], dwellings: [dwelling(`d${k}`)] }));
    const results = await Promise.all(inputs.map((input) => runMatching(input, { timeoutMs: 30_000 })));
    expect(results.map((r) => r.proposals[0]?.householdId)).toEqual(['h0', 'h1', 'h2']);
  });
});
