import type { CoreInstance, CoreResult, SolveOptions } from './types';

/**
 * The instance with group constraints: Lagrangian relaxation of the groups (subgradient or
 * bundle steps on the multipliers, each step an exact assignment with penalised weights) for the
 * upper bound, and a repair + re-optimisation heuristic for feasible solutions. Returns the best
 * feasible solution found, the best bound and the gap.
 */
export function solveWithGroups(_instance: CoreInstance, _options: SolveOptions): CoreResult {
  throw new Error('not implemented');
}
