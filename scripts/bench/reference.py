"""Reference solvers for `npm run bench:matching` (scripts/bench-matching.ts).

Usage: python3 reference.py lsa|milp INSTANCE.json [TIME_LIMIT_S]
       python3 reference.py lsa-bin WEIGHTS.f64 N M
Reads a core instance (docs/matching-format.md) and prints one JSON line:
{"objective", "bound", "gap", "ms"} where ms times only the solve (not reading, not building).
  lsa:  scipy.optimize.linear_sum_assignment (compiled C++) on the weight matrix; a missing pair
        has weight 0, which gives the same optimum as leaving the row unassigned (groups ignored).
  milp: scipy.optimize.milp (HiGHS inside scipy) on x_rc binary, row/col <= 1, group rows.
"""
import json
import sys
import time

import numpy as np
from scipy import sparse
from scipy.optimize import Bounds, LinearConstraint, linear_sum_assignment, milp


def main():
    mode, path = sys.argv[1], sys.argv[2]
    if mode == "lsa-bin":
        # raw float64 row-major weight matrix (missing pairs 0): python3 reference.py lsa-bin FILE N M
        n, m = int(sys.argv[3]), int(sys.argv[4])
        weights = np.fromfile(path, dtype=np.float64).reshape(n, m)
        t = time.perf_counter()
        rows, cols = linear_sum_assignment(weights, maximize=True)
        ms = (time.perf_counter() - t) * 1000
        obj = float(weights[rows, cols].sum())
        print(json.dumps({"objective": obj, "bound": obj, "gap": 0, "ms": ms}))
        return
    limit = float(sys.argv[3]) if len(sys.argv) > 3 else 60.0
    with open(path) as f:
        inst = json.load(f)
    n, m = len(inst["rows"]), len(inst["cols"])
    pairs = np.array(inst["pairs"], dtype=np.int64).reshape(-1, 3)
    r, c, w = pairs[:, 0], pairs[:, 1], pairs[:, 2].astype(np.float64)
    if mode == "lsa":
        weights = np.zeros((n, m))
        weights[r, c] = w
        t = time.perf_counter()
        rows, cols = linear_sum_assignment(weights, maximize=True)
        ms = (time.perf_counter() - t) * 1000
        obj = float(weights[rows, cols].sum())
        print(json.dumps({"objective": obj, "bound": obj, "gap": 0, "ms": ms}))
        return
    k = len(pairs)
    idx = np.arange(k)
    blocks = [sparse.csr_matrix((np.ones(k), (r, idx)), shape=(n, k)), sparse.csr_matrix((np.ones(k), (c, idx)), shape=(m, k))]
    ub = [np.ones(n), np.ones(m)]
    tags = [set(row.get("tags", [])) for row in inst["rows"]]
    col_groups = {}
    groups = inst.get("groups", [])
    for gi, g in enumerate(groups):
        for col in g["cols"]:
            col_groups.setdefault(col, []).append(gi)
    gr, gk = [], []
    for j in range(k):
        for gi in col_groups.get(int(c[j]), []):
            if groups[gi]["tag"] in tags[int(r[j])]:
                gr.append(gi)
                gk.append(j)
    if groups:
        blocks.append(sparse.csr_matrix((np.ones(len(gr)), (gr, gk)), shape=(len(groups), k)))
        ub.append(np.array([g["max"] for g in groups], dtype=float))
    a = sparse.vstack(blocks).tocsr()
    u = np.concatenate(ub)
    t = time.perf_counter()
    res = milp(-w, constraints=LinearConstraint(a, -np.inf, u), integrality=np.ones(k), bounds=Bounds(0, 1), options={"time_limit": limit, "disp": False})
    ms = (time.perf_counter() - t) * 1000
    obj = float(-res.fun) if res.x is not None else None
    bound = float(-res.mip_dual_bound) if getattr(res, "mip_dual_bound", None) is not None else None
    gap = (bound - obj) / bound if obj is not None and bound else None
    print(json.dumps({"objective": obj, "bound": bound, "gap": gap, "ms": ms, "status": int(res.status)}))


main()
