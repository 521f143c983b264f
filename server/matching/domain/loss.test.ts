import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bruteForceCore } from '../core/brute-force.test-support';
import { solveCore } from '../core/solve';
import type { CoreInstance, CorePair } from '../core/types';
import { lossOracle } from './loss';

// Random core instances without groups, up to 7 × 7, scores with many ties.
const instanceArb = fc
  .record({ rows: fc.integer({ min: 1, max: 7 }), cols: fc.integer({ min: 1, max: 7 }) })
  .chain(({ rows, cols }) =>
    fc.record({
      rows: fc.constant(rows),
      cols: fc.constant(cols),
      cells: fc.array(fc.option(fc.integer({ min: 1, max: 12 }), { freq: 2 }), { minLength: rows * cols, maxLength: rows * cols }),
    }),
  )
  .map(({ rows, cols, cells }): CoreInstance => {
    const pairs: CorePair[] = [];
    cells.forEach((w, k) => {
      if (w !== null) pairs.push([Math.floor(k / cols), k % cols, w]);
    });
    return { rows: Array.from({ length: rows }, (_, r) => ({ id: `r${r}` })), cols: Array.from({ length: cols }, (_, c) => ({ id: `c${c}` })), pairs };
  });

describe('loss of giving an unassigned household a dwelling', () => {
  it('equals the drop found by re-solving with the pair forced (brute force)', () => {
    fc.assert(
      fc.property(instanceArb, (instance) => {
        const optimum = bruteForceCore(instance);
        const solved = solveCore(instance);
        expect(solved.objective).toBe(optimum);
        const assigned = new Set(solved.assignment.map(([r]) => r));
        const oracle = lossOracle(instance);
        for (const [r, c, w] of instance.pairs) {
          if (assigned.has(r)) continue;
          const rest = bruteForceCore({ ...instance, pairs: instance.pairs.filter(([pr, pc]) => pr !== r && pc !== c) });
          expect(oracle(r, c, w)).toBe(optimum - (w + rest));
        }
      }),
      { numRuns: 1500, seed: 2026 },
    );
  });
});
