// Seeded instance generators for `npm run bench:matching` (issue 6 item 8). Synthetic only.
import { seededRandom } from '../../server/matching/core/groups-instances';
import type { CoreGroup, CoreInstance, CorePair, SparseAssignment } from '../../server/matching/core/types';

/** A no-group instance kept as CSR (a 5,000 × 5,000 dense instance has 25 million pairs). */
export type BenchMatrix = SparseAssignment;

/** Every pair (degree null) or `degree` random columns per row; scores uniform in 1..1,000,000. */
export function uniform(n: number, m: number, degree: number | null, seed: number): BenchMatrix {
  const rnd = seededRandom(seed);
  const deg = degree === null ? m : Math.min(degree, m);
  const rowStart = new Int32Array(n + 1);
  const colIndex = new Int32Array(n * deg);
  const weight = new Float64Array(n * deg);
  const chosen = new Uint8Array(m);
  let k = 0;
  for (let r = 0; r < n; r++) {
    rowStart[r] = k;
    if (deg === m) {
      for (let c = 0; c < m; c++) {
        colIndex[k] = c;
        weight[k++] = 1 + Math.floor(rnd() * 1_000_000);
      }
    } else {
      const start = k;
      while (k - start < deg) {
        const c = Math.floor(rnd() * m);
        if (chosen[c] === 1) continue;
        chosen[c] = 1;
        colIndex[k] = c;
        weight[k++] = 1 + Math.floor(rnd() * 1_000_000);
      }
      for (let q = start; q < k; q++) chosen[colIndex[q]!] = 0;
    }
  }
  rowStart[n] = k;
  return { rows: n, cols: m, rowStart, colIndex, weight };
}

export type Points = { x: Float64Array; y: Float64Array; cluster: Int32Array };

/** Points in clusters like a town's neighbourhoods (a 10 × 10 km square, clusters of ~0.5–1.5 km). */
export function clusteredPoints(count: number, clusters: number, rnd: () => number): Points {
  const cx = Array.from({ length: clusters }, () => rnd() * 10);
  const cy = Array.from({ length: clusters }, () => rnd() * 10);
  const spread = Array.from({ length: clusters }, () => 0.5 + rnd());
  const x = new Float64Array(count);
  const y = new Float64Array(count);
  const cluster = new Int32Array(count);
  for (let i = 0; i < count; i++) {
    // weight the clusters unevenly (the centre is bigger than the outskirts)
    const k = Math.min(clusters - 1, Math.floor(clusters * rnd() * rnd()));
    const gauss = Math.sqrt(-2 * Math.log(1 - rnd())) * Math.cos(2 * Math.PI * rnd());
    const angle = 2 * Math.PI * rnd();
    x[i] = cx[k]! + spread[k]! * gauss * Math.cos(angle);
    y[i] = cy[k]! + spread[k]! * gauss * Math.sin(angle);
    cluster[i] = k;
  }
  return { x, y, cluster };
}

/**
 * Households (rows) and dwellings (columns) in clusters; the score falls with the distance
 * (the household's wish to live near its network, school or work) plus noise. Dense: every
 * pair; sparse: each row's `degree` nearest columns.
 */
export function spatial(n: number, m: number, degree: number | null, seed: number): BenchMatrix & { cols_: Points } {
  const rnd = seededRandom(seed);
  const rows = clusteredPoints(n, 12, rnd);
  const cols = clusteredPoints(m, 12, rnd);
  const deg = degree === null ? m : Math.min(degree, m);
  const rowStart = new Int32Array(n + 1);
  const colIndex = new Int32Array(n * deg);
  const weight = new Float64Array(n * deg);
  const dist = new Float64Array(m);
  const order = new Int32Array(m);
  let k = 0;
  const score = (d: number) => Math.max(1, Math.round(100_000 * (15 - d) + 20_000 * rnd()));
  for (let r = 0; r < n; r++) {
    rowStart[r] = k;
    const rx = rows.x[r]!;
    const ry = rows.y[r]!;
    if (deg === m) {
      for (let c = 0; c < m; c++) {
        colIndex[k] = c;
        weight[k++] = score(Math.hypot(rx - cols.x[c]!, ry - cols.y[c]!));
      }
      continue;
    }
    for (let c = 0; c < m; c++) {
      dist[c] = Math.hypot(rx - cols.x[c]!, ry - cols.y[c]!);
      order[c] = c;
    }
    const nearest = Array.from(order)
      .sort((a, b) => dist[a]! - dist[b]! || a - b)
      .slice(0, deg)
      .sort((a, b) => a - b);
    for (const c of nearest) {
      colIndex[k] = c;
      weight[k++] = score(dist[c]!);
    }
  }
  rowStart[n] = k;
  return { rows: n, cols: m, rowStart, colIndex, weight, cols_: cols };
}

export function toCore(matrix: BenchMatrix): CoreInstance {
  const pairs: CorePair[] = [];
  for (let r = 0; r < matrix.rows; r++) {
    for (let k = matrix.rowStart[r]!; k < matrix.rowStart[r + 1]!; k++) pairs.push([r, matrix.colIndex[k]!, matrix.weight[k]!]);
  }
  return {
    rows: Array.from({ length: matrix.rows }, (_, i) => ({ id: `h${i}` })),
    cols: Array.from({ length: matrix.cols }, (_, i) => ({ id: `d${i}` })),
    pairs,
  };
}

/**
 * Composition groups like the building caps (issue 6 item 1): a share of the rows tagged
 * "support", the columns split into buildings of consecutive dwellings (sizes from `sizes`, or
 * `buildings` equal buildings), each building allowing at most `max` (1 or 2, drawn) support
 * households ("tight").
 */
export function withBuildingGroups(
  matrix: BenchMatrix,
  options: { seed: number; supportShare: number; buildings?: number; sizes?: [number, number] },
): CoreInstance {
  const rnd = seededRandom(options.seed);
  const instance = toCore(matrix);
  for (const row of instance.rows) if (rnd() < options.supportShare) row.tags = ['support'];
  const groups: CoreGroup[] = [];
  const m = matrix.cols;
  let c = 0;
  let b = 0;
  while (c < m) {
    let size: number;
    if (options.buildings) size = Math.ceil((m - c) / (options.buildings - b));
    else size = options.sizes![0] + Math.floor(rnd() * (options.sizes![1] - options.sizes![0] + 1));
    const cols = Array.from({ length: Math.min(size, m - c) }, (_, i) => c + i);
    groups.push({ cols, tag: 'support', max: rnd() < 0.5 ? 1 : 2 });
    c += cols.length;
    b++;
  }
  instance.groups = groups;
  return instance;
}

/** CSR → a dense row-major Float64Array (missing pairs 0) for the scipy reference. */
export function denseWeights(matrix: BenchMatrix): Float64Array {
  const out = new Float64Array(matrix.rows * matrix.cols);
  for (let r = 0; r < matrix.rows; r++) {
    for (let k = matrix.rowStart[r]!; k < matrix.rowStart[r + 1]!; k++) out[r * matrix.cols + matrix.colIndex[k]!] = matrix.weight[k]!;
  }
  return out;
}
