import { describe, expect, it } from 'vitest';
import { parseCoreInstance } from './format';

const valid = {
  rows: [{ id: 'h1', tags: ['support'] }, { id: 'h2' }],
  cols: [{ id: 'd1' }, { id: 'd2' }],
  pairs: [
    [0, 0, 10],
    [1, 1, 7],
  ],
  groups: [{ cols: [0, 1], tag: 'support', max: 1 }],
};

function problemsOf(json: unknown) {
  const parsed = parseCoreInstance(json);
  if (parsed.ok) throw new Error('expected problems');
  return parsed.problems;
}

describe('parseCoreInstance', () => {
  it('accepts a valid instance and returns it unchanged in meaning', () => {
    const parsed = parseCoreInstance(valid);
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(parsed.instance).toEqual(valid);
  });

  it('accepts an instance without groups and an explicit core kind', () => {
    const parsed = parseCoreInstance({ kind: 'husly.matching.core', rows: [], cols: [], pairs: [] });
    expect(parsed).toEqual({ ok: true, instance: { rows: [], cols: [], pairs: [] } });
  });

  it.each([
    ['not an object', [], ''],
    ['rows missing', { cols: [], pairs: [] }, 'rows'],
    ['row index out of range', { ...valid, pairs: [[2, 0, 1]] }, 'pairs[0][0]'],
    ['negative column index', { ...valid, pairs: [[0, -1, 1]] }, 'pairs[0][1]'],
    ['column index out of range', { ...valid, pairs: [[0, 2, 1]] }, 'pairs[0][1]'],
    ['non-integer score', { ...valid, pairs: [[0, 0, 1.5]] }, 'pairs[0][2]'],
    ['zero score', { ...valid, pairs: [[0, 0, 0]] }, 'pairs[0][2]'],
    ['negative score', { ...valid, pairs: [[0, 0, -3]] }, 'pairs[0][2]'],
    ['score too large', { ...valid, pairs: [[0, 0, 2 ** 31]] }, 'pairs[0][2]'],
    ['score as a string', { ...valid, pairs: [[0, 0, '5']] }, 'pairs[0][2]'],
    ['pair of wrong length', { ...valid, pairs: [[0, 0]] }, 'pairs[0]'],
    ['duplicate pair', { ...valid, pairs: [[0, 0, 1], [1, 1, 1], [0, 0, 2]] }, 'pairs[2]'],
    ['duplicate row id', { ...valid, rows: [{ id: 'h1' }, { id: 'h1' }] }, 'rows[1].id'],
    ['empty column id', { ...valid, cols: [{ id: '' }, { id: 'd2' }] }, 'cols[0].id'],
    ['tags not strings', { ...valid, rows: [{ id: 'h1', tags: [1] }, { id: 'h2' }] }, 'rows[0].tags'],
    ['group column out of range', { ...valid, groups: [{ cols: [5], tag: 'support', max: 1 }] }, 'groups[0].cols[0]'],
    ['group column twice', { ...valid, groups: [{ cols: [0, 0], tag: 'support', max: 1 }] }, 'groups[0].cols[1]'],
    ['negative group max', { ...valid, groups: [{ cols: [0], tag: 'support', max: -1 }] }, 'groups[0].max'],
    ['group without tag', { ...valid, groups: [{ cols: [0], max: 1 }] }, 'groups[0].tag'],
    ['groups not an array', { ...valid, groups: {} }, 'groups'],
    ['unknown top-level field', { ...valid, extra: 1 }, 'extra'],
    ['wrong kind', { ...valid, kind: 'other' }, 'kind'],
  ])('rejects %s with a message at its JSON path', (_name, json, path) => {
    const problems = problemsOf(json);
    expect(problems.map((p) => p.path)).toContain(path);
    for (const p of problems) expect(p.message.length).toBeGreaterThan(5);
  });

  it('names the duplicate pair and the allowed index range in plain words', () => {
    expect(problemsOf({ ...valid, pairs: [[0, 0, 1], [0, 0, 1]] })[0]!.message).toBe('duplicate pair: row 0 and column 0 appear earlier');
    expect(problemsOf({ ...valid, pairs: [[9, 0, 1]] })[0]!.message).toBe('row index must be an integer from 0 to 1');
  });

  it('reports every problem, at most 50', () => {
    const pairs = Array.from({ length: 80 }, () => [0, 0, -1]);
    expect(problemsOf({ ...valid, pairs })).toHaveLength(50);
    const two = problemsOf({ ...valid, pairs: [[0, 5, 1], [0, 0, 0]] });
    expect(two.map((p) => p.path)).toEqual(['pairs[0][1]', 'pairs[1][2]']);
  });
});
