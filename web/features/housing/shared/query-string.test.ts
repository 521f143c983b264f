import { describe, expect, it } from 'vitest';
import { queryString } from './query-string';

describe('queryString', () => {
  it('keeps the set values, in order, and leaves out empty and missing ones', () => {
    expect(queryString({ kind: 'head', state: '', page: 2, search: undefined })).toBe('?kind=head&page=2');
  });
  it('is empty when nothing is set', () => {
    expect(queryString({ state: '' })).toBe('');
  });
  it('encodes the values', () => {
    expect(queryString({ search: 'Ås & co' })).toBe('?search=%C3%85s+%26+co');
  });
});
