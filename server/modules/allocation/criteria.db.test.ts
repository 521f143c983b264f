import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AllocationSettingsDto, CriteriaResponse, CriteriaVersionDto } from '../../../shared/api/allocation';
import { DEFAULT_ALLOCATION_CRITERIA, DEFAULT_REFUSAL_REASONS } from '../../../shared/domain/allocation-criteria';
import { withTenant } from '../../db/tenant';
import { createTestApp, login, type LoggedIn, type TestApp } from '../../test/app';
import { createTestDatabase, type TestDatabase } from '../../test/database';
import { createTenantFixture, TEST_PASSWORD, type TenantFixture } from '../../test/fixtures';
import { api } from '../households/households.test-support';
import { criteriaProblems } from './criteria.usecases';

// Criteria versions and allocation settings through the HTTP API (issue 6 item 1; R5.2, R5.6):
// version 1 = Husly's defaults on first use; a save is a new version based on the current one
// (an edit from an older one is refused); cross-field checks with pointers; past versions never
// change (the database refuses an UPDATE); the settings with their defaults, If-Match and unique
// refusal reason codes.

let db: TestDatabase;
let t: TestApp;
let a: TenantFixture;
let worker: LoggedIn;
let call: ReturnType<typeof api>;

beforeAll(async () => {
  db = await createTestDatabase();
  a = await createTenantFixture(db.app, { kommunenummer: '1506', slug: 'molde', roles: ['admin', 'bosetter'] });
  t = await createTestApp(db);
  worker = await login(t.app, a.users.bosetter.email, TEST_PASSWORD);
  call = api(() => t.app, worker);
}, 120_000);
afterAll(async () => {
  await t.app.close();
  await db.destroy();
});

const changed = { ...DEFAULT_ALLOCATION_CRITERIA, weights: { ...DEFAULT_ALLOCATION_CRITERIA.weights, school: 9 } };

describe('criteria versions', () => {
  it('starts with version 1, Husly’s defaults', async () => {
    const response = await call('GET', '/api/allocation/criteria');
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json<CriteriaResponse>();
    expect(body.current).toMatchObject({ version: 1, criteria: DEFAULT_ALLOCATION_CRITERIA, note: 'Husly standard', createdBy: null });
    expect(body).toMatchObject({ history: [], actions: { update: true } });
  });

  it('saves a change as the next version and keeps the earlier one as it was', async () => {
    const response = await call('POST', '/api/allocation/criteria', { basedOn: 1, criteria: changed, note: 'Skole viktigere' });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json<CriteriaVersionDto>()).toMatchObject({ version: 2, note: 'Skole viktigere', createdBy: expect.any(String) });
    const all = (await call('GET', '/api/allocation/criteria')).json<CriteriaResponse>();
    expect(all.current.version).toBe(2);
    expect(all.current.criteria.weights.school).toBe(9);
    expect(all.history.map((h) => h.version)).toEqual([1]);
    const first = await call('GET', '/api/allocation/criteria/1');
    expect(first.json<CriteriaVersionDto>().criteria).toEqual(DEFAULT_ALLOCATION_CRITERIA);
    expect((await call('GET', '/api/allocation/criteria/99')).statusCode).toBe(404);
  });

  it('refuses an edit based on an older version', async () => {
    const response = await call('POST', '/api/allocation/criteria', { basedOn: 1, criteria: changed, note: 'Gammel utgave' });
    expect(response.statusCode, response.body).toBe(409);
    expect(response.json().code).toBe('allocation.criteria_outdated');
  });

  it('refuses criteria that contradict themselves, with pointers, writing nothing', async () => {
    const bad = {
      ...DEFAULT_ALLOCATION_CRITERIA,
      proximity: { goodMinutes: 30, maxMinutes: 30 },
      weights: Object.fromEntries(Object.keys(DEFAULT_ALLOCATION_CRITERIA.weights).map((k) => [k, 0])),
    };
    const response = await call('POST', '/api/allocation/criteria', { basedOn: 2, criteria: bad, note: 'Feil' });
    expect(response.statusCode, response.body).toBe(422);
    expect(response.json()).toMatchObject({ code: 'allocation.criteria_invalid' });
    expect(response.json().errors).toEqual([
      { pointer: '/criteria/proximity/goodMinutes', code: 'allocation.criteria_invalid' },
      { pointer: '/criteria/weights', code: 'allocation.criteria_invalid' },
    ]);
    expect((await call('GET', '/api/allocation/criteria')).json<CriteriaResponse>().current.version).toBe(2);
  });

  it('a base score no larger than the soft criteria together is refused (housing as many as possible comes first)', () => {
    expect(criteriaProblems(DEFAULT_ALLOCATION_CRITERIA)).toEqual([]);
    expect(criteriaProblems({ ...DEFAULT_ALLOCATION_CRITERIA, baseScore: 460 })).toEqual([{ pointer: '/criteria/baseScore', code: 'allocation.criteria_invalid' }]);
    expect(criteriaProblems({ ...DEFAULT_ALLOCATION_CRITERIA, earmarkingsForSettlement: ['none', 'none'] })).toEqual([
      { pointer: '/criteria/earmarkingsForSettlement', code: 'allocation.criteria_invalid' },
    ]);
  });

  it('never changes a past version: the database refuses an UPDATE', async () => {
    await expect(
      withTenant(db.app, { tenantId: a.tenantId }, (trx) =>
        trx.updateTable('app.allocation_criteria_version').set({ note: 'endret' }).where('version', '=', 1).execute(),
      ),
    ).rejects.toThrow(/permission denied/);
  });
});

describe('allocation settings', () => {
  it('has defaults: Husly’s refusal reasons, 7 days, appeals to the letters’ sender', async () => {
    const response = await call('GET', '/api/allocation/settings');
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json<AllocationSettingsDto>();
    expect(body).toMatchObject({ refusalReasons: DEFAULT_REFUSAL_REASONS.map((r) => ({ ...r })), offerAnswerDays: 7, version: 1, actions: { update: true } });
    expect(body.appealOffice).toMatch(/kommune/i);
    expect(response.headers.etag).toBe('"1"');
  });

  it('changes with If-Match, and refuses duplicate reason codes and stale versions', async () => {
    const missing = await call('PUT', '/api/allocation/settings', { offerAnswerDays: 10 });
    expect(missing.statusCode).toBe(428);
    const duplicate = await call(
      'PUT',
      '/api/allocation/settings',
      { refusalReasons: [{ code: 'rent', label: 'Husleie' }, { code: 'rent', label: 'Leie' }] },
      { 'if-match': '"1"' },
    );
    expect(duplicate.statusCode, duplicate.body).toBe(400);
    expect(duplicate.json()).toMatchObject({ code: 'request.invalid', errors: [{ pointer: '/refusalReasons/1/code', code: 'request.invalid' }] });
    const ok = await call(
      'PUT',
      '/api/allocation/settings',
      { offerAnswerDays: 10, appealOffice: 'Boligkontoret, Molde kommune', appealBody: 'Kommunens klagenemnd' },
      { 'if-match': '"1"' },
    );
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json<AllocationSettingsDto>()).toMatchObject({ offerAnswerDays: 10, appealOffice: 'Boligkontoret, Molde kommune', appealBody: 'Kommunens klagenemnd', version: 2 });
    const stale = await call('PUT', '/api/allocation/settings', { offerAnswerDays: 5 }, { 'if-match': '"1"' });
    expect(stale.statusCode).toBe(412);
    expect((await call('GET', '/api/allocation/settings')).json<AllocationSettingsDto>().offerAnswerDays).toBe(10);
  });
});
