import type { MatchingDomainInput, MatchingResult } from '../../../shared/api/allocation';
import type { CoreInstance, SolveOptions } from '../core/types';

/**
 * The whole matcher on the domain form (issue 6 items 1–3): hard rules → eligible pairs with
 * integer scores (base + weighted soft criteria), composition rules → groups, locks applied
 * (force: the pair is fixed and the rest re-optimised; forbid: the pair is dropped), solve,
 * then explanations: per proposal each criterion's contribution (summing to the score) and the
 * hard rules passed; per unassigned household why; per dwelling the runners-up; per building the
 * composition before and after. Pure and deterministic.
 */
export function solveDomain(_input: MatchingDomainInput, _options: SolveOptions = {}): MatchingResult {
  throw new Error('not implemented');
}

/**
 * The core instance of a domain input (after hard rules, scores, composition groups and locks),
 * with what is needed to map a core solution back: used by solveDomain, `npm run match` on the
 * domain form, and the benchmark's municipal instances.
 */
export function toCoreInstance(_input: MatchingDomainInput): {
  instance: CoreInstance;
  /** Row index → household id, column index → dwelling id. */
  rowIds: string[];
  colIds: string[];
  /** Pairs fixed by force locks (removed from the instance; their scores count in the objective). */
  forced: { householdId: string; dwellingId: string; score: number }[];
} {
  throw new Error('not implemented');
}
