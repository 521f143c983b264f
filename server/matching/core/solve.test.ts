import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bruteForceAssignment, toSparse } from './brute-force.test-support';
import { bindingGroups, solveCore } from './solve';
import type { CoreInstance, CorePair } from './types';

const instanceArb = fc
  .record({ rows: fc.integer({ min: 0, max: 7 }), cols: fc.integer({ min: 0, max: 7 }) })
  .chain(({ rows, cols }) =>
    fc
      .array(fc.option(fc.integer({ min: 1, max: 50 }), { freq: 2 }), { minLength: rows * cols, maxLength: rows * cols })
      .map((cells): CoreInstance => {
        const pairs: CorePair[] = [];
        cells.forEach((w, k) => {
          if (w !== null) pairs.push([Math.floor(k / cols), k % cols, w]);
        });
        return {
          rows: Array.from({ length: rows }, (_, i) => ({ id: `h${i}` })),
          cols: Array.from({ length: cols }, (_, i) => ({ id: `d${i}` })),
          pairs,
        };
      }),
  );

describe('solveCore', () => {
  it('without groups returns a feasible, exactly optimal assignment sorted by row, bound = objective and gap 0', () => {
    fc.assert(
      fc.property(instanceArb, (instance) => {
        const result = solveCore(instance);
        const best = bruteForceAssignment(toSparse(instance.rows.length, instance.cols.length, instance.pairs));
        expect(result.objective).toBe(best);
        expect(result.bound).toBe(best);
        expect(result.gap).toBe(0);
        const score = new Map(instance.pairs.map(([r, c, w]) => [`${r},${c}`, w]));
        const rows = result.assignment.map(([r]) => r);
        expect(rows).toEqual([...rows].sort((a, b) => a - b));
        expect(new Set(rows).size).toBe(rows.length);
        expect(new Set(result.assignment.map(([, c]) => c)).size).toBe(rows.length);
        const total = result.assignment.reduce((sum, [r, c]) => sum + score.get(`${r},${c}`)!, 0);
        expect(total).toBe(result.objective);
        expect(solveCore(instance).assignment).toEqual(result.assignment);
      }),
      { numRuns: 500, seed: 42 },
    );
  });

  it('solves exactly when every group is non-binding or empty', () => {
    const instance: CoreInstance = {
      rows: [{ id: 'a', tags: ['support'] }, { id: 'b' }],
      cols: [{ id: 'x' }, { id: 'y' }],
      pairs: [
        [0, 0, 3],
        [1, 1, 4],
      ],
      groups: [
        { cols: [], tag: 'support', max: 0 },
        { cols: [0, 1], tag: 'support', max: 1 }, // only one tagged row: cannot bind
        { cols: [1], tag: 'other', max: 5 },
      ],
    };
    expect(bindingGroups(instance)).toEqual([]);
    expect(solveCore(instance)).toMatchObject({ assignment: [[0, 0], [1, 1]], objective: 7, bound: 7, gap: 0 });
  });

  it('keeps a group that can bind', () => {
    const instance: CoreInstance = {
      rows: [{ id: 'a', tags: ['support'] }, { id: 'b', tags: ['support'] }],
      cols: [{ id: 'x' }, { id: 'y' }],
      pairs: [
        [0, 0, 3],
        [1, 1, 4],
      ],
      groups: [{ cols: [0, 1], tag: 'support', max: 1 }],
    };
    expect(bindingGroups(instance)).toEqual(instance.groups);
  });
});
