import { solveAssignment, sparseFromPairs } from './assignment';
import { solveWithGroups } from './groups';
import type { CoreGroup, CoreInstance, CoreResult, SolveOptions } from './types';

/**
 * Solves a validated core instance: exactly (assignment.ts) when it has no groups, otherwise a
 * feasible solution with an upper bound from the Lagrangian relaxation of the group constraints
 * (groups.ts). Deterministic for the same instance and options.
 */
export function solveCore(instance: CoreInstance, options: SolveOptions = {}): CoreResult {
  const started = performance.now();
  const groups = bindingGroups(instance);
  if (groups.length > 0) {
    const result = solveWithGroups({ ...instance, groups }, options);
    return { ...result, millis: performance.now() - started };
  }
  const solution = solveAssignment(sparseFromPairs(instance.rows.length, instance.cols.length, instance.pairs));
  const assignment: [number, number][] = [];
  solution.rowToCol.forEach((c, r) => {
    if (c >= 0) assignment.push([r, c]);
  });
  // Without groups the assignment is exact (the duals prove it): bound = objective, gap 0.
  return { assignment, objective: solution.objective, bound: solution.objective, gap: 0, millis: performance.now() - started };
}

/**
 * The groups that can bind: a group whose max is at least the number of its tagged rows with a
 * pair into its columns, or at least the number of its columns reachable from those rows, can
 * never be exceeded (each row and column is used at most once), so it is dropped before choosing
 * between the exact and the Lagrangian solver.
 */
export function bindingGroups(instance: CoreInstance): CoreGroup[] {
  const groups = (instance.groups ?? []).filter((g) => g.cols.length > 0 && g.max < g.cols.length);
  if (groups.length === 0) return [];
  const groupsOfCol = new Map<number, number[]>();
  groups.forEach((g, gi) => {
    for (const c of g.cols) {
      const list = groupsOfCol.get(c);
      if (list) list.push(gi);
      else groupsOfCol.set(c, [gi]);
    }
  });
  const rowTags = instance.rows.map((row) => new Set(row.tags ?? []));
  const rows = groups.map(() => new Set<number>());
  const cols = groups.map(() => new Set<number>());
  for (const [r, c] of instance.pairs) {
    const list = groupsOfCol.get(c);
    if (!list) continue;
    for (const gi of list) {
      if (!rowTags[r]!.has(groups[gi]!.tag)) continue;
      rows[gi]!.add(r);
      cols[gi]!.add(c);
    }
  }
  return groups.filter((g, gi) => g.max < Math.min(rows[gi]!.size, cols[gi]!.size));
}
