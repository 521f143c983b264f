import { createHash } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withTenant } from '../../db/tenant';
import type { Env } from '../../env';
import { createTestApp, login, type LoggedIn, type TestApp } from '../../test/app';
import { createTestDatabase, type TestDatabase } from '../../test/database';
import { createTenantFixture, TEST_PASSWORD, type TenantFixture } from '../../test/fixtures';
import {
  createBrowser,
  entraProvider,
  idportenProvider,
  MOLDE_DIRECTORY,
  oidcTestEnv,
  startLocalOp,
  TEST_CALLBACK,
  TEST_PUBLIC_URL,
  type Browser,
  type LocalOp,
} from './oidc.test-support';

// Decision 006, enrolment: an administrator's one-time link binds the first OIDC login through it
// to a staff member — because Entra ID and ID-porten issue per-application `sub`s that nobody
// can look up beforehand. Driven through the whole browser flow against a real OpenID provider.

const PUBLIC_URL = TEST_PUBLIC_URL;
const CALLBACK = TEST_CALLBACK;
const SESSION_COOKIE = '__Host-husly';

let db: TestDatabase;
let t: TestApp;
let molde: TenantFixture;
let bodo: TenantFixture;
let entra: LocalOp;
let idporten: LocalOp;
let admin: LoggedIn;
/** Staff members created per test, so that tests do not share links or identities. */
let staffCounter = 0;

beforeAll(async () => {
  db = await createTestDatabase();
  molde = await createTenantFixture(db.app, {
    kommunenummer: '1506',
    slug: 'molde',
    roles: ['admin', 'bosetter', 'leder'],
  });
  bodo = await createTenantFixture(db.app, { kommunenummer: '1804', slug: 'bodo', roles: ['admin', 'bosetter'] });
  const accounts = Object.fromEntries(
    [
      'kari',
      'ola',
      'per',
      'deactivated',
      'twice',
      'expired',
      'expires-on-the-way',
      'replaced',
      'other-provider',
      'taken-owner',
      'taken-rightful',
      'unlinked',
      'bodo-and-molde',
      'secret-keeper',
      'unlink-me',
      'relinked',
    ].map((name) => [`entra-sub-${name}`, { claims: { tid: MOLDE_DIRECTORY } }]),
  );
  entra = await startLocalOp({
    clients: [{ clientId: 'husly-entra', clientSecret: 'entra-client-secret-0f9e8d7c6b5a' }],
    redirectUri: CALLBACK,
    accounts,
  });
  idporten = await startLocalOp({
    clients: [{ clientId: 'husly-idporten', clientSecret: 'idporten-client-secret-1a2b3c4d5e' }],
    redirectUri: CALLBACK,
    accounts: { 'idporten-sub-other-provider': { claims: {} } },
  });
  const oidcEnv: Partial<Env> = {
    ...oidcTestEnv([entraProvider({ issuer: entra.issuer }), idportenProvider({ issuer: idporten.issuer })]),
    LOGIN_RATE_LIMIT: 10_000,
  };
  t = await createTestApp(db, oidcEnv);
  admin = await login(t.app, molde.users.admin.email, TEST_PASSWORD);
}, 120_000);

afterAll(async () => {
  await t?.app.close();
  await Promise.all([entra?.close(), idporten?.close()]);
  await db?.destroy();
});

const asAdmin = (session: LoggedIn = admin) => ({ cookie: session.cookie, 'x-csrf-token': session.csrf });

async function newStaffMember(fixture: TenantFixture = molde): Promise<{ id: string; email: string }> {
  const email = `ansatt-${++staffCounter}@molde.kommune.example`;
  const id = await withTenant(db.app, { tenantId: fixture.tenantId }, async (trx) => {
    const row = await trx
      .insertInto('app.staff_user')
      .values({
        tenant_id: fixture.tenantId,
        email,
        display_name: `Ansatt ${staffCounter}`,
        roles: ['bosetter'],
        password_hash: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('app.staff_unit')
      .values({ tenant_id: fixture.tenantId, user_id: row.id, unit_id: fixture.unitId })
      .execute();
    return row.id;
  });
  return { id, email };
}

function createLink(userId: string, providerId = 'entra', session: LoggedIn = admin) {
  return t.app.inject({
    method: 'POST',
    url: `/api/users/${userId}/enrolments`,
    headers: asAdmin(session),
    payload: { providerId },
  });
}

async function link(userId: string, providerId = 'entra'): Promise<{ url: string; expiresAt: string; token: string }> {
  const response = await createLink(userId, providerId);
  expect(response.statusCode, response.body).toBe(201);
  const body = response.json<{ url: string; expiresAt: string }>();
  return { ...body, token: new URL(body.url).searchParams.get('enrolment')! };
}

/** Opens the link: Husly's login leg, then login and consent at the provider, up to the callback URL. */
async function openLink(url: string, account: string, browser: Browser = createBrowser(t.app, PUBLIC_URL)) {
  const started = await browser.get(url);
  if (started.statusCode !== 302 || !String(started.headers.location).startsWith('http://127.0.0.1')) {
    return { browser, started, callbackUrl: null };
  }
  const callbackUrl = await browser.authorize(String(started.headers.location), { account });
  return { browser, started, callbackUrl };
}

async function enrolThrough(url: string, account: string) {
  const opened = await openLink(url, account);
  if (!opened.callbackUrl) return { ...opened, response: opened.started };
  return { ...opened, response: await opened.browser.callback(opened.callbackUrl) };
}

/** A plain OIDC login (no link). */
async function oidcLogin(account: string, providerId = 'entra') {
  const browser = createBrowser(t.app, PUBLIC_URL);
  const started = await browser.start(providerId);
  const callbackUrl = await browser.authorize(String(started.headers.location), { account });
  return { browser, response: await browser.callback(callbackUrl) };
}

function expectRefused(response: LightMyRequestResponse, code: string) {
  expect(response.statusCode, response.body).toBe(302);
  expect(response.headers.location).toBe(`/logg-inn?feil=${code}`);
  expect(response.cookies.find((c) => c.name === SESSION_COOKIE)).toBeUndefined();
}

async function expectLoggedInAs(
  browser: Browser,
  response: LightMyRequestResponse,
  userId: string,
  kommunenummer = '1506',
) {
  expect(response.statusCode, response.body).toBe(302);
  expect(response.headers.location).toBe('/');
  const me = await browser.get('/api/session');
  expect(me.statusCode, me.body).toBe(200);
  expect(me.json()).toMatchObject({ user: { id: userId }, municipality: { kommunenummer } });
}

function identitiesOf(tenantId: string, userId: string) {
  return withTenant(db.app, { tenantId }, (trx) =>
    trx.selectFrom('app.staff_identity').select(['issuer', 'subject', 'id']).where('user_id', '=', userId).execute(),
  );
}

function enrolmentsOf(tenantId: string, userId: string) {
  return withTenant(db.app, { tenantId }, (trx) =>
    trx
      .selectFrom('app.oidc_enrolment')
      .select(['token_hash', 'provider_id', 'expires_at', 'used_at', 'revoked_at', 'created_by'])
      .where('user_id', '=', userId)
      .orderBy('created_at')
      .execute(),
  );
}

function auditOf(tenantId: string, userId: string) {
  return withTenant(db.app, { tenantId }, (trx) =>
    trx
      .selectFrom('app.audit_log')
      .select(['action', 'entity', 'fields', 'purpose', 'actor_user_id'])
      .where('subject_id', '=', userId)
      .orderBy('seq')
      .execute(),
  );
}

/** The security log entries of one event, parsed. */
function logEvents(event: string): { outcome: string; code?: string; reason?: string }[] {
  return t.logs.filter((l) => l.includes(`"event":"${event}"`)).map((l) => JSON.parse(l));
}

describe('an enrolment link', () => {
  it('links the staff member’s identity at their first login through it, logs them in, and is audited', async () => {
    const kari = await newStaffMember();
    const created = await link(kari.id);
    expect(created.url).toMatch(new RegExp(`^${PUBLIC_URL}/api/auth/oidc/entra/login\\?enrolment=[A-Za-z0-9_-]{43}$`));
    expect(created.expiresAt).toBe(new Date(t.clock.now.getTime() + 72 * 3_600_000).toISOString());
    // Only the token's SHA-256 is stored.
    const [stored] = await enrolmentsOf(molde.tenantId, kari.id);
    expect(stored).toMatchObject({
      token_hash: createHash('sha256').update(created.token).digest('hex'),
      provider_id: 'entra',
      used_at: null,
      revoked_at: null,
      created_by: molde.users.admin.id,
    });

    const { browser, started, response } = await enrolThrough(created.url, 'entra-sub-kari');
    // The token goes into the sealed state cookie, never to the provider.
    expect(String(started.headers.location)).not.toContain(created.token);
    expect(String(started.headers.location)).not.toContain('enrolment');
    await expectLoggedInAs(browser, response, kari.id);

    expect(await identitiesOf(molde.tenantId, kari.id)).toEqual([
      expect.objectContaining({ issuer: entra.issuer, subject: 'entra-sub-kari' }),
    ]);
    expect((await enrolmentsOf(molde.tenantId, kari.id))[0]!.used_at).not.toBeNull();
    expect(await auditOf(molde.tenantId, kari.id)).toEqual([
      {
        action: 'update',
        entity: 'staff_user',
        fields: ['oidc_enrolment'],
        purpose: 'user_administration',
        actor_user_id: molde.users.admin.id,
      },
      {
        action: 'update',
        entity: 'staff_user',
        fields: ['oidc_identity'],
        purpose: 'authentication',
        actor_user_id: kari.id,
      },
    ]);
    expect(logEvents('oidc_enrolment').at(-1)).toMatchObject({
      outcome: 'ok',
      provider: 'entra',
      tenantId: molde.tenantId,
    });

    // From now on an ordinary OIDC login finds her.
    const again = await oidcLogin('entra-sub-kari');
    await expectLoggedInAs(again.browser, again.response, kari.id);
  });

  it('works only once: the same link a second time is refused with auth.enrolment_invalid', async () => {
    const ola = await newStaffMember();
    const { url } = await link(ola.id);
    const first = await enrolThrough(url, 'entra-sub-ola');
    await expectLoggedInAs(first.browser, first.response, ola.id);
    const second = await enrolThrough(url, 'entra-sub-twice');
    expectRefused(second.response, 'auth.enrolment_invalid');
    expect(second.callbackUrl).toBeNull(); // refused before the trip to the provider
    expect(logEvents('oidc_enrolment').at(-1)).toMatchObject({ outcome: 'refused', reason: 'enrolment_used' });
    expect(await identitiesOf(molde.tenantId, ola.id)).toHaveLength(1);
  });

  it('opened in two browsers at once, links only in the one that comes back first', async () => {
    const per = await newStaffMember();
    const { url } = await link(per.id);
    const a = await openLink(url, 'entra-sub-per');
    const b = await openLink(url, 'entra-sub-twice');
    await expectLoggedInAs(a.browser, await a.browser.callback(a.callbackUrl!), per.id);
    expectRefused(await b.browser.callback(b.callbackUrl!), 'auth.enrolment_invalid');
    expect(logEvents('oidc_login').at(-1)).toMatchObject({ outcome: 'refused', reason: 'enrolment_used' });
    expect((await identitiesOf(molde.tenantId, per.id)).map((i) => i.subject)).toEqual(['entra-sub-per']);
  });

  it('expires after 72 hours', async () => {
    const user = await newStaffMember();
    const { url } = await link(user.id);
    const start = t.clock.now;
    try {
      t.clock.now = new Date(start.getTime() + 72 * 3_600_000);
      const { response } = await enrolThrough(url, 'entra-sub-expired');
      expectRefused(response, 'auth.enrolment_invalid');
      expect(logEvents('oidc_enrolment').at(-1)).toMatchObject({ reason: 'enrolment_expired' });
    } finally {
      t.clock.now = start;
    }
    expect(await identitiesOf(molde.tenantId, user.id)).toEqual([]);
  });

  it('that expires while the staff member is at the provider is refused at the callback', async () => {
    const user = await newStaffMember();
    const { url } = await link(user.id);
    const start = t.clock.now;
    try {
      t.clock.now = new Date(start.getTime() + 72 * 3_600_000 - 60_000);
      const opened = await openLink(url, 'entra-sub-expires-on-the-way');
      expect(opened.callbackUrl).not.toBeNull();
      t.clock.now = new Date(start.getTime() + 72 * 3_600_000 + 60_000);
      expectRefused(await opened.browser.callback(opened.callbackUrl!), 'auth.enrolment_invalid');
      expect(logEvents('oidc_login').at(-1)).toMatchObject({ reason: 'enrolment_expired' });
    } finally {
      t.clock.now = start;
    }
    expect(await identitiesOf(molde.tenantId, user.id)).toEqual([]);
  });

  it('is revoked by a newer link for the same staff member and provider', async () => {
    const user = await newStaffMember();
    const older = await link(user.id);
    const newer = await link(user.id);
    const rows = await enrolmentsOf(molde.tenantId, user.id);
    expect(rows.map((r) => r.revoked_at !== null)).toEqual([true, false]);
    expectRefused((await enrolThrough(older.url, 'entra-sub-replaced')).response, 'auth.enrolment_invalid');
    expect(logEvents('oidc_enrolment').at(-1)).toMatchObject({ reason: 'enrolment_revoked' });
    const ok = await enrolThrough(newer.url, 'entra-sub-replaced');
    await expectLoggedInAs(ok.browser, ok.response, user.id);
  });

  it('made for one provider is refused through another', async () => {
    const user = await newStaffMember();
    const { token } = await link(user.id, 'entra');
    const { response } = await enrolThrough(
      `/api/auth/oidc/idporten/login?enrolment=${token}`,
      'idporten-sub-other-provider',
    );
    expectRefused(response, 'auth.enrolment_invalid');
    expect(logEvents('oidc_enrolment').at(-1)).toMatchObject({ reason: 'enrolment_other_provider' });
  });

  it.each([
    ['unknown', 'A'.repeat(43)],
    ['too short', 'abc'],
    ['empty', ''],
  ])('with an %s token is refused', async (_name, token) => {
    const { response } = await enrolThrough(`/api/auth/oidc/entra/login?enrolment=${token}`, 'entra-sub-kari');
    expectRefused(response, 'auth.enrolment_invalid');
  });

  it('for an identity already linked to another staff member is refused with auth.identity_taken, and stays usable', async () => {
    const owner = await newStaffMember();
    const rightful = await newStaffMember();
    const first = await enrolThrough((await link(owner.id)).url, 'entra-sub-taken-owner');
    await expectLoggedInAs(first.browser, first.response, owner.id);

    const { url } = await link(rightful.id);
    const taken = await enrolThrough(url, 'entra-sub-taken-owner');
    expectRefused(taken.response, 'auth.identity_taken');
    expect(await identitiesOf(molde.tenantId, rightful.id)).toEqual([]);
    expect((await identitiesOf(molde.tenantId, owner.id)).map((i) => i.subject)).toEqual(['entra-sub-taken-owner']);
    // Nothing was consumed: logged in with the right account, the link still works.
    const retry = await enrolThrough(url, 'entra-sub-taken-rightful');
    await expectLoggedInAs(retry.browser, retry.response, rightful.id);
  });

  it('for an identity already linked to the same staff member just logs them in, and is used up', async () => {
    const user = await newStaffMember();
    const first = await enrolThrough((await link(user.id)).url, 'entra-sub-relinked');
    await expectLoggedInAs(first.browser, first.response, user.id);
    const auditBefore = await auditOf(molde.tenantId, user.id);
    const again = await link(user.id);
    const second = await enrolThrough(again.url, 'entra-sub-relinked');
    await expectLoggedInAs(second.browser, second.response, user.id);
    expect(await identitiesOf(molde.tenantId, user.id)).toHaveLength(1);
    expect((await enrolmentsOf(molde.tenantId, user.id)).map((e) => e.used_at !== null)).toEqual([true, true]);
    // Only the new link is audited; no identity was added.
    expect((await auditOf(molde.tenantId, user.id)).slice(auditBefore.length)).toEqual([
      expect.objectContaining({ fields: ['oidc_enrolment'] }),
    ]);
  });

  it('links an identity already linked to the same person in another municipality (one person, two employers)', async () => {
    const atBodo = await newStaffMember(bodo);
    const bodoAdmin = await login(t.app, bodo.users.admin.email, TEST_PASSWORD);
    const bodoLink = await createLink(atBodo.id, 'entra', bodoAdmin);
    const inBodo = await enrolThrough(bodoLink.json<{ url: string }>().url, 'entra-sub-bodo-and-molde');
    await expectLoggedInAs(inBodo.browser, inBodo.response, atBodo.id, '1804');

    const atMolde = await newStaffMember();
    const inMolde = await enrolThrough((await link(atMolde.id)).url, 'entra-sub-bodo-and-molde');
    await expectLoggedInAs(inMolde.browser, inMolde.response, atMolde.id, '1506');
    expect(await identitiesOf(bodo.tenantId, atBodo.id)).toHaveLength(1);
    expect(await identitiesOf(molde.tenantId, atMolde.id)).toHaveLength(1);
  });

  it('for a staff member deactivated after it was made gives auth.account_deactivated', async () => {
    const user = await newStaffMember();
    const { url } = await link(user.id);
    await withTenant(db.app, { tenantId: molde.tenantId }, (trx) =>
      trx.updateTable('app.staff_user').set({ active: false }).where('id', '=', user.id).execute(),
    );
    const opened = await openLink(url, 'entra-sub-deactivated');
    expectRefused(await opened.browser.callback(opened.callbackUrl!), 'auth.account_deactivated');
    expect(await identitiesOf(molde.tenantId, user.id)).toEqual([]);
  });

  it('never shows up in the logs', async () => {
    const user = await newStaffMember();
    const { token, url } = await link(user.id);
    await enrolThrough(url, 'entra-sub-secret-keeper');
    const all = t.logs.join('\n');
    expect(all).not.toContain(token);
    expect(all).not.toContain(createHash('sha256').update(token).digest('hex'));
    expect(all).not.toContain('enrolment=');
    expect(all).not.toMatch(/entra-sub-/);
  });
});

describe('administering identities', () => {
  it('lists a staff member’s identities with provider and date (audited display), without the subject', async () => {
    const user = await newStaffMember();
    const flow = await enrolThrough((await link(user.id)).url, 'entra-sub-unlinked');
    await expectLoggedInAs(flow.browser, flow.response, user.id);
    const response = await t.app.inject({ method: 'GET', url: `/api/users/${user.id}/identities`, headers: asAdmin() });
    expect(response.statusCode, response.body).toBe(200);
    const [identity] = (await identitiesOf(molde.tenantId, user.id))!;
    expect(response.json()).toEqual({
      items: [
        {
          id: identity!.id,
          issuer: entra.issuer,
          provider: { id: 'entra', label: 'Microsoft Entra ID' },
          createdAt: expect.any(String),
          actions: { unlink: true },
        },
      ],
      actions: { enrol: true },
    });
    expect(response.body).not.toContain('entra-sub-');
    expect((await auditOf(molde.tenantId, user.id)).at(-1)).toMatchObject({
      action: 'display',
      fields: ['oidc_identity'],
      actor_user_id: molde.users.admin.id,
    });
  });

  it('unlinking ends the staff member’s sessions, is audited, and the next login gives auth.identity_unknown', async () => {
    const user = await newStaffMember();
    const flow = await enrolThrough((await link(user.id)).url, 'entra-sub-unlink-me');
    await expectLoggedInAs(flow.browser, flow.response, user.id);
    const [identity] = await identitiesOf(molde.tenantId, user.id);

    const url = `/api/users/${user.id}/identities/${identity!.id}`;
    const response = await t.app.inject({ method: 'DELETE', url, headers: asAdmin() });
    expect(response.statusCode, response.body).toBe(204);
    expect(await identitiesOf(molde.tenantId, user.id)).toEqual([]);
    expect((await flow.browser.get('/api/session')).statusCode).toBe(401);
    expect((await auditOf(molde.tenantId, user.id)).at(-1)).toMatchObject({
      action: 'update',
      fields: ['oidc_identity'],
      purpose: 'user_administration',
      actor_user_id: molde.users.admin.id,
    });

    const again = await oidcLogin('entra-sub-unlink-me');
    expectRefused(again.response, 'auth.identity_unknown');
    expect((await t.app.inject({ method: 'DELETE', url, headers: asAdmin() })).statusCode).toBe(404);
  });

  it('an administrator who unlinks their own identity keeps the session they do it in', async () => {
    const own = await withTenant(db.app, { tenantId: molde.tenantId }, (trx) =>
      trx
        .insertInto('app.staff_identity')
        .values({
          tenant_id: molde.tenantId,
          user_id: molde.users.admin.id,
          issuer: entra.issuer,
          subject: 'entra-sub-admin-own',
        })
        .returning('id')
        .executeTakeFirstOrThrow(),
    );
    const session = await login(t.app, molde.users.admin.email, TEST_PASSWORD);
    const elsewhere = await login(t.app, molde.users.admin.email, TEST_PASSWORD);
    const response = await t.app.inject({
      method: 'DELETE',
      url: `/api/users/${molde.users.admin.id}/identities/${own.id}`,
      headers: asAdmin(session),
    });
    expect(response.statusCode, response.body).toBe(204);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/session', headers: { cookie: session.cookie } })).statusCode,
    ).toBe(200);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/session', headers: { cookie: elsewhere.cookie } })).statusCode,
    ).toBe(401);
    admin = await login(t.app, molde.users.admin.email, TEST_PASSWORD);
  });

  it('refuses an unknown provider and a deactivated staff member at creation, and a malformed request', async () => {
    const user = await newStaffMember();
    const unknown = await createLink(user.id, 'finnes-ikke');
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json()).toMatchObject({
      code: 'enrolment.provider_unknown',
      errors: [{ pointer: '/providerId', code: 'enrolment.provider_unknown' }],
    });
    const malformed = await createLink(user.id, 'Not A Slug!');
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json()).toMatchObject({
      code: 'request.invalid',
      errors: [{ pointer: '/providerId', code: 'enrolment.provider_unknown' }],
    });
    const extra = await t.app.inject({
      method: 'POST',
      url: `/api/users/${user.id}/enrolments`,
      headers: asAdmin(),
      payload: { providerId: 'entra', userId: molde.users.admin.id },
    });
    expect(extra.json()).toMatchObject({ code: 'request.unknown_field' });
    await withTenant(db.app, { tenantId: molde.tenantId }, (trx) =>
      trx.updateTable('app.staff_user').set({ active: false }).where('id', '=', user.id).execute(),
    );
    const inactive = await createLink(user.id);
    expect(inactive.statusCode).toBe(422);
    expect(inactive.json().code).toBe('enrolment.user_inactive');
    expect(await enrolmentsOf(molde.tenantId, user.id)).toEqual([]);
  });

  it('is for administrators only: other roles get 403 auth.forbidden on every endpoint', async () => {
    const target = await newStaffMember();
    const [identity] = await withTenant(db.app, { tenantId: molde.tenantId }, (trx) =>
      trx
        .insertInto('app.staff_identity')
        .values({ tenant_id: molde.tenantId, user_id: target.id, issuer: entra.issuer, subject: 'entra-sub-403' })
        .returning('id')
        .execute(),
    );
    for (const role of ['bosetter', 'leder'] as const) {
      const session = await login(t.app, molde.users[role].email, TEST_PASSWORD);
      const headers = asAdmin(session);
      for (const [method, url, payload] of [
        ['POST', `/api/users/${target.id}/enrolments`, { providerId: 'entra' }],
        ['POST', `/api/users/${molde.users[role].id}/enrolments`, { providerId: 'entra' }], // not even for oneself
        ['GET', `/api/users/${target.id}/identities`, undefined],
        ['DELETE', `/api/users/${target.id}/identities/${identity!.id}`, undefined],
      ] as const) {
        const response = await t.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
        expect(response.statusCode, `${role} ${method} ${url}`).toBe(403);
        expect(response.json().code).toBe('auth.forbidden');
      }
    }
    expect(await enrolmentsOf(molde.tenantId, target.id)).toEqual([]);
    expect(await identitiesOf(molde.tenantId, target.id)).toHaveLength(1);
  });

  it('another municipality’s staff member, or another staff member’s identity, is not found (404)', async () => {
    const foreign = await newStaffMember(bodo);
    const [foreignIdentity] = await withTenant(db.app, { tenantId: bodo.tenantId }, (trx) =>
      trx
        .insertInto('app.staff_identity')
        .values({ tenant_id: bodo.tenantId, user_id: foreign.id, issuer: entra.issuer, subject: 'entra-sub-404' })
        .returning('id')
        .execute(),
    );
    const local = await newStaffMember();
    const colleague = await newStaffMember();
    const [colleagueIdentity] = await withTenant(db.app, { tenantId: molde.tenantId }, (trx) =>
      trx
        .insertInto('app.staff_identity')
        .values({
          tenant_id: molde.tenantId,
          user_id: colleague.id,
          issuer: entra.issuer,
          subject: 'entra-sub-colleague',
        })
        .returning('id')
        .execute(),
    );
    for (const [method, url, payload] of [
      ['POST', `/api/users/${foreign.id}/enrolments`, { providerId: 'entra' }],
      ['GET', `/api/users/${foreign.id}/identities`, undefined],
      ['DELETE', `/api/users/${foreign.id}/identities/${foreignIdentity!.id}`, undefined],
      // Molde's own staff member with Bodø's identity id: the identity must belong to that user.
      ['DELETE', `/api/users/${local.id}/identities/${foreignIdentity!.id}`, undefined],
      ['DELETE', `/api/users/${local.id}/identities/${colleagueIdentity!.id}`, undefined],
    ] as const) {
      const response = await t.app.inject({ method, url, headers: asAdmin(), ...(payload ? { payload } : {}) });
      expect(response.statusCode, `${method} ${url}`).toBe(404);
      expect(response.json().code).toBe('resource.not_found');
      expect(response.body).not.toContain(bodo.tenantId);
    }
    expect(await identitiesOf(bodo.tenantId, foreign.id)).toHaveLength(1);
    expect(await identitiesOf(molde.tenantId, colleague.id)).toHaveLength(1);
    expect(await enrolmentsOf(bodo.tenantId, foreign.id)).toEqual([]);
  });
});

describe('in the database', () => {
  it('the runtime role can only close a link: token, staff member, provider and expiry cannot be changed', async () => {
    const user = await newStaffMember();
    await link(user.id);
    for (const change of [
      { token_hash: 'f'.repeat(64) },
      { user_id: molde.users.admin.id },
      { provider_id: 'idporten' },
      { expires_at: new Date('2099-01-01T00:00:00Z') },
    ]) {
      await expect(
        withTenant(db.app, { tenantId: molde.tenantId }, (trx) =>
          trx.updateTable('app.oidc_enrolment').set(change).where('user_id', '=', user.id).execute(),
        ),
        Object.keys(change)[0],
      ).rejects.toThrow(/permission denied/);
    }
    await expect(
      withTenant(db.app, { tenantId: molde.tenantId }, (trx) =>
        trx.deleteFrom('app.oidc_enrolment').where('user_id', '=', user.id).execute(),
      ),
    ).rejects.toThrow(/permission denied/);
  });

  it('links are invisible without the tenant context, and resolve_enrolment answers only which tenant', async () => {
    const user = await newStaffMember();
    const { token } = await link(user.id);
    const hash = createHash('sha256').update(token).digest('hex');
    const rows = await sql<{ n: number }>`select count(*)::int as n from app.oidc_enrolment`.execute(db.app);
    expect(rows.rows[0]!.n).toBe(0);
    const other = await withTenant(db.app, { tenantId: bodo.tenantId }, (trx) =>
      trx.selectFrom('app.oidc_enrolment').select('id').where('token_hash', '=', hash).execute(),
    );
    expect(other).toEqual([]);
    const resolved = await sql<{ t: string | null }>`select app.resolve_enrolment(${hash}) as t`.execute(db.app);
    expect(resolved.rows[0]!.t).toBe(molde.tenantId);
    const unknown = await sql<{ t: string | null }>`select app.resolve_enrolment(${'0'.repeat(64)}) as t`.execute(
      db.app,
    );
    expect(unknown.rows[0]!.t).toBeNull();
  });
});
