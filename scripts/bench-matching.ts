// `npm run bench:matching` (issue 6 item 8): the matching engine on seeded instances — uniform,
// spatial/clustered like towns, and batches drawn from a synthetic municipality — at 200, 1,000,
// 2,000 and 5,000 rows, dense and sparse, with and without composition groups, side by side with
// references run in the same process tree: scipy's compiled linear_sum_assignment (no groups),
// HiGHS (npm `highs`, WebAssembly) and scipy.optimize.milp (HiGHS inside scipy) with a time limit
// (groups). Only the solve is timed on every side (not generating, writing or parsing).
//
//   npm run bench:matching -- [--quick] [--only NAME] [--highs-limit-s 60] [--time-limit-ms 5000]
//
// Results are recorded in BENCHMARKS.md ("Matching").
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { solveAssignment, sparseFromPairs } from '../server/matching/core/assignment';
import { bindingGroups, solveCore } from '../server/matching/core/solve';
import type { CoreInstance } from '../server/matching/core/types';
import type { benchHttpBatch as BenchHttpBatch } from './bench/http-batch';
import { denseWeights, spatial, uniform, withBuildingGroups, type BenchMatrix } from './bench/instances';
import { municipalBatch } from './bench/municipality';

const here = fileURLToPath(new URL('.', import.meta.url));
const argv = process.argv.slice(2);
const flag = (name: string) => argv.includes(name);
const option = (name: string) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};
const QUICK = flag('--quick');
const ONLY = option('--only');
const HIGHS_LIMIT_S = Number(option('--highs-limit-s') ?? (QUICK ? 10 : 60));
const TIME_LIMIT_MS = Number(option('--time-limit-ms') ?? 5000);
const PYTHON = '/usr/bin/python3';
const tmp = mkdtempSync(join(tmpdir(), 'husly-bench-matching-'));

type Outcome = { objective: number | null; bound: number | null; gap: number | null; ms: number; note?: string };
type Case = {
  name: string;
  size: string;
  /** no groups: a matrix solved exactly; groups: a core instance. */
  build: () => { matrix: BenchMatrix } | { instance: CoreInstance };
  target?: string;
  /** Stop the group solver at this gap (a named target's gap: the time to reach it is the figure). */
  targetGap?: number;
};

const cases: Case[] = [];
const sizes = QUICK ? [200, 1000] : [200, 1000, 2000, 5000];
const SPARSE_DEGREE = 30;

// Named targets first (issue 6 item 8).
cases.push({ name: 'target-uniform-2000-dense', size: '2000×2000', build: () => ({ matrix: uniform(2000, 2000, null, 2001) }), target: '≤ 1.5× scipy' });
cases.push({ name: 'target-spatial-2000-dense', size: '2000×2000', build: () => ({ matrix: spatial(2000, 2000, null, 2002) }), target: '≤ 1.5× scipy' });
cases.push({
  name: 'target-tight-500x400',
  size: '500×400',
  build: () => ({ instance: withBuildingGroups(spatial(500, 400, 80, 5004), { seed: 5, supportShare: 0.35, sizes: [4, 20] }) }),
  target: 'gap ≤ 0.5 % in < 1 s',
  targetGap: 0.005,
});
cases.push({
  name: 'target-buildings-2000x1600',
  size: '2000×1600',
  build: () => ({ instance: withBuildingGroups(spatial(2000, 1600, 60, 2016), { seed: 6, supportShare: 0.35, buildings: 160 }) }),
  target: 'gap ≤ 1 % in < 5 s',
  targetGap: 0.01,
});
for (const n of sizes) {
  cases.push({ name: `uniform-${n}-dense`, size: `${n}×${n}`, build: () => ({ matrix: uniform(n, n, null, n + 1) }) });
  cases.push({ name: `uniform-${n}-sparse`, size: `${n}×${n}`, build: () => ({ matrix: uniform(n, n, SPARSE_DEGREE, n + 2) }) });
  cases.push({ name: `spatial-${n}-dense`, size: `${n}×${n}`, build: () => ({ matrix: spatial(n, n, null, n + 3) }) });
  cases.push({ name: `spatial-${n}-sparse`, size: `${n}×${n}`, build: () => ({ matrix: spatial(n, n, SPARSE_DEGREE, n + 4) }) });
  const m = Math.round(n * 0.8);
  cases.push({
    name: `spatial-${n}-sparse-groups`,
    size: `${n}×${m}`,
    build: () => ({ instance: withBuildingGroups(spatial(n, m, SPARSE_DEGREE, n + 5), { seed: n, supportShare: 0.35, sizes: [4, 20] }) }),
  });
  cases.push({ name: `municipal-${n}`, size: `${n}×${m}`, build: () => ({ instance: municipal(n, m, n + 6) }) });
}

let toCoreInstance: ((input: ReturnType<typeof municipalBatch>) => { instance: CoreInstance }) | null = null;
function municipal(n: number, m: number, seed: number): CoreInstance {
  if (!toCoreInstance) throw new Error('skipped: domain converter not available');
  return toCoreInstance(municipalBatch(n, m, seed)).instance;
}

function python(args: string[]): Outcome {
  try {
    const out = execFileSync(PYTHON, [join(here, 'bench', 'reference.py'), ...args], { encoding: 'utf8', maxBuffer: 1 << 20, timeout: (HIGHS_LIMIT_S + 600) * 1000 });
    return JSON.parse(out.trim().split('\n').pop()!) as Outcome;
  } catch (error) {
    return { objective: null, bound: null, gap: null, ms: NaN, note: `failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}` };
  }
}

async function highsMilp(instance: CoreInstance): Promise<Outcome> {
  let loadHighs: () => Promise<unknown>;
  try {
    loadHighs = ((await import('highs')) as unknown as { default: () => Promise<unknown> }).default;
  } catch {
    return { objective: null, bound: null, gap: null, ms: NaN, note: 'skipped: npm highs not installed' };
  }
  type Model = {
    options: { set: (o: Record<string, unknown>) => void };
    run: () => void;
    getObjectiveValue: () => number;
    info: { get: (name: string) => number | bigint };
    dispose: () => void;
  };
  const highs = (await loadHighs()) as { createModel: (m: { format: 'lp'; data: string }) => Model };
  const lines: string[] = ['Maximize', ' obj:'];
  const terms = (list: string[]) => {
    for (let i = 0; i < list.length; i += 8) lines.push(`  ${list.slice(i, i + 8).join(' ')}`);
  };
  terms(instance.pairs.map(([, , w], k) => `+ ${w} x${k}`));
  lines.push('Subject To');
  const byRow: string[][] = instance.rows.map(() => []);
  const byCol: string[][] = instance.cols.map(() => []);
  instance.pairs.forEach(([r, c], k) => {
    byRow[r]!.push(`+ x${k}`);
    byCol[c]!.push(`+ x${k}`);
  });
  const constraint = (name: string, list: string[], max: number) => {
    if (list.length === 0) return;
    lines.push(` ${name}:`);
    terms(list);
    lines.push(`  <= ${max}`);
  };
  byRow.forEach((list, r) => constraint(`r${r}`, list, 1));
  byCol.forEach((list, c) => constraint(`c${c}`, list, 1));
  const groups = instance.groups ?? [];
  groups.forEach((g, gi) => {
    const cols = new Set(g.cols);
    const list: string[] = [];
    instance.pairs.forEach(([r, c], k) => {
      if (cols.has(c) && (instance.rows[r]!.tags ?? []).includes(g.tag)) list.push(`+ x${k}`);
    });
    constraint(`g${gi}`, list, g.max);
  });
  lines.push('Binary');
  terms(instance.pairs.map((_, k) => `x${k}`));
  lines.push('End');
  const model = highs.createModel({ format: 'lp', data: lines.join('\n') });
  try {
    model.options.set({ output_flag: false, time_limit: HIGHS_LIMIT_S });
    const started = performance.now();
    model.run();
    const ms = performance.now() - started;
    const objective = model.getObjectiveValue();
    const bound = Number(model.info.get('mip_dual_bound'));
    return { objective, bound, gap: bound > 0 ? (bound - objective) / bound : null, ms };
  } finally {
    model.dispose();
  }
}

function fmt(x: number | null | undefined, digits = 0): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '—';
  return x.toFixed(digits);
}
const pct = (g: number | null | undefined) => (g === null || g === undefined || !Number.isFinite(g) ? '—' : `${(g * 100).toFixed(3)} %`);

async function main(): Promise<void> {
  try {
    toCoreInstance = (await import('../server/matching/domain/solve-domain')).toCoreInstance;
    toCoreInstance(municipalBatch(5, 5, 1));
  } catch {
    toCoreInstance = null;
    console.log('skipped: domain converter not available (municipal instances)');
  }
  // Warm the JIT on a small instance so the first measured case is not penalised.
  solveAssignment(uniform(300, 300, null, 1));
  solveAssignment(spatial(300, 300, 30, 1));

  console.log(`machine: ${(await import('node:os')).cpus().length} cores, node ${process.version}; HiGHS limit ${HIGHS_LIMIT_S} s; groups time limit ${TIME_LIMIT_MS} ms`);
  const header = ['instance', 'size', 'pairs', 'groups', 'ours obj', 'bound', 'gap', 'ms', 'reference', 'ref obj', 'ref bound', 'ref gap', 'ref ms', 'ratio', 'target'];
  console.log(`| ${header.join(' | ')} |`);
  console.log(`|${header.map(() => '---').join('|')}|`);
  let mismatches = 0;
  for (const c of cases) {
    if (ONLY && !c.name.includes(ONLY)) continue;
    let built: ReturnType<Case['build']>;
    try {
      built = c.build();
    } catch (error) {
      console.log(`| ${c.name} | ${c.size} | ${error instanceof Error ? error.message : String(error)} |`);
      continue;
    }
    if ('matrix' in built) {
      const matrix = built.matrix;
      const started = performance.now();
      const ours = solveAssignment(matrix);
      const ms = performance.now() - started;
      const file = join(tmp, `${c.name}.f64`);
      writeFileSync(file, denseWeights(matrix));
      const ref = python(['lsa-bin', file, String(matrix.rows), String(matrix.cols)]);
      rmSync(file);
      const ok = ref.objective === ours.objective;
      if (!ok) mismatches++;
      console.log(
        `| ${c.name} | ${c.size} | ${matrix.rowStart[matrix.rows]} | 0 | ${ours.objective} | ${ours.objective} | 0 % | ${fmt(ms)} | scipy lsa | ${fmt(ref.objective)}${ok ? '' : ' **MISMATCH**'} | ${fmt(ref.bound)} | 0 % | ${fmt(ref.ms)} | ${fmt(ms / ref.ms, 2)} | ${c.target ?? ''} |`,
      );
      if (!ok) console.error(`MISMATCH on ${c.name}: ours ${ours.objective}, scipy ${ref.objective} ${ref.note ?? ''}`);
      continue;
    }
    const instance = built.instance;
    const binding = bindingGroups(instance).length;
    let ours: Outcome;
    try {
      const result = solveCore(instance, { timeLimitMs: TIME_LIMIT_MS, ...(c.targetGap === undefined ? {} : { targetGap: c.targetGap }) });
      ours = { objective: result.objective, bound: result.bound, gap: result.gap, ms: result.millis };
    } catch (error) {
      ours = { objective: null, bound: null, gap: null, ms: NaN, note: `error: ${error instanceof Error ? error.message : String(error)}` };
    }
    const row = (label: string, ref: Outcome) =>
      console.log(
        `| ${c.name} | ${c.size} | ${instance.pairs.length} | ${binding} | ${ours.note ?? fmt(ours.objective)} | ${fmt(ours.bound)} | ${pct(ours.gap)} | ${fmt(ours.ms)} | ${label} | ${ref.note ?? fmt(ref.objective)} | ${fmt(ref.bound)} | ${pct(ref.gap)} | ${fmt(ref.ms)} | ${fmt(ours.ms / ref.ms, 3)} | ${c.target ?? ''} |`,
      );
    if (binding === 0) {
      // No binding group: the exact path; scipy's assignment is the reference.
      const matrix = sparseFromPairs(instance.rows.length, instance.cols.length, instance.pairs);
      const file = join(tmp, `${c.name}.f64`);
      writeFileSync(file, denseWeights(matrix));
      const ref = python(['lsa-bin', file, String(matrix.rows), String(matrix.cols)]);
      rmSync(file);
      if (ref.objective !== ours.objective) {
        mismatches++;
        console.error(`MISMATCH on ${c.name}: ours ${ours.objective}, scipy ${ref.objective}`);
      }
      row('scipy lsa', ref);
      continue;
    }
    const file = join(tmp, `${c.name}.json`);
    writeFileSync(file, JSON.stringify(instance));
    row(`HiGHS (npm) ${HIGHS_LIMIT_S} s`, await highsMilp(instance));
    row(`scipy milp ${HIGHS_LIMIT_S} s`, python(['milp', file, String(HIGHS_LIMIT_S)]));
    rmSync(file);
  }

  const httpScript = join(here, 'bench', 'http-batch.ts');
  if (!ONLY || 'http-batch'.includes(ONLY)) {
    if (existsSync(httpScript)) {
      const { benchHttpBatch } = (await import(pathToFileURL(httpScript).href)) as { benchHttpBatch: typeof BenchHttpBatch };
      for (const withComposition of [false, true]) {
        const { ms, gap } = await benchHttpBatch({ withComposition });
        const sorted = [...ms].sort((a, b) => a - b);
        const p = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
        const label = withComposition ? 'default criteria (support ≤ 2 per building)' : 'no composition rules';
        console.log(
          `http-batch 300×300, ${label}: gap ${pct(gap)}; p50 ${fmt(p(0.5))} ms, p95 ${fmt(p(0.95))} ms, max ${fmt(sorted[sorted.length - 1])} ms over ${ms.length} requests (target < 200 ms)`,
        );
      }
    } else {
      console.log('http-batch 300×300: skipped (scripts/bench/http-batch.ts not present)');
    }
  }
  rmSync(tmp, { recursive: true, force: true });
  if (mismatches > 0) {
    console.error(`\n*** ${mismatches} MISMATCH(ES) against scipy: the exact solver is wrong on these instances ***`);
    process.exitCode = 1;
  } else {
    console.log('\nno-group objectives equal scipy on every instance');
  }
}

await main();
