import type { CoreGroup, CoreInstance, CorePair } from './types';

// Seeded generator of core instances with composition groups, shaped like the benchmark targets
// of issue 6 item 8: households (rows, a share tagged "support") × dwellings (columns) in
// buildings of about ten, one group per building capping the support households it may take.
// Used by the tests of groups.ts and for tuning; deterministic for the same options.

export type GroupedInstanceOptions = {
  rows: number;
  cols: number;
  /** Dwellings per building (the last building may be smaller). */
  buildingSize?: number;
  /** Share of rows tagged "support" (0..1). */
  supportShare?: number;
  /** Cap per building: a single number, or [min, max] drawn per building. */
  maxPerBuilding?: number | [number, number];
  /** Share of the row × column pairs that are allowed (1 = complete). */
  density?: number;
  /** uniform: scores 1..maxScore at random; spatial: by distance in clustered towns. */
  scores?: 'uniform' | 'spatial';
  maxScore?: number;
  seed?: number;
};

/** mulberry32: a small, fast, seeded 32-bit PRNG (public domain, Tommy Ettinger). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function groupedInstance(options: GroupedInstanceOptions): CoreInstance {
  const {
    rows,
    cols,
    buildingSize = 10,
    supportShare = 0.35,
    maxPerBuilding = [1, 2],
    density = 1,
    scores = 'uniform',
    maxScore = 1000,
    seed = 1,
  } = options;
  const random = seededRandom(seed);
  const int = (lo: number, hi: number): number => lo + Math.floor(random() * (hi - lo + 1));

  // Towns: a few cluster centres; buildings and households lie around them.
  const centres = Array.from({ length: 5 }, () => [random(), random()] as const);
  const around = (spread: number): [number, number] => {
    const centre = centres[int(0, centres.length - 1)]!;
    return [centre[0] + (random() - 0.5) * spread, centre[1] + (random() - 0.5) * spread];
  };

  const groups: CoreGroup[] = [];
  const colPos: [number, number][] = [];
  for (let start = 0; start < cols; start += buildingSize) {
    const pos = around(0.3);
    const members: number[] = [];
    for (let c = start; c < Math.min(cols, start + buildingSize); c++) {
      members.push(c);
      colPos.push(pos);
    }
    const max = typeof maxPerBuilding === 'number' ? maxPerBuilding : int(maxPerBuilding[0], maxPerBuilding[1]);
    groups.push({ cols: members, tag: 'support', max });
  }
  const rowList = Array.from({ length: rows }, (_, r) => (random() < supportShare ? { id: `h${r}`, tags: ['support'] } : { id: `h${r}` }));
  const rowPos = rowList.map(() => around(0.4));

  const pairs: CorePair[] = [];
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      if (density < 1 && random() >= density) continue;
      let score: number;
      if (scores === 'uniform') {
        score = int(1, maxScore);
      } else {
        const [x, y] = rowPos[r]!;
        const [cx, cy] = colPos[c]!;
        const d = Math.hypot(x - cx, y - cy);
        // Near is better; a little noise for the dwelling's own qualities.
        score = Math.max(1, Math.min(maxScore, Math.round(maxScore * (1 - d / 1.5) * (0.85 + 0.15 * random()))));
      }
      pairs.push([r, c, score]);
    }
  }
  return { rows: rowList, cols: Array.from({ length: cols }, (_, c) => ({ id: `d${c}` })), pairs, groups };
}
