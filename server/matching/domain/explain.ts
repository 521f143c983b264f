import { hardRuleCodes, type HardRuleCode } from '../../../shared/domain/allocation-criteria';
import type { MatchingResult, UnassignedReason } from '../../../shared/api/allocation';
import { compositionAfter } from './composition';
import { checkHardRules } from './hard-rules';
import { ruleContext, type CoreGroupRef, type DomainModel, type ScoredPair } from './model';

// EXPLANATIONS (issue 6 item 3): for every household left without a proposal why, for every
// dwelling the runners-up and why it stays empty, for every building the composition before and
// after. Codes and facts only; the web client words them (plain Norwegian), except the groups'
// labels, which name the building or area.

/** The solution in domain indices: per household the dwelling (−1 none), per dwelling the household. */
export type DomainAssignment = { colOfHousehold: Int32Array; rowOfDwelling: Int32Array };

const RUNNERS_UP = 3;
const TAKEN_BY = 3;

/** Best first: higher score, then lower index (deterministic ties). */
const bestFirst = (a: ScoredPair, b: ScoredPair): number => b.score - a.score || a.index - b.index;

/** Groups that are full in the solution: their chosen count has reached their maximum. */
export function fullGroups(model: DomainModel, assignment: DomainAssignment): CoreGroupRef[] {
  return model.coreGroups.filter(({ core }) => {
    let used = 0;
    for (const c of core.cols) {
      const i = assignment.rowOfDwelling[model.colDwelling[c]!]!;
      if (i !== -1 && model.forcedCol[i] === -1 && model.tags[i]!.includes(core.tag)) used++;
    }
    return used >= core.max;
  });
}

/** The full groups that keep household i out of dwelling j. */
function blockingGroups(model: DomainModel, full: readonly CoreGroupRef[], i: number, j: number): CoreGroupRef[] {
  const c = model.colOf[j]!;
  return full.filter(({ core }) => model.tags[i]!.includes(core.tag) && core.cols.includes(c));
}

function allowed(model: DomainModel, i: number, j: number): boolean {
  return !model.forbidden.has(i * model.dwellings.length + j) && (model.forcedRow[j] === -1 || model.forcedRow[j] === i);
}

export function unassignedReason(
  model: DomainModel,
  assignment: DomainAssignment,
  full: readonly CoreGroupRef[],
  i: number,
  lossOf: (i: number, j: number) => number,
): UnassignedReason {
  const eligible = model.eligible[i]!;
  if (eligible.length === 0) {
    const counts = new Map<HardRuleCode, number>();
    model.dwellings.forEach((_, j) => {
      for (const r of checkHardRules(ruleContext(model, i, j))) if (!r.passed) counts.set(r.rule, (counts.get(r.rule) ?? 0) + 1);
    });
    return { kind: 'no_eligible', failedRules: hardRuleCodes.filter((rule) => counts.has(rule)).map((rule) => ({ rule, dwellings: counts.get(rule)! })) };
  }
  const open = eligible.filter((p) => allowed(model, i, p.index));
  if (open.length === 0) return { kind: 'locked_out' };
  // An eligible dwelling left empty: only a composition group can have kept the household out.
  const blocking = new Map<string, CoreGroupRef>();
  for (const p of open) {
    if (assignment.rowOfDwelling[p.index] !== -1) continue;
    for (const g of blockingGroups(model, full, i, p.index)) blocking.set(g.group.key, g);
  }
  const taken = open.filter((p) => assignment.rowOfDwelling[p.index] !== -1).sort(bestFirst);
  if (blocking.size > 0 || taken.length === 0) {
    // No taken dwelling to name: the groups that block the taken ones count too.
    if (blocking.size === 0) for (const p of open) for (const g of blockingGroups(model, full, i, p.index)) blocking.set(g.group.key, g);
    return {
      kind: 'composition',
      groups: [...blocking.values()].sort((a, b) => (a.group.key < b.group.key ? -1 : 1)).map((g) => ({ label: g.group.label, max: g.core.max })),
    };
  }
  return {
    kind: 'outcompeted',
    eligibleDwellings: open.length,
    takenBy: taken.slice(0, TAKEN_BY).map((p) => {
      const holder = assignment.rowOfDwelling[p.index]!;
      const holderScore = model.eligible[holder]!.find((q) => q.index === p.index)?.score ?? 0;
      return {
        dwellingId: model.dwellings[p.index]!.id,
        householdId: model.households[holder]!.id,
        score: holderScore,
        ownScore: p.score,
        loss: lossOf(i, p.index),
      };
    }),
  };
}

export function dwellingExplanations(model: DomainModel, assignment: DomainAssignment, full: readonly CoreGroupRef[]): MatchingResult['dwellings'] {
  return model.dwellings.map((d, j) => {
    const holder = assignment.rowOfDwelling[j]!;
    const candidates = model.eligibleByDwelling[j]!.filter((p) => p.index !== holder && !model.forbidden.has(p.index * model.dwellings.length + j));
    const runnersUp = [...candidates]
      .sort(bestFirst)
      .slice(0, RUNNERS_UP)
      .map((p) => ({ householdId: model.households[p.index]!.id, score: p.score, assignedElsewhere: assignment.colOfHousehold[p.index] !== -1 }));
    let emptyReason: 'no_eligible' | 'better_elsewhere' | 'composition' | null = null;
    if (holder === -1) {
      if (candidates.length === 0) emptyReason = 'no_eligible';
      else {
        const waiting = candidates.filter((p) => assignment.colOfHousehold[p.index] === -1 && model.forcedCol[p.index] === -1);
        emptyReason = waiting.some((p) => blockingGroups(model, full, p.index, j).length > 0) ? 'composition' : 'better_elsewhere';
      }
    }
    return { dwellingId: d.id, householdId: holder === -1 ? null : model.households[holder]!.id, runnersUp, emptyReason };
  });
}

export function buildingExplanations(model: DomainModel, assignment: DomainAssignment): MatchingResult['buildings'] {
  const buildings = [...model.input.buildings].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return buildings.map((b) => {
    const added = model.dwellings.flatMap((d, j) => {
      const i = assignment.rowOfDwelling[j]!;
      return d.buildingId === b.id && i !== -1 ? [model.households[i]!] : [];
    });
    return { buildingId: b.id, name: b.name, before: b.current, after: compositionAfter(b.current, added) };
  });
}
