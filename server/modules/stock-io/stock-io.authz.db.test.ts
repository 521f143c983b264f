import { beforeAll, expect, it } from 'vitest';
import { withTenant } from '../../db/tenant';
import { describeAuthzMatrix, sendAs, useAuthzFixture, type AuthzEndpoint } from '../../test/authz';

// Role × endpoint for the import and exports (RELIABILITY S5). The expectation comes from the
// permission matrix; none of these endpoints takes an object id, so the cross-municipality check
// is that an export never carries another municipality's dwellings.

const fx = useAuthzFixture({
  own: { kommunenummer: '1804', slug: 'bodo' },
  other: { kommunenummer: '1506', slug: 'molde' },
});

beforeAll(async () => {
  const { b } = fx;
  // Another municipality's dwelling, which must never show up in A's exports.
  await withTenant(fx.db.app, { tenantId: b.tenantId }, (trx) =>
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
const csv = (text: string) => Buffer.from(text).toString('base64');
const dwellingOnly = csv('Adresse;Postnummer;Type;Disposisjon;Soverom\nStorgata 1;8006;hybel;kommunal;0\n');
const withLease = csv(
  'Adresse;Postnummer;Type;Disposisjon;Soverom;Husleie;Kontraktstart;Tidsubestemt;Hovedleietaker\nStorgata 2;8006;hybel;kommunal;0;5000;01.01.2026;ja;Navn\n',
);

const endpoints: AuthzEndpoint[] = [
  {
    name: 'POST /api/dwellings/import (dwellings)',
    permission: 'write:dwelling:any',
    own: () => ({
      method: 'POST',
      url: '/api/dwellings/import',
      payload: { fileName: 'a.csv', contentBase64: dwellingOnly, mode: 'validate' },
    }),
  },
  {
    name: 'POST /api/dwellings/import (with leases)',
    permission: ['write:dwelling:any', 'write:lease:any'],
    own: () => ({
      method: 'POST',
      url: '/api/dwellings/import',
      payload: { fileName: 'a.csv', contentBase64: withLease, mode: 'validate' },
    }),
  },
  {
    name: 'GET /api/dwellings/import-template.xlsx',
    permission: 'write:dwelling:any',
    own: () => ({ method: 'GET', url: '/api/dwellings/import-template.xlsx' }),
  },
  {
    name: 'GET /api/dwellings/export.xlsx',
    permission: 'export:dwelling:any',
    own: () => ({ method: 'GET', url: '/api/dwellings/export.xlsx' }),
  },
  {
    name: 'GET /api/dwellings/export.csv',
    permission: 'export:dwelling:any',
    own: () => ({ method: 'GET', url: '/api/dwellings/export.csv' }),
  },
  {
    name: 'GET /api/dwellings/export/kobo.json',
    permission: 'export:dwelling:any',
    own: () => ({ method: 'GET', url: '/api/dwellings/export/kobo.json' }),
  },
];

describeAuthzMatrix(
  'the role × endpoint matrix for import and export',
  {
    fixture: fx,
    endpoints,
    onAllowed: (response) => {
      expect(response.statusCode, response.body).toBe(200);
      expect(response.body).not.toContain('MOLDE-HEMMELIG');
      expect(response.body).not.toContain(fx.b.tenantId);
    },
  },
  () => {
    it('without a session every endpoint answers 401, and the import needs the CSRF token', async () => {
      for (const endpoint of endpoints) {
        const response = await sendAs(fx, null, await endpoint.own('admin'));
        expect(response.statusCode, endpoint.name).toBe(401);
      }
      const noCsrf = await sendAs(fx, fx.sessions.boligkontor, await endpoints[0]!.own('boligkontor'), { csrf: false });
      expect(noCsrf.statusCode).toBe(403);
      expect(noCsrf.json().code).toBe('auth.csrf');
    });
  },
);
