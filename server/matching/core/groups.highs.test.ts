import loadHighs from 'highs';
import { describe, expect, it } from 'vitest';
import { expectFeasible } from './groups-check.test-support';
import { groupedInstance } from './groups-instances';
import { solveWithGroups } from './groups';
import type { CoreInstance } from './types';

// Against an independent exact solver: HiGHS (MIP, compiled to WebAssembly, npm `highs`) solves
// medium instances to proven optimality; its optimum must lie within our [objective, bound], and
// our gap must be small (issue 6, "against HiGHS on medium ones").

/** The instance as a MIP in CPLEX LP format: binary x per pair, rows, columns and groups ≤. */
function toLp(instance: CoreInstance): string {
  const name = (k: number): string => `x${k}`;
  const terms = (ks: number[]): string => ks.map(name).join(' + ');
  const byRow = new Map<number, number[]>();
  const byCol = new Map<number, number[]>();
  const groupTerms = (instance.groups ?? []).map(() => [] as number[]);
  instance.pairs.forEach(([r, c], k) => {
    byRow.set(r, [...(byRow.get(r) ?? []), k]);
    byCol.set(c, [...(byCol.get(c) ?? []), k]);
    (instance.groups ?? []).forEach((g, gi) => {
      if (g.cols.includes(c) && (instance.rows[r]!.tags ?? []).includes(g.tag)) groupTerms[gi]!.push(k);
    });
  });
  const lines = ['Maximize', ` obj: ${instance.pairs.map(([, , w], k) => `${w} ${name(k)}`).join(' + ')}`, 'Subject To'];
  for (const [r, ks] of byRow) lines.push(` r${r}: ${terms(ks)} <= 1`);
  for (const [c, ks] of byCol) lines.push(` c${c}: ${terms(ks)} <= 1`);
  groupTerms.forEach((ks, gi) => {
    if (ks.length > 0) lines.push(` g${gi}: ${terms(ks)} <= ${instance.groups![gi]!.max}`);
  });
  lines.push('Binary', ` ${instance.pairs.map((_, k) => name(k)).join(' ')}`, 'End');
  return lines.join('\n');
}

describe('solveWithGroups against HiGHS', () => {
  const cases = [
    { rows: 30, cols: 25, scores: 'uniform' as const, seed: 1, density: 0.8 },
    { rows: 30, cols: 25, scores: 'spatial' as const, seed: 2, density: 0.8 },
    { rows: 60, cols: 50, scores: 'uniform' as const, seed: 3, density: 0.4 },
    { rows: 60, cols: 50, scores: 'spatial' as const, seed: 4, density: 0.4 },
  ];
  for (const shape of cases) {
    it(`brackets the optimum of ${shape.rows} × ${shape.cols} ${shape.scores}`, async () => {
      const highs = await loadHighs();
      const instance = groupedInstance(shape);
      const reference = highs.solve(toLp(instance), { output_flag: false, time_limit: 30, mip_rel_gap: 0 });
      expect(reference.Status).toBe('Optimal');
      const optimum = Math.round(reference.ObjectiveValue);

      const result = solveWithGroups(instance, { timeLimitMs: Infinity, targetGap: 0.001, maxIterations: 300 });
      expectFeasible(instance, result);
      expect(result.objective).toBeLessThanOrEqual(optimum);
      expect(result.bound).toBeGreaterThanOrEqual(optimum);
      expect(result.gap).toBeLessThanOrEqual(0.01);
    }, 60_000);
  }
});
