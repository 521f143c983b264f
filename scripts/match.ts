// `npm run match -- --input FILE --output FILE [--time-limit-ms N]` (issue 6 item 7,
// docs/matching-format.md): solves a matching instance from a file, either the domain form
// ({"kind": "husly.matching.domain", …}, as exported from the workbench) or the open core form
// ({"rows", "cols", "pairs", "groups"?}). Exit codes: 0 solved, 2 malformed input or usage,
// 1 anything else. Messages go to stderr; the result only to the output file.
import { readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { matchingDomainInput } from '../shared/api/allocation';
import { parseCoreInstance } from '../server/matching/core/format';
import { solveCore } from '../server/matching/core/solve';
import type { SolveOptions } from '../server/matching/core/types';
import { MatchingInputError } from '../server/matching/domain/errors';
import { solveDomain } from '../server/matching/domain/solve-domain';

export const USAGE = 'usage: npm run match -- --input FILE --output FILE [--time-limit-ms N]';

type Io = { stderr: (line: string) => void; readFile: (path: string) => string; writeFile: (path: string, text: string) => void };

const defaultIo: Io = {
  stderr: (line) => process.stderr.write(`${line}\n`),
  readFile: (path) => readFileSync(path, 'utf8'),
  writeFile: (path, text) => writeFileSync(path, text),
};

/** Runs the command; returns the exit code. */
export function main(argv: string[], io: Io = defaultIo): number {
  const args = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const key = argv[i]!;
    const value = argv[i + 1];
    if (!['--input', '--output', '--time-limit-ms'].includes(key) || value === undefined) {
      io.stderr(`unknown or incomplete option "${key}"`);
      io.stderr(USAGE);
      return 2;
    }
    args.set(key, value);
    i++;
  }
  const input = args.get('--input');
  const output = args.get('--output');
  if (!input || !output) {
    io.stderr(USAGE);
    return 2;
  }
  const options: SolveOptions = {};
  const limit = args.get('--time-limit-ms');
  if (limit !== undefined) {
    const ms = Number(limit);
    if (!Number.isInteger(ms) || ms <= 0) {
      io.stderr('--time-limit-ms must be a positive integer');
      return 2;
    }
    options.timeLimitMs = ms;
  }

  let json: unknown;
  try {
    json = JSON.parse(io.readFile(input));
  } catch (error) {
    io.stderr(`${input}: cannot read JSON: ${error instanceof Error ? error.message : String(error)}`);
    return 2;
  }

  if (typeof json === 'object' && json !== null && (json as { kind?: unknown }).kind === 'husly.matching.domain') {
    const parsed = matchingDomainInput.safeParse(json);
    if (!parsed.success) {
      for (const issue of parsed.error.issues.slice(0, 50)) io.stderr(`${input}: ${formatPath(issue.path)}: ${issue.message}`);
      return 2;
    }
    let result: ReturnType<typeof solveDomain>;
    try {
      result = solveDomain(parsed.data, options);
    } catch (error) {
      // A lock that cannot be applied or duplicate ids: the input's fault, said plainly.
      if (error instanceof MatchingInputError) {
        io.stderr(`${input}: ${error.code}: ${error.detail}`);
        return 2;
      }
      throw error;
    }
    io.writeFile(output, `${JSON.stringify(result, null, 2)}\n`);
    io.stderr(
      `solved the domain form: ${result.proposals.length} proposals, objective ${result.quality.objective}, bound ${result.quality.bound}, gap ${formatGap(result.quality.gap)}, ${Math.round(result.quality.millis)} ms`,
    );
    return 0;
  }

  const parsed = parseCoreInstance(json);
  if (!parsed.ok) {
    for (const problem of parsed.problems) io.stderr(`${input}: ${problem.path || '(root)'}: ${problem.message}`);
    return 2;
  }
  const result = solveCore(parsed.instance, options);
  io.writeFile(output, `${JSON.stringify(result)}\n`);
  io.stderr(`solved the core form: ${result.assignment.length} pairs, objective ${result.objective}, bound ${result.bound}, gap ${formatGap(result.gap)}, ${Math.round(result.millis)} ms`);
  return 0;
}

function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key)), '') || '(root)';
}

function formatGap(gap: number): string {
  return `${(gap * 100).toFixed(3)} %`;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    process.exitCode = main(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`match failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  }
}
