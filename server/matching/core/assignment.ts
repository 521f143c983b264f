import { solveCompleteSquare } from './assignment-complete';
import type { AssignmentSolution, SparseAssignment } from './types';

// Exact maximum-weight bipartite matching (issue 6 item 2: "without composition rules the result
// must be exactly optimal"), by successive shortest augmenting paths (Jonker & Volgenant 1987;
// the row-by-row variant of Crouse 2016, the one in scipy's linear_sum_assignment).
//
// Formulation: minimise Σ c over an assignment of every row, where a real pair costs c = −w and
// every row r has a private dummy column d_r of cost 0 ("r stays unassigned"). The dummies are
// implicit: d_r is adjacent to r alone, so it is a sink candidate of cost (label(r) − u[r]) as soon
// as r is scanned, and its potential stays 0. A row sent to its dummy can never be reached again
// (only through d_r), so it stays unassigned — which is optimal by the usual SSP argument.
//
// Potentials (u row, v column; reduced cost c − u − v ≥ 0, 0 on matched pairs) start at 0, and v
// only decreases on scanned columns, so a free column keeps v = 0. The max-weight duals are
// u'[r] = −u[r] for an assigned row, 0 for an unassigned one, and v'[c] = −v[c]: both ≥ 0,
// u' + v' ≥ w on every allowed pair, tight on chosen pairs, zero on unused rows and columns, so
// Σu' + Σv' = objective (a certificate of optimality anyone can check).
//
// Scores are integers below 2^31 and the sums stay below 2^53, so every potential and label is an
// exact integer in a double: ties are exact, and the result is deterministic.

/** Below this density (and always above DENSE_MAX_CELLS cells) the sparse path is used. */
const DENSE_MIN_DENSITY = 0.25;
const DENSE_MAX_CELLS = 30_000_000;
/** Complete square problems up to this many rows try the complete path before pricing. */
const COMPLETE_FIRST_MAX = 500;

export function solveAssignment(problem: SparseAssignment, warm?: { v: Float64Array }): AssignmentSolution {
  // `warm` is accepted for the Lagrangian loop's sake but not used: a warm column potential that
  // ends on a free column would break complementary slackness (and so exactness); the cold
  // solve is exact and fast enough (BENCHMARKS.md, "Matching").
  void warm;
  const { rows: n, cols: m } = problem;
  const nnz = problem.rowStart[n] ?? 0;
  if (n === 0 || m === 0 || nnz === 0) {
    return { rowToCol: new Int32Array(n).fill(-1), objective: 0, u: new Float64Array(n), v: new Float64Array(m) };
  }
  const cells = n * m;
  const dense = cells <= DENSE_MAX_CELLS && nnz >= DENSE_MIN_DENSITY * cells;
  // Complete square problems: auction prices, then exact shortest paths (assignment-complete.ts).
  // Up to COMPLETE_FIRST_MAX rows it beats pricing on uniform and clustered scores alike; above,
  // pricing is faster on uniform scores, and the complete path takes the clustered ones (many
  // near-ties) that pricing gives up on — 10× faster there than the dense path (BENCHMARKS.md,
  // "Matching").
  const completeFirst = dense && n === m && n <= COMPLETE_FIRST_MAX;
  if (completeFirst) {
    const complete = solveCompleteSquare(problem);
    if (complete) return complete;
  }
  if (nnz > PRICING_MIN_DEGREE * n) {
    const priced = solveByPricing(problem, PRICING_K);
    if (priced) return priced;
  }
  if (dense && n === m && !completeFirst) {
    const complete = solveCompleteSquare(problem);
    if (complete) return complete;
  }
  return dense ? solveDense(problem) : solveSparse(problem);
}

/** Rows with more allowed pairs than this on average are solved by pricing (below). */
const PRICING_MIN_DEGREE = 48;
/** Candidate pairs kept per row and per column in the first restricted problem. */
const PRICING_K = 20;
const PRICING_MAX_ROUNDS = 12;

/**
 * Column generation ("pricing") for dense problems: solve the restricted problem made of each
 * row's and each column's PRICING_K best pairs with the sparse solver, then check its duals
 * against every allowed pair. No violated pair (u[r] + v[c] ≥ w) means the duals certify the
 * restricted optimum for the whole problem (same objective, dual feasible), so it is exact;
 * otherwise the most violated pairs of each row join the restricted problem and it is solved
 * again. Returns null after PRICING_MAX_ROUNDS (the direct path then runs).
 */
function solveByPricing(problem: SparseAssignment, K: number): AssignmentSolution | null {
  const { rows: n, cols: m, rowStart, colIndex, weight } = problem;
  const nnz = rowStart[n]!;
  const inSub = new Uint8Array(nnz);
  // Each row's K best pairs.
  const bufK = new Int32Array(K);
  const bufW = new Float64Array(K);
  for (let r = 0; r < n; r++) {
    let size = 0;
    for (let k = rowStart[r]!, end = rowStart[r + 1]!; k < end; k++) {
      const w = weight[k]!;
      if (size === K && w <= bufW[K - 1]!) continue;
      let pos = size < K ? size++ : K - 1;
      while (pos > 0 && bufW[pos - 1]! < w) {
        bufW[pos] = bufW[pos - 1]!;
        bufK[pos] = bufK[pos - 1]!;
        pos--;
      }
      bufW[pos] = w;
      bufK[pos] = k;
    }
    for (let s = 0; s < size; s++) inSub[bufK[s]!] = 1;
  }
  // Each column's K best pairs.
  const colSize = new Int32Array(m);
  const colK = new Int32Array(m * K);
  const colW = new Float64Array(m * K);
  for (let k = 0; k < nnz; k++) {
    const c = colIndex[k]!;
    const w = weight[k]!;
    const base = c * K;
    const size = colSize[c]!;
    if (size === K && w <= colW[base + K - 1]!) continue;
    let pos = size < K ? size : K - 1;
    if (size < K) colSize[c] = size + 1;
    while (pos > 0 && colW[base + pos - 1]! < w) {
      colW[base + pos] = colW[base + pos - 1]!;
      colK[base + pos] = colK[base + pos - 1]!;
      pos--;
    }
    colW[base + pos] = w;
    colK[base + pos] = k;
  }
  for (let c = 0; c < m; c++) for (let s = 0; s < colSize[c]!; s++) inSub[colK[c * K + s]!] = 1;

  const subStart = new Int32Array(n + 1);
  for (let round = 0; round < PRICING_MAX_ROUNDS; round++) {
    let count = 0;
    for (let r = 0; r < n; r++) {
      subStart[r] = count;
      for (let k = rowStart[r]!, end = rowStart[r + 1]!; k < end; k++) count += inSub[k]!;
    }
    subStart[n] = count;
    const subCol = new Int32Array(count);
    const subW = new Float64Array(count);
    let q = 0;
    for (let k = 0; k < nnz; k++) {
      if (inSub[k] === 1) {
        subCol[q] = colIndex[k]!;
        subW[q++] = weight[k]!;
      }
    }
    const sub = solveSparse({ rows: n, cols: m, rowStart: subStart, colIndex: subCol, weight: subW });
    const { u, v } = sub;
    let violated = 0;
    for (let r = 0; r < n; r++) {
      const ur = u[r]!;
      let size = 0;
      for (let k = rowStart[r]!, end = rowStart[r + 1]!; k < end; k++) {
        // violation = w − u − v > 0; keep the K largest
        const viol = weight[k]! - ur - v[colIndex[k]!]!;
        if (viol <= 0 || inSub[k] === 1) continue;
        violated++;
        if (size === K && viol <= bufW[K - 1]!) continue;
        let pos = size < K ? size++ : K - 1;
        while (pos > 0 && bufW[pos - 1]! < viol) {
          bufW[pos] = bufW[pos - 1]!;
          bufK[pos] = bufK[pos - 1]!;
          pos--;
        }
        bufW[pos] = viol;
        bufK[pos] = k;
      }
      for (let s = 0; s < size; s++) inSub[bufK[s]!] = 1;
    }
    if (violated === 0) return sub;
    // Clustered instances with many near-ties need most pairs in the restricted problem; give up
    // early when the candidates miss that much (the direct path is then faster).
    if ((round === 0 && violated > 0.3 * nnz) || (round >= 2 && violated > 0.05 * nnz)) return null;
  }
  return null;
}

/**
 * One of the paths by name (tests and the benchmark compare them). 'complete' falls back to the
 * dense path when the problem is not complete and square.
 */
export function solveAssignmentPath(problem: SparseAssignment, path: 'dense' | 'sparse' | 'pricing' | 'complete', pricingK = 2): AssignmentSolution {
  const { rows: n, cols: m } = problem;
  if (n === 0 || m === 0 || (problem.rowStart[n] ?? 0) === 0) return solveAssignment(problem);
  if (path === 'pricing') return solveByPricing(problem, pricingK) ?? solveSparse(problem);
  if (path === 'complete') return solveCompleteSquare(problem) ?? solveDense(problem);
  return path === 'dense' ? solveDense(problem) : solveSparse(problem);
}

function finish(problem: SparseAssignment, col4row: Int32Array, u: Float64Array, v: Float64Array): AssignmentSolution {
  const { rows: n, cols: m, rowStart, colIndex, weight } = problem;
  const uOut = new Float64Array(n);
  const vOut = new Float64Array(m);
  let objective = 0;
  for (let r = 0; r < n; r++) {
    const c = col4row[r]!;
    if (c < 0) continue;
    uOut[r] = 0 - u[r]!;
    for (let k = rowStart[r]!; k < rowStart[r + 1]!; k++) {
      if (colIndex[k] === c) {
        objective += weight[k]!;
        break;
      }
    }
  }
  for (let c = 0; c < m; c++) vOut[c] = 0 - v[c]!;
  return { rowToCol: col4row, objective, u: uOut, v: vOut };
}

/** Dense path: the cost matrix in one Float64Array (missing pairs +∞), linear scans per row. */
function solveDense(problem: SparseAssignment): AssignmentSolution {
  const { rows: n, cols: m, rowStart, colIndex, weight } = problem;
  const cost = new Float64Array(n * m).fill(Infinity);
  for (let r = 0; r < n; r++) {
    const base = r * m;
    for (let k = rowStart[r]!; k < rowStart[r + 1]!; k++) cost[base + colIndex[k]!] = -weight[k]!;
  }
  const u = new Float64Array(n);
  const v = new Float64Array(m);
  const col4row = new Int32Array(n).fill(-1);
  const row4col = new Int32Array(m).fill(-1);
  const dist = new Float64Array(m);
  const pathRow = new Int32Array(m);
  const remaining = new Int32Array(m);
  const scannedRows = new Int32Array(n);
  const rowLabel = new Float64Array(n);
  const scannedCols = new Int32Array(m);

  for (let cur = 0; cur < n; cur++) {
    dist.fill(Infinity);
    for (let j = 0; j < m; j++) remaining[j] = j;
    let numRem = m;
    let ns = 0;
    let nsc = 0;
    let minVal = 0;
    let i = cur;
    let bestDummy = Infinity;
    let bestDummyRow = -1;
    let sink: number; // column index, or −1 − row for a dummy sink
    for (;;) {
      scannedRows[ns++] = i;
      rowLabel[i] = minVal;
      const ui = u[i]!;
      const dummy = minVal - ui;
      if (dummy < bestDummy) {
        bestDummy = dummy;
        bestDummyRow = i;
      }
      const base = i * m;
      const off = minVal - ui;
      let lowest = Infinity;
      let idx = -1;
      for (let it = 0; it < numRem; it++) {
        const j = remaining[it]!;
        const r = off + cost[base + j]! - v[j]!;
        let d = dist[j]!;
        if (r < d) {
          dist[j] = r;
          pathRow[j] = i;
          d = r;
        }
        if (d < lowest || (d === lowest && row4col[j] === -1)) {
          lowest = d;
          idx = it;
        }
      }
      // Prefer a real free column on a tie (more pairs at equal score), otherwise stop at the
      // dummy: it saves the rest of the search.
      if (idx < 0 || bestDummy < lowest || (bestDummy === lowest && row4col[remaining[idx]!] !== -1)) {
        minVal = bestDummy;
        sink = -1 - bestDummyRow;
        break;
      }
      minVal = lowest;
      const j = remaining[idx]!;
      remaining[idx] = remaining[--numRem]!;
      scannedCols[nsc++] = j;
      if (row4col[j] === -1) {
        sink = j;
        break;
      }
      i = row4col[j]!;
    }
    for (let s = 0; s < ns; s++) {
      const r = scannedRows[s]!;
      u[r] = u[r]! + minVal - rowLabel[r]!;
    }
    for (let s = 0; s < nsc; s++) {
      const j = scannedCols[s]!;
      v[j] = v[j]! - (minVal - dist[j]!);
    }
    augment(sink, cur, col4row, row4col, pathRow);
  }
  return finish(problem, col4row, u, v);
}

function augment(sink: number, cur: number, col4row: Int32Array, row4col: Int32Array, pathRow: Int32Array): void {
  let j: number;
  if (sink < 0) {
    const t = -1 - sink;
    j = col4row[t]!;
    col4row[t] = -1;
    if (t === cur) return;
  } else {
    j = sink;
  }
  for (;;) {
    const i = pathRow[j]!;
    row4col[j] = i;
    const next = col4row[i]!;
    col4row[i] = j;
    if (i === cur) return;
    j = next;
  }
}

/** Sparse path: Dijkstra over the allowed pairs with a binary heap (lazy deletion). */
function solveSparse(problem: SparseAssignment): AssignmentSolution {
  const { rows: n, cols: m, rowStart, colIndex, weight } = problem;
  const nnz = rowStart[n]!;
  const u = new Float64Array(n);
  const v = new Float64Array(m);
  const col4row = new Int32Array(n).fill(-1);
  const row4col = new Int32Array(m).fill(-1);
  const dist = new Float64Array(m).fill(Infinity);
  const done = new Uint8Array(m);
  const pathRow = new Int32Array(m);
  const touched = new Int32Array(m);
  const scannedRows = new Int32Array(n);
  const rowLabel = new Float64Array(n);
  const scannedCols = new Int32Array(m);
  const heapD = new Float64Array(nnz + 1);
  const heapC = new Int32Array(nnz + 1);

  for (let cur = 0; cur < n; cur++) {
    let nt = 0;
    let ns = 0;
    let nsc = 0;
    let hs = 0;
    let minVal = 0;
    let i = cur;
    let bestDummy = Infinity;
    let bestDummyRow = -1;
    let sink: number;
    for (;;) {
      scannedRows[ns++] = i;
      rowLabel[i] = minVal;
      const ui = u[i]!;
      const off = minVal - ui;
      if (off < bestDummy) {
        bestDummy = off;
        bestDummyRow = i;
      }
      for (let k = rowStart[i]!, end = rowStart[i + 1]!; k < end; k++) {
        const j = colIndex[k]!;
        if (done[j] === 1) continue;
        const r = off - weight[k]! - v[j]!;
        const d = dist[j]!;
        if (r < d) {
          if (d === Infinity) touched[nt++] = j;
          dist[j] = r;
          pathRow[j] = i;
          // push (r, j)
          let pos = hs++;
          while (pos > 0) {
            const parent = (pos - 1) >> 1;
            const pd = heapD[parent]!;
            if (pd < r || (pd === r && heapC[parent]! <= j)) break;
            heapD[pos] = pd;
            heapC[pos] = heapC[parent]!;
            pos = parent;
          }
          heapD[pos] = r;
          heapC[pos] = j;
        }
      }
      // pop the nearest column not yet scanned
      let j = -1;
      let lowest = Infinity;
      while (hs > 0) {
        const topD = heapD[0]!;
        const topC = heapC[0]!;
        // remove the top
        hs--;
        if (hs > 0) {
          const lastD = heapD[hs]!;
          const lastC = heapC[hs]!;
          let pos = 0;
          for (;;) {
            let child = 2 * pos + 1;
            if (child >= hs) break;
            let cd = heapD[child]!;
            let cc = heapC[child]!;
            const right = child + 1;
            if (right < hs) {
              const rd = heapD[right]!;
              const rc = heapC[right]!;
              if (rd < cd || (rd === cd && rc < cc)) {
                child = right;
                cd = rd;
                cc = rc;
              }
            }
            if (lastD < cd || (lastD === cd && lastC <= cc)) break;
            heapD[pos] = cd;
            heapC[pos] = cc;
            pos = child;
          }
          heapD[pos] = lastD;
          heapC[pos] = lastC;
        }
        if (done[topC] === 1 || dist[topC] !== topD) continue;
        j = topC;
        lowest = topD;
        break;
      }
      if (j < 0 || bestDummy < lowest || (bestDummy === lowest && row4col[j] !== -1)) {
        minVal = bestDummy;
        sink = -1 - bestDummyRow;
        break;
      }
      minVal = lowest;
      done[j] = 1;
      scannedCols[nsc++] = j;
      if (row4col[j] === -1) {
        sink = j;
        break;
      }
      i = row4col[j]!;
    }
    for (let s = 0; s < ns; s++) {
      const r = scannedRows[s]!;
      u[r] = u[r]! + minVal - rowLabel[r]!;
    }
    for (let s = 0; s < nsc; s++) {
      const j = scannedCols[s]!;
      v[j] = v[j]! - (minVal - dist[j]!);
      done[j] = 0;
    }
    augment(sink, cur, col4row, row4col, pathRow);
    for (let t = 0; t < nt; t++) dist[touched[t]!] = Infinity;
  }
  return finish(problem, col4row, u, v);
}


/** The compressed-row form of a pair list [row, col, weight] (counting sort by row, stable). */
export function sparseFromPairs(rows: number, cols: number, pairs: readonly (readonly [number, number, number])[]): SparseAssignment {
  const rowStart = new Int32Array(rows + 1);
  for (const p of pairs) rowStart[p[0] + 1]!++;
  for (let r = 0; r < rows; r++) rowStart[r + 1]! += rowStart[r]!;
  const fill = rowStart.slice(0, rows);
  const colIndex = new Int32Array(pairs.length);
  const weight = new Float64Array(pairs.length);
  for (const p of pairs) {
    const k = fill[p[0]]!++;
    colIndex[k] = p[1];
    weight[k] = p[2];
  }
  return { rows, cols, rowStart, colIndex, weight };
}
