import { describe, expect, it } from 'vitest';
import { AppError } from './errors';
import { parseJsonBody } from './json-body';

function codeOf(text: string): string | null {
  try {
    parseJsonBody(text);
    return null;
  } catch (error) {
    return error instanceof AppError ? error.code : 'other';
  }
}

describe('JSON request bodies', () => {
  it('accepts ordinary JSON, including names in any script', () => {
    expect(parseJsonBody('{"name":"محمد الأحمد","items":[1,2,{"x":"ሰላም"}]}')).toEqual({
      name: 'محمد الأحمد',
      items: [1, 2, { x: 'ሰላም' }],
    });
  });

  it('refuses malformed JSON', () => {
    expect(codeOf('{"a":')).toBe('request.malformed_json');
    expect(codeOf("{'a':1}")).toBe('request.malformed_json');
  });

  it('refuses __proto__, constructor and prototype keys at any depth', () => {
    expect(codeOf('{"__proto__":{"x":1}}')).toBe('request.forbidden_key');
    expect(codeOf('{"a":[{"b":{"constructor":1}}]}')).toBe('request.forbidden_key');
    expect(codeOf('{"prototype":1}')).toBe('request.forbidden_key');
  });

  it('allows exactly 20 levels of nesting and refuses 21', () => {
    expect(codeOf('['.repeat(20) + ']'.repeat(20))).toBeNull();
    expect(codeOf('['.repeat(21) + ']'.repeat(21))).toBe('request.too_deep');
  });
});
