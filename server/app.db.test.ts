import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allErrorCodes } from '../shared/errors';
import { withTenant } from './db/tenant';
import { createTestApp, login, type LoggedIn, type TestApp } from './test/app';
import { createTestDatabase, type TestDatabase } from './test/database';
import { createTenantFixture, TEST_PASSWORD, type TenantFixture } from './test/fixtures';

let db: TestDatabase;
let t: TestApp;
let molde: TenantFixture;
let bodo: TenantFixture;
let admin: LoggedIn;

beforeAll(async () => {
  db = await createTestDatabase();
  molde = await createTenantFixture(db.app, { kommunenummer: '1506', slug: 'molde' });
  bodo = await createTenantFixture(db.app, { kommunenummer: '1804', slug: 'bodo' });
  t = await createTestApp(db);
  admin = await login(t.app, molde.users.admin.email, TEST_PASSWORD);
});
afterAll(async () => {
  await t.app.close();
  await db.destroy();
});

const unitCount = (tenantId: string) =>
  withTenant(db.app, { tenantId }, async (trx) => (await trx.selectFrom('app.unit').select('id').execute()).length);

function post(url: string, payload: string, headers: Record<string, string> = {}) {
  return t.app.inject({
    method: 'POST',
    url,
    payload,
    headers: { 'content-type': 'application/json', cookie: admin.cookie, 'x-csrf-token': admin.csrf, ...headers },
  });
}

describe('bad requests get a clear problem and write nothing', () => {
  const cases: [string, () => ReturnType<typeof post>, number, string][] = [
    ['malformed JSON', () => post('/api/units', '{"name": "Ny enhet", '), 400, 'request.malformed_json'],
    ['an empty JSON body', () => post('/api/units', ''), 400, 'request.malformed_json'],
    ['a __proto__ key', () => post('/api/units', '{"name":"Ny enhet","kind":"annet","__proto__":{"admin":true}}'), 400, 'request.forbidden_key'],
    ['a nested constructor key', () => post('/api/units', '{"name":"Ny enhet","kind":"annet","x":{"constructor":{"prototype":{}}}}'), 400, 'request.forbidden_key'],
    ['a prototype key', () => post('/api/units', '{"name":"Ny enhet","kind":"annet","prototype":1}'), 400, 'request.forbidden_key'],
    ['an unknown field', () => post('/api/units', '{"name":"Ny enhet","kind":"annet","tenantId":"x"}'), 400, 'request.unknown_field'],
    ['a body over 1 MB', () => post('/api/units', JSON.stringify({ name: 'x'.repeat(1_100_000), kind: 'annet' })), 413, 'request.too_large'],
    ['nesting deeper than 20', () => post('/api/units', '{"a":'.repeat(25) + '1' + '}'.repeat(25)), 400, 'request.too_deep'],
    ['text/plain', () => post('/api/units', 'name=x', { 'content-type': 'text/plain' }), 415, 'request.unsupported_media_type'],
    ['form encoding', () => post('/api/units', 'name=x', { 'content-type': 'application/x-www-form-urlencoded' }), 415, 'request.unsupported_media_type'],
    ['a wrong kind', () => post('/api/units', '{"name":"Ny enhet","kind":"slott"}'), 400, 'request.invalid'],
    ['a bidi override in a name', () => post('/api/units', '{"name":"Ny \u202Eenhet","kind":"annet"}'), 400, 'request.invalid'],
  ];

  it.each(cases)('%s', async (_name, send, status, code) => {
    const before = await unitCount(molde.tenantId);
    const response = await send();
    expect(response.statusCode).toBe(status);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    const problem = response.json<{ code: string; status: number; requestId: string }>();
    expect(problem.code).toBe(code);
    expect(problem.status).toBe(status);
    expect(problem.requestId).toBe(response.headers['x-request-id']);
    expect(allErrorCodes).toContain(problem.code);
    expect(response.body).not.toMatch(/at .*\.ts:\d+|stack|SELECT|INSERT/);
    expect(await unitCount(molde.tenantId)).toBe(before);
  });

  it('an unknown field is named by its JSON pointer', async () => {
    const response = await post('/api/units', '{"name":"Ny enhet","kind":"annet","version":7}');
    expect(response.json().errors).toEqual([{ pointer: '/version', code: 'request.unknown_field' }]);
  });

  it('a too-short name is reported at the field', async () => {
    const response = await post('/api/units', '{"name":"x","kind":"annet"}');
    expect(response.statusCode).toBe(400);
    expect(response.json().errors).toEqual([{ pointer: '/name', code: 'text.too_short' }]);
  });
});

describe('the HTTP shell', () => {
  it('/api/health checks the database', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ status: 'ok', database: 'ok' });
  });

  it('serves an OpenAPI document generated from the schemas', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    const doc = response.json();
    expect(doc.openapi).toBe('3.0.3');
    const create = doc.paths['/api/units'].post;
    expect(create.requestBody.content['application/json'].schema.properties.kind.enum).toContain('flyktningtjeneste');
    expect(doc.paths['/api/units/{id}'].patch.parameters[0]).toMatchObject({ name: 'id', in: 'path', required: true });
  });

  it('unknown API routes are problems; request ids are echoed when safe, replaced when not', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/nothing', headers: { 'x-request-id': 'abc-12345678' } });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ code: 'route.not_found', requestId: 'abc-12345678' });
    const unsafe = await t.app.inject({ method: 'GET', url: '/api/nothing', headers: { 'x-request-id': '<script>' } });
    expect(unsafe.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('sets the security headers, and no-store on the API', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/units', headers: { cookie: admin.cookie } });
    const csp = String(response.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("base-uri 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(response.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['cache-control']).toBe('no-store');
  });
});

describe('sessions', () => {
  it('a login sets a __Host- cookie that is Secure, HttpOnly and SameSite=Lax', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: molde.users.bosetter.email, password: TEST_PASSWORD },
    });
    expect(response.statusCode).toBe(200);
    const cookie = response.cookies.find((c) => c.name === '__Host-husly')!;
    expect(cookie).toMatchObject({ path: '/', httpOnly: true, secure: true, sameSite: 'Lax' });
    expect(cookie.domain).toBeUndefined();
    expect(response.json().municipality).toMatchObject({ kommunenummer: '1506', name: 'Molde' });
  });

  it('a wrong password and an unknown e-mail give the same answer', async () => {
    const wrong = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: molde.users.bosetter.email, password: 'feil' } });
    const unknown = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'ingen@molde.kommune.example', password: 'feil' } });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().code).toBe('auth.invalid_credentials');
    expect(unknown.json().code).toBe(wrong.json().code);
  });

  it('without a session the API answers auth.required', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/units' });
    expect(response.statusCode).toBe(401);
    expect(response.json().code).toBe('auth.required');
  });

  it('a state-changing request without the CSRF token is refused and writes nothing', async () => {
    const before = await unitCount(molde.tenantId);
    const response = await post('/api/units', '{"name":"Uten token","kind":"annet"}', { 'x-csrf-token': 'feil' });
    expect(response.statusCode).toBe(403);
    expect(response.json().code).toBe('auth.csrf');
    expect(await unitCount(molde.tenantId)).toBe(before);
  });

  it('a cross-site login POST is refused', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { origin: 'https://evil.example' },
      payload: { email: molde.users.bosetter.email, password: TEST_PASSWORD },
    });
    expect(response.statusCode).toBe(403);
  });

  it('the idle timeout ends a session on the server', async () => {
    const session = await login(t.app, molde.users.bosetter.email, TEST_PASSWORD);
    const start = t.clock.now;
    try {
      t.clock.now = new Date(start.getTime() + 31 * 60_000);
      const response = await t.app.inject({ method: 'GET', url: '/api/session', headers: { cookie: session.cookie } });
      expect(response.statusCode).toBe(401);
    } finally {
      t.clock.now = start;
    }
  });

  it('logout ends the session on the server', async () => {
    const session = await login(t.app, molde.users.bosetter.email, TEST_PASSWORD);
    const out = await t.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { cookie: session.cookie, 'x-csrf-token': session.csrf },
    });
    expect(out.statusCode).toBe(204);
    const after = await t.app.inject({ method: 'GET', url: '/api/session', headers: { cookie: session.cookie } });
    expect(after.statusCode).toBe(401);
  });

  it('five wrong passwords lock the account for a while, even against the right password', async () => {
    const email = bodo.users.bosetter.email;
    for (let i = 0; i < 5; i++) {
      await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password: 'feil' } });
    }
    const locked = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password: TEST_PASSWORD } });
    expect(locked.statusCode).toBe(429);
    expect(locked.json().code).toBe('auth.locked');
  });
});

describe('units through the API', () => {
  it("lists only the own municipality's units", async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/units', headers: { cookie: admin.cookie } });
    const ids = response.json<{ items: { id: string }[] }>().items.map((u) => u.id);
    expect(ids).toContain(molde.unitId);
    expect(ids).not.toContain(bodo.unitId);
  });

  it('creates a unit, then refuses the same name with unit.name_taken at /name', async () => {
    const created = await post('/api/units', '{"name":"Boligkontoret","kind":"boligkontor"}');
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ name: 'Boligkontoret', kind: 'boligkontor', version: 1, staffCount: 0 });
    const again = await post('/api/units', '{"name":"Boligkontoret","kind":"boligkontor"}');
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'unit.name_taken', errors: [{ pointer: '/name' }] });
  });

  it("another municipality's unit is not found, neither as target nor as parent", async () => {
    const patch = await t.app.inject({
      method: 'PATCH',
      url: `/api/units/${bodo.unitId}`,
      headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf, 'if-match': '"1"' },
      payload: { name: 'Kapret' },
    });
    expect(patch.statusCode).toBe(404);
    const child = await post('/api/units', JSON.stringify({ name: 'Barn', kind: 'annet', parentId: bodo.unitId }));
    expect(child.statusCode).toBe(422);
    expect(child.json().code).toBe('unit.parent_invalid');
  });

  it('a stale If-Match cannot overwrite a newer change; a missing one is refused', async () => {
    const created = (await post('/api/units', '{"name":"Eiendom","kind":"eiendom"}')).json<{ id: string }>();
    const patch = (version: string | undefined, name: string) =>
      t.app.inject({
        method: 'PATCH',
        url: `/api/units/${created.id}`,
        headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf, ...(version ? { 'if-match': version } : {}) },
        payload: { name },
      });
    const first = await patch('"1"', 'Eiendomsavdelingen');
    expect(first.statusCode).toBe(200);
    expect(first.headers.etag).toBe('"2"');
    const stale = await patch('"1"', 'Eiendom KF');
    expect(stale.statusCode).toBe(412);
    expect(stale.json().code).toBe('resource.version_conflict');
    expect((await patch(undefined, 'Eiendom KF')).statusCode).toBe(428);
  });

  it('a staff member without the admin role may not create units', async () => {
    const worker = await login(t.app, molde.users.bosetter.email, TEST_PASSWORD);
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/units',
      headers: { cookie: worker.cookie, 'x-csrf-token': worker.csrf },
      payload: { name: 'Ikke lov', kind: 'annet' },
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().code).toBe('auth.forbidden');
  });
});

describe('application logs', () => {
  it('contain no personal data: no bodies, no identity numbers, no e-mail addresses', async () => {
    await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: molde.users.admin.email, password: '01017012345' } });
    await post('/api/units', JSON.stringify({ name: 'Enhet 01017012345', kind: 'annet' }));
    const all = t.logs.join('\n');
    expect(all).toContain('"route":"/api/units"');
    expect(all).not.toMatch(/\b\d{11}\b/);
    expect(all).not.toContain('@molde.kommune.example');
    expect(all).not.toContain(TEST_PASSWORD);
  });
});

describe('every route that needs a session', () => {
  it('answers 401 auth.required without one, before looking at the input', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{
      paths: Record<string, Record<string, { security?: unknown }>>;
    }>();
    let checked = 0;
    for (const [path, operations] of Object.entries(doc.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        if (!operation.security) continue;
        const url = path.replace(/\{[^}]+\}/g, '00000000-0000-4000-8000-000000000000');
        const response = await t.app.inject({ method: method.toUpperCase() as 'GET', url, payload: method === 'get' ? undefined : {} });
        expect(response.statusCode, `${method} ${path}`).toBe(401);
        expect(response.json().code).toBe('auth.required');
        checked++;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(5);
  });
});

describe('login throttling per client address', () => {
  it('answers 429 auth.throttled after the configured number of attempts', async () => {
    const limited = await createTestApp(db, { LOGIN_RATE_LIMIT: 3 });
    try {
      const attempt = () =>
        limited.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'x@y.example', password: 'feil' } });
      for (let i = 0; i < 3; i++) expect((await attempt()).statusCode).toBe(401);
      const response = await attempt();
      expect(response.statusCode).toBe(429);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.json().code).toBe('auth.throttled');
    } finally {
      await limited.app.close();
    }
  });
});
