import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { can, permissionsFor, type Permission } from '../shared/domain/permissions';
import { staffRoles, type StaffRole } from '../shared/domain/roles';
import { withTenant } from './db/tenant';
import { createTestApp, login, type LoggedIn, type TestApp } from './test/app';
import { createTestDatabase, type TestDatabase } from './test/database';
import { createTenantFixture, TEST_PASSWORD, type TenantFixture } from './test/fixtures';

// ASVS 8.2.1/8.2.2, RELIABILITY S5: every role × every endpoint. Allowed → 2xx, denied → 403,
// another municipality's object → 404 (no existence oracle). The expectation is computed from the
// permission matrix, so the test follows shared/domain/permissions.ts and fails if the server
// enforces anything else.

let db: TestDatabase;
let t: TestApp;
let a: TenantFixture;
let b: TenantFixture;
const sessions = {} as Record<StaffRole, LoggedIn>;
let identityId: string;
let linkedUserId: string;

beforeAll(async () => {
  db = await createTestDatabase();
  a = await createTenantFixture(db.app, { kommunenummer: '1506', slug: 'molde', roles: staffRoles });
  b = await createTenantFixture(db.app, { kommunenummer: '1804', slug: 'bodo', roles: ['admin'] });
  t = await createTestApp(db, {
    OIDC_PROVIDERS: [
      { id: 'entra', kind: 'entra', label: 'Microsoft Entra ID', issuer: 'https://login.example/tenant/v2.0', clientId: 'husly', allowedTenantIds: ['tenant'] },
    ] as never,
  });
  for (const role of staffRoles) sessions[role] = await login(t.app, a.users[role].email, TEST_PASSWORD);
  // A staff member with an OIDC identity, whose sessions the unlink cell may end.
  const linked = await withTenant(db.app, { tenantId: a.tenantId }, async (trx) => {
    const user = await trx
      .insertInto('app.staff_user')
      .values({ tenant_id: a.tenantId, email: 'oidc@molde.kommune.example', display_name: 'OIDC-bruker', roles: ['bosetter'], password_hash: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    const identity = await trx
      .insertInto('app.staff_identity')
      .values({ tenant_id: a.tenantId, user_id: user.id, issuer: 'https://login.example/tenant/v2.0', subject: 'oidc-sub' })
      .returning('id')
      .executeTakeFirstOrThrow();
    return { userId: user.id, identityId: identity.id };
  });
  linkedUserId = linked.userId;
  identityId = linked.identityId;
}, 120_000);
afterAll(async () => {
  await t.app.close();
  await db.destroy();
});

type Target = 'own-tenant' | 'other-tenant';
type Endpoint = {
  name: string;
  permission: Permission | null; // null: every signed-in staff member
  request: (target: Target, role: StaffRole) => { method: 'GET' | 'POST' | 'PATCH'; url: string; payload?: unknown; headers?: Record<string, string> };
  hasObject: boolean;
};

let counter = 0;
const unique = () => `${Date.now().toString(36)}${counter++}`;

const endpoints: Endpoint[] = [
  { name: 'GET /api/overview', permission: null, hasObject: false, request: () => ({ method: 'GET', url: '/api/overview' }) },
  { name: 'GET /api/units', permission: 'read:unit:any', hasObject: false, request: () => ({ method: 'GET', url: '/api/units' }) },
  {
    name: 'POST /api/units',
    permission: 'write:unit:any',
    hasObject: false,
    request: () => ({ method: 'POST', url: '/api/units', payload: { name: `Enhet ${unique()}`, kind: 'annet' } }),
  },
  {
    name: 'PATCH /api/units/:id',
    permission: 'write:unit:any',
    hasObject: true,
    request: (target) => ({
      method: 'PATCH',
      url: `/api/units/${target === 'own-tenant' ? a.unitId : b.unitId}`,
      payload: { kind: 'flyktningtjeneste' },
      headers: { 'if-match': 'W/"1"' },
    }),
  },
  { name: 'GET /api/users', permission: 'read:staff:any', hasObject: false, request: () => ({ method: 'GET', url: '/api/users' }) },
  {
    name: 'GET /api/users/:id',
    permission: 'read:staff:any',
    hasObject: true,
    // someone else's record (own record is always allowed and tested separately)
    request: (target, role) => ({
      method: 'GET',
      url: `/api/users/${target === 'own-tenant' ? a.users[role === 'admin' ? 'bosetter' : 'admin'].id : b.users.admin.id}`,
    }),
  },
  {
    name: 'POST /api/users',
    permission: 'write:staff:any',
    hasObject: false,
    request: () => ({
      method: 'POST',
      url: '/api/users',
      payload: { email: `ny-${unique()}@molde.kommune.example`, displayName: 'Ny Ansatt', roles: ['bosetter'], unitIds: [a.unitId], password: 'et-langt-passord-1' },
    }),
  },
  {
    name: 'PATCH /api/users/:id',
    permission: 'write:staff:any',
    hasObject: true,
    request: (target) => ({
      method: 'PATCH',
      url: `/api/users/${target === 'own-tenant' ? a.users.leder.id : b.users.admin.id}`,
      payload: { displayName: `Leder ${unique()}` },
      headers: { 'if-match': '"999999"' }, // allowed → 412 would hide the 2xx; fetched below
    }),
  },
  {
    name: 'GET /api/users/:id/identities',
    permission: 'read:staff:any',
    hasObject: true,
    request: (target) => ({ method: 'GET', url: `/api/users/${target === 'own-tenant' ? a.users.leder.id : b.users.admin.id}/identities` }),
  },
  {
    name: 'POST /api/users/:id/enrolments',
    permission: 'write:staff:any',
    hasObject: true,
    request: (target) => ({
      method: 'POST',
      url: `/api/users/${target === 'own-tenant' ? a.users.leder.id : b.users.admin.id}/enrolments`,
      payload: { providerId: 'entra' },
    }),
  },
  {
    name: 'DELETE /api/users/:id/identities/:identityId',
    permission: 'write:staff:any',
    hasObject: true,
    request: (target) => ({
      method: 'DELETE' as never,
      url: target === 'own-tenant' ? `/api/users/${linkedUserId}/identities/${identityId}` : `/api/users/${b.users.admin.id}/identities/${identityId}`,
    }),
  },
  { name: 'GET /api/audit', permission: 'read:audit:any', hasObject: false, request: () => ({ method: 'GET', url: '/api/audit' }) },
  { name: 'GET /api/audit/export.csv', permission: 'export:audit:any', hasObject: false, request: () => ({ method: 'GET', url: '/api/audit/export.csv' }) },
  {
    name: 'GET /api/insight/staff_user/:id',
    permission: 'read:insight:any',
    hasObject: true,
    request: (target) => ({ method: 'GET', url: `/api/insight/staff_user/${target === 'own-tenant' ? a.users.bosetter.id : b.users.admin.id}` }),
  },
  {
    name: 'GET /api/insight/staff_user/:id/pdf',
    permission: 'read:insight:any',
    hasObject: true,
    request: (target) => ({ method: 'GET', url: `/api/insight/staff_user/${target === 'own-tenant' ? a.users.bosetter.id : b.users.admin.id}/pdf?lang=nn` }),
  },
];

async function send(role: StaffRole, endpoint: Endpoint, target: Target) {
  const session = sessions[role];
  const request = endpoint.request(target, role);
  const headers: Record<string, string> = { cookie: session.cookie, 'x-csrf-token': session.csrf, ...request.headers };
  // PATCH needs the current version for the allowed case to be a plain 2xx.
  if (request.method === 'PATCH' && target === 'own-tenant' && can(permissionsFor([role]), endpoint.permission!)) {
    const current = await t.app.inject({ method: 'GET', url: request.url, headers: { cookie: sessions.admin.cookie } });
    if (current.headers.etag) headers['if-match'] = String(current.headers.etag);
    else {
      const list = await t.app.inject({ method: 'GET', url: '/api/units', headers: { cookie: sessions.admin.cookie } });
      const unit = list.json<{ items: { id: string; version: number }[] }>().items.find((u) => request.url.endsWith(u.id));
      headers['if-match'] = `"${unit!.version}"`;
    }
  }
  return t.app.inject({ method: request.method, url: request.url, headers, ...(request.payload ? { payload: request.payload } : {}) });
}

describe('the role × endpoint matrix', () => {
  const cells = staffRoles.flatMap((role) => endpoints.map((endpoint) => [role, endpoint.name, endpoint] as const));

  it.each(cells)('%s → %s', async (role, _name, endpoint) => {
    const allowed = endpoint.permission === null || can(permissionsFor([role]), endpoint.permission);
    const own = await send(role, endpoint, 'own-tenant');
    if (allowed) {
      expect(own.statusCode, own.body).toBeGreaterThanOrEqual(200);
      expect(own.statusCode, own.body).toBeLessThan(300);
    } else {
      expect(own.statusCode, own.body).toBe(403);
      expect(own.json().code).toBe('auth.forbidden');
    }
    if (endpoint.hasObject) {
      const other = await send(role, endpoint, 'other-tenant');
      // Another municipality's object: not found for those allowed; still forbidden for others.
      expect(other.statusCode, other.body).toBe(allowed ? 404 : 403);
      expect(other.body).not.toContain(b.tenantId);
    }
  });

  it('every staff member may read their own staff record', async () => {
    for (const role of staffRoles) {
      const response = await t.app.inject({ method: 'GET', url: `/api/users/${a.users[role].id}`, headers: { cookie: sessions[role].cookie } });
      expect(response.statusCode, role).toBe(200);
    }
  });

  it('the session tells the client exactly the permissions the server enforces', async () => {
    for (const role of staffRoles) {
      const response = await t.app.inject({ method: 'GET', url: '/api/session', headers: { cookie: sessions[role].cookie } });
      expect(response.json().permissions).toEqual(permissionsFor([role]));
    }
  });
});
