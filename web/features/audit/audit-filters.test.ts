import { describe, expect, it } from 'vitest';
import { filtersFromUrl, filtersToUrl, parseFilters } from './audit-filters';

const id = '3f1c2a9e-4b7d-4c2a-9f1e-2b3c4d5e6f70';
const none = { subjectId: '', userId: '', action: '', from: '', to: '' };

describe('audit filters', () => {
  it('read from the URL, with page 1 when the page is missing or nonsense', () => {
    expect(filtersFromUrl(new URLSearchParams(`subjectId=${id}&page=3`))).toEqual({
      values: { ...none, subjectId: id },
      page: 3,
    });
    expect(filtersFromUrl(new URLSearchParams('page=-2')).page).toBe(1);
    expect(filtersFromUrl(new URLSearchParams('page=abc')).page).toBe(1);
  });

  it('write to the URL without empty filters or page 1', () => {
    expect(filtersToUrl({ ...none, action: 'display' }, 1).toString()).toBe('action=display');
    expect(filtersToUrl({ ...none, from: '2026-01-01' }, 2).toString()).toBe('from=2026-01-01&page=2');
  });

  it('with no filters, search everything from page 1', () => {
    expect(parseFilters(none, 1)).toEqual({ query: { page: 1, pageSize: 50 }, codes: {} });
  });

  it('an id that is not a UUID is refused at its field', () => {
    expect(parseFilters({ ...none, subjectId: 'kari' }, 1)).toEqual({
      query: null,
      codes: { subjectId: 'invalid_format' },
    });
  });

  it('an unknown action is refused at its field', () => {
    expect(parseFilters({ ...none, action: 'delete' }, 1).codes).toEqual({ action: 'invalid_value' });
  });

  it('a period that ends before it starts is refused at the to date', () => {
    expect(parseFilters({ ...none, from: '2026-05-02', to: '2026-05-01' }, 1)).toEqual({
      query: null,
      codes: { to: 'to_before_from' },
    });
    expect(parseFilters({ ...none, from: '2026-05-01', to: '2026-05-01' }, 1).query).not.toBeNull();
  });
});
