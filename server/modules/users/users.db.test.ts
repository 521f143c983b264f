import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withTenant } from '../../db/tenant';
import { createTestApp, login, sessionCookie, type LoggedIn, type TestApp } from '../../test/app';
import { createTestDatabase, type TestDatabase } from '../../test/database';
import { createTenantFixture, TEST_PASSWORD, type TenantFixture } from '../../test/fixtures';

let db: TestDatabase;
let t: TestApp;
let a: TenantFixture;
let admin: LoggedIn;

beforeAll(async () => {
  db = await createTestDatabase();
  a = await createTenantFixture(db.app, { kommunenummer: '1506', slug: 'molde', roles: ['admin', 'bosetter', 'leder'] });
  t = await createTestApp(db);
  admin = await login(t.app, a.users.admin.email, TEST_PASSWORD);
});
afterAll(async () => {
  await t.app.close();
  await db.destroy();
});

const headers = (s: LoggedIn, extra: Record<string, string> = {}) => ({ cookie: s.cookie, 'x-csrf-token': s.csrf, ...extra });

async function createUser(email: string, roles: string[] = ['bosetter']) {
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/users',
    headers: headers(admin),
    payload: { email, displayName: 'Kari Nordmann', roles, unitIds: [a.unitId], password: 'et-langt-passord-1' },
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<{ id: string; version: number; email: string }>();
}

describe('user administration', () => {
  it('an admin creates a staff member who can then log in; e-mail is stored in lower case', async () => {
    const user = await createUser('Kari.Nordmann@Molde.Kommune.Example');
    expect(user.email).toBe('kari.nordmann@molde.kommune.example');
    await expect(login(t.app, 'kari.nordmann@molde.kommune.example', 'et-langt-passord-1')).resolves.toBeTruthy();
  });

  it('refuses a taken e-mail, a weak password, and units from nowhere — at the fields', async () => {
    const taken = await t.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: headers(admin),
      payload: { email: a.users.leder.email, displayName: 'X', roles: ['leder'], unitIds: [], password: 'et-langt-passord-1' },
    });
    expect(taken.statusCode).toBe(409);
    expect(taken.json()).toMatchObject({ code: 'user.email_taken', errors: [{ pointer: '/email' }] });
    const weak = await t.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: headers(admin),
      payload: { email: 'svak@molde.kommune.example', displayName: 'X', roles: ['leder'], unitIds: [], password: 'kort' },
    });
    expect(weak.json().errors).toEqual([{ pointer: '/password', code: 'user.password_too_weak' }]);
    const nowhere = await t.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: headers(admin),
      payload: { email: 'enhet@molde.kommune.example', displayName: 'X', roles: ['leder'], unitIds: ['00000000-0000-4000-8000-000000000001'], password: 'et-langt-passord-1' },
    });
    expect(nowhere.statusCode).toBe(422);
    expect(nowhere.json().code).toBe('user.units_invalid');
  });

  it('deactivating a user ends all their sessions at once and stops new logins', async () => {
    const user = await createUser('deaktiveres@molde.kommune.example');
    const one = await login(t.app, 'deaktiveres@molde.kommune.example', 'et-langt-passord-1');
    const two = await login(t.app, 'deaktiveres@molde.kommune.example', 'et-langt-passord-1');
    const response = await t.app.inject({
      method: 'PATCH',
      url: `/api/users/${user.id}`,
      headers: headers(admin, { 'if-match': `"${user.version}"` }),
      payload: { active: false },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ active: false, actions: { deactivate: false } });
    for (const session of [one, two]) {
      const after = await t.app.inject({ method: 'GET', url: '/api/session', headers: { cookie: session.cookie } });
      expect(after.statusCode).toBe(401);
    }
    await expect(login(t.app, 'deaktiveres@molde.kommune.example', 'et-langt-passord-1')).rejects.toThrow(/401/);
  });

  it('a revoked role takes effect at the next request', async () => {
    const user = await createUser('rolle@molde.kommune.example', ['admin']);
    const session = await login(t.app, 'rolle@molde.kommune.example', 'et-langt-passord-1');
    expect((await t.app.inject({ method: 'GET', url: '/api/users', headers: { cookie: session.cookie } })).statusCode).toBe(200);
    await t.app.inject({
      method: 'PATCH',
      url: `/api/users/${user.id}`,
      headers: headers(admin, { 'if-match': `"${user.version}"` }),
      payload: { roles: ['leder'] },
    });
    expect((await t.app.inject({ method: 'GET', url: '/api/users', headers: { cookie: session.cookie } })).statusCode).toBe(401);
    const again = await login(t.app, 'rolle@molde.kommune.example', 'et-langt-passord-1');
    expect((await t.app.inject({ method: 'GET', url: '/api/users', headers: { cookie: again.cookie } })).statusCode).toBe(403);
  });

  it('an admin cannot deactivate themselves', async () => {
    const me = await t.app.inject({ method: 'GET', url: `/api/users/${a.users.admin.id}`, headers: headers(admin) });
    const response = await t.app.inject({
      method: 'PATCH',
      url: `/api/users/${a.users.admin.id}`,
      headers: headers(admin, { 'if-match': String(me.headers.etag) }),
      payload: { active: false },
    });
    expect(response.statusCode).toBe(422);
    expect(response.json().code).toBe('user.cannot_deactivate_self');
  });
});

describe('sessions', () => {
  it('a login always issues a new session id, even when the browser still holds one', async () => {
    const first = await login(t.app, a.users.bosetter.email, TEST_PASSWORD);
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { cookie: first.cookie },
      payload: { email: a.users.bosetter.email, password: TEST_PASSWORD },
    });
    expect(sessionCookie(response)).not.toBe(first.cookie);
  });

  it('the absolute timeout ends a session even when it is in constant use', async () => {
    const session = await login(t.app, a.users.bosetter.email, TEST_PASSWORD);
    const start = t.clock.now;
    try {
      for (let minutes = 25; minutes <= 10 * 60; minutes += 25) {
        t.clock.now = new Date(start.getTime() + minutes * 60_000);
        const response = await t.app.inject({ method: 'GET', url: '/api/session', headers: { cookie: session.cookie } });
        expect(response.statusCode).toBe(minutes < 10 * 60 ? 200 : 401);
      }
    } finally {
      t.clock.now = start;
    }
  });

  it('changing the password needs the current one and ends the other sessions', async () => {
    await createUser('passord@molde.kommune.example');
    const here = await login(t.app, 'passord@molde.kommune.example', 'et-langt-passord-1');
    const elsewhere = await login(t.app, 'passord@molde.kommune.example', 'et-langt-passord-1');
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: headers(here),
      payload: { currentPassword: 'feil', newPassword: 'et-nytt-langt-passord' },
    });
    expect(wrong.json()).toMatchObject({ code: 'user.password_wrong', errors: [{ pointer: '/currentPassword' }] });
    const ok = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: headers(here),
      payload: { currentPassword: 'et-langt-passord-1', newPassword: 'et-nytt-langt-passord' },
    });
    expect(ok.statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: '/api/session', headers: { cookie: here.cookie } })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/session', headers: { cookie: elsewhere.cookie } })).statusCode).toBe(401);
    await expect(login(t.app, 'passord@molde.kommune.example', 'et-nytt-langt-passord')).resolves.toBeTruthy();
    const stored = await withTenant(db.app, { tenantId: a.tenantId }, (trx) =>
      trx.selectFrom('app.staff_user').select('password_hash').where('email', '=', 'passord@molde.kommune.example').executeTakeFirstOrThrow(),
    );
    expect(stored.password_hash).toMatch(/^\$argon2id\$/);
  });
});
