import type { AllocationCriteria } from '../../../shared/domain/allocation-criteria';
import type { MatchingDomainInput, MatchingDwelling, MatchingHousehold } from '../../../shared/api/allocation';
import type { CoreGroup, CoreInstance, CorePair } from '../core/types';
import { compositionGroups, rowTags, type DomainGroup } from './composition';
import { MatchingInputError } from './errors';
import { checkHardRules, householdFacts, isEligible, type HouseholdFacts, type RuleContext } from './hard-rules';
import { householdScoreFacts, pairScore, type HouseholdScoreFacts, type ScoreContext } from './scores';

// The domain model of a batch: households and dwellings sorted by id (indices i and j), the
// eligible pairs with their scores, the locks, the composition groups, and the core instance
// with the maps back. Everything downstream (solve, explanations) reads this.

export type ScoredPair = { index: number; score: number };

export type CoreGroupRef = { group: DomainGroup; core: CoreGroup };

export type DomainModel = {
  input: MatchingDomainInput;
  criteria: AllocationCriteria;
  households: MatchingHousehold[];
  dwellings: MatchingDwelling[];
  facts: HouseholdFacts[];
  scoreFacts: HouseholdScoreFacts[];
  tags: string[][];
  /** Languages of the current residents of each dwelling's building. */
  buildingLanguages: string[][];
  /** Per household: eligible dwellings (by the hard rules, before locks), ascending index. */
  eligible: ScoredPair[][];
  /** Per dwelling: eligible households, ascending index. */
  eligibleByDwelling: ScoredPair[][];
  eligiblePairs: number;
  /** Forbidden pairs, key i * dwellings.length + j. */
  forbidden: Set<number>;
  /** Per household the forced dwelling (−1 none); per dwelling the forced household. */
  forcedCol: Int32Array;
  forcedRow: Int32Array;
  /** Composition groups before locks (all of them, binding or not). */
  groups: DomainGroup[];
  instance: CoreInstance;
  /** Core row → household index, core column → dwelling index, and back (−1 when forced). */
  rowHousehold: number[];
  colDwelling: number[];
  rowOf: Int32Array;
  colOf: Int32Array;
  /** The groups kept in the core instance (binding after locks), in instance order. */
  coreGroups: CoreGroupRef[];
};

const byId = <T extends { id: string }>(a: T, b: T): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

function assertUniqueIds(items: readonly { id: string }[], what: string): void {
  for (let k = 1; k < items.length; k++) {
    if (items[k]!.id === items[k - 1]!.id) throw new MatchingInputError('allocation.batch_invalid', `${what} ${items[k]!.id} occurs twice in the batch`);
  }
}

export function ruleContext(model: DomainModel, i: number, j: number): RuleContext {
  return {
    household: model.households[i]!,
    facts: model.facts[i]!,
    dwelling: model.dwellings[j]!,
    criteria: model.criteria,
    plannedMoveIn: model.input.plannedMoveIn,
  };
}

export function scoreContext(model: DomainModel, i: number, j: number): ScoreContext {
  return {
    household: model.households[i]!,
    facts: model.facts[i]!,
    scoreFacts: model.scoreFacts[i]!,
    dwelling: model.dwellings[j]!,
    buildingLanguages: model.buildingLanguages[j]!,
    criteria: model.criteria,
  };
}

export function buildModel(input: MatchingDomainInput): DomainModel {
  const criteria = input.criteria;
  const households = [...input.households].sort(byId);
  const dwellings = [...input.dwellings].sort(byId);
  assertUniqueIds(households, 'household');
  assertUniqueIds(dwellings, 'dwelling');
  const n = households.length;
  const m = dwellings.length;
  const buildings = new Map(input.buildings.map((b) => [b.id, b]));
  const partial = {
    input,
    criteria,
    households,
    dwellings,
    facts: households.map((h) => householdFacts(h, criteria)),
    scoreFacts: households.map((h) => householdScoreFacts(h)),
    tags: households.map((h) => rowTags(h, criteria)),
    buildingLanguages: dwellings.map((d) => (d.buildingId === null ? [] : (buildings.get(d.buildingId)?.current.languages ?? []))),
  };

  const eligible: ScoredPair[][] = households.map(() => []);
  const eligibleByDwelling: ScoredPair[][] = dwellings.map(() => []);
  let eligiblePairs = 0;
  const draft = partial as DomainModel;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < m; j++) {
      if (!isEligible(ruleContext(draft, i, j))) continue;
      const score = pairScore(scoreContext(draft, i, j));
      eligible[i]!.push({ index: j, score });
      eligibleByDwelling[j]!.push({ index: i, score });
      eligiblePairs++;
    }
  }

  // Locks (issue 6 item 2: "this household gets this dwelling", "never this pair").
  const householdIndex = new Map(households.map((h, i) => [h.id, i]));
  const dwellingIndex = new Map(dwellings.map((d, j) => [d.id, j]));
  const forbidden = new Set<number>();
  const forcedCol = new Int32Array(n).fill(-1);
  const forcedRow = new Int32Array(m).fill(-1);
  const locks = [...input.locks].sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'force' ? -1 : 1));
  for (const lock of locks) {
    const i = householdIndex.get(lock.householdId);
    const j = dwellingIndex.get(lock.dwellingId);
    if (i === undefined) throw new MatchingInputError('allocation.lock_invalid', `household ${lock.householdId} is not in the batch`);
    if (j === undefined) throw new MatchingInputError('allocation.lock_invalid', `dwelling ${lock.dwellingId} is not in the batch`);
    const h = households[i]!;
    const d = dwellings[j]!;
    const pairName = `${h.reference || h.id} → ${d.reference || d.id}`;
    if (lock.kind === 'forbid') {
      if (forcedCol[i] === j) throw new MatchingInputError('allocation.lock_invalid', `${pairName} is both forced and forbidden`);
      forbidden.add(i * m + j);
      continue;
    }
    if (forcedCol[i] === j) continue; // the same force twice
    if (forcedCol[i] !== -1) throw new MatchingInputError('allocation.lock_invalid', `household ${h.reference || h.id} is forced to two dwellings`);
    if (forcedRow[j] !== -1) throw new MatchingInputError('allocation.lock_invalid', `dwelling ${d.reference || d.id} is forced to two households`);
    const failed = checkHardRules(ruleContext(draft, i, j)).filter((r) => !r.passed);
    if (failed.length > 0) {
      throw new MatchingInputError('allocation.lock_invalid', `${pairName} fails the hard rules: ${failed.map((r) => r.rule).join(', ')}`);
    }
    forcedCol[i] = j;
    forcedRow[j] = i;
  }

  // The core instance: the households and dwellings not fixed by a force, in id order.
  const rowHousehold: number[] = [];
  const colDwelling: number[] = [];
  const rowOf = new Int32Array(n).fill(-1);
  const colOf = new Int32Array(m).fill(-1);
  for (let i = 0; i < n; i++) if (forcedCol[i] === -1) rowOf[i] = rowHousehold.push(i) - 1;
  for (let j = 0; j < m; j++) if (forcedRow[j] === -1) colOf[j] = colDwelling.push(j) - 1;
  const pairs: CorePair[] = [];
  for (const i of rowHousehold) {
    for (const { index: j, score } of eligible[i]!) {
      if (colOf[j] === -1 || forbidden.has(i * m + j)) continue;
      pairs.push([rowOf[i]!, colOf[j]!, score]);
    }
  }

  // Composition groups: the forced pairs use up their share of a group's maximum (a forced pair
  // that exceeds it leaves 0: the worker's explicit choice stands); columns of the batch only;
  // groups that cannot bind (max ≥ the columns or the tagged rows that can reach them) dropped.
  const groups = compositionGroups(input, dwellings);
  const coreGroups: CoreGroupRef[] = [];
  const groupsOfCol = new Map<number, number[]>();
  groups.forEach((g, gi) => {
    for (const j of g.cols) groupsOfCol.set(j, [...(groupsOfCol.get(j) ?? []), gi]);
  });
  // Per group: the tagged core rows with a pair into its columns.
  const reach = groups.map(() => new Set<number>());
  for (const [r, c] of pairs) {
    for (const gi of groupsOfCol.get(colDwelling[c]!) ?? []) {
      if (hasTag(partial.tags[rowHousehold[r]!]!, groups[gi]!.tag)) reach[gi]!.add(r);
    }
  }
  groups.forEach((group, gi) => {
    let max = group.max;
    const cols: number[] = [];
    for (const j of group.cols) {
      const forced = forcedRow[j]!;
      if (forced === -1) cols.push(colOf[j]!);
      else if (hasTag(partial.tags[forced]!, group.tag)) max = Math.max(0, max - 1);
    }
    if (cols.length === 0 || max >= Math.min(cols.length, reach[gi]!.size)) return;
    coreGroups.push({ group, core: { cols, tag: group.tag, max } });
  });
  const usedTags = new Set(coreGroups.map((g) => g.core.tag));
  const instance: CoreInstance = {
    rows: rowHousehold.map((i) => {
      const tags = partial.tags[i]!.filter((t) => usedTags.has(t));
      return tags.length > 0 ? { id: households[i]!.id, tags } : { id: households[i]!.id };
    }),
    cols: colDwelling.map((j) => ({ id: dwellings[j]!.id })),
    pairs,
    ...(coreGroups.length > 0 ? { groups: coreGroups.map((g) => g.core) } : {}),
  };

  return {
    ...partial,
    eligible,
    eligibleByDwelling,
    eligiblePairs,
    forbidden,
    forcedCol,
    forcedRow,
    groups,
    instance,
    rowHousehold,
    colDwelling,
    rowOf,
    colOf,
    coreGroups,
  };
}

function hasTag(tags: readonly string[], tag: string): boolean {
  return tags.includes(tag);
}

/** The score of an eligible pair (undefined when not eligible). */
export function scoreOf(model: DomainModel, i: number, j: number): number | undefined {
  const list = model.eligible[i]!;
  let lo = 0;
  let hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const p = list[mid]!;
    if (p.index === j) return p.score;
    if (p.index < j) lo = mid + 1;
    else hi = mid - 1;
  }
  return undefined;
}
