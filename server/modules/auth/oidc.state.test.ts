import { describe, expect, it } from 'vitest';
import { loginStateExpired, loginStateKey, openLoginState, sealLoginState, type LoginState } from './oidc.state';

const key = loginStateKey('a-test-secret-that-is-at-least-32-characters');
const state: LoginState = {
  provider: 'entra',
  state: 'Yb1s3f0x8nQe2m0Jq0V6c6rQm0q8qJj3yYl0H3X5a1c',
  nonce: 'n0nce-n0nce-n0nce-n0nce-n0nce-n0nce-n0nce-n0',
  codeVerifier: 'v3rifier-v3rifier-v3rifier-v3rifier-v3rifier-v3',
  createdAt: Date.UTC(2026, 10, 21, 9, 0, 0),
};

describe('the sealed login state', () => {
  it('opens to what was sealed, and reveals none of it', () => {
    const sealed = sealLoginState(key, state);
    expect(openLoginState(key, sealed)).toEqual(state);
    expect(sealed).not.toContain(state.state);
    expect(sealed).not.toContain(state.nonce);
    expect(sealed).not.toContain(state.codeVerifier);
    expect(Buffer.from(sealed.slice(3), 'base64url').toString('latin1')).not.toContain('entra');
  });

  it('carries an enrolment token to the callback, unreadable in the cookie', () => {
    const withEnrolment = { ...state, enrolment: 'EnR0lMeNt-t0kEn_0123456789abcdefghijklmnopq' };
    const sealed = sealLoginState(key, withEnrolment);
    expect(openLoginState(key, sealed)).toEqual(withEnrolment);
    expect(sealed).not.toContain(withEnrolment.enrolment);
    expect(openLoginState(key, sealLoginState(key, state))).not.toHaveProperty('enrolment');
  });

  it('is different every time (random IV)', () => {
    expect(sealLoginState(key, state)).not.toBe(sealLoginState(key, state));
  });

  it('does not open when any character is changed', () => {
    const sealed = sealLoginState(key, state);
    for (let i = 3; i < sealed.length; i += 7) {
      const changed = sealed.slice(0, i) + (sealed[i] === 'A' ? 'B' : 'A') + sealed.slice(i + 1);
      expect(openLoginState(key, changed), `position ${i}`).toBeNull();
    }
  });

  it('does not open with a key derived from another secret', () => {
    const other = loginStateKey('another-secret-that-is-at-least-32-characters');
    expect(openLoginState(other, sealLoginState(key, state))).toBeNull();
  });

  it.each([undefined, '', 'v1.', 'v2.abc', 'v1.!!!!', 'x'.repeat(3000)])('does not open %j', (value) => {
    expect(openLoginState(key, value)).toBeNull();
  });

  it('expires after 10 minutes by the app clock', () => {
    const at = (ms: number) => new Date(state.createdAt + ms);
    expect(loginStateExpired(state, at(0))).toBe(false);
    expect(loginStateExpired(state, at(10 * 60_000))).toBe(false);
    expect(loginStateExpired(state, at(10 * 60_000 + 1))).toBe(true);
    expect(loginStateExpired(state, at(-2 * 60_000))).toBe(true);
  });
});
