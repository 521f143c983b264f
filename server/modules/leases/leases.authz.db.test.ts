import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { can, permissionsFor, type Permission } from '../../../shared/domain/permissions';
import { staffRoles, type StaffRole } from '../../../shared/domain/roles';
import { withTenant } from '../../db/tenant';
import { createTestApp, login, type LoggedIn, type TestApp } from '../../test/app';
import { createTestDatabase, type TestDatabase } from '../../test/database';
import { createTenantFixture, TEST_PASSWORD, type TenantFixture } from '../../test/fixtures';
import { insertDwelling, insertPerson } from './leases.test-support';
import { insertLease } from './leases.usecases';

// Every role × every lease endpoint (ASVS 8.2.1/8.2.2): allowed → 2xx, denied → 403 auth.forbidden,
// another municipality's object → 404 for those allowed. Expectations come from the permission
// matrix in shared/domain/permissions.ts.

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
type Request = { method: 'GET' | 'POST' | 'PATCH'; url: string; payload?: unknown; etag?: boolean };
type Endpoint = { name: string; permission: Permission; hasObject: boolean; request: (target: Target) => Promise<Request> };

const tenantOf = (target: Target) => (target === 'own-tenant' ? a : b);

/** A fresh running lease (started 2025) of the target municipality, made through the use case. */
async function lease(target: Target, { assessed = false } = {}): Promise<string> {
  const { tenantId } = tenantOf(target);
  const dwellingId = await insertDwelling(db.app, tenantId);
  const personId = await insertPerson(db.app, tenantId);
  return withTenant(db.app, { tenantId }, async (trx) => {
    const { id } = await insertLease(
      trx,
      { tenantId, userId: null, today: '2026-11-21', source: 'user' },
      { kind: 'direct', dwellingId, tenantPersonId: personId, startDate: '2025-01-01', endDate: '2028-01-01', legalBasis: 'hl_9_3', rentOre: 1_000_000, depositOre: 1_000_000 },
    );
    if (assessed) {
      const by = await trx.selectFrom('app.staff_user').select('id').executeTakeFirstOrThrow();
      await trx
        .insertInto('app.needs_assessment')
        .values({ tenant_id: tenantId, lease_id: id, assessed_on: '2026-11-01', outcome: 'continued_need', reasons: 'Behov', assessed_by: by.id })
        .execute();
    }
    return id;
  });
}

const endpoints: Endpoint[] = [
  { name: 'GET /api/leases', permission: 'read:lease:any', hasObject: false, request: async () => ({ method: 'GET', url: '/api/leases' }) },
  {
    name: 'POST /api/leases',
    permission: 'write:lease:any',
    hasObject: true,
    request: async (target) => ({
      method: 'POST',
      url: '/api/leases',
      payload: {
        kind: 'direct',
        dwellingId: await insertDwelling(db.app, tenantOf(target).tenantId),
        tenant: { fullName: 'Ny Leietaker' },
        startDate: '2027-01-01',
        endDate: '2030-01-01',
        legalBasis: 'hl_9_3',
        rentOre: 1_000_000,
      },
    }),
  },
  { name: 'GET /api/leases/:id', permission: 'read:lease:any', hasObject: true, request: async (target) => ({ method: 'GET', url: `/api/leases/${await lease(target)}` }) },
  {
    name: 'PATCH /api/leases/:id',
    permission: 'write:lease:any',
    hasObject: true,
    request: async (target) => ({ method: 'PATCH', url: `/api/leases/${await lease(target)}`, payload: { notes: 'Endret' }, etag: true }),
  },
  {
    name: 'GET /api/dwellings/:id/leases',
    permission: 'read:lease:any',
    hasObject: true,
    request: async (target) => ({ method: 'GET', url: `/api/dwellings/${await insertDwelling(db.app, tenantOf(target).tenantId)}/leases` }),
  },
  {
    name: 'POST /api/leases/:id/needs-assessments',
    permission: 'write:lease:any',
    hasObject: true,
    request: async (target) => ({
      method: 'POST',
      url: `/api/leases/${await lease(target)}/needs-assessments`,
      payload: { assessedOn: '2026-11-01', outcome: 'continued_need', reasons: 'Behov' },
    }),
  },
  {
    name: 'POST /api/leases/:id/renewals',
    permission: 'write:lease:any',
    hasObject: true,
    request: async (target) => ({
      method: 'POST',
      url: `/api/leases/${await lease(target, { assessed: true })}/renewals`,
      payload: { newEndDate: '2031-01-01' },
    }),
  },
  {
    name: 'POST /api/leases/:id/termination',
    permission: 'write:lease:any',
    hasObject: true,
    request: async (target) => ({
      method: 'POST',
      url: `/api/leases/${await lease(target)}/termination`,
      payload: { noticeGivenOn: '2026-11-21', terminatedOn: '2027-03-01', reason: 'bought' },
    }),
  },
  { name: 'POST /api/leases/:id/cancel', permission: 'write:lease:any', hasObject: true, request: async (target) => ({ method: 'POST', url: `/api/leases/${await lease(target)}/cancel` }) },
  {
    name: 'POST /api/leases/:id/inspections',
    permission: 'write:lease:any',
    hasObject: true,
    request: async (target) => ({
      method: 'POST',
      url: `/api/leases/${await lease(target)}/inspections`,
      payload: { inspectedOn: '2026-11-20', damages: [], depositWithheldOre: 0 },
    }),
  },
  { name: 'GET /api/persons', permission: 'read:person:any', hasObject: false, request: async () => ({ method: 'GET', url: '/api/persons?query=Ny' }) },
];

async function send(role: StaffRole, endpoint: Endpoint, target: Target) {
  const session = sessions[role];
  const request = await endpoint.request(target);
  const headers: Record<string, string> = { cookie: session.cookie, 'x-csrf-token': session.csrf };
  if (request.etag) {
    // The current version, read by a role that may (so the allowed cell is a plain 2xx).
    const current = await t.app.inject({ method: 'GET', url: request.url, headers: { cookie: sessions.boligkontor.cookie } });
    headers['if-match'] = String(current.headers.etag ?? '"1"');
  }
  return t.app.inject({ method: request.method, url: request.url, headers, ...(request.payload ? { payload: request.payload as object } : {}) });
}

describe('the role × lease endpoint matrix', () => {
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

  it('covers at least one allowed and one denied role for every endpoint', () => {
    for (const endpoint of endpoints) {
      const verdicts = staffRoles.map((role) => can(permissionsFor([role]), endpoint.permission));
      expect(verdicts, endpoint.name).toContain(true);
      expect(verdicts, endpoint.name).toContain(false);
    }
  });
});
