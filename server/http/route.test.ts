import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { toFieldProblems } from './route';

const schema = z.strictObject({ capacity: z.number().int(), name: z.string(), note: z.string().max(3, 'text.too_long') });

function problems(value: unknown) {
  const result = schema.safeParse(value);
  if (result.success) throw new Error('expected a validation error');
  return toFieldProblems(result.error);
}

describe('toFieldProblems', () => {
  it('reports a missing or null value as required, a wrong type as invalid_type', () => {
    expect(problems({ name: null, note: '' }).errors).toEqual([
      { pointer: '/capacity', code: 'required' },
      { pointer: '/name', code: 'required' },
    ]);
    expect(problems({ capacity: 'tre', name: 'x', note: '' }).errors).toEqual([{ pointer: '/capacity', code: 'invalid_type' }]);
  });

  it('keeps our own dot codes and flags unknown fields', () => {
    expect(problems({ capacity: 1, name: 'x', note: 'for lang', extra: 1 })).toEqual({
      unknownField: true,
      errors: [
        { pointer: '/note', code: 'text.too_long' },
        { pointer: '/extra', code: 'request.unknown_field' },
      ],
    });
  });
});
