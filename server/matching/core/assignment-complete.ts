import type { AssignmentSolution, SparseAssignment } from './types';

// The complete square case of the exact assignment solver (assignment.ts): n rows, n columns,
// every pair allowed with a positive integer score. Dense clustered ("spatial") instances of this
// shape are the hard case of issue 6 item 8 (≤ 1.5× scipy at 2,000 × 2,000): their many near-ties
// make shortest augmenting paths long, and column generation never settles.
//
// Three steps:
// 1. Prices from an ε-scaling forward auction (Bertsekas 1988, "The auction algorithm: a
//    distributed relaxation method for the assignment problem"; Bertsekas & Castañon 1991) on the
//    scores multiplied by n + 1, a fast way to near-optimal duals on geometric instances. The
//    auction's result is only a warm start: nothing below relies on it being optimal.
// 2. Exactness: the column potentials v = −round(price / (n + 1)), the row potentials the row
//    minima of the reduced costs (so every reduced cost is ≥ 0), every auction pair that is tight
//    kept, and every other row augmented by a shortest path (Jonker & Volgenant 1987; the same
//    dense step as assignment.ts, without dummies: with positive scores on a complete square
//    problem the optimum is a perfect matching). The result is an optimal perfect assignment with
//    tight feasible duals, in exact integer arithmetic.
// 3. Non-negative duals (the certificate solveAssignment promises): a perfect matching's duals
//    may be negative. The largest column duals V with U_i = w(i, M(i)) − V_M(i) ≥ 0 and
//    U_i + V_j ≥ w(i, j) are shortest-path distances (difference constraints
//    V_M(i) − V_j ≤ w(i, M(i)) − w(i, j), V_j ≤ w(M⁻¹(j), j)); one dense Dijkstra with the step-2
//    duals as potentials computes them. They are ≥ 0 because non-negative optimal duals exist
//    (LP duality of the max-weight matching LP) and the largest solution dominates them.
//
// Every value is an integer below 2^53 (scores < 2^31, n ≤ 5,477 by DENSE_MAX_CELLS), so ties are
// exact and the result is deterministic. Returns null (the caller then uses another path) when
// the instance is not complete, not integral, or the auction exceeds its work budget.

/** The auction gives up after this many bids per row in total (then the caller's path runs). */
const AUCTION_MAX_BIDS_PER_ROW = 400;
/** ε shrinks by this factor per scaling phase. */
const AUCTION_EPS_FACTOR = 6;

export function solveCompleteSquare(problem: SparseAssignment): AssignmentSolution | null {
  const { rows: n, cols: m, rowStart, colIndex, weight } = problem;
  if (n !== m || n === 0 || rowStart[n] !== n * n) return null;
  // The dense score matrix; every cell must be given exactly once with a positive integer.
  const W = new Float64Array(n * n);
  let maxW = 0;
  for (let r = 0; r < n; r++) {
    const base = r * n;
    for (let k = rowStart[r]!, end = rowStart[r + 1]!; k < end; k++) {
      const w = weight[k]!;
      const cell = base + colIndex[k]!;
      if (!(w > 0) || !Number.isInteger(w) || W[cell] !== 0) return null;
      W[cell] = w;
      if (w > maxW) maxW = w;
    }
  }
  const price = auctionPrices(W, n, maxW);
  if (!price) return null;
  return exactFromPrices(W, n, price);
}

/**
 * ε-scaling forward auction on A = W·(n + 1), Gauss–Seidel (one bidder at a time, FIFO queue).
 * Returns the final prices (scaled units) or null when the bid budget is exhausted.
 */
function auctionPrices(W: Float64Array, n: number, maxW: number): Float64Array | null {
  const scale = n + 1;
  const price = new Float64Array(n);
  const owner = new Int32Array(n);
  const queue = new Int32Array(n);
  let budget = AUCTION_MAX_BIDS_PER_ROW * n;
  let eps = Math.max(1, Math.floor((maxW * scale) / 8));
  for (;;) {
    owner.fill(-1);
    for (let i = 0; i < n; i++) queue[i] = i;
    let head = 0;
    let size = n;
    while (size > 0) {
      if (--budget < 0) return null;
      const i = queue[head]!;
      head = head + 1 === n ? 0 : head + 1;
      size--;
      const base = i * n;
      let best = -Infinity;
      let second = -Infinity;
      let bj = 0;
      for (let j = 0; j < n; j++) {
        const val = W[base + j]! * scale - price[j]!;
        if (val > second) {
          if (val > best) {
            second = best;
            best = val;
            bj = j;
          } else {
            second = val;
          }
        }
      }
      // n = 1: no second best; any finite raise keeps the single pair.
      price[bj] = price[bj]! + (second === -Infinity ? eps : best - second + eps);
      const previous = owner[bj]!;
      owner[bj] = i;
      if (previous >= 0) {
        let tail = head + size;
        if (tail >= n) tail -= n;
        queue[tail] = previous;
        size++;
      }
    }
    if (eps === 1) return price;
    eps = Math.max(1, Math.floor(eps / AUCTION_EPS_FACTOR));
  }
}

/** Steps 2 and 3 (see the top of the file). */
function exactFromPrices(W: Float64Array, n: number, price: Float64Array): AssignmentSolution {
  const scale = n + 1;
  // Min-cost form as in assignment.ts: cost c = −w, reduced cost c − u − v ≥ 0.
  const u = new Float64Array(n);
  const v = new Float64Array(n);
  for (let j = 0; j < n; j++) v[j] = -Math.round(price[j]! / scale);
  const col4row = new Int32Array(n).fill(-1);
  const row4col = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) {
    const base = i * n;
    let low = Infinity;
    let at = -1;
    for (let j = 0; j < n; j++) {
      const r = -W[base + j]! - v[j]!;
      // the first minimum among free columns wins a tie, so tight pairs are kept deterministically
      if (r < low || (r === low && at >= 0 && row4col[at] !== -1 && row4col[j] === -1)) {
        low = r;
        at = j;
      }
    }
    u[i] = low;
    if (row4col[at] === -1) {
      row4col[at] = i;
      col4row[i] = at;
    }
  }

  const dist = new Float64Array(n);
  const pathRow = new Int32Array(n);
  const remaining = new Int32Array(n);
  const scannedRows = new Int32Array(n);
  const rowLabel = new Float64Array(n);
  const scannedCols = new Int32Array(n);
  for (let cur = 0; cur < n; cur++) {
    if (col4row[cur] !== -1) continue;
    dist.fill(Infinity);
    for (let j = 0; j < n; j++) remaining[j] = j;
    let numRem = n;
    let ns = 0;
    let nsc = 0;
    let minVal = 0;
    let i = cur;
    let sink: number;
    for (;;) {
      scannedRows[ns++] = i;
      rowLabel[i] = minVal;
      const base = i * n;
      const off = minVal - u[i]!;
      let lowest = Infinity;
      let idx = -1;
      for (let it = 0; it < numRem; it++) {
        const j = remaining[it]!;
        const r = off - W[base + j]! - v[j]!;
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
    let j = sink;
    for (;;) {
      const r = pathRow[j]!;
      row4col[j] = r;
      const next = col4row[r]!;
      col4row[r] = j;
      if (r === cur) break;
      j = next;
    }
  }

  // Step 3. Max-weight duals of the perfect matching: U0 = −u, V0 = −v. Dijkstra over columns
  // with d'(j) = V(j) − V0(j): start d'(j) = U0(M⁻¹(j)); edge j → M(i) of reduced length
  // U0(i) + V0(j) − w(i, j) ≥ 0.
  const dd = new Float64Array(n);
  const settled = new Uint8Array(n);
  for (let j = 0; j < n; j++) dd[j] = -u[row4col[j]!]!;
  for (let step = 0; step < n; step++) {
    let j = -1;
    let low = Infinity;
    for (let k = 0; k < n; k++) {
      if (settled[k] === 0 && dd[k]! < low) {
        low = dd[k]!;
        j = k;
      }
    }
    settled[j] = 1;
    const v0j = -v[j]!;
    for (let i = 0; i < n; i++) {
      const k = col4row[i]!;
      if (settled[k] === 1) continue;
      const cand = low + (v0j - u[i]! - W[i * n + j]!);
      if (cand < dd[k]!) dd[k] = cand;
    }
  }
  const uOut = new Float64Array(n);
  const vOut = new Float64Array(n);
  let objective = 0;
  for (let j = 0; j < n; j++) vOut[j] = dd[j]! - v[j]!;
  for (let i = 0; i < n; i++) {
    const j = col4row[i]!;
    const w = W[i * n + j]!;
    objective += w;
    uOut[i] = w - vOut[j]!;
  }
  return { rowToCol: col4row, objective, u: uOut, v: vOut };
}
