import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { solveAssignment, solveAssignmentPath } from './assignment';
import { solveCompleteSquare } from './assignment-complete';
import { bruteForceAssignment, toSparse } from './brute-force.test-support';
import type { AssignmentSolution, SparseAssignment } from './types';

type Pair = [number, number, number];

/** Random instances up to 8 × 8: rectangular, sparse to complete, small or large scores (ties). */
const instanceArb = fc
  .record({ rows: fc.integer({ min: 1, max: 8 }), cols: fc.integer({ min: 1, max: 8 }), maxScore: fc.constantFrom(1, 3, 1000, 2 ** 31 - 1) })
  .chain(({ rows, cols, maxScore }) =>
    fc
      .array(fc.option(fc.integer({ min: 1, max: maxScore }), { freq: 3 }), { minLength: rows * cols, maxLength: rows * cols })
      .map((cells) => {
        const pairs: Pair[] = [];
        cells.forEach((w, k) => {
          if (w !== null) pairs.push([Math.floor(k / cols), k % cols, w]);
        });
        return { rows, cols, pairs };
      }),
  );

/** Checks feasibility and the dual certificate; returns the objective. */
function checkSolution(problem: SparseAssignment, pairs: Pair[], s: AssignmentSolution): number {
  const usedCols = new Set<number>();
  let objective = 0;
  s.rowToCol.forEach((c, r) => {
    if (c < 0) return;
    expect(usedCols.has(c)).toBe(false);
    usedCols.add(c);
    const pair = pairs.find(([pr, pc]) => pr === r && pc === c);
    expect(pair).toBeDefined();
    objective += pair![2];
  });
  expect(s.objective).toBe(objective);
  for (const x of s.u) expect(x).toBeGreaterThanOrEqual(0);
  for (const x of s.v) expect(x).toBeGreaterThanOrEqual(0);
  for (const [r, c, w] of pairs) expect(s.u[r]! + s.v[c]!).toBeGreaterThanOrEqual(w);
  const dual = s.u.reduce((a, b) => a + b, 0) + s.v.reduce((a, b) => a + b, 0);
  expect(dual).toBe(objective);
  expect(s.rowToCol.length).toBe(problem.rows);
  return objective;
}

describe('solveAssignment', () => {
  it('finds the maximum total score on thousands of random instances up to 8 × 8, on every path, with a valid dual certificate', () => {
    fc.assert(
      fc.property(instanceArb, ({ rows, cols, pairs }) => {
        const problem = toSparse(rows, cols, pairs);
        const best = bruteForceAssignment(problem);
        expect(checkSolution(problem, pairs, solveAssignment(problem))).toBe(best);
        expect(checkSolution(problem, pairs, solveAssignmentPath(problem, 'dense'))).toBe(best);
        expect(checkSolution(problem, pairs, solveAssignmentPath(problem, 'sparse'))).toBe(best);
        expect(checkSolution(problem, pairs, solveAssignmentPath(problem, 'pricing', 1))).toBe(best);
        expect(checkSolution(problem, pairs, solveAssignmentPath(problem, 'complete'))).toBe(best);
      }),
      { numRuns: 2000, seed: 20260601 },
    );
  }, 30_000);

  it('is deterministic: the same input gives the identical output', () => {
    fc.assert(
      fc.property(instanceArb, ({ rows, cols, pairs }) => {
        const a = solveAssignment(toSparse(rows, cols, pairs));
        const b = solveAssignment(toSparse(rows, cols, pairs));
        expect(Array.from(b.rowToCol)).toEqual(Array.from(a.rowToCol));
        expect(Array.from(b.u)).toEqual(Array.from(a.u));
        expect(Array.from(b.v)).toEqual(Array.from(a.v));
      }),
      { numRuns: 300, seed: 7 },
    );
  });

  it('leaves a row unassigned rather than taking a column a better row needs', () => {
    // Row 0 and row 1 both only fit column 0; row 1 scores higher.
    const s = solveAssignment(toSparse(2, 2, [[0, 0, 5], [1, 0, 9]]));
    expect(Array.from(s.rowToCol)).toEqual([-1, 0]);
    expect(s.objective).toBe(9);
  });

  it('handles empty problems and rows without pairs', () => {
    expect(solveAssignment(toSparse(0, 0, [])).objective).toBe(0);
    const s = solveAssignment(toSparse(3, 2, [[2, 1, 4]]));
    expect(Array.from(s.rowToCol)).toEqual([-1, -1, 1]);
    expect(s.objective).toBe(4);
  });

  it('agrees across paths on medium dense instances (pricing with several rounds against the direct paths)', () => {
    let seed = 12345;
    const rnd = () => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed / 0x7fffffff;
    };
    for (const [rows, cols, density] of [
      [120, 120, 1],
      [150, 90, 0.8],
      [80, 140, 0.6],
    ] as const) {
      const pairs: Pair[] = [];
      const px = Array.from({ length: rows }, () => [rnd(), rnd()] as const);
      const qx = Array.from({ length: cols }, () => [rnd(), rnd()] as const);
      for (let r = 0; r < rows; r++) {
        for (let c = 0; c < cols; c++) {
          if (rnd() >= density) continue;
          // spatial: close pairs score high (many near-ties), plus a little noise
          const d = Math.hypot(px[r]![0] - qx[c]![0], px[r]![1] - qx[c]![1]);
          pairs.push([r, c, Math.max(1, Math.floor(1000 * (1.5 - d) + 20 * rnd()))]);
        }
      }
      const problem = toSparse(rows, cols, pairs);
      const reference = checkSolution(problem, pairs, solveAssignmentPath(problem, 'dense'));
      expect(checkSolution(problem, pairs, solveAssignmentPath(problem, 'sparse'))).toBe(reference);
      expect(checkSolution(problem, pairs, solveAssignmentPath(problem, 'pricing', 2))).toBe(reference);
      expect(checkSolution(problem, pairs, solveAssignment(problem))).toBe(reference);
    }
  }, 30_000);
});

/** Complete square instances up to 8 × 8 (every pair allowed), small score ranges for many ties. */
const completeArb = fc
  .record({ n: fc.integer({ min: 1, max: 8 }), maxScore: fc.constantFrom(1, 2, 5, 1000, 2 ** 31 - 1) })
  .chain(({ n, maxScore }) =>
    fc.array(fc.integer({ min: 1, max: maxScore }), { minLength: n * n, maxLength: n * n }).map((cells) => ({
      n,
      pairs: cells.map((w, k): Pair => [Math.floor(k / n), k % n, w]),
    })),
  );

/** Clustered complete instances like the benchmark's "spatial" (many near-ties, long paths). */
function clusteredComplete(n: number, seedStart: number, noise: number): Pair[] {
  let seed = seedStart;
  const rnd = () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
  const point = (centres: number[][]) => {
    const c = centres[Math.floor(rnd() * rnd() * centres.length)]!;
    return [c[0]! + 0.1 * (rnd() - 0.5), c[1]! + 0.1 * (rnd() - 0.5)];
  };
  const rowCentres = Array.from({ length: 4 }, () => [rnd(), rnd()]);
  const colCentres = Array.from({ length: 4 }, () => [rnd(), rnd()]);
  const rows = Array.from({ length: n }, () => point(rowCentres));
  const cols = Array.from({ length: n }, () => point(colCentres));
  const pairs: Pair[] = [];
  for (let r = 0; r < n; r++) {
    for (let c = 0; c < n; c++) {
      const d = Math.hypot(rows[r]![0]! - cols[c]![0]!, rows[r]![1]! - cols[c]![1]!);
      pairs.push([r, c, Math.max(1, Math.round(100_000 * (1.5 - d) + noise * rnd()))]);
    }
  }
  return pairs;
}

describe('solveCompleteSquare (auction prices, exact shortest paths)', () => {
  it('finds the maximum on thousands of complete square instances up to 8 × 8, with a valid dual certificate', () => {
    fc.assert(
      fc.property(completeArb, ({ n, pairs }) => {
        const problem = toSparse(n, n, pairs);
        const s = solveCompleteSquare(problem);
        expect(s).not.toBeNull();
        expect(checkSolution(problem, pairs, s!)).toBe(bruteForceAssignment(problem));
        // every row is assigned: with positive scores the optimum is a perfect matching
        expect(Array.from(s!.rowToCol).every((c) => c >= 0)).toBe(true);
      }),
      { numRuns: 2000, seed: 20261122 },
    );
  }, 30_000);

  it('agrees with the dense path on clustered complete instances and is deterministic', () => {
    for (const [n, seed, noise] of [
      [150, 1, 20_000],
      [200, 2, 3],
      [97, 3, 0],
    ] as const) {
      const pairs = clusteredComplete(n, seed, noise);
      const problem = toSparse(n, n, pairs);
      const reference = checkSolution(problem, pairs, solveAssignmentPath(problem, 'dense'));
      const s = solveCompleteSquare(problem);
      expect(s).not.toBeNull();
      expect(checkSolution(problem, pairs, s!)).toBe(reference);
      expect(checkSolution(problem, pairs, solveAssignment(problem))).toBe(reference);
      const again = solveCompleteSquare(toSparse(n, n, pairs))!;
      expect(Array.from(again.rowToCol)).toEqual(Array.from(s!.rowToCol));
      expect(Array.from(again.u)).toEqual(Array.from(s!.u));
    }
  }, 30_000);

  it('declines problems that are not complete, square and integral (the caller uses another path)', () => {
    expect(solveCompleteSquare(toSparse(2, 3, [[0, 0, 1], [0, 1, 1], [0, 2, 1], [1, 0, 1], [1, 1, 1], [1, 2, 1]]))).toBeNull();
    expect(solveCompleteSquare(toSparse(2, 2, [[0, 0, 1], [0, 1, 1], [1, 0, 1]]))).toBeNull();
    expect(solveCompleteSquare(toSparse(2, 2, [[0, 0, 1.5], [0, 1, 1], [1, 0, 1], [1, 1, 1]]))).toBeNull();
    // a repeated pair instead of a missing one
    expect(solveCompleteSquare(toSparse(2, 2, [[0, 0, 1], [0, 0, 2], [1, 0, 1], [1, 1, 1]]))).toBeNull();
  });
});
