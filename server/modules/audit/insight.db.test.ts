import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, type LoggedIn, type TestApp } from '../../test/app';
import { createTestDatabase, type TestDatabase } from '../../test/database';
import { createTenantFixture, TEST_PASSWORD, type TenantFixture } from '../../test/fixtures';

let db: TestDatabase;
let t: TestApp;
let a: TenantFixture;
let revisor: LoggedIn;

beforeAll(async () => {
  db = await createTestDatabase();
  a = await createTenantFixture(db.app, { kommunenummer: '4602', slug: 'kinn', roles: ['admin', 'bosetter', 'leder', 'revisor'] });
  t = await createTestApp(db);
  revisor = await login(t.app, a.users.revisor.email, TEST_PASSWORD);
});
afterAll(async () => {
  await t.app.close();
  await db.destroy();
});

const at = (iso: string) => (t.clock.now = new Date(iso));
// The clock jumps months, so each look is a fresh login (sessions time out after 30 idle minutes).
async function view(id: string, purpose?: string) {
  const session = await login(t.app, a.users.admin.email, TEST_PASSWORD);
  const response = await t.app.inject({
    method: 'GET',
    url: `/api/users/${id}`,
    headers: { cookie: session.cookie, ...(purpose ? { 'x-husly-purpose': purpose } : {}) },
  });
  expect(response.statusCode).toBe(200);
}

describe("the data subject's insight report", () => {
  it('lists exactly the accesses to that person in the period, with date, unit, role and purpose — no names by default', async () => {
    at('2026-01-10T10:00:00Z');
    await view(a.users.bosetter.id); // in period
    at('2026-02-03T08:30:00Z');
    await view(a.users.bosetter.id, 'case_work:SAK-1'); // in period
    await view(a.users.leder.id); // other person
    at('2025-12-31T23:30:00Z'); // 00:30 on 1 January 2026 in Oslo: inside
    await view(a.users.bosetter.id);
    at('2025-12-31T22:30:00Z'); // 23:30 on 31 December in Oslo: outside
    await view(a.users.bosetter.id);
    at('2026-03-01T12:00:00Z'); // after period
    await view(a.users.bosetter.id);

    at('2026-03-02T12:00:00Z');
    revisor = await login(t.app, a.users.revisor.email, TEST_PASSWORD);
    const response = await t.app.inject({
      method: 'GET',
      url: `/api/insight/staff_user/${a.users.bosetter.id}?from=2026-01-01&to=2026-02-28`,
      headers: { cookie: revisor.cookie },
    });
    expect(response.statusCode).toBe(200);
    const report = response.json();
    expect(report.subject).toMatchObject({ type: 'staff_user', id: a.users.bosetter.id, name: 'Test bosetter' });
    expect(report.employeeNamesShown).toBe(false);
    const entry = (occurredAt: string, purpose: string) => ({
      occurredAt,
      unitName: 'Flyktningtjenesten',
      roles: ['admin'],
      action: 'display',
      purpose,
      employeeName: null,
    });
    // In time order; periods are Oslo calendar days.
    expect(report.entries).toEqual([
      entry('2025-12-31T23:30:00.000Z', 'user_administration'),
      entry('2026-01-10T10:00:00.000Z', 'user_administration'),
      entry('2026-02-03T08:30:00.000Z', 'case_work'),
    ]);
    expect(response.body).not.toContain('Test admin');
  });

  it('gives employee names when the municipality has documented that setting', async () => {
    await sql`UPDATE app.municipality SET insight_employee_names = true WHERE tenant_id = ${a.tenantId}`.execute(db.owner);
    try {
      const response = await t.app.inject({
        method: 'GET',
        url: `/api/insight/staff_user/${a.users.bosetter.id}?from=2026-01-01&to=2026-02-28`,
        headers: { cookie: revisor.cookie },
      });
      expect(response.json().employeeNamesShown).toBe(true);
      expect(response.json().entries.every((e: { employeeName: string }) => e.employeeName === 'Test admin')).toBe(true);
    } finally {
      await sql`UPDATE app.municipality SET insight_employee_names = false WHERE tenant_id = ${a.tenantId}`.execute(db.owner);
    }
  });

  it.each(['nb', 'nn'] as const)('is delivered as a PDF in %s', async (lang) => {
    const response = await t.app.inject({
      method: 'GET',
      url: `/api/insight/staff_user/${a.users.bosetter.id}/pdf?from=2026-01-01&to=2026-02-28&lang=${lang}`,
      headers: { cookie: revisor.cookie },
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(response.rawPayload.length).toBeGreaterThan(2000);
  });

  it('an unknown subject is not found', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/insight/staff_user/00000000-0000-4000-8000-000000000000',
      headers: { cookie: revisor.cookie },
    });
    expect(response.statusCode).toBe(404);
  });
});
