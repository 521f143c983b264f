import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { can, permissionsFor, type Permission } from '../../../shared/domain/permissions';
import { staffRoles, type StaffRole } from '../../../shared/domain/roles';
import { createTestApp, login, type LoggedIn, type TestApp } from '../../test/app';
import { createTestDatabase, type TestDatabase } from '../../test/database';
import { createTenantFixture, TEST_PASSWORD, type TenantFixture } from '../../test/fixtures';

// Role × endpoint for the housing register (dwellings and buildings). The expectation comes from
// the permission matrix: allowed → 2xx, denied → 403, another municipality's object → 404 for
// those allowed. Reading needs read:dwelling at unit scope or wider (a unit-scoped reader sees the
// dwellings its units dispose of; the own-tenant dwelling here belongs to the fixture's unit).

let db: TestDatabase;
let t: TestApp;
let a: TenantFixture;
let b: TenantFixture;
const sessions = {} as Record<StaffRole, LoggedIn>;
let ownDwelling: string;
let otherDwelling: string;
let ownBuilding: string;
let otherBuilding: string;
const emptyBuildings = {} as Record<StaffRole, string>;

let counter = 0;
const unique = () => `${Date.now().toString(36)}${counter++}`;

const dwellingBody = (unitId: string, kommunenummer = '1506', postnummer = '6413') => ({
  reference: `AZ-${unique()}`,
  street: 'Storgata 1',
  postnummer,
  kommunenummer,
  type: 'flat',
  rooms: 2,
  bedrooms: 1,
  capacity: 2,
  disposalForm: 'municipal',
  disposingUnitId: unitId,
});
const buildingBody = (kommunenummer = '1506', postnummer = '6413') => ({
  name: `Bygg ${unique()}`,
  kind: 'modular',
  street: 'Byggvegen 1',
  postnummer,
  kommunenummer,
});

async function post(session: LoggedIn, url: string, payload: unknown) {
  const response = await t.app.inject({
    method: 'POST',
    url,
    headers: { cookie: session.cookie, 'x-csrf-token': session.csrf },
    payload: payload as object,
  });
  if (response.statusCode !== 201) throw new Error(`${url}: ${response.statusCode} ${response.body}`);
  return response.json();
}

beforeAll(async () => {
  db = await createTestDatabase();
  a = await createTenantFixture(db.app, { kommunenummer: '1506', slug: 'molde', roles: staffRoles });
  b = await createTenantFixture(db.app, { kommunenummer: '1804', slug: 'bodo', roles: ['eiendom'] });
  t = await createTestApp(db);
  for (const role of staffRoles) sessions[role] = await login(t.app, a.users[role].email, TEST_PASSWORD);
  const bodo = await login(t.app, b.users.eiendom.email, TEST_PASSWORD);
  ownDwelling = (await post(sessions.eiendom, '/api/dwellings', dwellingBody(a.unitId))).dwelling.id;
  otherDwelling = (await post(bodo, '/api/dwellings', dwellingBody(b.unitId, '1804', '8006'))).dwelling.id;
  ownBuilding = (await post(sessions.eiendom, '/api/buildings', buildingBody())).building.id;
  otherBuilding = (await post(bodo, '/api/buildings', buildingBody('1804', '8006'))).building.id;
  for (const role of staffRoles)
    emptyBuildings[role] = (await post(sessions.eiendom, '/api/buildings', buildingBody())).building.id;
}, 120_000);
afterAll(async () => {
  await t?.app.close();
  await db?.destroy();
});

type Target = 'own-tenant' | 'other-tenant';
type Endpoint = {
  name: string;
  permission: Permission;
  hasObject: boolean;
  request: (
    target: Target,
    role: StaffRole,
  ) => { method: 'GET' | 'POST' | 'PATCH' | 'DELETE'; url: string; payload?: unknown; etagFrom?: string };
};

const pick = (target: Target, own: string, other: string) => (target === 'own-tenant' ? own : other);

const endpoints: Endpoint[] = [
  {
    name: 'GET /api/dwellings',
    permission: 'read:dwelling:unit',
    hasObject: false,
    request: () => ({ method: 'GET', url: '/api/dwellings?status=ready&sort=vacancyDays&dir=desc' }),
  },
  {
    name: 'POST /api/dwellings',
    permission: 'write:dwelling:any',
    hasObject: false,
    request: () => ({ method: 'POST', url: '/api/dwellings', payload: dwellingBody(a.unitId) }),
  },
  {
    name: 'GET /api/dwellings/:id',
    permission: 'read:dwelling:unit',
    hasObject: true,
    request: (target) => ({ method: 'GET', url: `/api/dwellings/${pick(target, ownDwelling, otherDwelling)}` }),
  },
  {
    name: 'PATCH /api/dwellings/:id',
    permission: 'write:dwelling:any',
    hasObject: true,
    request: (target) => {
      const url = `/api/dwellings/${pick(target, ownDwelling, otherDwelling)}`;
      return { method: 'PATCH', url, payload: { notes: `Merknad ${unique()}` }, etagFrom: url };
    },
  },
  {
    name: 'POST /api/dwellings/:id/status',
    permission: 'write:dwelling:any',
    hasObject: true,
    request: (target) => ({
      method: 'POST',
      url: `/api/dwellings/${pick(target, ownDwelling, otherDwelling)}/status`,
      payload: { status: 'vacant', validFrom: '2026-11-01' },
    }),
  },
  {
    name: 'GET /api/buildings',
    permission: 'read:dwelling:unit',
    hasObject: false,
    request: () => ({ method: 'GET', url: '/api/buildings' }),
  },
  {
    name: 'POST /api/buildings',
    permission: 'write:dwelling:any',
    hasObject: false,
    request: () => ({ method: 'POST', url: '/api/buildings', payload: buildingBody() }),
  },
  {
    name: 'GET /api/buildings/:id',
    permission: 'read:dwelling:unit',
    hasObject: true,
    request: (target) => ({ method: 'GET', url: `/api/buildings/${pick(target, ownBuilding, otherBuilding)}` }),
  },
  {
    name: 'PATCH /api/buildings/:id',
    permission: 'write:dwelling:any',
    hasObject: true,
    request: (target) => {
      const url = `/api/buildings/${pick(target, ownBuilding, otherBuilding)}`;
      return { method: 'PATCH', url, payload: { neighbourhoodNotes: `Notat ${unique()}` }, etagFrom: url };
    },
  },
  {
    name: 'DELETE /api/buildings/:id',
    permission: 'write:dwelling:any',
    hasObject: true,
    request: (target, role) => ({
      method: 'DELETE',
      url: `/api/buildings/${pick(target, emptyBuildings[role], otherBuilding)}`,
    }),
  },
];

async function send(role: StaffRole, endpoint: Endpoint, target: Target) {
  const session = sessions[role];
  const request = endpoint.request(target, role);
  const headers: Record<string, string> = { cookie: session.cookie, 'x-csrf-token': session.csrf, 'if-match': '"1"' };
  if (request.etagFrom && target === 'own-tenant') {
    // The current version, read by a role that may read, so an allowed change is a plain 2xx.
    const current = await t.app.inject({
      method: 'GET',
      url: request.etagFrom,
      headers: { cookie: sessions.eiendom.cookie },
    });
    headers['if-match'] = String(current.headers.etag);
  }
  return t.app.inject({
    method: request.method,
    url: request.url,
    headers,
    ...(request.payload ? { payload: request.payload as object } : {}),
  });
}

describe('dwellings and buildings: role × endpoint', () => {
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

  it('the matrix gives some roles read and write, some read only, and some nothing', () => {
    const read = staffRoles.filter((r) => can(permissionsFor([r]), 'read:dwelling:unit'));
    const write = staffRoles.filter((r) => can(permissionsFor([r]), 'write:dwelling:any'));
    expect(write.length).toBeGreaterThan(0);
    expect(read.length).toBeGreaterThan(write.length);
    expect(read.length).toBeLessThan(staffRoles.length);
  });
});
