// The core matching problem (issue 6 item 7, docs/matching-format.md): choose a set of pairs,
// each row and each column at most once, and for every group at most `max` chosen pairs whose
// row carries the group's tag and whose column is in the group's columns; maximise the sum of
// the scores. Pure data: no database, no I/O.

export type CoreRow = { id: string; tags?: string[] };
export type CoreCol = { id: string };
/** [rowIndex, colIndex, score]: an allowed pair; score a positive integer. */
export type CorePair = [number, number, number];
export type CoreGroup = { cols: number[]; tag: string; max: number };

export type CoreInstance = {
  rows: CoreRow[];
  cols: CoreCol[];
  pairs: CorePair[];
  groups?: CoreGroup[];
};

export type CoreResult = {
  /** Chosen pairs [rowIndex, colIndex], sorted by row. */
  assignment: [number, number][];
  /** Sum of the chosen pairs' scores. */
  objective: number;
  /** Upper bound on the optimum (= objective when proven optimal). */
  bound: number;
  /** (bound − objective) / bound, 0 when optimal (and when bound is 0). */
  gap: number;
  millis: number;
};

export type SolveOptions = {
  /** Stop improving after this long (groups only; without groups the result is always exact). */
  timeLimitMs?: number;
  /** Stop when the gap is at most this (groups only), e.g. 0.001. */
  targetGap?: number;
};

/**
 * A sparse assignment problem in compressed-row form, the input of the exact solver:
 * the allowed columns of row r are colIndex[rowStart[r] .. rowStart[r+1]) with weight[k] > 0.
 */
export type SparseAssignment = {
  rows: number;
  cols: number;
  rowStart: Int32Array;
  colIndex: Int32Array;
  weight: Float64Array;
};

export type AssignmentSolution = {
  /** Column of each row, −1 when the row is unassigned. */
  rowToCol: Int32Array;
  objective: number;
  /**
   * Optimal dual values (row potentials u, column potentials v, both ≥ 0, u[r] + v[c] ≥ w(r, c)
   * on every allowed pair), so callers can certify optimality and warm-start.
   */
  u: Float64Array;
  v: Float64Array;
};
