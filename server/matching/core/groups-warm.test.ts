import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bruteForceAssignment, toSparse } from './brute-force.test-support';
import { solveAssignmentWarm, type WarmStart } from './groups-warm';

type Pair = [number, number, number];

const instanceArb = fc
  .record({ rows: fc.integer({ min: 1, max: 7 }), cols: fc.integer({ min: 1, max: 7 }), maxScore: fc.constantFrom(1, 4, 1000) })
  .chain(({ rows, cols, maxScore }) =>
    fc.record({
      rows: fc.constant(rows),
      cols: fc.constant(cols),
      cells: fc.array(fc.option(fc.integer({ min: 1, max: maxScore }), { freq: 3 }), { minLength: rows * cols, maxLength: rows * cols }),
      // Weight changes between the chained solves, as the Lagrangian loop makes them.
      shifts: fc.array(fc.array(fc.double({ min: -300, max: 300, noNaN: true }), { minLength: rows * cols, maxLength: rows * cols }), { minLength: 1, maxLength: 4 }),
    }),
  );

function pairsOf(cols: number, cells: (number | null)[], shift?: number[]): Pair[] {
  const pairs: Pair[] = [];
  cells.forEach((w, k) => {
    if (w === null) return;
    const value = shift ? w + shift[k]! : w;
    if (value > 0) pairs.push([Math.floor(k / cols), k % cols, value]);
  });
  return pairs;
}

describe('solveAssignmentWarm', () => {
  it('is optimal cold and after warm starts from the previous solution (brute force, ≤ 7 × 7)', () => {
    fc.assert(
      fc.property(instanceArb, ({ rows, cols, cells, shifts }) => {
        let warm: WarmStart | null = null;
        for (const shift of [undefined, ...shifts]) {
          const pairs = pairsOf(cols, cells, shift);
          const problem = toSparse(rows, cols, pairs);
          const solution = solveAssignmentWarm(problem, warm);
          const optimum = bruteForceAssignment(problem);
          const used = new Set<number>();
          let objective = 0;
          solution.rowToCol.forEach((c, r) => {
            if (c < 0) return;
            expect(used.has(c)).toBe(false);
            used.add(c);
            const pair = pairs.find(([pr, pc]) => pr === r && pc === c);
            expect(pair).toBeDefined();
            objective += pair![2];
          });
          expect(objective).toBeCloseTo(solution.objective, 6);
          expect(solution.objective).toBeCloseTo(optimum, 6);
          // Dual certificate: feasible and summing to the optimum.
          for (const [r, c, w] of pairs) expect(solution.u[r]! + solution.v[c]!).toBeGreaterThanOrEqual(w - 1e-6);
          const dual = solution.u.reduce((a, b) => a + b, 0) + solution.v.reduce((a, b) => a + b, 0);
          expect(dual).toBeCloseTo(optimum, 6);
          warm = { rowToCol: solution.rowToCol, v: solution.v };
        }
      }),
      { numRuns: 1500, seed: 7 },
    );
  });
});
