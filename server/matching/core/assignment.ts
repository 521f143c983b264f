import type { AssignmentSolution, SparseAssignment } from './types';

/**
 * Maximum-weight bipartite matching (not necessarily perfect) on a sparse problem, exact.
 * Deterministic: ties are broken by the lowest index. `warm` may pass column potentials from an
 * earlier solve of a problem with the same shape (Lagrangian iterations) to save work.
 */
export function solveAssignment(_problem: SparseAssignment, _warm?: { v: Float64Array }): AssignmentSolution {
  throw new Error('not implemented');
}
