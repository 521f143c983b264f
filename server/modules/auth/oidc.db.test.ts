import { SignJWT } from 'jose';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { withTenant } from '../../db/tenant';
import type { Env } from '../../env';
import { createTestApp, type TestApp } from '../../test/app';
import { createTestDatabase, type TestDatabase } from '../../test/database';
import { createTenantFixture, type TenantFixture } from '../../test/fixtures';
import {
  createBrowser,
  entraProvider,
  idportenProvider,
  MOLDE_DIRECTORY,
  oidcTestEnv,
  signAsIs,
  startFakeOp,
  startLocalOp,
  unsignedJwt,
  type Browser,
  type FakeOp,
  type IdTokenCrafter,
  type LocalOp,
  TEST_CALLBACK,
  TEST_PUBLIC_URL,
  TEST_SECRETS,
  type ProviderLogin,
} from './oidc.test-support';

// RELIABILITY §5.2 S10 (oidc-rp-negative) and ASVS 10.x: staff login with OpenID Connect against
// a real OpenID provider (oidc-provider, in-process on 127.0.0.1), driven through the whole
// browser flow: Husly → provider (login, consent) → Husly callback → session.

const PUBLIC_URL = TEST_PUBLIC_URL;
const CALLBACK = TEST_CALLBACK;
const FOREIGN_DIRECTORY = '9b8a7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';
const SECRETS = TEST_SECRETS;
const SESSION_COOKIE = '__Host-husly';
const STATE_COOKIE = '__Host-husly-oidc';

let db: TestDatabase;
let t: TestApp;
let molde: TenantFixture;
let bodo: TenantFixture;
let deactivatedUserId: string;
let entra: LocalOp;
let idporten: LocalOp;
let fake: FakeOp;
let oidcEnv: Partial<Env>;
/** Every authorization code seen, to prove none reaches the logs. */
const codesSeen: string[] = [];

beforeAll(async () => {
  db = await createTestDatabase();
  molde = await createTenantFixture(db.app, { kommunenummer: '1506', slug: 'molde' });
  bodo = await createTenantFixture(db.app, { kommunenummer: '1804', slug: 'bodo' });
  deactivatedUserId = await withTenant(db.app, { tenantId: molde.tenantId }, async (trx) => {
    const user = await trx
      .insertInto('app.staff_user')
      .values({
        tenant_id: molde.tenantId,
        email: 'sluttet@molde.kommune.example',
        display_name: 'Sluttet Ansatt',
        roles: ['bosetter'],
        password_hash: null,
        active: false,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return user.id;
  });

  entra = await startLocalOp({
    clients: [{ clientId: 'husly-entra', clientSecret: SECRETS.entra }],
    redirectUri: CALLBACK,
    accounts: {
      'entra-sub-molde-admin': { claims: { email: molde.users.admin.email, tid: MOLDE_DIRECTORY, name: 'Test admin' } },
      'entra-sub-bodo-bosetter': { claims: { email: bodo.users.bosetter.email, tid: MOLDE_DIRECTORY } },
      'entra-sub-foreign-directory': { claims: { email: molde.users.bosetter.email, tid: FOREIGN_DIRECTORY } },
      'entra-sub-no-directory': { claims: { email: molde.users.bosetter.email } },
      // Same e-mail as Molde's admin, but a (issuer, sub) nobody has linked.
      'entra-sub-stranger': { claims: { email: molde.users.admin.email, tid: MOLDE_DIRECTORY } },
      'entra-sub-deactivated': { claims: { email: 'sluttet@molde.kommune.example', tid: MOLDE_DIRECTORY } },
    },
  });
  idporten = await startLocalOp({
    clients: [
      { clientId: 'husly-idporten', clientSecret: SECRETS.idporten },
      { clientId: 'husly-idporten-high', clientSecret: SECRETS.idportenHigh },
    ],
    redirectUri: CALLBACK,
    accounts: {
      'idporten-sub-molde-bosetter': { claims: { name: 'Test bosetter' } },
      // The sub linked to Molde's admin at Entra, now coming from another issuer.
      'entra-sub-molde-admin': { claims: {} },
    },
  });
  fake = await startFakeOp({ clientId: 'husly-fake', sub: 'fake-sub-molde-admin', claims: { tid: MOLDE_DIRECTORY } });

  await withTenant(db.app, { tenantId: molde.tenantId }, (trx) =>
    trx
      .insertInto('app.staff_identity')
      .values([
        {
          tenant_id: molde.tenantId,
          user_id: molde.users.admin.id,
          issuer: entra.issuer,
          subject: 'entra-sub-molde-admin',
        },
        {
          tenant_id: molde.tenantId,
          user_id: molde.users.bosetter.id,
          issuer: entra.issuer,
          subject: 'entra-sub-foreign-directory',
        },
        {
          tenant_id: molde.tenantId,
          user_id: molde.users.bosetter.id,
          issuer: entra.issuer,
          subject: 'entra-sub-no-directory',
        },
        {
          tenant_id: molde.tenantId,
          user_id: deactivatedUserId,
          issuer: entra.issuer,
          subject: 'entra-sub-deactivated',
        },
        {
          tenant_id: molde.tenantId,
          user_id: molde.users.bosetter.id,
          issuer: idporten.issuer,
          subject: 'idporten-sub-molde-bosetter',
        },
        {
          tenant_id: molde.tenantId,
          user_id: molde.users.admin.id,
          issuer: fake.issuer,
          subject: 'fake-sub-molde-admin',
        },
      ])
      .execute(),
  );
  await withTenant(db.app, { tenantId: bodo.tenantId }, (trx) =>
    trx
      .insertInto('app.staff_identity')
      .values({
        tenant_id: bodo.tenantId,
        user_id: bodo.users.bosetter.id,
        issuer: entra.issuer,
        subject: 'entra-sub-bodo-bosetter',
      })
      .execute(),
  );

  // Through the real environment parser, as in production.
  oidcEnv = oidcTestEnv([
    entraProvider({ issuer: entra.issuer }),
    idportenProvider({ issuer: idporten.issuer }),
    idportenProvider({
      id: 'idporten-hoy',
      label: 'ID-porten (høyt nivå)',
      issuer: idporten.issuer,
      clientId: 'husly-idporten-high',
      clientSecret: SECRETS.idportenHigh,
      requiredAcr: 'idporten-loa-high',
    }),
    entraProvider({
      id: 'fake',
      label: 'Fake',
      issuer: fake.issuer,
      clientId: 'husly-fake',
      clientSecret: SECRETS.fake,
    }),
    // Nothing listens on port 1: a provider that is down.
    {
      id: 'nede',
      kind: 'entra',
      label: 'Nede',
      issuer: 'http://127.0.0.1:1',
      clientId: 'x',
      allowedTenantIds: [MOLDE_DIRECTORY],
    },
  ]);
  // Many logins from one test address; throttling has its own test below.
  t = await createTestApp(db, { ...oidcEnv, LOGIN_RATE_LIMIT: 10_000 });
});

afterAll(async () => {
  await t?.app.close();
  await Promise.all([entra?.close(), idporten?.close(), fake?.close()]);
  await db?.destroy();
});

async function sessionCount(): Promise<number> {
  let total = 0;
  for (const tenantId of [molde.tenantId, bodo.tenantId]) {
    total += await withTenant(db.app, { tenantId }, async (trx) => {
      const row = await trx
        .selectFrom('app.session')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      return Number(row.n);
    });
  }
  return total;
}

type AtCallback = {
  browser: Browser;
  /** Husly's redirect to the provider. */
  authorizationUrl: URL;
  /** Where the provider sends the browser back to, not yet opened. */
  callbackUrl: string;
};

/**
 * In a fresh browser (or the one given): "Logg inn med …", then login and consent at the
 * provider, up to the provider's redirect back to Husly. `alterAuthorization` changes the request
 * on its way to the provider (a network attacker, or a tampering user).
 */
async function toCallback(
  providerId: string,
  login: ProviderLogin,
  options: { alterAuthorization?: (url: URL) => void; browser?: Browser } = {},
): Promise<AtCallback> {
  const browser = options.browser ?? createBrowser(t.app, PUBLIC_URL);
  const started = await browser.start(providerId);
  expect(started.statusCode, started.body).toBe(302);
  const authorizationUrl = new URL(started.headers.location as string);
  const sent = new URL(authorizationUrl);
  options.alterAuthorization?.(sent);
  const callbackUrl = await browser.authorize(sent.href, login);
  const code = new URL(callbackUrl).searchParams.get('code');
  if (code) codesSeen.push(code);
  return { browser, authorizationUrl, callbackUrl };
}

/** The whole login; `alterCallback` changes the provider's answer on its way back. */
async function loginWith(
  providerId: string,
  login: ProviderLogin,
  options: { alterAuthorization?: (url: URL) => void; alterCallback?: (url: URL) => void } = {},
): Promise<AtCallback & { response: LightMyRequestResponse }> {
  const at = await toCallback(providerId, login, options);
  const answered = new URL(at.callbackUrl);
  options.alterCallback?.(answered);
  return { ...at, response: await at.browser.callback(answered.href) };
}

function expectStateCookieCleared(response: LightMyRequestResponse) {
  const cleared = response.cookies.find((c) => c.name === STATE_COOKIE);
  expect(cleared, 'the login state cookie is cleared').toBeDefined();
  expect(cleared!.value).toBe('');
  expect(cleared!.expires?.getTime() ?? 0).toBeLessThanOrEqual(Date.now());
}

/** The security log entry of the last OIDC login. */
function lastLoginLog(): { outcome: string; provider?: string; code?: string; reason?: string } {
  const line = t.logs.findLast((l) => l.includes('"event":"oidc_login"'));
  return line ? JSON.parse(line) : { outcome: 'none' };
}

/**
 * A refusal: back to the login page with the code, no session cookie, no new session row — and
 * refused for the stated reason (the security log says why), not by accident.
 */
async function expectRefused(response: LightMyRequestResponse, code: string, sessionsBefore: number, reason: string) {
  expect(response.statusCode, response.body).toBe(302);
  expect(response.headers.location).toBe(`/logg-inn?feil=${code}`);
  expect(response.cookies.find((c) => c.name === SESSION_COOKIE)).toBeUndefined();
  expect(await sessionCount()).toBe(sessionsBefore);
  expect(lastLoginLog()).toMatchObject({ outcome: 'refused', code });
  expect(lastLoginLog().reason?.split(' ')).toContain(reason);
}

async function expectLoggedIn(
  { browser, response }: { browser: Browser; response: LightMyRequestResponse },
  user: { id: string },
  kommunenummer = '1506',
) {
  expect(response.statusCode, response.body).toBe(302);
  expect(response.headers.location).toBe('/');
  // The same cookie as a local login (auth.routes.ts).
  const session = response.cookies.find((c) => c.name === SESSION_COOKIE);
  expect(session).toMatchObject({ path: '/', httpOnly: true, secure: true, sameSite: 'Lax' });
  expect(session!.domain).toBeUndefined();
  expectStateCookieCleared(response);
  const me = await browser.get('/api/session');
  expect(me.statusCode).toBe(200);
  expect(me.json()).toMatchObject({ user: { id: user.id }, municipality: { kommunenummer } });
}

describe('the login page', () => {
  it('lists the configured providers by id and label, and nothing else', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/auth/oidc/providers' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      items: [
        { id: 'entra', label: 'Microsoft Entra ID' },
        { id: 'idporten', label: 'ID-porten' },
        { id: 'idporten-hoy', label: 'ID-porten (høyt nivå)' },
        { id: 'fake', label: 'Fake' },
        { id: 'nede', label: 'Nede' },
      ],
    });
    expect(response.body).not.toContain('secret');
    expect(response.body).not.toContain('127.0.0.1');
  });

  it('"Logg inn med …" sends the browser to the provider with state, nonce and a PKCE S256 challenge', async () => {
    const response = await createBrowser(t.app, PUBLIC_URL).start('idporten');
    expect(response.statusCode).toBe(302);
    const url = new URL(response.headers.location as string);
    expect(url.origin).toBe(idporten.issuer);
    const q = url.searchParams;
    expect(q.get('response_type')).toBe('code');
    expect(q.get('client_id')).toBe('husly-idporten');
    expect(q.get('redirect_uri')).toBe(CALLBACK);
    expect(q.get('scope')?.split(' ')).toContain('openid');
    expect(q.get('state')).toMatch(/^[A-Za-z0-9_-]{43,}$/);
    expect(q.get('nonce')).toMatch(/^[A-Za-z0-9_-]{43,}$/);
    expect(q.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(q.get('code_challenge_method')).toBe('S256');
    expect(q.get('acr_values')).toBe('idporten-loa-substantial');

    const cookie = response.cookies.find((c) => c.name === STATE_COOKIE);
    expect(cookie).toMatchObject({ path: '/', httpOnly: true, secure: true, sameSite: 'Lax', maxAge: 600 });
    expect(cookie!.domain).toBeUndefined();
    // Sealed: neither the state nor the nonce can be read from it.
    expect(cookie!.value).not.toContain(q.get('state'));
    expect(cookie!.value).not.toContain(q.get('nonce'));
  });

  it('an unknown provider id goes back to the login page', async () => {
    const response = await createBrowser(t.app, PUBLIC_URL).start('finnes-ikke');
    expect(response.statusCode).toBe(302);
    expect(response.headers.location).toBe('/logg-inn?feil=auth.oidc_failed');
  });

  it('a provider that does not answer gives auth.oidc_unavailable', async () => {
    const response = await createBrowser(t.app, PUBLIC_URL).start('nede');
    expect(response.statusCode).toBe(302);
    expect(response.headers.location).toBe('/logg-inn?feil=auth.oidc_unavailable');
    expect(response.cookies.find((c) => c.name === STATE_COOKIE)).toBeUndefined();
  });
});

describe('a staff member logs in', () => {
  it('with Entra ID, from an allow-listed directory, as the staff member linked to (issuer, sub)', async () => {
    await expectLoggedIn(await loginWith('entra', { account: 'entra-sub-molde-admin' }), molde.users.admin);
  });

  it('with Entra ID into the municipality the identity is linked to', async () => {
    await expectLoggedIn(await loginWith('entra', { account: 'entra-sub-bodo-bosetter' }), bodo.users.bosetter, '1804');
  });

  it('with ID-porten at level substantial when substantial is required', async () => {
    const flow = await loginWith('idporten', {
      account: 'idporten-sub-molde-bosetter',
      acr: 'idporten-loa-substantial',
    });
    await expectLoggedIn(flow, molde.users.bosetter);
  });

  it('with ID-porten at level high when substantial is required (a higher level satisfies a lower one)', async () => {
    const flow = await loginWith('idporten', { account: 'idporten-sub-molde-bosetter', acr: 'idporten-loa-high' });
    await expectLoggedIn(flow, molde.users.bosetter);
  });

  it('with ID-porten at level high when high is required', async () => {
    const flow = await loginWith('idporten-hoy', { account: 'idporten-sub-molde-bosetter', acr: 'idporten-loa-high' });
    await expectLoggedIn(flow, molde.users.bosetter);
  });

  it('with a correctly made ID token from the fake provider (so its refusals below are the token’s fault)', async () => {
    await expectLoggedIn(await loginWith('fake', { account: 'any' }), molde.users.admin);
  });

  it('and the session is an ordinary one: CSRF token, logout ends it', async () => {
    const flow = await loginWith('entra', { account: 'entra-sub-molde-admin' });
    const me = (await flow.browser.get('/api/session')).json<{ csrfToken: string }>();
    const logout = await t.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: {
        cookie: `${SESSION_COOKIE}=${flow.browser.cookies.get(SESSION_COOKIE)}`,
        'x-csrf-token': me.csrfToken,
      },
    });
    expect(logout.statusCode).toBe(204);
    expect((await flow.browser.get('/api/session')).statusCode).toBe(401);
  });
});

describe('an ID token our client must refuse (fake provider)', () => {
  afterEach(() => {
    fake.craft = signAsIs;
  });

  const now = () => Math.floor(Date.now() / 1000);
  const cases: [string, IdTokenCrafter, string][] = [
    [
      'from another issuer',
      ({ claims, sign }) => sign({ ...claims, iss: 'https://login.evil.example/v2.0' }),
      'claim:iss',
    ],
    ['for another audience', ({ claims, sign }) => sign({ ...claims, aud: 'another-client' }), 'claim:aud'],
    ['that has expired', ({ claims, sign }) => sign({ ...claims, iat: now() - 3600, exp: now() - 600 }), 'claim:exp'],
    ['that is unsigned (alg none)', async ({ claims }) => unsignedJwt(claims), 'alg'],
    [
      'with a bad signature (another key, same kid)',
      ({ claims, sign }) => sign(claims, { withOtherKey: true }),
      'signature',
    ],
    [
      'changed after signing (sub swapped)',
      async ({ claims, sign }) => {
        const [header, , signature] = (await sign(claims)).split('.');
        const payload = Buffer.from(JSON.stringify({ ...claims, sub: 'someone-else' })).toString('base64url');
        return `${header}.${payload}.${signature}`;
      },
      'signature',
    ],
    [
      'signed with HS256 and the client secret (algorithm confusion)',
      ({ claims }) =>
        new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).sign(new TextEncoder().encode(SECRETS.fake)),
      'alg',
    ],
    [
      'without the nonce',
      ({ claims, sign }) => {
        const { nonce: _nonce, ...rest } = claims;
        return sign(rest);
      },
      'missing:nonce',
    ],
    [
      'with another nonce',
      ({ claims, sign }) => sign({ ...claims, nonce: 'a-nonce-from-another-login' }),
      'claim:nonce',
    ],
  ];

  it.each(cases)('an ID token %s', async (_name, craft, reason) => {
    const before = await sessionCount();
    fake.craft = craft;
    const { response } = await loginWith('fake', { account: 'any' });
    await expectRefused(response, 'auth.oidc_failed', before, reason);
  });
});

describe('refused at the real provider, without a session', () => {
  it('a nonce changed on the way to the provider', async () => {
    const before = await sessionCount();
    const { response } = await loginWith(
      'entra',
      { account: 'entra-sub-molde-admin' },
      { alterAuthorization: (url) => url.searchParams.set('nonce', 'chosen-by-an-attacker-0123456789abcdefghijklm') },
    );
    await expectRefused(response, 'auth.oidc_failed', before, 'claim:nonce');
  });

  it('no nonce sent to the provider, so none in the ID token', async () => {
    const before = await sessionCount();
    const { response } = await loginWith(
      'entra',
      { account: 'entra-sub-molde-admin' },
      { alterAuthorization: (url) => url.searchParams.delete('nonce') },
    );
    await expectRefused(response, 'auth.oidc_failed', before, 'missing:nonce');
  });

  it('a state changed on the way back', async () => {
    const before = await sessionCount();
    const { response } = await loginWith(
      'entra',
      { account: 'entra-sub-molde-admin' },
      { alterCallback: (url) => url.searchParams.set('state', 'tampered-state-0123456789abcdefghijklmnopqrs') },
    );
    await expectRefused(response, 'auth.oidc_failed', before, 'state');
    expectStateCookieCleared(response);
  });

  it('a callback in a browser without the login state cookie', async () => {
    const { browser, callbackUrl } = await toCallback('entra', { account: 'entra-sub-molde-admin' });
    browser.cookies.clear();
    const before = await sessionCount();
    await expectRefused(await browser.callback(callbackUrl), 'auth.oidc_failed', before, 'state_cookie_invalid');
  });

  it('a callback from another browser’s login (login CSRF, ASVS 10.1.2), which leaves that login usable', async () => {
    const victim = createBrowser(t.app, PUBLIC_URL);
    await victim.start('entra'); // the victim holds the state cookie of its own, unfinished login
    const attacker = await toCallback('entra', { account: 'entra-sub-molde-admin' });
    const before = await sessionCount();
    await expectRefused(await victim.callback(attacker.callbackUrl), 'auth.oidc_failed', before, 'state');
    // Refused before the code was redeemed: in the browser that started it, it still works.
    const response = await attacker.browser.callback(attacker.callbackUrl);
    await expectLoggedIn({ browser: attacker.browser, response }, molde.users.admin);
  });

  it('an answer from another provider than the one the login was started with (mix-up, ASVS 10.2.2)', async () => {
    const victim = createBrowser(t.app, PUBLIC_URL);
    await victim.start('entra');
    const other = await toCallback('idporten', { account: 'idporten-sub-molde-bosetter', acr: 'idporten-loa-high' });
    const before = await sessionCount();
    // RFC 9207: the answer names its issuer, which is not the provider this login went to.
    await expectRefused(await victim.callback(other.callbackUrl), 'auth.oidc_failed', before, 'iss_parameter');
  });

  it('a state cookie that has been altered', async () => {
    const { browser, callbackUrl } = await toCallback('entra', { account: 'entra-sub-molde-admin' });
    const sealed = browser.cookies.get(STATE_COOKIE)!;
    browser.cookies.set(STATE_COOKIE, sealed.slice(0, 20) + (sealed[20] === 'A' ? 'B' : 'A') + sealed.slice(21));
    const before = await sessionCount();
    await expectRefused(await browser.callback(callbackUrl), 'auth.oidc_failed', before, 'state_cookie_invalid');
  });

  it('a login state older than 10 minutes', async () => {
    const start = t.clock.now;
    try {
      const { browser, callbackUrl } = await toCallback('entra', { account: 'entra-sub-molde-admin' });
      t.clock.now = new Date(start.getTime() + 11 * 60_000);
      const before = await sessionCount();
      await expectRefused(await browser.callback(callbackUrl), 'auth.oidc_failed', before, 'state_cookie_expired');
    } finally {
      t.clock.now = start;
    }
  });

  it('a replayed authorization code: the provider refuses the second redemption', async () => {
    const { browser, callbackUrl } = await toCallback('entra', { account: 'entra-sub-molde-admin' });
    const sealed = browser.cookies.get(STATE_COOKIE)!;
    await expectLoggedIn({ browser, response: await browser.callback(callbackUrl) }, molde.users.admin);

    // Someone who copied both the callback URL and the state cookie tries again.
    const replayer = createBrowser(t.app, PUBLIC_URL);
    replayer.cookies.set(STATE_COOKIE, sealed);
    const errorsBefore = entra.tokenErrors.length;
    const before = await sessionCount();
    await expectRefused(await replayer.callback(callbackUrl), 'auth.oidc_failed', before, 'invalid_grant');
    expect(entra.tokenErrors.slice(errorsBefore)).toEqual(['invalid_grant']);
  });

  it('a code redeemed without the PKCE verifier, or with a wrong one, is refused by the provider', async () => {
    const { browser, callbackUrl } = await toCallback('entra', { account: 'entra-sub-molde-admin' });
    const code = new URL(callbackUrl).searchParams.get('code')!;
    const redeem = (extra: Record<string, string>) =>
      fetch(entra.tokenEndpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          grant_type: 'authorization_code',
          code,
          redirect_uri: CALLBACK,
          client_id: 'husly-entra',
          client_secret: SECRETS.entra,
          ...extra,
        }),
      });
    const without = await redeem({});
    expect(without.status).toBe(400);
    expect(await without.json()).toMatchObject({ error: 'invalid_grant' });
    const wrong = await redeem({ code_verifier: 'a-verifier-guessed-by-someone-who-stole-the-code-0123' });
    expect(wrong.status).toBe(400);
    expect(await wrong.json()).toMatchObject({ error: 'invalid_grant' });
    // The stolen code is useless; the browser that holds the verifier still logs in.
    await expectLoggedIn({ browser, response: await browser.callback(callbackUrl) }, molde.users.admin);
  });

  it('an authorization request without a PKCE challenge is refused by the provider', async () => {
    const { browser, callbackUrl } = await toCallback(
      'entra',
      { account: 'entra-sub-molde-admin' },
      {
        alterAuthorization: (url) => {
          url.searchParams.delete('code_challenge');
          url.searchParams.delete('code_challenge_method');
        },
      },
    );
    const answer = new URL(callbackUrl).searchParams;
    expect(answer.get('error')).toBe('invalid_request');
    expect(answer.get('code')).toBeNull();
    const before = await sessionCount();
    await expectRefused(await browser.callback(callbackUrl), 'auth.oidc_failed', before, 'invalid_request');
  });

  it('a login the user cancels at the provider', async () => {
    const before = await sessionCount();
    const { response } = await loginWith('entra', { account: 'cancelled' });
    await expectRefused(response, 'auth.oidc_failed', before, 'access_denied');
  });
});

describe('refused by Husly’s own rules, without a session', () => {
  const cases: [string, string, ProviderLogin, string, string][] = [
    [
      'ID-porten below the required level (low when substantial)',
      'idporten',
      { account: 'idporten-sub-molde-bosetter', acr: 'idporten-loa-low' },
      'auth.level_insufficient',
      'acr_below_required',
    ],
    [
      'ID-porten without any acr',
      'idporten',
      { account: 'idporten-sub-molde-bosetter' },
      'auth.level_insufficient',
      'acr_below_required',
    ],
    [
      'ID-porten substantial when high is required',
      'idporten-hoy',
      { account: 'idporten-sub-molde-bosetter', acr: 'idporten-loa-substantial' },
      'auth.level_insufficient',
      'acr_below_required',
    ],
    [
      'an Entra account from a directory that is not allow-listed',
      'entra',
      { account: 'entra-sub-foreign-directory' },
      'auth.tenant_not_enrolled',
      'tid_not_allowed',
    ],
    [
      'an Entra account without a tid',
      'entra',
      { account: 'entra-sub-no-directory' },
      'auth.tenant_not_enrolled',
      'tid_not_allowed',
    ],
    [
      'an unknown (issuer, sub) whose e-mail matches a staff member',
      'entra',
      { account: 'entra-sub-stranger' },
      'auth.identity_unknown',
      'identity_unknown',
    ],
    [
      'a sub linked at Entra, presented by another issuer',
      'idporten',
      { account: 'entra-sub-molde-admin', acr: 'idporten-loa-high' },
      'auth.identity_unknown',
      'identity_unknown',
    ],
    [
      'a deactivated staff member',
      'entra',
      { account: 'entra-sub-deactivated' },
      'auth.account_deactivated',
      'account_deactivated',
    ],
  ];

  it.each(cases)('%s', async (_name, providerId, login, code, reason) => {
    const before = await sessionCount();
    const { response } = await loginWith(providerId, login);
    await expectRefused(response, code, before, reason);
    expectStateCookieCleared(response);
  });
});

describe('throttling', () => {
  it('the login legs answer 429 auth.throttled after the configured number of attempts per address', async () => {
    const limited = await createTestApp(db, { ...oidcEnv, LOGIN_RATE_LIMIT: 2 });
    try {
      const callback = () => limited.app.inject({ method: 'GET', url: '/api/auth/oidc/callback?code=x&state=y' });
      for (let i = 0; i < 2; i++) expect((await callback()).statusCode).toBe(302);
      const response = await callback();
      expect(response.statusCode).toBe(429);
      expect(response.json().code).toBe('auth.throttled');
    } finally {
      await limited.app.close();
    }
  });
});

describe('application logs of OIDC logins', () => {
  it('record refusals with a reason, but no tokens, codes, subjects, e-mail addresses or secrets', () => {
    const all = t.logs.join('\n');
    expect(all).toContain('"event":"oidc_login"');
    expect(all).toContain('"reason":"acr_below_required"');
    expect(all).toContain('"reason":"tid_not_allowed"');
    expect(all).not.toMatch(/eyJ[A-Za-z0-9_-]{10,}/); // no JWT
    expect(all).not.toMatch(/@[a-z]+\.kommune\.example/);
    expect(all).not.toMatch(/entra-sub-|idporten-sub-|fake-sub-/);
    for (const code of codesSeen) expect(all).not.toContain(code);
    for (const secret of Object.values(SECRETS)) expect(all).not.toContain(secret);
    expect(all).not.toContain('code=');
    expect(all).not.toContain('state=');
    expect(codesSeen.length).toBeGreaterThan(10);
  });
});
