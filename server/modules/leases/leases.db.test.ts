import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { withTenant } from '../../db/tenant';
import { AppError } from '../../http/errors';
import { createTestApp, login, type LoggedIn, type TestApp } from '../../test/app';
import { createTestDatabase, type TestDatabase } from '../../test/database';
import { createTenantFixture, TEST_PASSWORD, type TenantFixture } from '../../test/fixtures';
import { api, insertDwelling, insertLandlord, insertPerson, leaseWrites } from './leases.test-support';
import { insertLease } from './leases.usecases';

// The lease rules end to end (HTTP → use case → PostgreSQL/PGlite). The test clock stands on
// 2026-11-21. Every refusal is checked to have written nothing.

let db: TestDatabase;
let t: TestApp;
let a: TenantFixture;
let b: TenantFixture;
let office: LoggedIn;
let property: LoggedIn;
let call: ReturnType<typeof api>;

beforeAll(async () => {
  db = await createTestDatabase({ poolSize: 8 });
  a = await createTenantFixture(db.app, { kommunenummer: '1506', slug: 'molde', roles: ['admin', 'boligkontor', 'eiendom'] });
  b = await createTenantFixture(db.app, { kommunenummer: '1804', slug: 'bodo', roles: ['admin'] });
  t = await createTestApp(db);
  office = await login(t.app, a.users.boligkontor.email, TEST_PASSWORD);
  property = await login(t.app, a.users.eiendom.email, TEST_PASSWORD);
  call = api(t.app, office);
}, 120_000);
afterAll(async () => {
  await t.app.close();
  await db.destroy();
});

const direct = (dwellingId: string, personId: string, extra: Record<string, unknown> = {}) => ({
  kind: 'direct',
  dwellingId,
  tenantPersonId: personId,
  startDate: '2026-12-01',
  endDate: '2029-12-01',
  legalBasis: 'hl_9_3',
  rentOre: 1_200_000,
  depositOre: 3_600_000,
  ...extra,
});

async function headLease(dwellingId: string, landlordId: string, extra: Record<string, unknown> = {}) {
  const response = await call('POST', '/api/leases', {
    kind: 'head',
    dwellingId,
    landlordId,
    startDate: '2026-01-01',
    endDate: '2029-01-01',
    legalBasis: 'hl_9_3',
    rentOre: 1_000_000,
    ...extra,
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<{ id: string; reference: string }>();
}

/** Sends the request, expects the refusal, and checks that nothing was written. */
async function refused(payload: unknown, status: number, code: string, url = '/api/leases') {
  const before = await leaseWrites(db.app, a.tenantId);
  const response = await call('POST', url, payload);
  expect(response.statusCode, response.body).toBe(status);
  expect(response.json().code).toBe(code);
  expect(await leaseWrites(db.app, a.tenantId)).toEqual(before);
  return response.json();
}

describe('registering leases', () => {
  let dwellingId: string;
  let personId: string;
  beforeEach(async () => {
    dwellingId = await insertDwelling(db.app, a.tenantId);
    personId = await insertPerson(db.app, a.tenantId);
  });

  it('a direct lease that starts later reserves the dwelling; one that has started lets it', async () => {
    const later = await call('POST', '/api/leases', direct(dwellingId, personId));
    expect(later.statusCode, later.body).toBe(201);
    expect(later.json().warnings).toEqual([]);
    const status = () =>
      withTenant(db.app, { tenantId: a.tenantId }, (trx) =>
        trx.selectFrom('app.dwelling').select(['status', 'status_since']).where('id', '=', dwellingId).executeTakeFirstOrThrow(),
      );
    expect(await status()).toEqual({ status: 'reserved', status_since: '2026-11-21' });

    const other = await insertDwelling(db.app, a.tenantId);
    const started = await call('POST', '/api/leases', direct(other, await insertPerson(db.app, a.tenantId), { startDate: '2026-10-01', endDate: '2029-10-01' }));
    expect(started.statusCode, started.body).toBe(201);
    const row = await withTenant(db.app, { tenantId: a.tenantId }, (trx) =>
      trx.selectFrom('app.dwelling').select(['status', 'status_since']).where('id', '=', other).executeTakeFirstOrThrow(),
    );
    expect(row).toEqual({ status: 'let', status_since: '2026-10-01' });
  });

  it('a fixed term shorter than three years under § 9-3 is saved with a warning, not refused', async () => {
    const response = await call('POST', '/api/leases', direct(dwellingId, personId, { endDate: '2027-12-01' }));
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json().warnings).toEqual([{ code: 'lease.term_shorter_than_3_years', minimumEnd: '2029-12-01' }]);
  });

  it('§ 11-1 on a head lease (the municipality is the tenant) is flagged as a warning', async () => {
    const landlordId = await insertLandlord(db.app, a.tenantId);
    const response = await call('POST', '/api/leases', {
      kind: 'head',
      dwellingId,
      landlordId,
      startDate: '2026-01-01',
      endDate: '2027-01-01',
      legalBasis: 'hl_11_1',
      rentOre: 900_000,
    });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json().warnings).toEqual([{ code: 'lease.basis_11_1_requires_municipal_landlord' }]);
  });

  it('end on or before start is refused with lease.period_invalid', async () => {
    await refused(direct(dwellingId, personId, { endDate: '2026-12-01' }), 422, 'lease.period_invalid');
    await refused(direct(dwellingId, personId, { endDate: '2026-11-01' }), 422, 'lease.period_invalid');
    await refused(direct(dwellingId, personId, { startDate: '2026-02-30' }), 422, 'lease.period_invalid');
  });

  it('an open-ended basis with an end date, or a fixed term without one, is refused', async () => {
    await refused(direct(dwellingId, personId, { legalBasis: 'open_ended' }), 422, 'lease.period_invalid');
    await refused(direct(dwellingId, personId, { endDate: null }), 422, 'lease.period_invalid');
  });

  it('negative rent, and rent 0 without a free-of-charge reason, are refused with lease.rent_invalid', async () => {
    await refused(direct(dwellingId, personId, { rentOre: -1, depositOre: 0 }), 422, 'lease.rent_invalid');
    await refused(direct(dwellingId, personId, { rentOre: 0, depositOre: 0 }), 422, 'lease.rent_invalid');
    await refused(direct(dwellingId, personId, { rentOre: 100.5, depositOre: 0 }), 422, 'lease.rent_invalid');
    const free = await call('POST', '/api/leases', direct(dwellingId, personId, { rentOre: 0, depositOre: 0, freeOfChargeReason: 'Nødbolig' }));
    expect(free.statusCode, free.body).toBe(201);
  });

  it('a deposit above six months’ rent (husleieloven § 3-5) is refused', async () => {
    const body = await refused(direct(dwellingId, personId, { depositOre: 7_200_001 }), 422, 'lease.deposit_exceeds_limit');
    expect(body.errors).toEqual([{ pointer: '/depositOre', code: 'lease.deposit_exceeds_limit' }]);
    const exactly = await call('POST', '/api/leases', direct(dwellingId, personId, { depositOre: 7_200_000 }));
    expect(exactly.statusCode, exactly.body).toBe(201);
  });

  it('a head lease needs a landlord, a lease to a household a tenant', async () => {
    await refused({ ...direct(dwellingId, personId), kind: 'head', tenantPersonId: undefined }, 422, 'lease.landlord_required');
    await refused(direct(dwellingId, personId, { tenantPersonId: undefined }), 422, 'lease.tenant_required');
    await refused(direct(dwellingId, '00000000-0000-4000-8000-000000000000'), 422, 'lease.tenant_required');
  });

  it('a dwelling rented from a private landlord can only be sublet under a head lease', async () => {
    const sublet = await insertDwelling(db.app, a.tenantId, { disposalForm: 'private_sublet' });
    await refused(direct(sublet, personId), 422, 'lease.head_lease_required');
    await refused({ ...direct(sublet, personId), kind: 'sub' }, 422, 'lease.head_lease_required');
  });

  it('a disposed dwelling cannot be let', async () => {
    const disposed = await insertDwelling(db.app, a.tenantId, { status: 'disposed' });
    await refused(direct(disposed, personId), 409, 'dwelling.not_lettable');
  });

  it('another municipality’s dwelling is not found (404)', async () => {
    const theirs = await insertDwelling(db.app, b.tenantId);
    const body = await refused(direct(theirs, personId), 404, 'resource.not_found');
    expect(JSON.stringify(body)).not.toContain(b.tenantId);
  });

  it('an overlapping lease is refused with 409 lease.overlap naming the lease it collides with; touching is allowed', async () => {
    const first = await call('POST', '/api/leases', direct(dwellingId, personId));
    expect(first.statusCode).toBe(201);
    const other = await insertPerson(db.app, a.tenantId, 'Yonas Tesfay');
    const body = await refused(direct(dwellingId, other, { startDate: '2029-01-01', endDate: '2032-01-01' }), 409, 'lease.overlap');
    expect(body.conflict).toEqual({ id: first.json().id, reference: first.json().reference });
    const touching = await call('POST', '/api/leases', direct(dwellingId, other, { startDate: '2029-12-01', endDate: '2032-12-01' }));
    expect(touching.statusCode, touching.body).toBe(201);
  });

  it('a head lease and a lease to a household hold the same dwelling in different layers', async () => {
    const sublet = await insertDwelling(db.app, a.tenantId, { disposalForm: 'private_sublet' });
    const head = await headLease(sublet, await insertLandlord(db.app, a.tenantId));
    const sub = await call('POST', '/api/leases', { ...direct(sublet, personId), kind: 'sub', headLeaseId: head.id, endDate: '2029-01-01' });
    expect(sub.statusCode, sub.body).toBe(201);
    await refused(
      { kind: 'head', dwellingId: sublet, landlordId: await insertLandlord(db.app, a.tenantId), startDate: '2027-01-01', endDate: '2030-01-01', legalBasis: 'hl_9_3', rentOre: 10 },
      409,
      'lease.overlap',
    );
  });

  it('a person may not hold two overlapping primary leases unless the municipality allows it', async () => {
    const first = await call('POST', '/api/leases', direct(dwellingId, personId));
    expect(first.statusCode).toBe(201);
    const second = await insertDwelling(db.app, a.tenantId);
    const body = await refused(direct(second, personId, { startDate: '2027-06-01', endDate: '2030-06-01' }), 409, 'lease.tenant_has_active_lease');
    expect(body.conflict.id).toBe(first.json().id);

    const allowMultiple = (value: boolean) =>
      withTenant(db.app, { tenantId: a.tenantId }, (trx) =>
        trx
          .insertInto('app.housing_settings')
          .values({ tenant_id: a.tenantId, allow_multiple_primary_leases: value } as never)
          .onConflict((oc) => oc.column('tenant_id').doUpdateSet({ allow_multiple_primary_leases: value } as never))
          .execute(),
      );
    await allowMultiple(true);
    try {
      const allowed = await call('POST', '/api/leases', direct(second, personId, { startDate: '2027-06-01', endDate: '2030-06-01' }));
      expect(allowed.statusCode, allowed.body).toBe(201);
    } finally {
      await allowMultiple(false);
    }
  });

  it('a new tenant is created with the lease (name NFC-normalised); an invalid identity number is refused', async () => {
    await refused(
      { ...direct(dwellingId, personId, { tenantPersonId: undefined }), tenant: { fullName: 'Ola', identityNumber: '12345678901' } },
      422,
      'person.identity_number_invalid',
    );
    const decomposed = 'Zoe\u0308 Ha\u030agen';
    const created = await call('POST', '/api/leases', {
      ...direct(dwellingId, personId, { tenantPersonId: undefined }),
      tenant: { fullName: decomposed, birthDate: '1990-05-17' },
    });
    expect(created.statusCode, created.body).toBe(201);
    const lease = await call('GET', `/api/leases/${created.json().id}`);
    expect(lease.json().tenant.fullName).toBe(decomposed.normalize('NFC'));
  });
});

describe('subleases under a head lease', () => {
  let dwellingId: string;
  let head: { id: string; reference: string };
  let personId: string;
  beforeEach(async () => {
    dwellingId = await insertDwelling(db.app, a.tenantId, { disposalForm: 'private_sublet' });
    head = await headLease(dwellingId, await insertLandlord(db.app, a.tenantId));
    personId = await insertPerson(db.app, a.tenantId);
  });
  const sub = (extra: Record<string, unknown> = {}) => ({
    kind: 'sub',
    dwellingId,
    headLeaseId: head.id,
    tenantPersonId: personId,
    startDate: '2026-02-01',
    endDate: '2029-01-01',
    legalBasis: 'hl_11_1',
    rentOre: 1_100_000,
    ...extra,
  });

  it('may not start before or run past its head lease', async () => {
    await refused(sub({ startDate: '2025-12-01' }), 422, 'lease.sublease_before_head_lease');
    await refused(sub({ endDate: '2029-01-02' }), 422, 'lease.sublease_outlives_head_lease');
    await refused(sub({ endDate: null, legalBasis: 'open_ended' }), 422, 'lease.sublease_outlives_head_lease');
  });

  it('must use a head lease of the same dwelling', async () => {
    const elsewhere = await insertDwelling(db.app, a.tenantId, { disposalForm: 'private_sublet' });
    await refused({ ...sub(), dwellingId: elsewhere }, 422, 'lease.head_lease_invalid');
  });

  it('is shown on the head lease, and ending the head lease under it is refused', async () => {
    const created = await call('POST', '/api/leases', sub());
    expect(created.statusCode, created.body).toBe(201);
    const page = await call('GET', `/api/leases/${head.id}`);
    expect(page.json().subleases.map((s: { id: string }) => s.id)).toEqual([created.json().id]);

    const before = await leaseWrites(db.app, a.tenantId);
    const end = await call('POST', `/api/leases/${head.id}/termination`, {
      noticeGivenOn: '2026-11-21',
      terminatedOn: '2027-06-01',
      reason: 'other',
    });
    expect(end.statusCode, end.body).toBe(409);
    expect(end.json().code).toBe('lease.head_lease_has_subleases');
    expect(end.json().conflict.id).toBe(created.json().id);
    const cancel = await call('POST', `/api/leases/${head.id}/cancel`);
    expect(cancel.json().code).toBe('lease.head_lease_has_subleases');
    expect(await leaseWrites(db.app, a.tenantId)).toEqual(before);
  });

  it('cannot be renewed past its head lease', async () => {
    const created = (await call('POST', '/api/leases', sub({ endDate: '2028-01-01' }))).json();
    await call('POST', `/api/leases/${created.id}/needs-assessments`, { assessedOn: '2026-11-20', outcome: 'continued_need', reasons: 'Fortsatt behov' });
    await refused({ newEndDate: '2029-06-01' }, 422, 'lease.sublease_outlives_head_lease', `/api/leases/${created.id}/renewals`);
    const ok = await call('POST', `/api/leases/${created.id}/renewals`, { newEndDate: '2029-01-01' });
    expect(ok.statusCode, ok.body).toBe(201);
  });
});

describe('renewal needs a needs assessment that found a continued need', () => {
  let leaseId: string;
  beforeEach(async () => {
    const dwellingId = await insertDwelling(db.app, a.tenantId);
    const created = await call('POST', '/api/leases', direct(dwellingId, await insertPerson(db.app, a.tenantId), { startDate: '2024-01-01', endDate: '2027-01-01' }));
    expect(created.statusCode, created.body).toBe(201);
    leaseId = created.json().id;
  });
  const renew = () => ({ newEndDate: '2030-01-01' });

  it('without an assessment the renewal is refused', async () => {
    await refused(renew(), 422, 'lease.renewal_requires_needs_assessment', `/api/leases/${leaseId}/renewals`);
    const page = (await call('GET', `/api/leases/${leaseId}`)).json();
    expect(page.renewal).toEqual({ allowed: false, blockedBy: 'lease.renewal_requires_needs_assessment', assessmentId: null });
  });

  it('an assessment that found no continued need does not support a renewal', async () => {
    const assessment = await call('POST', `/api/leases/${leaseId}/needs-assessments`, {
      assessedOn: '2026-11-01',
      outcome: 'private_rental',
      reasons: 'Kan leie privat',
      couldBuy: false,
    });
    expect(assessment.statusCode, assessment.body).toBe(201);
    await refused(renew(), 422, 'lease.renewal_not_supported_by_assessment', `/api/leases/${leaseId}/renewals`);
  });

  it('a continued need allows one renewal; the next term needs a new assessment', async () => {
    await call('POST', `/api/leases/${leaseId}/needs-assessments`, { assessedOn: '2026-11-01', outcome: 'continued_need', reasons: 'Stort barnekull, ingen alternativ' });
    const page = (await call('GET', `/api/leases/${leaseId}`)).json();
    expect(page.renewal.allowed).toBe(true);
    const renewed = await call('POST', `/api/leases/${leaseId}/renewals`, { newEndDate: '2030-01-01' });
    expect(renewed.statusCode, renewed.body).toBe(201);
    const after = (await call('GET', `/api/leases/${leaseId}`)).json();
    expect(after.endDate).toBe('2030-01-01');
    expect(after.renewals).toHaveLength(1);
    expect(after.renewals[0]).toMatchObject({ previousEnd: '2027-01-01', newEnd: '2030-01-01' });
    await refused({ newEndDate: '2033-01-01' }, 422, 'lease.renewal_requires_needs_assessment', `/api/leases/${leaseId}/renewals`);
  });

  it('a renewal must move the end later', async () => {
    await call('POST', `/api/leases/${leaseId}/needs-assessments`, { assessedOn: '2026-11-01', outcome: 'continued_need', reasons: 'Behov' });
    await refused({ newEndDate: '2026-06-01' }, 422, 'lease.period_invalid', `/api/leases/${leaseId}/renewals`);
  });
});

describe('termination, cancellation, inspection and changes', () => {
  let dwellingId: string;
  let lease: { id: string; reference: string };
  beforeEach(async () => {
    dwellingId = await insertDwelling(db.app, a.tenantId);
    const created = await call('POST', '/api/leases', direct(dwellingId, await insertPerson(db.app, a.tenantId), { startDate: '2025-01-01', endDate: '2028-01-01' }));
    lease = created.json();
  });
  const dwellingStatus = () =>
    withTenant(db.app, { tenantId: a.tenantId }, (trx) =>
      trx.selectFrom('app.dwelling').select(['status', 'status_since']).where('id', '=', dwellingId).executeTakeFirstOrThrow(),
    );

  it('notice for a later date puts lease and dwelling under notice; a date outside the term is refused', async () => {
    await refused({ noticeGivenOn: '2026-11-21', terminatedOn: '2028-02-01', reason: 'bought' }, 422, 'lease.termination_invalid', `/api/leases/${lease.id}/termination`);
    await refused({ noticeGivenOn: '2027-03-01', terminatedOn: '2027-02-01', reason: 'bought' }, 422, 'lease.termination_invalid', `/api/leases/${lease.id}/termination`);
    const response = await call('POST', `/api/leases/${lease.id}/termination`, {
      noticeGivenOn: '2026-11-21',
      terminatedOn: '2027-03-01',
      reason: 'private_rental',
      note: 'Har fått leilighet privat',
    });
    expect(response.statusCode, response.body).toBe(200);
    const page = (await call('GET', `/api/leases/${lease.id}`)).json();
    expect(page).toMatchObject({ state: 'notice_given', terminatedOn: '2027-03-01', terminationReason: 'private_rental', effectiveEnd: '2027-03-01' });
    expect(await dwellingStatus()).toEqual({ status: 'notice_given', status_since: '2026-11-21' });
  });

  it('cancelling a lease registered by mistake frees its period', async () => {
    const cancelled = await call('POST', `/api/leases/${lease.id}/cancel`);
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    const again = await call('POST', '/api/leases', direct(dwellingId, await insertPerson(db.app, a.tenantId), { startDate: '2025-06-01', endDate: '2028-06-01' }));
    expect(again.statusCode, again.body).toBe(201);
    await refused({}, 409, 'lease.not_active', `/api/leases/${lease.id}/cancel`);
  });

  it('a move-out inspection cannot withhold more than the deposit', async () => {
    await refused(
      { inspectedOn: '2026-11-20', damages: [{ description: 'Hull i vegg', costOre: 500_000 }], depositWithheldOre: 3_600_001 },
      422,
      'lease.deposit_invalid',
      `/api/leases/${lease.id}/inspections`,
    );
    const ok = await call('POST', `/api/leases/${lease.id}/inspections`, {
      inspectedOn: '2026-11-20',
      damages: [{ description: 'Hull i vegg', costOre: 500_000 }, { description: 'Vask', costOre: 150_000 }],
      depositWithheldOre: 650_000,
    });
    expect(ok.statusCode, ok.body).toBe(201);
    const page = (await call('GET', `/api/leases/${lease.id}`)).json();
    expect(page.inspections[0]).toMatchObject({ totalCostOre: 650_000, depositWithheldOre: 650_000 });
  });

  it('a change needs the current version (428 without, 412 when stale) and keeps the § 3-5 limit', async () => {
    const before = await leaseWrites(db.app, a.tenantId);
    expect((await call('PATCH', `/api/leases/${lease.id}`, { notes: 'x' })).statusCode).toBe(428);
    const stale = await call('PATCH', `/api/leases/${lease.id}`, { notes: 'x' }, { 'if-match': '"99"' });
    expect(stale.statusCode).toBe(412);
    expect(stale.json().code).toBe('resource.version_conflict');
    const current = await call('GET', `/api/leases/${lease.id}`);
    const etag = String(current.headers.etag);
    const tooHigh = await call('PATCH', `/api/leases/${lease.id}`, { rentOre: 500_000 }, { 'if-match': etag });
    expect(tooHigh.json().code).toBe('lease.deposit_exceeds_limit');
    expect(await leaseWrites(db.app, a.tenantId)).toEqual(before);
    const ok = await call('PATCH', `/api/leases/${lease.id}`, { rentOre: 1_300_000, notes: 'Husleie regulert' }, { 'if-match': etag });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ rentOre: 1_300_000, notes: 'Husleie regulert', version: current.json().version + 1 });
  });
});

describe('privacy of the tenant', () => {
  it('the tenant’s name is shown (and the display audited) only to staff who may read persons', async () => {
    const dwellingId = await insertDwelling(db.app, a.tenantId);
    const personId = await insertPerson(db.app, a.tenantId, 'Fatima Ali');
    const { id } = (await call('POST', '/api/leases', direct(dwellingId, personId))).json();
    const audits = () =>
      withTenant(db.app, { tenantId: a.tenantId }, (trx) =>
        trx.selectFrom('app.audit_log').select(['action', 'actor_user_id']).where('subject_id', '=', personId).execute(),
      );
    const shown = await call('GET', `/api/leases/${id}`);
    expect(shown.json().tenant).toEqual({ personId, fullName: 'Fatima Ali', birthDate: null });
    expect(await audits()).toEqual([{ action: 'display', actor_user_id: a.users.boligkontor.id }]);

    const hidden = await api(t.app, property)('GET', `/api/leases/${id}`);
    expect(hidden.statusCode).toBe(200);
    expect(hidden.json().tenant).toEqual({ personId, fullName: null, birthDate: null });
    expect(hidden.body).not.toContain('Fatima');
    expect(await audits()).toHaveLength(1);
    const list = await api(t.app, property)('GET', `/api/dwellings/${dwellingId}/leases`);
    expect(list.body).not.toContain('Fatima');
  });
});

describe('lists', () => {
  it('filters by kind, expiry and missing needs assessment, sorted by end date', async () => {
    const d1 = await insertDwelling(db.app, a.tenantId);
    const d2 = await insertDwelling(db.app, a.tenantId);
    const soon = (await call('POST', '/api/leases', direct(d1, await insertPerson(db.app, a.tenantId), { startDate: '2024-03-01', endDate: '2027-03-01', reference: 'LIST-SOON' }))).json();
    const later = (await call('POST', '/api/leases', direct(d2, await insertPerson(db.app, a.tenantId), { startDate: '2024-06-01', endDate: '2027-04-01', reference: 'LIST-LATER' }))).json();
    const expiring = (await call('GET', '/api/leases?kind=direct&expiringWithinMonths=5')).json();
    const ids = expiring.items.map((i: { id: string }) => i.id);
    expect(ids.indexOf(soon.id)).toBeGreaterThanOrEqual(0);
    expect(ids.indexOf(soon.id)).toBeLessThan(ids.indexOf(later.id));
    const missing = (await call('GET', '/api/leases?needsAssessmentMissing=true&pageSize=200')).json();
    expect(missing.items.map((i: { id: string }) => i.id)).toContain(soon.id);
    await call('POST', `/api/leases/${soon.id}/needs-assessments`, { assessedOn: '2026-11-21', outcome: 'continued_need', reasons: 'Behov' });
    const after = (await call('GET', '/api/leases?needsAssessmentMissing=true&pageSize=200')).json();
    expect(after.items.map((i: { id: string }) => i.id)).not.toContain(soon.id);
    expect(after.items.map((i: { id: string }) => i.id)).toContain(later.id);
  });

  it('the dwelling’s leases are split into current and past', async () => {
    const dwellingId = await insertDwelling(db.app, a.tenantId);
    const past = (await call('POST', '/api/leases', direct(dwellingId, await insertPerson(db.app, a.tenantId), { startDate: '2022-01-01', endDate: '2025-01-01' }))).json();
    const current = (await call('POST', '/api/leases', direct(dwellingId, await insertPerson(db.app, a.tenantId), { startDate: '2025-01-01', endDate: '2028-01-01' }))).json();
    const response = (await call('GET', `/api/dwellings/${dwellingId}/leases`)).json();
    expect(response.current.map((l: { id: string }) => l.id)).toEqual([current.id]);
    expect(response.past.map((l: { id: string }) => l.id)).toEqual([past.id]);
    expect((await call('GET', `/api/dwellings/${await insertDwelling(db.app, b.tenantId)}/leases`)).statusCode).toBe(404);
  });
});

describe('insertLease (the import’s entry point)', () => {
  it('a refused row leaves the caller’s transaction usable and writes nothing', async () => {
    const dwellingId = await insertDwelling(db.app, a.tenantId);
    const first = await insertPerson(db.app, a.tenantId);
    const second = await insertPerson(db.app, a.tenantId);
    const before = await leaseWrites(db.app, a.tenantId);
    const ctx = { tenantId: a.tenantId, userId: null, today: '2026-11-21', source: 'import' as const };
    const result = await withTenant(db.app, { tenantId: a.tenantId }, async (trx) => {
      const ok = await insertLease(trx, ctx, direct(dwellingId, first) as never);
      const error = await insertLease(trx, ctx, direct(dwellingId, second) as never).catch((e: unknown) => e);
      // The transaction still works after the refused row.
      const count = await trx.selectFrom('app.lease').select((eb) => eb.fn.countAll<number>().as('n')).where('dwelling_id', '=', dwellingId).executeTakeFirstOrThrow();
      return { ok, error, count: Number(count.n) };
    });
    expect(result.error).toBeInstanceOf(AppError);
    expect((result.error as AppError).code).toBe('lease.overlap');
    expect((result.error as AppError).conflict?.id).toBe(result.ok.id);
    expect(result.count).toBe(1);
    const after = await leaseWrites(db.app, a.tenantId);
    expect(after.lease).toBe(before.lease + 1);
  });
});

describe('concurrency', () => {
  it('50 parallel overlapping leases on one dwelling: exactly one succeeds, 49 get 409 lease.overlap', async () => {
    const dwellingId = await insertDwelling(db.app, a.tenantId);
    const persons = await Promise.all(Array.from({ length: 50 }, (_, i) => insertPerson(db.app, a.tenantId, `Person ${i}`)));
    const responses = await Promise.all(
      persons.map((personId, i) =>
        t.app.inject({
          method: 'POST',
          url: '/api/leases',
          headers: { cookie: office.cookie, 'x-csrf-token': office.csrf },
          payload: direct(dwellingId, personId, { startDate: `2027-01-${String((i % 28) + 1).padStart(2, '0')}`, endDate: '2030-06-01' }),
        }),
      ),
    );
    const codes = responses.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 201)).toHaveLength(1);
    expect(codes.filter((c) => c === 409)).toHaveLength(49);
    const winner = responses.find((r) => r.statusCode === 201)!.json();
    for (const r of responses.filter((x) => x.statusCode === 409)) {
      expect(r.json().code).toBe('lease.overlap');
      expect(r.json().conflict).toEqual({ id: winner.id, reference: winner.reference });
    }
    const rows = await withTenant(db.app, { tenantId: a.tenantId }, (trx) =>
      trx.selectFrom('app.lease').select('id').where('dwelling_id', '=', dwellingId).execute(),
    );
    expect(rows).toHaveLength(1);
  }, 60_000);

  it('50 parallel leases for one person on different dwellings: exactly one succeeds', async () => {
    const personId = await insertPerson(db.app, a.tenantId, 'Samtidig Søker');
    const dwellings = await Promise.all(Array.from({ length: 50 }, () => insertDwelling(db.app, a.tenantId)));
    const responses = await Promise.all(
      dwellings.map((dwellingId) =>
        t.app.inject({
          method: 'POST',
          url: '/api/leases',
          headers: { cookie: office.cookie, 'x-csrf-token': office.csrf },
          payload: direct(dwellingId, personId),
        }),
      ),
    );
    const codes = responses.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 201)).toHaveLength(1);
    expect(codes.filter((c) => c === 409)).toHaveLength(49);
    for (const r of responses.filter((x) => x.statusCode === 409)) expect(r.json().code).toBe('lease.tenant_has_active_lease');
  }, 60_000);
});
