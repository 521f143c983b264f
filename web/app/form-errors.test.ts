import { describe, expect, it } from 'vitest';
import { createUnitRequest } from '../../shared/api/units';
import { fieldCodesFromProblem, fieldCodesFromZod } from './form-errors';

describe('fieldCodesFromZod', () => {
  it('a too-short unit name gives text.too_short, a missing kind gives invalid_value', () => {
    const result = createUnitRequest.safeParse({ name: ' A ', kind: '' });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(fieldCodesFromZod(result.error)).toEqual({ name: 'text.too_short', kind: 'invalid_value' });
  });

  it('bidi overrides in a name give text.invalid_characters', () => {
    const result = createUnitRequest.safeParse({ name: 'Bolig\u202Ekontor', kind: 'boligkontor' });
    if (result.success) throw new Error('expected failure');
    expect(fieldCodesFromZod(result.error)).toEqual({ name: 'text.invalid_characters' });
  });

  it('a problem with the object itself goes to the form key ""', () => {
    const result = createUnitRequest.safeParse({ name: 'Boligkontoret', kind: 'boligkontor', extra: 1 });
    if (result.success) throw new Error('expected failure');
    expect(fieldCodesFromZod(result.error)).toEqual({ '': 'unrecognized_keys' });
  });
});

describe('fieldCodesFromProblem', () => {
  it('maps JSON Pointers to top-level fields, first problem wins', () => {
    expect(
      fieldCodesFromProblem([
        { pointer: '/name', code: 'unit.name_taken' },
        { pointer: '/name', code: 'text.too_long' },
        { pointer: '/address/street', code: 'too_big' },
        { pointer: '/a~1b', code: 'required' },
        { pointer: '', code: 'unrecognized_keys' },
      ]),
    ).toEqual({ name: 'unit.name_taken', address: 'too_big', 'a/b': 'required', '': 'unrecognized_keys' });
  });
});
