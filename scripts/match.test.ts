import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { matchingResult } from '../shared/api/allocation';
import { main } from './match';

function run(argv: string[], files: Record<string, string>) {
  const stderr: string[] = [];
  const written: Record<string, string> = {};
  const code = main(argv, {
    stderr: (line) => stderr.push(line),
    readFile: (path) => {
      const text = files[path];
      if (text === undefined) throw new Error(`ENOENT: no such file ${path}`);
      return text;
    },
    writeFile: (path, text) => {
      written[path] = text;
    },
  });
  return { code, stderr, written };
}

const example = (name: string) => readFileSync(new URL(`../docs/examples/${name}`, import.meta.url), 'utf8');

describe('npm run match', () => {
  it('solves a core instance without groups exactly and writes assignment, objective, bound, gap and millis', () => {
    const core = { ...JSON.parse(example('matching-core-example.json')), groups: undefined };
    const { code, written } = run(['--input', 'in.json', '--output', 'out.json'], { 'in.json': JSON.stringify(core) });
    expect(code).toBe(0);
    const out = JSON.parse(written['out.json']!);
    // h1→d1 120, h2→d3 60, h3→d2 110 = 290 beats h2→d1 100, h1→d2 90, h3→d3 40 = 230.
    expect(out).toMatchObject({ assignment: [[0, 0], [1, 2], [2, 1]], objective: 290, bound: 290, gap: 0 });
    expect(typeof out.millis).toBe('number');
  });

  it('rejects a malformed core instance with exit code 2 and every problem on stderr', () => {
    const bad = { rows: [{ id: 'h1' }], cols: [{ id: 'd1' }], pairs: [[0, 3, 5], [0, 0, 0], [0, 0, 2], [0, 0, 2]] };
    const { code, stderr, written } = run(['--input', 'in.json', '--output', 'out.json'], { 'in.json': JSON.stringify(bad) });
    expect(code).toBe(2);
    expect(written).toEqual({});
    expect(stderr).toEqual([
      'in.json: pairs[0][1]: column index must be an integer from 0 to 0',
      'in.json: pairs[1][2]: score must be a positive integer at most 2147483647',
      'in.json: pairs[3]: duplicate pair: row 0 and column 0 appear earlier',
    ]);
  });

  it('rejects text that is not JSON, and a malformed domain form, with exit code 2', () => {
    expect(run(['--input', 'in.json', '--output', 'o'], { 'in.json': '{"rows": [' }).code).toBe(2);
    const domain = { ...JSON.parse(example('matching-domain-example.json')), plannedMoveIn: 'tomorrow' };
    const { code, stderr } = run(['--input', 'in.json', '--output', 'o'], { 'in.json': JSON.stringify(domain) });
    expect(code).toBe(2);
    expect(stderr.some((line) => line.startsWith('in.json: plannedMoveIn:'))).toBe(true);
  });

  it('rejects a domain form whose lock cannot be applied with exit code 2 and the reason, not a stack trace', () => {
    const domain = JSON.parse(example('matching-domain-example.json'));
    domain.locks = [{ householdId: 'no-such-household', dwellingId: domain.dwellings[0].id, kind: 'force' }];
    const { code, stderr, written } = run(['--input', 'in.json', '--output', 'o'], { 'in.json': JSON.stringify(domain) });
    expect(code).toBe(2);
    expect(written).toEqual({});
    expect(stderr).toHaveLength(1);
    expect(stderr[0]).toMatch(/^in\.json: allocation\.lock_invalid: /);
  });

  it('rejects bad usage with exit code 2', () => {
    expect(run([], {}).code).toBe(2);
    expect(run(['--input', 'a.json'], {}).code).toBe(2);
    expect(run(['--input', 'a.json', '--output', 'b.json', '--time-limit-ms', 'soon'], {}).code).toBe(2);
    expect(run(['--frobnicate', 'x'], {}).code).toBe(2);
  });

  it('solves the documented domain example into a valid MatchingResult', () => {
    const { code, written } = run(['--input', 'd.json', '--output', 'r.json', '--time-limit-ms', '2000'], { 'd.json': example('matching-domain-example.json') });
    expect(code).toBe(0);
    const result = matchingResult.parse(JSON.parse(written['r.json']!));
    expect(result.proposals.length).toBeGreaterThan(0);
    for (const p of result.proposals) expect(p.contributions.reduce((s, c) => s + c.points, 0)).toBe(p.score);
  });
});

describe('the documented core example', () => {
  it('respects its group: the optimum is 230, not the 290 of the unconstrained assignment', () => {
    const { code, written } = run(['--input', 'c.json', '--output', 'r.json'], { 'c.json': example('matching-core-example.json') });
    expect(code).toBe(0);
    expect(JSON.parse(written['r.json']!)).toMatchObject({ assignment: [[0, 1], [1, 0], [2, 2]], objective: 230 });
  });
});
