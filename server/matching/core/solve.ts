import type { CoreInstance, CoreResult, SolveOptions } from './types';

/**
 * Solves a validated core instance: exactly (assignment.ts) when it has no groups, otherwise a
 * feasible solution with an upper bound from the Lagrangian relaxation of the group constraints
 * (groups.ts). Deterministic for the same instance and options.
 */
export function solveCore(_instance: CoreInstance, _options: SolveOptions = {}): CoreResult {
  throw new Error('not implemented');
}
