import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  ENROLMENT_VALID_HOURS,
  enrolmentExpiry,
  enrolmentProblem,
  enrolmentTokenHash,
  enrolmentUrl,
  newEnrolmentToken,
} from './oidc.enrolment';

const now = new Date('2026-11-21T09:00:00Z');
const open = { provider_id: 'entra', expires_at: enrolmentExpiry(now), used_at: null, revoked_at: null };

describe('enrolment tokens', () => {
  it('are 256-bit base64url values, different every time, stored only as their SHA-256', () => {
    const a = newEnrolmentToken();
    const b = newEnrolmentToken();
    expect(a.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(a.token, 'base64url')).toHaveLength(32);
    expect(a.token).not.toBe(b.token);
    expect(a.tokenHash).toBe(createHash('sha256').update(a.token).digest('hex'));
    expect(enrolmentTokenHash(a.token)).toBe(a.tokenHash);
  });

  it('anything that cannot be one of ours has no hash (and so is never looked up)', () => {
    for (const value of [undefined, '', 'kort', `${newEnrolmentToken().token}x`, 'a'.repeat(42) + '=', ['x'], 42]) {
      expect(enrolmentTokenHash(value)).toBeNull();
    }
  });

  it('the link is the provider’s login leg with the token', () => {
    expect(enrolmentUrl('https://husly.example', 'molde-entra', 'T'.repeat(43))).toBe(
      `https://husly.example/api/auth/oidc/molde-entra/login?enrolment=${'T'.repeat(43)}`,
    );
  });
});

describe('whether a link can be used', () => {
  it(`is open for its provider until ${ENROLMENT_VALID_HOURS} hours after it was made`, () => {
    expect(enrolmentProblem(open, 'entra', now)).toBeNull();
    expect(enrolmentProblem(open, 'entra', new Date(now.getTime() + 72 * 3_600_000 - 1))).toBeNull();
    expect(enrolmentProblem(open, 'entra', new Date(now.getTime() + 72 * 3_600_000))).toBe('enrolment_expired');
  });

  it('once used or revoked, never again', () => {
    expect(enrolmentProblem({ ...open, used_at: now }, 'entra', now)).toBe('enrolment_used');
    expect(enrolmentProblem({ ...open, revoked_at: now }, 'entra', now)).toBe('enrolment_revoked');
  });

  it('only through the provider it was made for', () => {
    expect(enrolmentProblem(open, 'idporten', now)).toBe('enrolment_other_provider');
  });
});
