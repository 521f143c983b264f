import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bruteForceCore } from './brute-force.test-support';
import { groupedInstance } from './groups-instances';
import { expectFeasible } from './groups-check.test-support';
import { solveWithGroups } from './groups';
import type { CoreInstance } from './types';

/** Random instances up to 7 × 7 with one or two tags and overlapping groups (max 0..2). */
const smallInstance = fc
  .record({
    rows: fc.integer({ min: 1, max: 7 }),
    cols: fc.integer({ min: 1, max: 7 }),
    maxScore: fc.constantFrom(1, 5, 1000),
  })
  .chain(({ rows, cols, maxScore }) =>
    fc.record({
      tags: fc.array(fc.subarray(['support', 'health']), { minLength: rows, maxLength: rows }),
      cells: fc.array(fc.option(fc.integer({ min: 1, max: maxScore }), { freq: 3 }), { minLength: rows * cols, maxLength: rows * cols }),
      groups: fc.array(
        fc.record({
          cols: fc.uniqueArray(fc.integer({ min: 0, max: cols - 1 }), { minLength: 1, maxLength: cols }),
          tag: fc.constantFrom('support', 'health'),
          max: fc.integer({ min: 0, max: 2 }),
        }),
        { maxLength: 3 },
      ),
    }).map(({ tags, cells, groups }): CoreInstance => {
      const pairs: [number, number, number][] = [];
      cells.forEach((w, k) => {
        if (w !== null) pairs.push([Math.floor(k / cols), k % cols, w]);
      });
      return {
        rows: tags.map((t, r) => ({ id: `h${r}`, tags: t })),
        cols: Array.from({ length: cols }, (_, c) => ({ id: `d${c}` })),
        pairs,
        groups,
      };
    }),
  );

const exhaustive = { timeLimitMs: Infinity, targetGap: 0, maxIterations: 300 };

describe('solveWithGroups', () => {
  it('returns a feasible solution and a bound that brackets the optimum (brute force, ≤ 7 × 7)', () => {
    let provedOptimal = 0;
    let runs = 0;
    fc.assert(
      fc.property(smallInstance, (instance) => {
        const result = solveWithGroups(instance, exhaustive);
        expectFeasible(instance, result);
        const optimum = bruteForceCore(instance);
        expect(result.objective).toBeLessThanOrEqual(optimum);
        expect(result.bound).toBeGreaterThanOrEqual(optimum);
        runs++;
        if (result.gap === 0) provedOptimal++;
      }),
      { numRuns: 1500, seed: 6 },
    );
    // The LP bound is usually tight on small instances: most runs close the gap entirely.
    expect(provedOptimal / runs).toBeGreaterThan(0.8);
  });

  it('finds the optimum of a small instance where the cap binds', () => {
    // Two support rows both prefer d0 and d1, which form one building with room for one of them.
    const instance: CoreInstance = {
      rows: [{ id: 'a', tags: ['support'] }, { id: 'b', tags: ['support'] }, { id: 'c' }],
      cols: [{ id: 'd0' }, { id: 'd1' }, { id: 'd2' }],
      pairs: [
        [0, 0, 10],
        [0, 1, 9],
        [0, 2, 2],
        [1, 0, 9],
        [1, 1, 10],
        [1, 2, 3],
        [2, 0, 4],
        [2, 1, 1],
        [2, 2, 1],
      ],
      groups: [{ cols: [0, 1], tag: 'support', max: 1 }],
    };
    const result = solveWithGroups(instance, exhaustive);
    expectFeasible(instance, result);
    // Best: b → d1 (10), c → d0 (4), a → d2 (2) = 16, or a → d1, b → d2, c → d0 (also 16);
    // without the cap a → d0, b → d1, c → d2 would give 21.
    expect(result.objective).toBe(16);
    expect(result.bound).toBe(16);
    expect(result.gap).toBe(0);
  });

  it('handles an empty instance and a group with max 0', () => {
    const empty = solveWithGroups({ rows: [], cols: [], pairs: [], groups: [] }, exhaustive);
    expect(empty).toMatchObject({ assignment: [], objective: 0, bound: 0, gap: 0 });
    const closed: CoreInstance = {
      rows: [{ id: 'a', tags: ['support'] }],
      cols: [{ id: 'd0' }],
      pairs: [[0, 0, 5]],
      groups: [{ cols: [0], tag: 'support', max: 0 }],
    };
    expect(solveWithGroups(closed, exhaustive)).toMatchObject({ assignment: [], objective: 0, bound: 0, gap: 0 });
  });

  it('is deterministic when it stops on the iteration count', () => {
    const instance = groupedInstance({ rows: 120, cols: 100, scores: 'spatial', seed: 11 });
    const options = { timeLimitMs: Infinity, targetGap: 0, maxIterations: 25 };
    const first = solveWithGroups(instance, options);
    const second = solveWithGroups(instance, options);
    expect({ ...second, millis: 0 }).toEqual({ ...first, millis: 0 });
  });

  it('closes the gap on medium generated instances (uniform and spatial, tight caps)', () => {
    for (const scores of ['uniform', 'spatial'] as const) {
      for (const seed of [1, 2]) {
        const instance = groupedInstance({ rows: 150, cols: 120, scores, seed, density: 0.6 });
        const result = solveWithGroups(instance, { timeLimitMs: Infinity, targetGap: 0.005, maxIterations: 300 });
        expectFeasible(instance, result);
        expect(result.gap).toBeLessThanOrEqual(0.005);
      }
    }
  });

  it('stops at the time limit with a valid result', () => {
    const instance = groupedInstance({ rows: 300, cols: 250, seed: 3 });
    const result = solveWithGroups(instance, { timeLimitMs: 1, targetGap: 0 });
    expectFeasible(instance, result);
    expect(result.objective).toBeGreaterThan(0);
  });
});
