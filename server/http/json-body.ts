import secureJson from 'secure-json-parse';
import { appError } from './errors';

const MAX_DEPTH = 20;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Returns the problem with the parsed value, walking it once: depth and forbidden keys. */
function inspect(value: unknown, level: number): 'too_deep' | 'forbidden_key' | null {
  if (value === null || typeof value !== 'object') return null;
  if (level >= MAX_DEPTH) return 'too_deep';
  for (const [key, child] of Object.entries(value)) {
    if (!Array.isArray(value) && FORBIDDEN_KEYS.has(key)) return 'forbidden_key';
    const problem = inspect(child, level + 1);
    if (problem) return problem;
  }
  return null;
}

/**
 * JSON request bodies: malformed → request.malformed_json; `__proto__`, `constructor` or
 * `prototype` keys anywhere → request.forbidden_key (ASVS 15.3.6); nesting deeper than 20 →
 * request.too_deep.
 */
export function parseJsonBody(text: string): unknown {
  let value: unknown;
  try {
    value = secureJson.parse(text, undefined, { protoAction: 'error', constructorAction: 'error' });
  } catch (error) {
    if (error instanceof SyntaxError && error.message.includes('forbidden prototype property')) {
      throw appError('request.forbidden_key');
    }
    throw appError('request.malformed_json');
  }
  const problem = inspect(value, 0);
  if (problem) throw appError(problem === 'too_deep' ? 'request.too_deep' : 'request.forbidden_key');
  return value;
}
