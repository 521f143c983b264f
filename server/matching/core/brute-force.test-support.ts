import type { CoreInstance, SparseAssignment } from './types';

// Reference solvers for tests only: obviously correct, exponential, for instances up to 8 × 8.

/** The CSR form of pairs [row, col, weight] (sorted by row, then column). */
export function toSparse(rows: number, cols: number, pairs: readonly (readonly [number, number, number])[]): SparseAssignment {
  const sorted = [...pairs].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const rowStart = new Int32Array(rows + 1);
  for (const [r] of sorted) rowStart[r + 1]!++;
  for (let r = 0; r < rows; r++) rowStart[r + 1]! += rowStart[r]!;
  const colIndex = new Int32Array(sorted.length);
  const weight = new Float64Array(sorted.length);
  sorted.forEach(([, c, w], k) => {
    colIndex[k] = c;
    weight[k] = w;
  });
  return { rows, cols, rowStart, colIndex, weight };
}

/**
 * Maximum total weight of a matching, by dynamic programming over rows and the set of used
 * columns (2^cols states): best[mask] after each row.
 */
export function bruteForceAssignment(problem: SparseAssignment): number {
  const { rows, cols, rowStart, colIndex, weight } = problem;
  if (cols > 16) throw new Error('bruteForceAssignment: at most 16 columns');
  const size = 1 << cols;
  let best = new Float64Array(size).fill(-Infinity);
  best[0] = 0;
  for (let r = 0; r < rows; r++) {
    const next = Float64Array.from(best); // the row stays unassigned
    for (let mask = 0; mask < size; mask++) {
      const b = best[mask]!;
      if (b === -Infinity) continue;
      for (let k = rowStart[r]!; k < rowStart[r + 1]!; k++) {
        const bit = 1 << colIndex[k]!;
        if ((mask & bit) !== 0) continue;
        const value = b + weight[k]!;
        if (value > next[mask | bit]!) next[mask | bit] = value;
      }
    }
    best = next;
  }
  let max = 0;
  for (const b of best) if (b > max) max = b;
  return max;
}

/**
 * Optimum of a core instance with groups, by depth-first search over every row's choice
 * (a column or none) with the group counters; for instances up to about 7 × 7.
 */
export function bruteForceCore(instance: CoreInstance): number {
  const rows = instance.rows.length;
  const groups = instance.groups ?? [];
  const byRow: [number, number][][] = Array.from({ length: rows }, () => []);
  for (const [r, c, w] of instance.pairs) byRow[r]!.push([c, w]);
  // For each (row, col): the groups a chosen pair counts in.
  const groupsOf = (r: number, c: number): number[] => {
    const tags = instance.rows[r]?.tags ?? [];
    const out: number[] = [];
    groups.forEach((g, gi) => {
      if (tags.includes(g.tag) && g.cols.includes(c)) out.push(gi);
    });
    return out;
  };
  const counts = groups.map(() => 0);
  const usedCol = new Set<number>();
  let best = 0;
  const visit = (r: number, total: number): void => {
    if (r === rows) {
      if (total > best) best = total;
      return;
    }
    visit(r + 1, total);
    for (const [c, w] of byRow[r]!) {
      if (usedCol.has(c)) continue;
      const gs = groupsOf(r, c);
      if (gs.some((g) => counts[g]! + 1 > groups[g]!.max)) continue;
      usedCol.add(c);
      for (const g of gs) counts[g]!++;
      visit(r + 1, total + w);
      for (const g of gs) counts[g]!--;
      usedCol.delete(c);
    }
  };
  visit(0, 0);
  return best;
}
