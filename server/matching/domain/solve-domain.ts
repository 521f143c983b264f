import type { MatchingDomainInput, MatchingResult } from '../../../shared/api/allocation';
import { solveAssignment, sparseFromPairs } from '../core/assignment';
import { solveCore } from '../core/solve';
import type { AssignmentSolution, CoreInstance, CoreResult, SolveOptions, SparseAssignment } from '../core/types';
import { buildingExplanations, dwellingExplanations, fullGroups, unassignedReason, type DomainAssignment } from './explain';
import { checkHardRules } from './hard-rules';
import { lossOracle, type LossOracle } from './loss';
import { buildModel, ruleContext, scoreContext, scoreOf } from './model';
import { contributions } from './scores';

export { MatchingInputError } from './errors';

/**
 * The whole matcher on the domain form (issue 6 items 1–3): hard rules → eligible pairs with
 * integer scores (base + weighted soft criteria), composition rules → groups, locks applied
 * (force: the pair is fixed and the rest re-optimised; forbid: the pair is dropped), solve,
 * then explanations: per proposal each criterion's contribution (summing to the score) and the
 * hard rules passed; per unassigned household why; per dwelling the runners-up; per building the
 * composition before and after. Pure and deterministic (apart from quality.millis).
 * Throws MatchingInputError for locks that cannot be applied or duplicate ids.
 */
export function solveDomain(input: MatchingDomainInput, options: SolveOptions = {}): MatchingResult {
  const started = performance.now();
  const model = buildModel(input);
  // Without groups, solve the assignment here (as solveCore would) to keep its duals for the losses.
  let exact: { problem: SparseAssignment; solution: AssignmentSolution } | undefined;
  let core: CoreResult;
  if (model.instance.groups === undefined) {
    const problem = sparseFromPairs(model.instance.rows.length, model.instance.cols.length, model.instance.pairs);
    const solution = solveAssignment(problem);
    exact = { problem, solution };
    const assignment: [number, number][] = [];
    solution.rowToCol.forEach((c, r) => {
      if (c >= 0) assignment.push([r, c]);
    });
    core = { assignment, objective: solution.objective, bound: solution.objective, gap: 0, millis: 0 };
  } else {
    core = solveCore(model.instance, options);
  }

  const n = model.households.length;
  const assignment: DomainAssignment = { colOfHousehold: Int32Array.from(model.forcedCol), rowOfDwelling: Int32Array.from(model.forcedRow) };
  for (const [r, c] of core.assignment) {
    const i = model.rowHousehold[r]!;
    const j = model.colDwelling[c]!;
    assignment.colOfHousehold[i] = j;
    assignment.rowOfDwelling[j] = i;
  }

  let forcedTotal = 0;
  const proposals: MatchingResult['proposals'] = [];
  for (let i = 0; i < n; i++) {
    const j = assignment.colOfHousehold[i]!;
    if (j === -1) continue;
    const parts = contributions(scoreContext(model, i, j));
    const score = parts.reduce((sum, p) => sum + p.points, 0);
    const locked = model.forcedCol[i] === j;
    if (locked) forcedTotal += score;
    proposals.push({
      householdId: model.households[i]!.id,
      dwellingId: model.dwellings[j]!.id,
      score,
      contributions: parts,
      hardRules: checkHardRules(ruleContext(model, i, j)),
      locked,
    });
  }

  const full = fullGroups(model, assignment);
  // Exact without composition groups; with them, the loss in the instance without the groups (loss.ts).
  let oracle: LossOracle | null = null;
  const lossOf = (i: number, j: number): number => {
    oracle ??= lossOracle(model.instance, exact);
    return oracle(model.rowOf[i]!, model.colOf[j]!, scoreOf(model, i, j) ?? 0);
  };
  const unassigned: MatchingResult['unassigned'] = [];
  for (let i = 0; i < n; i++) {
    if (assignment.colOfHousehold[i] !== -1) continue;
    unassigned.push({ householdId: model.households[i]!.id, reason: unassignedReason(model, assignment, full, i, lossOf) });
  }

  const objective = core.objective + forcedTotal;
  const bound = Math.max(objective, core.bound + forcedTotal);
  const gap = bound > 0 ? (bound - objective) / bound : 0;
  return {
    proposals,
    unassigned,
    dwellings: dwellingExplanations(model, assignment, full),
    buildings: buildingExplanations(model, assignment),
    quality: {
      objective,
      bound,
      gap,
      optimal: gap === 0,
      withGroups: model.coreGroups.length > 0,
      eligiblePairs: model.eligiblePairs,
      millis: Math.round((performance.now() - started) * 10) / 10,
    },
  };
}

/**
 * The core instance of a domain input (after hard rules, scores, composition groups and locks),
 * with what is needed to map a core solution back: used by solveDomain, `npm run match` on the
 * domain form, and the benchmark's municipal instances.
 */
export function toCoreInstance(input: MatchingDomainInput): {
  instance: CoreInstance;
  /** Row index → household id, column index → dwelling id. */
  rowIds: string[];
  colIds: string[];
  /** Pairs fixed by force locks (removed from the instance; their scores count in the objective). */
  forced: { householdId: string; dwellingId: string; score: number }[];
} {
  const model = buildModel(input);
  const forced: { householdId: string; dwellingId: string; score: number }[] = [];
  model.forcedCol.forEach((j, i) => {
    if (j === -1) return;
    forced.push({ householdId: model.households[i]!.id, dwellingId: model.dwellings[j]!.id, score: scoreOf(model, i, j) ?? 0 });
  });
  return {
    instance: model.instance,
    rowIds: model.rowHousehold.map((i) => model.households[i]!.id),
    colIds: model.colDwelling.map((j) => model.dwellings[j]!.id),
    forced,
  };
}
