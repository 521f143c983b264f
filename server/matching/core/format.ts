import type { CoreInstance } from './types';

export type CoreProblem = { path: string; message: string };

/**
 * Validates a core instance from untrusted JSON: shapes, indices in range, scores positive
 * integers (at most 2^31 − 1), no duplicate pair, group columns in range and unique, max a
 * non-negative integer, ids unique. Returns every problem found (at most 50), each with a JSON
 * path (e.g. "pairs[3][0]") and a plain message.
 */
export function parseCoreInstance(_json: unknown): { ok: true; instance: CoreInstance } | { ok: false; problems: CoreProblem[] } {
  throw new Error('not implemented');
}
