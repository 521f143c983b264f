import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HousingSettingsDto } from '../../../shared/api/housing-settings';
import { withTenant } from '../../db/tenant';
import { createTestApp, login, type LoggedIn, type TestApp } from '../../test/app';
import { createTestDatabase, type TestDatabase } from '../../test/database';
import { createTenantFixture, TEST_PASSWORD, type TenantFixture } from '../../test/fixtures';

let db: TestDatabase;
let t: TestApp;
let a: TenantFixture;
let admin: LoggedIn;
let boligkontor: LoggedIn;

beforeAll(async () => {
  db = await createTestDatabase();
  a = await createTenantFixture(db.app, { kommunenummer: '1804', slug: 'bodo', roles: ['admin', 'boligkontor'] });
  await createTenantFixture(db.app, { kommunenummer: '1506', slug: 'molde', roles: ['admin'] });
  t = await createTestApp(db);
  admin = await login(t.app, a.users.admin.email, TEST_PASSWORD);
  boligkontor = await login(t.app, a.users.boligkontor.email, TEST_PASSWORD);
}, 120_000);
afterAll(async () => {
  await t?.app.close();
  await db?.destroy();
});

const get = (s: LoggedIn) =>
  t.app.inject({ method: 'GET', url: '/api/housing-settings', headers: { cookie: s.cookie } });
const patch = (s: LoggedIn, payload: Record<string, unknown>, version?: number) =>
  t.app.inject({
    method: 'PATCH',
    url: '/api/housing-settings',
    headers: {
      cookie: s.cookie,
      'x-csrf-token': s.csrf,
      ...(version !== undefined ? { 'if-match': `"${version}"` } : {}),
    },
    payload,
  });

async function storedRow() {
  return withTenant(db.app, { tenantId: a.tenantId }, (trx) =>
    trx.selectFrom('app.housing_settings').selectAll().executeTakeFirstOrThrow(),
  );
}

describe('housing settings', () => {
  it('are created with the defaults on first read (2 months, 6/3 and 6/3/1)', async () => {
    const response = await get(boligkontor);
    expect(response.statusCode).toBe(200);
    expect(response.json<HousingSettingsDto>()).toMatchObject({
      internalRentAfterMonths: 2,
      leadMonthsLease: [6, 3],
      leadMonthsHeadLease: [6, 3, 1],
      allowMultiplePrimaryLeases: false,
      version: 1,
      actions: { update: false },
    });
    expect(response.headers.etag).toBe('"1"');
    expect((await get(admin)).json<HousingSettingsDto>().actions.update).toBe(true);
  });

  it('an admin changes them under If-Match; lead times are sorted, earliest reminder first', async () => {
    const response = await patch(
      admin,
      {
        internalRentAfterMonths: 3,
        leadMonthsLease: [2, 4, 6],
        letterSender: 'Bodø kommune, Boligkontoret',
        letterEmail: 'bolig@bodo.kommune.example',
      },
      1,
    );
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json<HousingSettingsDto>()).toMatchObject({
      internalRentAfterMonths: 3,
      leadMonthsLease: [6, 4, 2],
      leadMonthsHeadLease: [6, 3, 1],
      version: 2,
    });
    // The other municipality keeps its defaults.
    const molde = await login(t.app, 'admin@molde.kommune.example', TEST_PASSWORD);
    expect((await get(molde)).json<HousingSettingsDto>().internalRentAfterMonths).toBe(2);
  });

  it('refuses bad input with stable codes and writes nothing', async () => {
    const before = await storedRow();
    const cases: Array<[Record<string, unknown>, number | undefined, number, string]> = [
      [{ leadMonthsLease: [6, 6] }, 2, 422, 'settings.lead_times_invalid'],
      [{ leadMonthsLease: [0, 3] }, 2, 422, 'settings.lead_times_invalid'],
      [{ leadMonthsHeadLease: [13] }, 2, 422, 'settings.lead_times_invalid'],
      [{ leadMonthsHeadLease: [1, 2, 3, 4, 5, 6, 7] }, 2, 422, 'settings.lead_times_invalid'],
      [{ leadMonthsLease: [1.5] }, 2, 400, 'request.invalid'],
      [{ internalRentAfterMonths: 25 }, 2, 400, 'request.invalid'],
      [{ letterEmail: 'ikke-en-adresse' }, 2, 400, 'request.invalid'],
      [{ version: 7 }, 2, 400, 'request.unknown_field'],
      [{ internalRentAfterMonths: 1 }, undefined, 428, 'resource.version_required'],
      [{ internalRentAfterMonths: 1 }, 1, 412, 'resource.version_conflict'],
    ];
    for (const [body, version, status, code] of cases) {
      const response = await patch(admin, body, version);
      expect(response.statusCode, JSON.stringify(body)).toBe(status);
      expect(response.json().code, JSON.stringify(body)).toBe(code);
    }
    const lead = await patch(admin, { leadMonthsLease: [6, 6] }, 2);
    expect(lead.json().errors).toEqual([{ pointer: '/leadMonthsLease', code: 'settings.lead_times_invalid' }]);
    expect(await storedRow()).toEqual(before);
  });

  it('boligkontor reads but may not write', async () => {
    const response = await patch(boligkontor, { internalRentAfterMonths: 1 }, 2);
    expect(response.statusCode).toBe(403);
  });
});
