import { describe, expect, it } from 'vitest';
import { insightFromUrl, insightToUrl, parseInsight } from './insight-request';

const id = '3f1c2a9e-4b7d-4c2a-9f1e-2b3c4d5e6f70';

describe('insight request', () => {
  it('nothing is asked for until a subject is chosen', () => {
    expect(parseInsight({ subjectId: '', from: '', to: '' })).toEqual({
      request: null,
      codes: { subjectId: 'required' },
    });
  });

  it('a subject alone asks for the default period', () => {
    expect(parseInsight({ subjectId: id, from: '', to: '' })).toEqual({ request: { subjectId: id }, codes: {} });
  });

  it('a subject id that is not a UUID is refused at its field', () => {
    expect(parseInsight({ subjectId: 'Kari', from: '', to: '' }).codes).toEqual({ subjectId: 'invalid_format' });
  });

  it('a period that ends before it starts is refused at the to date', () => {
    expect(parseInsight({ subjectId: id, from: '2026-03-01', to: '2026-02-01' })).toEqual({
      request: null,
      codes: { to: 'to_before_from' },
    });
  });

  it('round-trips through the URL without empty values', () => {
    const values = { subjectId: id, from: '2026-01-01', to: '' };
    expect(insightToUrl(values).toString()).toBe(`subjectId=${id}&from=2026-01-01`);
    expect(insightFromUrl(insightToUrl(values))).toEqual(values);
  });
});
