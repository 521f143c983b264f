import { describe, expect, it } from 'vitest';
import { errorForLog, scrub } from './logging';

describe('log scrubbing', () => {
  it('removes identity numbers, DUF numbers, e-mail addresses and phone numbers', () => {
    const text = 'fnr 01017012345 duf 201512345678 mail ola.nordmann@molde.kommune.example tlf +47 912 34 567';
    const clean = scrub(text);
    expect(clean).not.toMatch(/\d{11}/);
    expect(clean).not.toContain('@');
    expect(clean).not.toContain('912 34 567');
    expect(clean).toBe('fnr [id] duf [id] mail [e-post] tlf [tlf]');
  });

  it('keeps what helps debugging: error name, database code, scrubbed message', () => {
    const error = Object.assign(new Error('Key (fnr)=(01017012345) already exists'), { code: '23505' });
    expect(errorForLog(error)).toMatchObject({ name: 'Error', code: '23505', message: 'Key (fnr)=([id]) already exists' });
  });
});
