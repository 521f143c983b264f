import type { CoreCol, CoreGroup, CoreInstance, CorePair, CoreRow } from './types';

export type CoreProblem = { path: string; message: string };

// The open core format (issue 6 item 7, docs/matching-format.md). Limits keep a hostile file from
// exhausting memory; they are far above any municipality's batch.
export const CORE_LIMITS = {
  rows: 100_000,
  cols: 100_000,
  pairs: 30_000_000,
  groups: 100_000,
  idLength: 200,
  tags: 50,
  maxScore: 2 ** 31 - 1,
  problems: 50,
} as const;

const TOP_KEYS = new Set(['kind', 'rows', 'cols', 'pairs', 'groups']);

/**
 * Validates a core instance from untrusted JSON: shapes, indices in range, scores positive
 * integers (at most 2^31 − 1), no duplicate pair, group columns in range and unique, max a
 * non-negative integer, ids unique. Returns every problem found (at most 50), each with a JSON
 * path (e.g. "pairs[3][0]") and a plain message.
 */
export function parseCoreInstance(json: unknown): { ok: true; instance: CoreInstance } | { ok: false; problems: CoreProblem[] } {
  const problems: CoreProblem[] = [];
  const add = (path: string, message: string): boolean => {
    if (problems.length < CORE_LIMITS.problems) problems.push({ path, message });
    return problems.length >= CORE_LIMITS.problems;
  };
  if (!isObject(json)) {
    return { ok: false, problems: [{ path: '', message: 'the instance must be a JSON object with "rows", "cols" and "pairs"' }] };
  }
  for (const key of Object.keys(json)) {
    if (!TOP_KEYS.has(key)) add(key, `unknown field "${key}" (allowed: rows, cols, pairs, groups, kind)`);
  }
  if (json.kind !== undefined && json.kind !== 'husly.matching.core') add('kind', 'kind must be "husly.matching.core" when given');

  const rows = parseEntities(json.rows, 'rows', CORE_LIMITS.rows, true, add);
  const cols = parseEntities(json.cols, 'cols', CORE_LIMITS.cols, false, add);
  const nRows = rows?.length ?? 0;
  const nCols = cols?.length ?? 0;

  const pairs: CorePair[] = [];
  if (!Array.isArray(json.pairs)) {
    add('pairs', 'must be an array of [rowIndex, colIndex, score]');
  } else if (json.pairs.length > CORE_LIMITS.pairs) {
    add('pairs', `at most ${CORE_LIMITS.pairs} pairs`);
  } else {
    // Duplicates: one bit per (row, col) when the grid is small, a set of keys otherwise.
    const grid = rows && cols && nRows * nCols <= 50_000_000 ? new Uint8Array(nRows * nCols) : null;
    const seen = grid ? null : new Set<number>();
    const list = json.pairs as unknown[];
    for (let k = 0; k < list.length; k++) {
      const p = list[k];
      const path = `pairs[${k}]`;
      if (!Array.isArray(p) || p.length !== 3) {
        if (add(path, 'must be [rowIndex, colIndex, score]')) break;
        continue;
      }
      const [r, c, w] = p as unknown[];
      let bad = false;
      if (!isIndex(r) || (rows !== null && r >= nRows)) {
        bad = true;
        if (add(`${path}[0]`, rows === null ? 'row index must be a non-negative integer' : `row index must be an integer from 0 to ${nRows - 1}`)) break;
      }
      if (!isIndex(c) || (cols !== null && c >= nCols)) {
        bad = true;
        if (add(`${path}[1]`, cols === null ? 'column index must be a non-negative integer' : `column index must be an integer from 0 to ${nCols - 1}`)) break;
      }
      if (typeof w !== 'number' || !Number.isInteger(w) || w < 1 || w > CORE_LIMITS.maxScore) {
        bad = true;
        if (add(`${path}[2]`, `score must be a positive integer at most ${CORE_LIMITS.maxScore}`)) break;
      }
      if (bad || !rows || !cols) continue;
      const ri = r as number;
      const ci = c as number;
      const key = ri * nCols + ci;
      const duplicate = grid ? grid[key] === 1 : seen!.has(key);
      if (duplicate) {
        if (add(path, `duplicate pair: row ${ri} and column ${ci} appear earlier`)) break;
        continue;
      }
      if (grid) grid[key] = 1;
      else seen!.add(key);
      pairs.push([ri, ci, w as number]);
    }
  }

  const groups: CoreGroup[] = [];
  if (json.groups !== undefined) {
    if (!Array.isArray(json.groups)) {
      add('groups', 'must be an array of {"cols": [...], "tag": "...", "max": n}');
    } else if (json.groups.length > CORE_LIMITS.groups) {
      add('groups', `at most ${CORE_LIMITS.groups} groups`);
    } else {
      (json.groups as unknown[]).forEach((g, gi) => {
        const path = `groups[${gi}]`;
        if (!isObject(g)) {
          add(path, 'must be an object {"cols": [...], "tag": "...", "max": n}');
          return;
        }
        for (const key of Object.keys(g)) if (key !== 'cols' && key !== 'tag' && key !== 'max') add(`${path}.${key}`, `unknown field "${key}"`);
        let ok = true;
        if (typeof g.tag !== 'string' || g.tag.length === 0 || g.tag.length > CORE_LIMITS.idLength) {
          ok = false;
          add(`${path}.tag`, `must be a non-empty string of at most ${CORE_LIMITS.idLength} characters`);
        }
        if (typeof g.max !== 'number' || !Number.isInteger(g.max) || g.max < 0) {
          ok = false;
          add(`${path}.max`, 'must be a non-negative integer');
        }
        const groupCols: number[] = [];
        if (!Array.isArray(g.cols)) {
          ok = false;
          add(`${path}.cols`, 'must be an array of column indices');
        } else {
          const inGroup = new Set<number>();
          (g.cols as unknown[]).forEach((c, k) => {
            if (!isIndex(c) || (cols !== null && c >= nCols)) {
              ok = false;
              add(`${path}.cols[${k}]`, cols === null ? 'column index must be a non-negative integer' : `column index must be an integer from 0 to ${nCols - 1}`);
            } else if (inGroup.has(c)) {
              ok = false;
              add(`${path}.cols[${k}]`, `column ${c} appears twice in the group`);
            } else {
              inGroup.add(c);
              groupCols.push(c);
            }
          });
        }
        if (ok) groups.push({ cols: groupCols, tag: g.tag as string, max: g.max as number });
      });
    }
  }

  if (problems.length > 0 || rows === null || cols === null) {
    return { ok: false, problems: problems.length > 0 ? problems : [{ path: '', message: 'invalid instance' }] };
  }
  const instance: CoreInstance = { rows, cols, pairs };
  if (json.groups !== undefined) instance.groups = groups;
  return { ok: true, instance };
}

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function isIndex(x: unknown): x is number {
  return typeof x === 'number' && Number.isInteger(x) && x >= 0;
}

function parseEntities(
  value: unknown,
  name: 'rows' | 'cols',
  limit: number,
  withTags: boolean,
  add: (path: string, message: string) => boolean,
): (CoreRow[] & CoreCol[]) | null {
  if (!Array.isArray(value)) {
    add(name, `must be an array of {"id": "..."${withTags ? ', "tags": [...]' : ''}}`);
    return null;
  }
  if (value.length > limit) {
    add(name, `at most ${limit} ${name}`);
    return null;
  }
  const out: CoreRow[] = [];
  const ids = new Map<string, number>();
  let ok = true;
  (value as unknown[]).forEach((e, i) => {
    const path = `${name}[${i}]`;
    if (!isObject(e)) {
      ok = false;
      add(path, 'must be an object with an "id"');
      return;
    }
    for (const key of Object.keys(e)) {
      if (key !== 'id' && !(withTags && key === 'tags')) {
        ok = false;
        add(`${path}.${key}`, `unknown field "${key}"`);
      }
    }
    if (typeof e.id !== 'string' || e.id.length === 0 || e.id.length > CORE_LIMITS.idLength) {
      ok = false;
      add(`${path}.id`, `must be a non-empty string of at most ${CORE_LIMITS.idLength} characters`);
      return;
    }
    const earlier = ids.get(e.id);
    if (earlier !== undefined) {
      ok = false;
      add(`${path}.id`, `duplicate id "${e.id}" (also ${name}[${earlier}])`);
      return;
    }
    ids.set(e.id, i);
    const entity: CoreRow = { id: e.id };
    if (withTags && e.tags !== undefined) {
      if (!Array.isArray(e.tags) || e.tags.length > CORE_LIMITS.tags || !e.tags.every((t) => typeof t === 'string' && t.length > 0 && t.length <= CORE_LIMITS.idLength)) {
        ok = false;
        add(`${path}.tags`, `must be an array of at most ${CORE_LIMITS.tags} non-empty strings`);
        return;
      }
      entity.tags = e.tags as string[];
    }
    out.push(entity);
  });
  return ok ? out : null;
}
