import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../../../shared/synthetic/rng';
import { withTenant } from '../../db/tenant';
import { createTestApp, login, type LoggedIn, type TestApp } from '../../test/app';
import { createTestDatabase, type TestDatabase } from '../../test/database';
import { createTenantFixture, TEST_PASSWORD, type TenantFixture } from '../../test/fixtures';
import { verifyAuditChain } from './audit.repository';

let db: TestDatabase;
let t: TestApp;
let a: TenantFixture;
let b: TenantFixture;
let admin: LoggedIn;
let revisor: LoggedIn;

beforeAll(async () => {
  db = await createTestDatabase();
  a = await createTenantFixture(db.app, { kommunenummer: '1506', slug: 'molde', roles: ['admin', 'bosetter', 'revisor', 'leder'] });
  b = await createTenantFixture(db.app, { kommunenummer: '1804', slug: 'bodo', roles: ['admin'] });
  t = await createTestApp(db);
  admin = await login(t.app, a.users.admin.email, TEST_PASSWORD);
  revisor = await login(t.app, a.users.revisor.email, TEST_PASSWORD);
});
afterAll(async () => {
  await t.app.close();
  await db.destroy();
});

type Entry = { seq: number; action: string; entity: string; subject_id: string | null; actor_user_id: string | null; actor_unit_id: string | null; purpose: string; purpose_ref: string | null; request_id: string | null; fields: string[] };

async function entries(tenantId = a.tenantId): Promise<Entry[]> {
  return withTenant(db.app, { tenantId }, (trx) =>
    trx
      .selectFrom('app.audit_log')
      .select(['seq', 'action', 'entity', 'subject_id', 'actor_user_id', 'actor_unit_id', 'purpose', 'purpose_ref', 'request_id', 'fields'])
      .orderBy('seq')
      .execute(),
  );
}

const headers = (s: LoggedIn, extra: Record<string, string> = {}) => ({ cookie: s.cookie, 'x-csrf-token': s.csrf, ...extra });

async function version(id: string): Promise<string> {
  const row = await withTenant(db.app, { tenantId: a.tenantId }, (trx) =>
    trx.selectFrom('app.staff_user').select('version').where('id', '=', id).executeTakeFirstOrThrow(),
  );
  return `"${row.version}"`;
}

describe('audit completeness', () => {
  it('a randomized sequence over every person-level endpoint leaves exactly one correct entry per display or change, none for lists', async () => {
    const rng = createRng(20261121);
    const people = [a.users.bosetter.id, a.users.leder.id, a.users.revisor.id];
    type Op = { name: string; expect: { action: string; subject: () => string | null; entity: string } | null; run: () => Promise<{ statusCode: number; headers: Record<string, unknown> }> };
    let created: string | null = null;
    const ops: Op[] = [
      {
        name: 'list users',
        expect: null,
        run: () => t.app.inject({ method: 'GET', url: '/api/users', headers: headers(admin) }),
      },
      {
        name: 'display a user',
        expect: { action: 'display', entity: 'staff_user', subject: () => people[0]! },
        run: () => t.app.inject({ method: 'GET', url: `/api/users/${people[0]}`, headers: headers(admin) }),
      },
      {
        name: 'change a user',
        expect: { action: 'update', entity: 'staff_user', subject: () => people[1]! },
        run: async () =>
          t.app.inject({
            method: 'PATCH',
            url: `/api/users/${people[1]}`,
            headers: headers(admin, { 'if-match': await version(people[1]!) }),
            payload: { displayName: `Leder ${rng.int(1, 1_000_000)}` },
          }),
      },
      {
        name: 'create a user',
        expect: { action: 'create', entity: 'staff_user', subject: () => created },
        run: async () => {
          const response = await t.app.inject({
            method: 'POST',
            url: '/api/users',
            headers: headers(admin),
            payload: { email: `x${rng.int(1, 1e9)}@molde.kommune.example`, displayName: 'Ny', roles: ['leder'], unitIds: [], password: 'langt-nok-passord' },
          });
          created = response.json().id;
          return response;
        },
      },
      {
        name: 'insight report',
        expect: { action: 'export', entity: 'insight', subject: () => people[2]! },
        run: () => t.app.inject({ method: 'GET', url: `/api/insight/staff_user/${people[2]}`, headers: headers(admin) }),
      },
      {
        name: 'audit search',
        expect: null,
        run: () => t.app.inject({ method: 'GET', url: '/api/audit?pageSize=5', headers: headers(revisor) }),
      },
      {
        name: 'audit export',
        expect: { action: 'export', entity: 'audit_log', subject: () => null },
        run: () => t.app.inject({ method: 'GET', url: '/api/audit/export.csv', headers: headers(revisor) }),
      },
    ];
    for (let i = 0; i < 60; i++) {
      const op = rng.pick(ops);
      const before = await entries();
      const response = await op.run();
      expect(response.statusCode, op.name).toBeLessThan(300);
      const added = (await entries()).slice(before.length);
      if (!op.expect) {
        expect(added, op.name).toEqual([]);
        continue;
      }
      expect(added, op.name).toHaveLength(1);
      const entry = added[0]!;
      expect(entry).toMatchObject({ action: op.expect.action, entity: op.expect.entity, subject_id: op.expect.subject() });
      expect(entry.request_id).toBe(response.headers['x-request-id']);
      expect(entry.actor_user_id).toBe(op.name.startsWith('audit') ? a.users.revisor.id : a.users.admin.id);
      expect(entry.actor_unit_id).toBe(a.unitId);
      expect(entry.purpose).toMatch(/^[a-z_]+$/);
    }
  });

  it('records the purpose the client states, with its reference', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: `/api/users/${a.users.bosetter.id}`,
      headers: headers(admin, { 'x-husly-purpose': 'case_work:SAK-2026-17' }),
    });
    expect(response.statusCode).toBe(200);
    expect((await entries()).at(-1)).toMatchObject({ purpose: 'case_work', purpose_ref: 'SAK-2026-17' });
  });

  it('refuses an unknown purpose and shows nothing', async () => {
    const before = (await entries()).length;
    const response = await t.app.inject({
      method: 'GET',
      url: `/api/users/${a.users.bosetter.id}`,
      headers: headers(admin, { 'x-husly-purpose': 'curiosity' }),
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe('request.purpose_invalid');
    expect(response.body).not.toContain(a.users.bosetter.email);
    expect((await entries()).length).toBe(before);
  });

  it('fails closed: when the audit entry cannot be written, no personal data is returned', async () => {
    await sql`REVOKE INSERT ON app.audit_log FROM husly_app`.execute(db.owner);
    try {
      const response = await t.app.inject({ method: 'GET', url: `/api/users/${a.users.bosetter.id}`, headers: headers(admin) });
      expect(response.statusCode).toBe(503);
      expect(response.json().code).toBe('audit.unavailable');
      expect(response.body).not.toContain(a.users.bosetter.email);
      expect(response.body).not.toContain('Test bosetter');
      // A change is rolled back with its entry.
      const patch = await t.app.inject({
        method: 'PATCH',
        url: `/api/users/${a.users.leder.id}`,
        headers: headers(admin, { 'if-match': await version(a.users.leder.id) }),
        payload: { displayName: 'Skal ikke lagres' },
      });
      expect(patch.statusCode).toBe(503);
      const leder = await withTenant(db.app, { tenantId: a.tenantId }, (trx) =>
        trx.selectFrom('app.staff_user').select('display_name').where('id', '=', a.users.leder.id).executeTakeFirstOrThrow(),
      );
      expect(leder.display_name).not.toBe('Skal ikke lagres');
    } finally {
      await sql`GRANT INSERT ON app.audit_log TO husly_app`.execute(db.owner);
    }
  });
});

describe('the audit log is append-only and tamper-evident', () => {
  it('the runtime role can neither change nor delete entries', async () => {
    const update = withTenant(db.app, { tenantId: a.tenantId }, (trx) =>
      trx.updateTable('app.audit_log').set({ purpose: 'skjult' }).where('seq', '=', 1).execute(),
    );
    await expect(update).rejects.toMatchObject({ code: '42501' });
    const remove = withTenant(db.app, { tenantId: a.tenantId }, (trx) => trx.deleteFrom('app.audit_log').where('seq', '=', 1).execute());
    await expect(remove).rejects.toMatchObject({ code: '42501' });
  });

  it('the chain is intact, and the verifier finds the exact row a superuser altered', async () => {
    await t.app.inject({ method: 'GET', url: `/api/users/${b.users.admin.id}`, headers: headers(await login(t.app, b.users.admin.email, TEST_PASSWORD)) });
    const clean = await verifyAuditChain(db.owner);
    expect(clean.breaks).toEqual([]);
    expect(clean.checked).toBeGreaterThan(10);

    await sql`UPDATE app.audit_log SET purpose = 'audit_review' WHERE tenant_id = ${a.tenantId} AND seq = 3`.execute(db.owner);
    expect((await verifyAuditChain(db.owner)).breaks).toEqual([{ tenantId: a.tenantId, seq: 3, reason: 'hash' }]);
  });

  it('the verifier also notices a deleted entry', async () => {
    await sql`DELETE FROM app.audit_log WHERE tenant_id = ${a.tenantId} AND seq = 2`.execute(db.owner);
    const { breaks } = await verifyAuditChain(db.owner);
    expect(breaks).toEqual([{ tenantId: a.tenantId, seq: 3, reason: 'hash' }]); // the earlier break still comes first
    await sql`DELETE FROM app.audit_log WHERE tenant_id = ${a.tenantId} AND seq = 3`.execute(db.owner);
    expect((await verifyAuditChain(db.owner)).breaks).toEqual([{ tenantId: a.tenantId, seq: 4, reason: 'link' }]);
  });
});
