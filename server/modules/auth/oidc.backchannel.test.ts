import { describe, expect, it } from 'vitest';
import { BACKCHANNEL_LOGOUT_EVENT, checkLogoutClaims, createReplayCache } from './oidc.backchannel';

const claims = {
  iss: 'https://op.example',
  aud: 'husly',
  sub: 'sub-1',
  iat: 1_800_000_000,
  jti: 'jti-1',
  events: { [BACKCHANNEL_LOGOUT_EVENT]: {} },
};

describe('the logout-token rules on top of a verified JWT', () => {
  it('accept a token with the back-channel-logout event, a jti and a sub', () => {
    expect(checkLogoutClaims(claims, 'logout+jwt')).toEqual({
      ok: true,
      issuer: claims.iss,
      subject: 'sub-1',
      jti: 'jti-1',
      iat: claims.iat,
    });
  });

  it.each([undefined, 'JWT', 'jwt', 'logout+jwt', 'application/logout+jwt'])('accept typ %j', (typ) => {
    expect(checkLogoutClaims(claims, typ).ok).toBe(true);
  });

  it.each(['at+jwt', 'secevent+jwt', '', 42])('refuse typ %j', (typ) => {
    expect(checkLogoutClaims(claims, typ)).toMatchObject({ ok: false, reason: 'typ' });
  });

  it.each([
    ['events is not an object', { ...claims, events: 'logout' }, 'events'],
    ['events is an array', { ...claims, events: [BACKCHANNEL_LOGOUT_EVENT] }, 'events'],
    ['the event is missing', { ...claims, events: {} }, 'events'],
    ['the event is null', { ...claims, events: { [BACKCHANNEL_LOGOUT_EVENT]: null } }, 'events'],
    ['a nonce is present', { ...claims, nonce: 'n' }, 'nonce_present'],
    ['jti is empty', { ...claims, jti: '' }, 'jti'],
    ['sub is missing', { ...claims, sub: undefined, sid: 's' }, 'sub_missing'],
    ['sub is not a string', { ...claims, sub: 7 as unknown as string }, 'sub_missing'],
  ])('refuse a token where %s', (_name, payload, reason) => {
    expect(checkLogoutClaims(payload, 'logout+jwt')).toMatchObject({ ok: false, reason });
  });
});

describe('the jti replay cache', () => {
  it('refuses a key it holds until the key expires, then accepts it again', () => {
    let now = 1_000;
    const cache = createReplayCache(() => now);
    expect(cache.claim('iss\njti', 2_000)).toBe(true);
    expect(cache.claim('iss\njti', 2_000)).toBe(false);
    expect(cache.claim('iss\nother', 2_000)).toBe(true);
    now = 2_000;
    expect(cache.claim('iss\njti', 3_000)).toBe(true);
  });

  it('forgets a released key (the logout failed; the provider may send it again)', () => {
    const cache = createReplayCache(() => 0);
    cache.claim('k', 10);
    cache.release('k');
    expect(cache.claim('k', 10)).toBe(true);
  });

  it('sweeps expired keys once it holds many', () => {
    let now = 0;
    const cache = createReplayCache(() => now);
    for (let i = 0; i < 1000; i++) cache.claim(`k${i}`, 10);
    now = 10;
    cache.claim('fresh', 20);
    expect(cache.size).toBe(1);
  });
});
