import { solveAssignment, sparseFromPairs } from '../core/assignment';
import type { AssignmentSolution, CoreInstance, SparseAssignment } from '../core/types';

// "How much would the total drop if household r got dwelling c?" (issue 6 item 3: the dwellings
// that fit went to households with a higher combined value). For an unassigned row r:
//
//   loss(r, c) = OPT − (w(r, c) + OPT(G − r − c)),
//
// and since r is unassigned in an optimal matching M, OPT(G − r − c) = OPT(G − c): an
// alternating path never enters an unassigned row. OPT(G − c) is found without re-solving:
// when c is held by h in M, M − (h, c) with the optimal duals (u, v) of G is optimal except at
// h, and one search for the best alternating path from h repairs it (a single step of the
// Hungarian method; sensitivity analysis of the assignment problem). With reduced costs
// rc = u + v − w ≥ 0 the gain of a path from h ending at row e (e left unassigned) is
// u[h] − (Σ rc + u[e]), and ending at a free column f it is u[h] − (Σ rc + v[f]); Dijkstra over
// the reduced costs finds the best one, and stops as soon as the distance reaches the best end.
// Integer scores and integer duals keep everything exact. Checked against re-solving with the
// pair forced in loss.test.ts.
//
// This is exact for the instance without composition groups. With groups the engine's solution
// is that of the Lagrangian heuristic, and the loss is reported for the instance without the
// groups (what the pair would cost if the composition rules allowed it); decision 014.

export type LossOracle = (row: number, col: number, weight: number) => number;

/** `solved`: the instance's exact solution when the caller already has it (no groups). */
export function lossOracle(instance: CoreInstance, solved?: { problem: SparseAssignment; solution: AssignmentSolution }): LossOracle {
  const problem = solved?.problem ?? sparseFromPairs(instance.rows.length, instance.cols.length, instance.pairs);
  const solution = solved?.solution ?? solveAssignment(problem);
  const colToRow = new Int32Array(problem.cols).fill(-1);
  solution.rowToCol.forEach((c, r) => {
    if (c >= 0) colToRow[c] = r;
  });
  const without = new Map<number, number>();
  return (row, col, weight) => {
    let rest = without.get(col);
    if (rest === undefined) {
      rest = optimumWithoutColumn(problem, solution, colToRow, col);
      without.set(col, rest);
    }
    // The row must be unassigned in the optimum for the identity above; it is for "outcompeted".
    void row;
    return Math.max(0, solution.objective - weight - rest);
  };
}

/** OPT of the problem with column `col` removed, from the optimal matching and duals. */
export function optimumWithoutColumn(problem: SparseAssignment, solution: AssignmentSolution, colToRow: Int32Array, col: number): number {
  const holder = colToRow[col]!;
  if (holder === -1) return solution.objective;
  const { rowStart, colIndex, weight } = problem;
  const { u, v, rowToCol } = solution;
  let wHolder = 0;
  for (let k = rowStart[holder]!; k < rowStart[holder + 1]!; k++) if (colIndex[k] === col) wHolder = weight[k]!;

  const dist = new Map<number, number>([[holder, 0]]);
  const done = new Set<number>();
  const heap = new MinHeap();
  heap.push(0, holder);
  let best = u[holder]!; // stop at once: h stays unassigned, gain 0
  while (heap.size > 0) {
    const [d, x] = heap.pop();
    if (d >= best) break;
    if (done.has(x) || d > (dist.get(x) ?? Infinity)) continue;
    done.add(x);
    best = Math.min(best, d + u[x]!);
    const own = rowToCol[x]!;
    for (let k = rowStart[x]!; k < rowStart[x + 1]!; k++) {
      const y = colIndex[k]!;
      if (y === col || y === own) continue;
      const nd = d + (u[x]! + v[y]! - weight[k]!);
      const next = colToRow[y]!;
      if (next === -1) {
        best = Math.min(best, nd + v[y]!);
        continue;
      }
      if (nd < (dist.get(next) ?? Infinity) && nd < best) {
        dist.set(next, nd);
        heap.push(nd, next);
      }
    }
  }
  const gain = u[holder]! - best;
  return solution.objective - wHolder + gain;
}

/** A binary min-heap of (key, value) with ties broken by value (deterministic). */
class MinHeap {
  private keys: number[] = [];
  private values: number[] = [];

  get size(): number {
    return this.keys.length;
  }

  push(key: number, value: number): void {
    this.keys.push(key);
    this.values.push(value);
    let i = this.keys.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.less(i, p)) break;
      this.swap(i, p);
      i = p;
    }
  }

  pop(): [number, number] {
    const top: [number, number] = [this.keys[0]!, this.values[0]!];
    const lastKey = this.keys.pop()!;
    const lastValue = this.values.pop()!;
    if (this.keys.length > 0) {
      this.keys[0] = lastKey;
      this.values[0] = lastValue;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < this.keys.length && this.less(l, m)) m = l;
        if (r < this.keys.length && this.less(r, m)) m = r;
        if (m === i) break;
        this.swap(i, m);
        i = m;
      }
    }
    return top;
  }

  private less(a: number, b: number): boolean {
    return this.keys[a]! < this.keys[b]! || (this.keys[a] === this.keys[b] && this.values[a]! < this.values[b]!);
  }

  private swap(a: number, b: number): void {
    [this.keys[a], this.keys[b]] = [this.keys[b]!, this.keys[a]!];
    [this.values[a], this.values[b]] = [this.values[b]!, this.values[a]!];
  }
}
