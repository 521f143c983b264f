import { randomUUID } from 'node:crypto';
import { SignJWT, type JWTPayload } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withTenant } from '../../db/tenant';
import type { Env } from '../../env';
import { createTestApp, login, type LoggedIn, type TestApp } from '../../test/app';
import { createTestDatabase, type TestDatabase } from '../../test/database';
import { createTenantFixture, TEST_PASSWORD, type TenantFixture } from '../../test/fixtures';
import { BACKCHANNEL_LOGOUT_EVENT } from './oidc.backchannel';
import {
  createBrowser,
  deliverTo,
  entraProvider,
  MOLDE_DIRECTORY,
  oidcTestEnv,
  startFakeOp,
  startLocalOp,
  unsignedJwt,
  type FakeOp,
  TEST_CALLBACK,
  TEST_PUBLIC_URL,
  TEST_SECRETS,
  type LocalOp,
} from './oidc.test-support';

// OIDC Back-Channel Logout 1.0 (ASVS 7.6.1, 10.5.5; RELIABILITY S10's last item): a staff member
// who logs out at the provider is logged out of Husly at once. A real provider (oidc-provider's
// backchannelLogout feature) shows it end to end; the fake provider signs the logout tokens a
// real one would never send, and Husly refuses each of them.

const PUBLIC_URL = TEST_PUBLIC_URL;
const CALLBACK = TEST_CALLBACK;
const FAKE_CLIENT_SECRET = TEST_SECRETS.fake;

let db: TestDatabase;
let t: TestApp;
let molde: TenantFixture;
let bodo: TenantFixture;
let entra: LocalOp;
let fake: FakeOp;

beforeAll(async () => {
  db = await createTestDatabase();
  molde = await createTenantFixture(db.app, {
    kommunenummer: '1506',
    slug: 'molde',
    roles: ['admin', 'bosetter', 'leder'],
  });
  bodo = await createTenantFixture(db.app, { kommunenummer: '1804', slug: 'bodo', roles: ['admin', 'bosetter'] });
  entra = await startLocalOp({
    clients: [
      {
        clientId: 'husly-entra',
        clientSecret: 'entra-client-secret-0f9e8d7c6b5a',
        backchannelLogoutUri: `${PUBLIC_URL}/api/auth/oidc/entra/backchannel-logout`,
      },
    ],
    redirectUri: CALLBACK,
    accounts: { 'entra-sub-molde-bosetter': { claims: { tid: MOLDE_DIRECTORY } } },
  });
  fake = await startFakeOp({ clientId: 'husly-fake', sub: 'fake-sub-molde-admin', claims: { tid: MOLDE_DIRECTORY } });

  const link = (fixture: TenantFixture, userId: string, issuer: string, subject: string) =>
    withTenant(db.app, { tenantId: fixture.tenantId }, (trx) =>
      trx
        .insertInto('app.staff_identity')
        .values({ tenant_id: fixture.tenantId, user_id: userId, issuer, subject })
        .execute(),
    );
  await link(molde, molde.users.bosetter.id, entra.issuer, 'entra-sub-molde-bosetter');
  await link(molde, molde.users.admin.id, fake.issuer, 'fake-sub-molde-admin');
  // One person employed by two municipalities, linked in both.
  await link(molde, molde.users.leder.id, fake.issuer, 'fake-sub-two-municipalities');
  await link(bodo, bodo.users.bosetter.id, fake.issuer, 'fake-sub-two-municipalities');

  const oidcEnv: Partial<Env> = {
    ...oidcTestEnv([
      entraProvider({ issuer: entra.issuer }),
      entraProvider({
        id: 'fake',
        label: 'Fake',
        issuer: fake.issuer,
        clientId: 'husly-fake',
        clientSecret: FAKE_CLIENT_SECRET,
      }),
    ]),
    LOGIN_RATE_LIMIT: 10_000,
  };
  t = await createTestApp(db, oidcEnv);
  entra.deliver = deliverTo(t.app);
}, 120_000);

afterAll(async () => {
  await t?.app.close();
  await Promise.all([entra?.close(), fake?.close()]);
  await db?.destroy();
});

const now = () => Math.floor(Date.now() / 1000);

/** What a correct logout token from the fake provider for Molde's admin says. */
function validClaims(): JWTPayload {
  return {
    iss: fake.issuer,
    aud: 'husly-fake',
    sub: 'fake-sub-molde-admin',
    iat: now(),
    exp: now() + 120,
    jti: randomUUID(),
    events: { [BACKCHANNEL_LOGOUT_EVENT]: {} },
  };
}

const signLogout = (claims: JWTPayload, options: { withOtherKey?: boolean; typ?: string } = {}) =>
  fake.sign(claims, { typ: 'logout+jwt', ...options });

function postLogout(providerId: string, body: string, headers: Record<string, string> = {}) {
  return t.app.inject({
    method: 'POST',
    url: `/api/auth/oidc/${providerId}/backchannel-logout`,
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    payload: body,
  });
}

const form = (token: string) => new URLSearchParams({ logout_token: token }).toString();

async function sessionStatus(session: LoggedIn): Promise<number> {
  const response = await t.app.inject({ method: 'GET', url: '/api/session', headers: { cookie: session.cookie } });
  return response.statusCode;
}

function lastLog(): {
  outcome: string;
  provider?: string;
  reason?: string;
  sessionsEnded?: number;
  tenantIds?: string[];
} {
  const line = t.logs.findLast((l) => l.includes('"event":"oidc_backchannel_logout"'));
  return line ? JSON.parse(line) : { outcome: 'none' };
}

describe('a logout at the provider', () => {
  it('(a real provider) ends the staff member’s Husly sessions — the OIDC one and any other — before the provider answers', async () => {
    const browser = createBrowser(t.app, PUBLIC_URL);
    const started = await browser.start('entra');
    const callbackUrl = await browser.authorize(String(started.headers.location), {
      account: 'entra-sub-molde-bosetter',
    });
    expect((await browser.callback(callbackUrl)).headers.location).toBe('/');
    expect((await browser.get('/api/session')).statusCode).toBe(200);
    const local = await login(t.app, molde.users.bosetter.email, TEST_PASSWORD);
    const colleague = await login(t.app, molde.users.leder.email, TEST_PASSWORD);

    await browser.logoutAtProvider(entra.issuer);

    expect(entra.backchannelLogouts).toEqual([{ clientId: 'husly-entra', ok: true }]);
    expect((await browser.get('/api/session')).statusCode).toBe(401);
    expect(await sessionStatus(local)).toBe(401);
    expect(await sessionStatus(colleague)).toBe(200);
    expect(lastLog()).toMatchObject({
      outcome: 'ok',
      provider: 'entra',
      sessionsEnded: 2,
      tenantIds: [molde.tenantId],
    });
  });
});

describe('a valid logout token', () => {
  it('ends every session of the staff member (200), and GET /api/session answers 401 at once', async () => {
    const one = await login(t.app, molde.users.admin.email, TEST_PASSWORD);
    const two = await login(t.app, molde.users.admin.email, TEST_PASSWORD);
    const other = await login(t.app, molde.users.bosetter.email, TEST_PASSWORD);
    const response = await postLogout('fake', form(await signLogout(validClaims())));
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    expect(await sessionStatus(one)).toBe(401);
    expect(await sessionStatus(two)).toBe(401);
    expect(await sessionStatus(other)).toBe(200);
    expect(lastLog()).toMatchObject({ outcome: 'ok', provider: 'fake', sessionsEnded: 2 });
  });

  it('ends the sessions in every municipality the identity is linked in', async () => {
    const inMolde = await login(t.app, molde.users.leder.email, TEST_PASSWORD);
    const inBodo = await login(t.app, bodo.users.bosetter.email, TEST_PASSWORD);
    const response = await postLogout(
      'fake',
      form(await signLogout({ ...validClaims(), sub: 'fake-sub-two-municipalities' })),
    );
    expect(response.statusCode).toBe(200);
    expect(await sessionStatus(inMolde)).toBe(401);
    expect(await sessionStatus(inBodo)).toBe(401);
    expect(lastLog().tenantIds?.sort()).toEqual([molde.tenantId, bodo.tenantId].sort());
  });

  it('with an extra sid is accepted (sessions are ended by sub), as is one without exp', async () => {
    const session = await login(t.app, molde.users.admin.email, TEST_PASSWORD);
    const { exp: _exp, ...withoutExp } = validClaims();
    const response = await postLogout('fake', form(await signLogout({ ...withoutExp, sid: 'op-session-1' })));
    expect(response.statusCode, response.body).toBe(200);
    expect(await sessionStatus(session)).toBe(401);
  });

  it('for an identity nobody is linked to is a success with nothing to do', async () => {
    const session = await login(t.app, molde.users.admin.email, TEST_PASSWORD);
    const response = await postLogout('fake', form(await signLogout({ ...validClaims(), sub: 'fake-sub-nobody' })));
    expect(response.statusCode).toBe(200);
    expect(await sessionStatus(session)).toBe(200);
    expect(lastLog()).toMatchObject({ outcome: 'ok', sessionsEnded: 0, tenantIds: [] });
  });
});

describe('a logout token Husly refuses (400 problem+json, no session ended)', () => {
  const cases: [string, () => Promise<string>, string][] = [
    [
      'from another issuer',
      () => signLogout({ ...validClaims(), iss: 'https://login.evil.example/v2.0' }),
      'claim:iss',
    ],
    ['for another audience', () => signLogout({ ...validClaims(), aud: 'another-client' }), 'claim:aud'],
    [
      'without the events claim',
      () => {
        const { events: _events, ...rest } = validClaims();
        return signLogout(rest);
      },
      'claim:events',
    ],
    [
      'whose events lack the back-channel-logout event',
      () => signLogout({ ...validClaims(), events: { 'urn:other:event': {} } }),
      'events',
    ],
    [
      'whose back-channel-logout event is not an object',
      () => signLogout({ ...validClaims(), events: { [BACKCHANNEL_LOGOUT_EVENT]: true } }),
      'events',
    ],
    [
      'that contains a nonce (an ID token in disguise)',
      () => signLogout({ ...validClaims(), nonce: 'n-0S6_WzA2Mj' }),
      'nonce_present',
    ],
    [
      'with a bad signature (another key, same kid)',
      () => signLogout(validClaims(), { withOtherKey: true }),
      'ERR_JWS_SIGNATURE_VERIFICATION_FAILED',
    ],
    [
      'changed after signing (sub swapped)',
      async () => {
        const [header, , signature] = (await signLogout(validClaims())).split('.');
        const payload = Buffer.from(JSON.stringify({ ...validClaims(), sub: 'fake-sub-two-municipalities' })).toString(
          'base64url',
        );
        return `${header}.${payload}.${signature}`;
      },
      'ERR_JWS_SIGNATURE_VERIFICATION_FAILED',
    ],
    ['that is unsigned (alg none)', async () => unsignedJwt(validClaims()), 'ERR_JOSE_ALG_NOT_ALLOWED'],
    [
      'signed with HS256 and the client secret',
      () =>
        new SignJWT(validClaims())
          .setProtectedHeader({ alg: 'HS256', typ: 'logout+jwt' })
          .sign(new TextEncoder().encode(FAKE_CLIENT_SECRET)),
      'ERR_JOSE_ALG_NOT_ALLOWED',
    ],
    // 5 minutes, plus one of clock tolerance
    [
      'issued more than 6 minutes ago',
      () => signLogout({ ...validClaims(), iat: now() - 7 * 60, exp: now() + 60 }),
      'claim:iat',
    ],
    ['issued in the future', () => signLogout({ ...validClaims(), iat: now() + 2 * 60 }), 'claim:iat'],
    ['that has expired', () => signLogout({ ...validClaims(), iat: now() - 60, exp: now() - 61 - 60 }), 'claim:exp'],
    [
      'without iat',
      () => {
        const { iat: _iat, ...rest } = validClaims();
        return signLogout(rest);
      },
      'claim:iat',
    ],
    [
      'without jti',
      () => {
        const { jti: _jti, ...rest } = validClaims();
        return signLogout(rest);
      },
      'claim:jti',
    ],
    [
      'with only a sid (Husly cannot tell whose sessions it means)',
      () => {
        const { sub: _sub, ...rest } = validClaims();
        return signLogout({ ...rest, sid: 'op-session-1' });
      },
      'sub_missing',
    ],
    ['typed as an access token', () => signLogout(validClaims(), { typ: 'at+jwt' }), 'typ'],
    ['that is not a JWT', async () => 'not-a-jwt', 'ERR_JWS_INVALID'],
  ];

  it.each(cases)('a token %s', async (_name, make, reason) => {
    const session = await login(t.app, molde.users.admin.email, TEST_PASSWORD);
    const response = await postLogout('fake', form(await make()));
    expect(response.statusCode, response.body).toBe(400);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.json()).toMatchObject({ status: 400, code: 'auth.logout_token_invalid' });
    expect(await sessionStatus(session)).toBe(200);
    expect(lastLog()).toMatchObject({ outcome: 'refused', provider: 'fake' });
    expect(lastLog().reason?.split(' ')).toContain(reason);
  });

  it('a replayed token (same jti): the first ends the sessions, the replay is refused and ends none', async () => {
    const token = await signLogout(validClaims());
    const before = await login(t.app, molde.users.admin.email, TEST_PASSWORD);
    expect((await postLogout('fake', form(token))).statusCode).toBe(200);
    expect(await sessionStatus(before)).toBe(401);

    const after = await login(t.app, molde.users.admin.email, TEST_PASSWORD);
    const replay = await postLogout('fake', form(token));
    expect(replay.statusCode).toBe(400);
    expect(replay.json().code).toBe('auth.logout_token_invalid');
    expect(lastLog()).toMatchObject({ outcome: 'refused', reason: 'jti_replayed' });
    expect(await sessionStatus(after)).toBe(200);
  });

  it('a token sent to another provider’s endpoint (its issuer and audience do not match)', async () => {
    const session = await login(t.app, molde.users.admin.email, TEST_PASSWORD);
    const response = await postLogout('entra', form(await signLogout(validClaims())));
    expect(response.statusCode).toBe(400);
    expect(await sessionStatus(session)).toBe(200);
  });
});

describe('the back-channel logout endpoint', () => {
  it.each([
    ['no logout_token', () => postLogout('fake', 'other=1'), 400, 'auth.logout_token_invalid', 'logout_token_missing'],
    ['an empty body', () => postLogout('fake', ''), 400, 'auth.logout_token_invalid', 'logout_token_missing'],
    [
      'logout_token twice (parameter pollution)',
      async () => postLogout('fake', `${form(await signLogout(validClaims()))}&${form('x')}`),
      400,
      'auth.logout_token_invalid',
      'logout_token_repeated',
    ],
    [
      'an unknown provider',
      async () => postLogout('finnes-ikke', form(await signLogout(validClaims()))),
      400,
      'auth.logout_token_invalid',
      'provider_unknown',
    ],
  ])('refuses %s', async (_name, send, status, code, reason) => {
    const response = await send();
    expect(response.statusCode, response.body).toBe(status);
    expect(response.json().code).toBe(code);
    expect(lastLog().reason).toBe(reason);
  });

  it.each([
    ['JSON', 'application/json', JSON.stringify({ logout_token: 'x' }), 415, 'request.unsupported_media_type'],
    ['text/plain', 'text/plain', 'logout_token=x', 415, 'request.unsupported_media_type'],
    [
      'a form body over 16 KiB',
      'application/x-www-form-urlencoded',
      `logout_token=${'a'.repeat(17 * 1024)}`,
      413,
      'request.too_large',
    ],
  ])('accepts only a small form body: %s is refused', async (_name, contentType, body, status, code) => {
    const response = await postLogout('fake', body, { 'content-type': contentType });
    expect(response.statusCode).toBe(status);
    expect(response.json().code).toBe(code);
  });

  it('is the only route that parses form bodies: elsewhere they are still 415', async () => {
    const admin = await login(t.app, molde.users.admin.email, TEST_PASSWORD);
    for (const url of ['/api/auth/logout', '/api/units', '/api/auth/login', '/api/users']) {
      const response = await t.app.inject({
        method: 'POST',
        url,
        headers: {
          cookie: admin.cookie,
          'x-csrf-token': admin.csrf,
          'content-type': 'application/x-www-form-urlencoded',
        },
        payload: 'logout_token=x&name=y',
      });
      expect(response.statusCode, url).toBe(415);
    }
    expect(await sessionStatus(admin)).toBe(200);
  });

  it('needs no CSRF token because it uses no cookie: a session cookie sent along is ignored, and CSRF still guards the rest', async () => {
    const admin = await login(t.app, molde.users.admin.email, TEST_PASSWORD);
    // With the admin's cookie but no valid token: refused, and the admin's session is untouched.
    const forged = await postLogout('fake', form('not-a-jwt'), { cookie: admin.cookie });
    expect(forged.statusCode).toBe(400);
    expect(await sessionStatus(admin)).toBe(200);
    // A valid token for someone else, sent with the admin's cookie, ends only that someone's sessions.
    const bosetter = await login(t.app, molde.users.leder.email, TEST_PASSWORD);
    const response = await postLogout(
      'fake',
      form(await signLogout({ ...validClaims(), sub: 'fake-sub-two-municipalities' })),
      {
        cookie: admin.cookie,
      },
    );
    expect(response.statusCode).toBe(200);
    expect(await sessionStatus(admin)).toBe(200);
    expect(await sessionStatus(bosetter)).toBe(401);
    // Session routes still want the CSRF token.
    const logout = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: admin.cookie } });
    expect(logout.statusCode).toBe(403);
    expect(logout.json().code).toBe('auth.csrf');
    // Only POST exists.
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/oidc/fake/backchannel-logout' })).statusCode).toBe(404);
  });

  it('logs outcomes and reasons, never tokens or subjects', () => {
    const all = t.logs.join('\n');
    expect(all).toContain('"event":"oidc_backchannel_logout"');
    expect(all).not.toMatch(/eyJ[A-Za-z0-9_-]{10,}/);
    expect(all).not.toMatch(/fake-sub-|entra-sub-/);
    expect(all).not.toContain(FAKE_CLIENT_SECRET);
  });
});
