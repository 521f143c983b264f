import { expect } from 'vitest';
import type { CoreInstance, CoreResult } from './types';

// Shared by the groups tests: everything a result promises about its instance.

/** Asserts everything a result promises about an instance; returns nothing, fails loudly. */
export function expectFeasible(instance: CoreInstance, result: CoreResult): void {
  const score = new Map(instance.pairs.map(([r, c, w]) => [`${r},${c}`, w]));
  const rows = new Set<number>();
  const cols = new Set<number>();
  let objective = 0;
  let lastRow = -1;
  for (const [r, c] of result.assignment) {
    expect(r).toBeGreaterThan(lastRow); // sorted by row, each row once
    lastRow = r;
    expect(cols.has(c)).toBe(false);
    rows.add(r);
    cols.add(c);
    const w = score.get(`${r},${c}`);
    expect(w).toBeDefined(); // only allowed pairs
    objective += w!;
  }
  for (const g of instance.groups ?? []) {
    const inGroup = new Set(g.cols);
    const count = result.assignment.filter(([r, c]) => inGroup.has(c) && (instance.rows[r]!.tags ?? []).includes(g.tag)).length;
    expect(count).toBeLessThanOrEqual(g.max);
  }
  expect(result.objective).toBe(objective);
  expect(Number.isInteger(result.bound)).toBe(true);
  expect(result.bound).toBeGreaterThanOrEqual(result.objective);
  expect(result.gap).toBe(result.bound > 0 ? (result.bound - result.objective) / result.bound : 0);
}

