import { describe, expect, it } from 'vitest';
import { createUnitRequest } from '../../shared/api/units';
import { ApiError } from './api-client';
import { fieldCodesFromProblem, fieldCodesFromRefusal, fieldCodesFromZod } from './form-errors';

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

describe('fieldCodesFromRefusal', () => {
  const codeFields = { 'unit.name_taken': 'name' };

  it('a refusal whose code belongs to a field is shown at that field', () => {
    const error = new ApiError({ status: 409, code: 'unit.name_taken' });
    expect(fieldCodesFromRefusal(error, codeFields)).toEqual({ name: 'unit.name_taken' });
  });

  it('a field problem from the server wins over the refusal code', () => {
    const error = new ApiError({
      status: 409,
      code: 'unit.name_taken',
      errors: [{ pointer: '/name', code: 'text.too_long' }],
    });
    expect(fieldCodesFromRefusal(error, codeFields)).toEqual({ name: 'text.too_long' });
  });

  it('a refusal no field owns gives only the problem fields', () => {
    const error = new ApiError({
      status: 400,
      code: 'request.invalid',
      errors: [{ pointer: '/kind', code: 'required' }],
    });
    expect(fieldCodesFromRefusal(error, codeFields)).toEqual({ kind: 'required' });
  });

  it('technical failures, a lost session and non-API errors are not field problems', () => {
    expect(fieldCodesFromRefusal(new ApiError({ status: 500, code: 'server.internal' }), codeFields)).toBeNull();
    expect(fieldCodesFromRefusal(new ApiError({ status: 401, code: 'auth.required' }), codeFields)).toBeNull();
    expect(fieldCodesFromRefusal(new Error('boom'), codeFields)).toBeNull();
  });
});
