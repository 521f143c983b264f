import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { can, permissionsFor, type Permission } from '../../../shared/domain/permissions';
import { staffRoles, type StaffRole } from '../../../shared/domain/roles';
import { withTenant } from '../../db/tenant';
import { createTestApp, login, type LoggedIn, type TestApp } from '../../test/app';
import { createTestDatabase, type TestDatabase } from '../../test/database';
import { createTenantFixture, TEST_PASSWORD, type TenantFixture } from '../../test/fixtures';

// Role × endpoint for the import and exports (RELIABILITY S5). The expectation comes from the
// permission matrix; none of these endpoints takes an object id, so the cross-municipality check
// is that an export never carries another municipality's dwellings.

let db: TestDatabase;
let t: TestApp;
let a: TenantFixture;
let b: TenantFixture;
const sessions = {} as Record<StaffRole, LoggedIn>;

beforeAll(async () => {
  db = await createTestDatabase();
  a = await createTenantFixture(db.app, { kommunenummer: '1804', slug: 'bodo', roles: staffRoles });
  b = await createTenantFixture(db.app, { kommunenummer: '1506', slug: 'molde', roles: ['admin'] });
  t = await createTestApp(db);
  for (const role of staffRoles) sessions[role] = await login(t.app, a.users[role].email, TEST_PASSWORD);
  // Another municipality's dwelling, which must never show up in A's exports.
  await withTenant(db.app, { tenantId: b.tenantId }, (trx) =>
    trx
      .insertInto('app.dwelling')
      .values({
        tenant_id: b.tenantId,
        reference: 'MOLDE-HEMMELIG',
        street: 'Molde gate 1',
        postnummer: '6413',
        kommunenummer: '1506',
        type: 'flat',
        rooms: 2,
        bedrooms: 1,
        capacity: 2,
        disposal_form: 'municipal',
      })
      .execute(),
  );
}, 120_000);
afterAll(async () => {
  await t.app.close();
  await db.destroy();
});

const csv = (text: string) => Buffer.from(text).toString('base64');
const dwellingOnly = csv('Adresse;Postnummer;Type;Disposisjon;Soverom\nStorgata 1;8006;hybel;kommunal;0\n');
const withLease = csv(
  'Adresse;Postnummer;Type;Disposisjon;Soverom;Husleie;Kontraktstart;Tidsubestemt;Hovedleietaker\nStorgata 2;8006;hybel;kommunal;0;5000;01.01.2026;ja;Navn\n',
);

type Endpoint = {
  name: string;
  permissions: Permission[];
  method: 'GET' | 'POST';
  url: string;
  payload?: Record<string, unknown>;
};

const endpoints: Endpoint[] = [
  {
    name: 'POST /api/dwellings/import (dwellings)',
    permissions: ['write:dwelling:any'],
    method: 'POST',
    url: '/api/dwellings/import',
    payload: { fileName: 'a.csv', contentBase64: dwellingOnly, mode: 'validate' },
  },
  {
    name: 'POST /api/dwellings/import (with leases)',
    permissions: ['write:dwelling:any', 'write:lease:any'],
    method: 'POST',
    url: '/api/dwellings/import',
    payload: { fileName: 'a.csv', contentBase64: withLease, mode: 'validate' },
  },
  {
    name: 'GET /api/dwellings/import-template.xlsx',
    permissions: ['write:dwelling:any'],
    method: 'GET',
    url: '/api/dwellings/import-template.xlsx',
  },
  {
    name: 'GET /api/dwellings/export.xlsx',
    permissions: ['export:dwelling:any'],
    method: 'GET',
    url: '/api/dwellings/export.xlsx',
  },
  {
    name: 'GET /api/dwellings/export.csv',
    permissions: ['export:dwelling:any'],
    method: 'GET',
    url: '/api/dwellings/export.csv',
  },
  {
    name: 'GET /api/dwellings/export/kobo.json',
    permissions: ['export:dwelling:any'],
    method: 'GET',
    url: '/api/dwellings/export/kobo.json',
  },
];

describe('the role × endpoint matrix for import and export', () => {
  const cells = staffRoles.flatMap((role) => endpoints.map((endpoint) => [role, endpoint.name, endpoint] as const));

  it.each(cells)('%s → %s', async (role, _name, endpoint) => {
    const allowed = endpoint.permissions.every((p) => can(permissionsFor([role]), p));
    const session = sessions[role];
    const response = await t.app.inject({
      method: endpoint.method,
      url: endpoint.url,
      headers: { cookie: session.cookie, 'x-csrf-token': session.csrf },
      ...(endpoint.payload ? { payload: endpoint.payload } : {}),
    });
    if (allowed) {
      expect(response.statusCode, response.body).toBe(200);
      expect(response.body).not.toContain('MOLDE-HEMMELIG');
      expect(response.body).not.toContain(b.tenantId);
    } else {
      expect(response.statusCode, response.body).toBe(403);
      expect(response.json().code).toBe('auth.forbidden');
    }
  });

  it('without a session every endpoint answers 401, and the import needs the CSRF token', async () => {
    for (const endpoint of endpoints) {
      const response = await t.app.inject({
        method: endpoint.method,
        url: endpoint.url,
        ...(endpoint.payload ? { payload: endpoint.payload } : {}),
      });
      expect(response.statusCode, endpoint.name).toBe(401);
    }
    const noCsrf = await t.app.inject({
      method: 'POST',
      url: '/api/dwellings/import',
      headers: { cookie: sessions.boligkontor.cookie },
      payload: endpoints[0]!.payload,
    });
    expect(noCsrf.statusCode).toBe(403);
    expect(noCsrf.json().code).toBe('auth.csrf');
  });
});
