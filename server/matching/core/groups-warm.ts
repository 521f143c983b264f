import type { AssignmentSolution, SparseAssignment } from './types';

// A warm-started exact assignment for the Lagrangian loop of groups.ts: between two iterations
// only the penalised weights of tagged pairs move, so most of the previous matching stays optimal.
// Successive shortest paths (the same method as assignment.ts, Jonker & Volgenant 1987) started
// from the previous solution: keep the previous duals of the "other" side (V, columns of the
// sparse problem), set each row's dual U to the least feasible value, keep the previous pairs
// that are still tight, and restore complementary slackness (an unmatched column must have V = 0;
// zeroing one can raise a row's U and untie its pair, which frees another column: a cascade that
// ends because every column is zeroed at most once). Then every unmatched row gets one
// Dijkstra search over reduced costs U + V − w ≥ 0, ending at a free column or at "stay unmatched".
//
// Result: an optimal matching with dual values U, V ≥ 0, U_r + V_c ≥ w on every pair, tight on
// chosen pairs, zero on unused rows and columns (up to rounding in the fractional penalised
// weights; groups.ts re-covers every pair before it uses the duals as a bound).

export type WarmStart = { rowToCol: Int32Array; v: Float64Array };

const TIGHT = 1e-9;

export function solveAssignmentWarm(problem: SparseAssignment, warm: WarmStart | null): AssignmentSolution {
  const { rows: n, cols: m, rowStart, colIndex, weight } = problem;
  const nnz = rowStart[n]!;
  const V = warm ? Float64Array.from(warm.v, (x) => Math.max(0, x)) : new Float64Array(m);
  const U = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let best = 0;
    for (let k = rowStart[i]!; k < rowStart[i + 1]!; k++) {
      const x = weight[k]! - V[colIndex[k]!]!;
      if (x > best) best = x;
    }
    U[i] = best;
  }
  const col4row = new Int32Array(n).fill(-1);
  const row4col = new Int32Array(m).fill(-1);
  const pairOfRow = new Int32Array(n).fill(-1);
  if (warm) {
    for (let i = 0; i < n; i++) {
      const j = warm.rowToCol[i]!;
      if (j < 0 || row4col[j] !== -1) continue;
      for (let k = rowStart[i]!; k < rowStart[i + 1]!; k++) {
        if (colIndex[k] !== j) continue;
        if (Math.abs(U[i]! + V[j]! - weight[k]!) <= TIGHT * (1 + Math.abs(weight[k]!))) {
          col4row[i] = j;
          row4col[j] = i;
          pairOfRow[i] = k;
        }
        break;
      }
    }
  }
  // Pairs by column, for the cascade.
  const colStart = new Int32Array(m + 1);
  for (let k = 0; k < nnz; k++) colStart[colIndex[k]! + 1]!++;
  for (let j = 0; j < m; j++) colStart[j + 1]! += colStart[j]!;
  const colRow = new Int32Array(nnz);
  const colW = new Float64Array(nnz);
  const fill = colStart.slice(0, m);
  for (let i = 0; i < n; i++) {
    for (let k = rowStart[i]!; k < rowStart[i + 1]!; k++) {
      const at = fill[colIndex[k]!]!++;
      colRow[at] = i;
      colW[at] = weight[k]!;
    }
  }
  const stack: number[] = [];
  for (let j = 0; j < m; j++) if (row4col[j] === -1 && V[j]! > 0) stack.push(j);
  while (stack.length > 0) {
    const j = stack.pop()!;
    if (row4col[j] !== -1 || V[j] === 0) continue;
    V[j] = 0;
    for (let q = colStart[j]!; q < colStart[j + 1]!; q++) {
      const i = colRow[q]!;
      if (U[i]! >= colW[q]!) continue;
      U[i] = colW[q]!;
      const j2 = col4row[i]!;
      if (j2 >= 0) {
        col4row[i] = -1;
        row4col[j2] = -1;
        pairOfRow[i] = -1;
        if (V[j2]! > 0) stack.push(j2);
      }
    }
  }

  // Dijkstra state, reset through the touched lists.
  const dist = new Float64Array(m).fill(Infinity);
  const done = new Uint8Array(m);
  const pathRow = new Int32Array(m);
  const touched = new Int32Array(m);
  const scannedRows = new Int32Array(n);
  const rowLabel = new Float64Array(n);
  const scannedCols = new Int32Array(m);
  let heapD = new Float64Array(1024);
  let heapC = new Int32Array(1024);

  for (let cur = 0; cur < n; cur++) {
    if (col4row[cur] !== -1) continue;
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
      const ui = U[i]!;
      // Leaving row i unmatched costs its label plus U_i (its matched pair is tight).
      if (minVal + ui < bestDummy) {
        bestDummy = minVal + ui;
        bestDummyRow = i;
      }
      const off = minVal + ui;
      for (let k = rowStart[i]!, end = rowStart[i + 1]!; k < end; k++) {
        const j = colIndex[k]!;
        if (done[j] === 1) continue;
        const r = off + V[j]! - weight[k]!;
        const d = dist[j]!;
        if (r < d) {
          if (d === Infinity) touched[nt++] = j;
          dist[j] = r;
          pathRow[j] = i;
          if (hs === heapD.length) {
            const nd = new Float64Array(hs * 2);
            nd.set(heapD);
            heapD = nd;
            const nc = new Int32Array(hs * 2);
            nc.set(heapC);
            heapC = nc;
          }
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
      let j = -1;
      let lowest = Infinity;
      while (hs > 0) {
        const topD = heapD[0]!;
        const topC = heapC[0]!;
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
      U[r] = Math.max(0, U[r]! - (minVal - rowLabel[r]!));
    }
    for (let s = 0; s < nsc; s++) {
      const j = scannedCols[s]!;
      V[j] = V[j]! + (minVal - dist[j]!);
      done[j] = 0;
    }
    // Augment: along the path back to cur; a dummy sink frees its row's column.
    let j: number;
    let stop = false;
    if (sink < 0) {
      const t = -1 - sink;
      j = col4row[t]!;
      col4row[t] = -1;
      if (t === cur) stop = true;
      else row4col[j] = -1;
    } else {
      j = sink;
    }
    while (!stop) {
      const r = pathRow[j]!;
      row4col[j] = r;
      const next = col4row[r]!;
      col4row[r] = j;
      if (r === cur) break;
      j = next;
    }
    for (let t = 0; t < nt; t++) dist[touched[t]!] = Infinity;
  }

  let objective = 0;
  for (let i = 0; i < n; i++) {
    const j = col4row[i]!;
    if (j < 0) continue;
    for (let k = rowStart[i]!; k < rowStart[i + 1]!; k++) {
      if (colIndex[k] === j) {
        objective += weight[k]!;
        break;
      }
    }
  }
  return { rowToCol: col4row, objective, u: U, v: V };
}
