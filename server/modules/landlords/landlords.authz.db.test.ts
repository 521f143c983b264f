import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { can, permissionsFor, type Permission } from '../../../shared/domain/permissions';
import { staffRoles, type StaffRole } from '../../../shared/domain/roles';
import { withTenant } from '../../db/tenant';
import { createTestApp, login, type LoggedIn, type TestApp } from '../../test/app';
import { createTestDatabase, type TestDatabase } from '../../test/database';
import { createTenantFixture, TEST_PASSWORD, type TenantFixture } from '../../test/fixtures';
import { insertLandlord } from '../leases/leases.test-support';

// Every role × every landlord endpoint: allowed → 2xx, denied → 403, another municipality's
// landlord → 404 for those allowed (expectations from shared/domain/permissions.ts).

let db: TestDatabase;
let t: TestApp;
let a: TenantFixture;
let b: TenantFixture;
const sessions = {} as Record<StaffRole, LoggedIn>;

beforeAll(async () => {
  db = await createTestDatabase();
  a = await createTenantFixture(db.app, { kommunenummer: '1506', slug: 'molde', roles: staffRoles });
  b = await createTenantFixture(db.app, { kommunenummer: '1804', slug: 'bodo', roles: ['admin'] });
  t = await createTestApp(db);
  for (const role of staffRoles) sessions[role] = await login(t.app, a.users[role].email, TEST_PASSWORD);
}, 120_000);
afterAll(async () => {
  await t.app.close();
  await db.destroy();
});

type Target = 'own-tenant' | 'other-tenant';
type Request = { method: 'GET' | 'POST' | 'PATCH'; url: string; payload?: unknown; headers?: Record<string, string> };
type Endpoint = { name: string; permission: Permission; hasObject: boolean; request: (target: Target) => Promise<Request> };

const tenantOf = (target: Target) => (target === 'own-tenant' ? a : b);
const landlord = (target: Target) => insertLandlord(db.app, tenantOf(target).tenantId, 'Utleier Person');

async function incident(target: Target): Promise<{ landlordId: string; incidentId: string }> {
  const { tenantId } = tenantOf(target);
  const landlordId = await landlord(target);
  const row = await withTenant(db.app, { tenantId }, (trx) =>
    trx
      .insertInto('app.landlord_incident')
      .values({ tenant_id: tenantId, landlord_id: landlordId, occurred_on: '2026-10-01', kind: 'other', description: 'Hendelse' })
      .returning('id')
      .executeTakeFirstOrThrow(),
  );
  return { landlordId, incidentId: row.id };
}

const endpoints: Endpoint[] = [
  { name: 'GET /api/landlords', permission: 'read:landlord:any', hasObject: false, request: async () => ({ method: 'GET', url: '/api/landlords' }) },
  {
    name: 'GET /api/landlords/contact-candidates',
    permission: 'read:landlord:any',
    hasObject: false,
    request: async () => ({ method: 'GET', url: '/api/landlords/contact-candidates' }),
  },
  {
    name: 'POST /api/landlords',
    permission: 'write:landlord:any',
    hasObject: false,
    request: async () => ({ method: 'POST', url: '/api/landlords', payload: { partyKind: 'person', category: 'private_person', name: 'Ny Utleier' } }),
  },
  { name: 'GET /api/landlords/:id', permission: 'read:landlord:any', hasObject: true, request: async (target) => ({ method: 'GET', url: `/api/landlords/${await landlord(target)}` }) },
  {
    name: 'PATCH /api/landlords/:id',
    permission: 'write:landlord:any',
    hasObject: true,
    request: async (target) => ({ method: 'PATCH', url: `/api/landlords/${await landlord(target)}`, payload: { notes: 'Endret' }, headers: { 'if-match': '"1"' } }),
  },
  {
    name: 'POST /api/landlords/:id/incidents',
    permission: 'write:landlord:any',
    hasObject: true,
    request: async (target) => ({
      method: 'POST',
      url: `/api/landlords/${await landlord(target)}/incidents`,
      payload: { occurredOn: '2026-11-01', kind: 'damage', description: 'Vannskade' },
    }),
  },
  {
    name: 'PATCH /api/landlords/:id/incidents/:incidentId',
    permission: 'write:landlord:any',
    hasObject: true,
    request: async (target) => {
      const { landlordId, incidentId } = await incident(target);
      return { method: 'PATCH', url: `/api/landlords/${landlordId}/incidents/${incidentId}`, payload: { resolvedOn: '2026-11-02' } };
    },
  },
];

async function send(role: StaffRole, endpoint: Endpoint, target: Target) {
  const session = sessions[role];
  const request = await endpoint.request(target);
  return t.app.inject({
    method: request.method,
    url: request.url,
    headers: { cookie: session.cookie, 'x-csrf-token': session.csrf, ...request.headers },
    ...(request.payload ? { payload: request.payload as object } : {}),
  });
}

describe('the role × landlord endpoint matrix', () => {
  const cells = staffRoles.flatMap((role) => endpoints.map((endpoint) => [role, endpoint.name, endpoint] as const));

  it.each(cells)('%s → %s', async (role, _name, endpoint) => {
    const allowed = can(permissionsFor([role]), endpoint.permission);
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
      expect(other.statusCode, other.body).toBe(allowed ? 404 : 403);
      expect(other.body).not.toContain(b.tenantId);
    }
  });
});
