import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withTenant } from '../../db/tenant';
import { createTestApp, login, type LoggedIn, type TestApp } from '../../test/app';
import { createTestDatabase, type TestDatabase } from '../../test/database';
import { createTenantFixture, TEST_PASSWORD, type TenantFixture } from '../../test/fixtures';
import { api, insertDwelling, leaseWrites } from '../leases/leases.test-support';

// Private landlords: identifiers checked (mod-11), fixed contact person, audited displays of
// person-landlords, optimistic concurrency, incidents log. Refusals write nothing.

let db: TestDatabase;
let t: TestApp;
let a: TenantFixture;
let b: TenantFixture;
let office: LoggedIn;
let call: ReturnType<typeof api>;

beforeAll(async () => {
  db = await createTestDatabase();
  a = await createTenantFixture(db.app, { kommunenummer: '1506', slug: 'molde', roles: ['admin', 'boligkontor'] });
  b = await createTenantFixture(db.app, { kommunenummer: '1804', slug: 'bodo', roles: ['admin'] });
  t = await createTestApp(db);
  office = await login(t.app, a.users.boligkontor.email, TEST_PASSWORD);
  call = api(t.app, office);
}, 120_000);
afterAll(async () => {
  await t.app.close();
  await db.destroy();
});

const company = (extra: Record<string, unknown> = {}) => ({
  partyKind: 'company',
  category: 'professional',
  name: 'Fjordbolig AS',
  orgnr: '974 760 673',
  kontonummer: '8601.11.17947',
  contactUserId: a.users.boligkontor.id,
  wantsConsultationBeforeReletting: true,
  depositGuarantee: true,
  ...extra,
});

async function refused(method: 'POST' | 'PATCH', url: string, payload: unknown, status: number, code: string, headers?: Record<string, string>) {
  const before = await leaseWrites(db.app, a.tenantId);
  const versions = await withTenant(db.app, { tenantId: a.tenantId }, (trx) =>
    trx.selectFrom('app.landlord').select(['id', 'version', 'name']).orderBy('id').execute(),
  );
  const response = await call(method, url, payload, headers);
  expect(response.statusCode, response.body).toBe(status);
  expect(response.json().code).toBe(code);
  expect(await leaseWrites(db.app, a.tenantId)).toEqual(before);
  expect(
    await withTenant(db.app, { tenantId: a.tenantId }, (trx) =>
      trx.selectFrom('app.landlord').select(['id', 'version', 'name']).orderBy('id').execute(),
    ),
  ).toEqual(versions);
  return response.json();
}

describe('registering landlords', () => {
  it('stores a company with normalised organisation and account numbers', async () => {
    const response = await call('POST', '/api/landlords', company());
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({
      orgnr: '974760673',
      kontonummer: '86011117947',
      contactUser: { id: a.users.boligkontor.id, name: 'Test boligkontor' },
      wantsConsultationBeforeReletting: true,
      depositGuarantee: true,
      version: 1,
    });
  });

  it('refuses an organisation number failing mod-11 with landlord.orgnr_invalid', async () => {
    const body = await refused('POST', '/api/landlords', company({ orgnr: '974760674' }), 422, 'landlord.orgnr_invalid');
    expect(body.errors).toEqual([{ pointer: '/orgnr', code: 'landlord.orgnr_invalid' }]);
    await refused('POST', '/api/landlords', company({ orgnr: '97476067' }), 422, 'landlord.orgnr_invalid');
  });

  it('a company needs an organisation number; a person does not', async () => {
    await refused('POST', '/api/landlords', company({ orgnr: null }), 422, 'landlord.company_requires_orgnr');
    const person = await call('POST', '/api/landlords', { partyKind: 'person', category: 'private_person', name: 'Kari Utleier' });
    expect(person.statusCode, person.body).toBe(201);
  });

  it('refuses an account number failing mod-11', async () => {
    await refused('POST', '/api/landlords', company({ orgnr: '923609016', kontonummer: '86011117948' }), 422, 'landlord.account_invalid');
  });

  it('the contact person must be an active staff member of this municipality', async () => {
    await refused('POST', '/api/landlords', company({ orgnr: '923609016', contactUserId: b.users.admin.id }), 422, 'landlord.contact_invalid');
    await withTenant(db.app, { tenantId: a.tenantId }, (trx) =>
      trx.updateTable('app.staff_user').set({ active: false }).where('id', '=', a.users.admin.id).execute(),
    );
    try {
      await refused('POST', '/api/landlords', company({ orgnr: '923609016', contactUserId: a.users.admin.id }), 422, 'landlord.contact_invalid');
    } finally {
      await withTenant(db.app, { tenantId: a.tenantId }, (trx) =>
        trx.updateTable('app.staff_user').set({ active: true }).where('id', '=', a.users.admin.id).execute(),
      );
    }
  });

  it('an organisation number is registered once per municipality', async () => {
    await refused('POST', '/api/landlords', company({ name: 'Kopi AS' }), 409, 'landlord.orgnr_taken');
  });
});

describe('a landlord’s page', () => {
  it('displaying a person-landlord is audited; a company is not personal data', async () => {
    const person = (await call('POST', '/api/landlords', { partyKind: 'person', category: 'private_person', name: 'Per Hansen' })).json();
    const firm = (await call('POST', '/api/landlords', company({ orgnr: '923609016', name: 'Bygg AS' }))).json();
    const displays = (id: string) =>
      withTenant(db.app, { tenantId: a.tenantId }, (trx) =>
        trx.selectFrom('app.audit_log').select('action').where('subject_id', '=', id).where('action', '=', 'display').execute(),
      );
    expect((await call('GET', `/api/landlords/${person.id}`)).statusCode).toBe(200);
    expect((await call('GET', `/api/landlords/${firm.id}`)).statusCode).toBe(200);
    expect(await displays(person.id)).toHaveLength(1);
    expect(await displays(firm.id)).toHaveLength(0);
  });

  it('another municipality’s landlord is not found', async () => {
    const theirs = await withTenant(db.app, { tenantId: b.tenantId }, (trx) =>
      trx.insertInto('app.landlord').values({ tenant_id: b.tenantId, party_kind: 'person', name: 'Annen' }).returning('id').executeTakeFirstOrThrow(),
    );
    expect((await call('GET', `/api/landlords/${theirs.id}`)).statusCode).toBe(404);
  });

  it('a change needs the current version, and keeps the identifier rules', async () => {
    const created = (await call('POST', '/api/landlords', { partyKind: 'person', category: 'private_person', name: 'Endre Meg' })).json();
    const url = `/api/landlords/${created.id}`;
    await refused('PATCH', url, { name: 'Nytt navn' }, 428, 'resource.version_required');
    await refused('PATCH', url, { name: 'Nytt navn' }, 412, 'resource.version_conflict', { 'if-match': '"7"' });
    await refused('PATCH', url, { partyKind: 'company' }, 422, 'landlord.company_requires_orgnr', { 'if-match': '"1"' });
    await refused('PATCH', url, { orgnr: '123' }, 422, 'landlord.orgnr_invalid', { 'if-match': '"1"' });
    const ok = await call('PATCH', url, { name: 'Nytt navn', prefersLongTerm: true }, { 'if-match': '"1"' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ name: 'Nytt navn', prefersLongTerm: true, version: 2 });
    expect(ok.headers.etag).toBe('"2"');
    await refused('PATCH', url, { name: 'Tapt oppdatering' }, 412, 'resource.version_conflict', { 'if-match': '"1"' });
  });

  it('logs incidents and resolves them', async () => {
    const created = (await call('POST', '/api/landlords', { partyKind: 'person', category: 'private_person', name: 'Klage Mottaker' })).json();
    const dwellingId = await insertDwelling(db.app, a.tenantId);
    const added = await call('POST', `/api/landlords/${created.id}/incidents`, {
      occurredOn: '2026-11-01',
      kind: 'complaint_from_landlord',
      description: 'Støy om natten',
      dwellingId,
    });
    expect(added.statusCode, added.body).toBe(201);
    const incidentId = added.json().id;
    await refused('PATCH', `/api/landlords/${created.id}/incidents/${incidentId}`, { resolvedOn: '2026-10-01' }, 400, 'request.invalid');
    const resolved = await call('PATCH', `/api/landlords/${created.id}/incidents/${incidentId}`, { resolvedOn: '2026-11-15' });
    expect(resolved.statusCode, resolved.body).toBe(200);
    const page = (await call('GET', `/api/landlords/${created.id}`)).json();
    expect(page.incidents).toEqual([
      expect.objectContaining({ id: incidentId, kind: 'complaint_from_landlord', resolvedOn: '2026-11-15', dwellingId }),
    ]);
    await refused('POST', `/api/landlords/${created.id}/incidents`, { occurredOn: '2027-01-01', kind: 'other', description: 'Fremtid' }, 400, 'request.invalid');
  });

  it('the list searches by name and organisation number and filters by category and flag', async () => {
    const list = (query: string) => call('GET', `/api/landlords?${query}`).then((r) => r.json<{ items: { name: string }[] }>());
    expect((await list('search=fjord')).items.map((i) => i.name)).toEqual(['Fjordbolig AS']);
    expect((await list('search=974760')).items.map((i) => i.name)).toEqual(['Fjordbolig AS']);
    expect((await list('category=professional&flag=deposit_guarantee')).items.map((i) => i.name)).toContain('Fjordbolig AS');
    expect((await list('flag=rent_guarantee')).items).toEqual([]);
  });
});
