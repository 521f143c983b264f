import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OfferDto, RunDto } from '../../../shared/api/allocation';
import { withTenant } from '../../db/tenant';
import { createTestApp, login, type LoggedIn, type TestApp } from '../../test/app';
import { createTestDatabase, type TestDatabase } from '../../test/database';
import { createTenantFixture, TEST_PASSWORD, type TenantFixture } from '../../test/fixtures';
import { api, dwellingStatus } from '../households/households.test-support';
import { insertDwellings, insertHouseholds } from './allocation.test-support';

// Reserving a run's proposals through the HTTP API (issue 6 item 5): the offer with the
// proposal's explanation and the household's step to dwelling_reserved in one transaction;
// all-or-nothing; only the run's proposals. THE CONCURRENCY TEST: two staff members reserving the
// same dwelling at once (two real concurrent requests) → exactly one 201, the other 409
// allocation.dwelling_reserved; the same household from two runs → one 201, one 409
// allocation.household_has_offer. Runs on PGlite and on PostgreSQL (TEST_DATABASE_URL).

let db: TestDatabase;
let t: TestApp;
let a: TenantFixture;
let b: TenantFixture;
let worker: LoggedIn;
let office: LoggedIn;
let call: ReturnType<typeof api>;

const own = () => ({ tenantId: a.tenantId, unitId: a.unitId });

beforeAll(async () => {
  db = await createTestDatabase();
  a = await createTenantFixture(db.app, { kommunenummer: '1506', slug: 'molde', roles: ['admin', 'bosetter', 'boligkontor'] });
  b = await createTenantFixture(db.app, { kommunenummer: '1804', slug: 'bodo', roles: ['admin', 'bosetter'] });
  t = await createTestApp(db);
  worker = await login(t.app, a.users.bosetter.email, TEST_PASSWORD);
  office = await login(t.app, a.users.boligkontor.email, TEST_PASSWORD);
  call = api(() => t.app, worker);
}, 120_000);
afterAll(async () => {
  await t.app.close();
  await db.destroy();
});

async function runOf(householdIds: string[], dwellingIds: string[]): Promise<RunDto> {
  const response = await call('POST', '/api/allocation/runs', { householdIds, dwellingIds, plannedMoveIn: '2026-12-01' });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<RunDto>();
}

const singles = (n: number) => insertHouseholds(db.app, own(), Array.from({ length: n }, () => ({})));
const flats = (n: number) => insertDwellings(db.app, a.tenantId, Array.from({ length: n }, () => ({ bedrooms: 1 })));

async function householdOf(id: string) {
  return withTenant(db.app, { tenantId: a.tenantId }, (trx) =>
    trx.selectFrom('app.household').select(['pipeline_state', 'reserved_dwelling_id', 'version']).where('id', '=', id).executeTakeFirstOrThrow(),
  );
}

async function liveOffers(filter: { householdId?: string; dwellingId?: string }) {
  return withTenant(db.app, { tenantId: a.tenantId }, async (trx) => {
    let q = trx.selectFrom('app.allocation_offer').select(['id', 'state', 'household_id', 'dwelling_id']).where('state', 'in', ['reserved', 'offered', 'accepted']);
    if (filter.householdId) q = q.where('household_id', '=', filter.householdId);
    if (filter.dwellingId) q = q.where('dwelling_id', '=', filter.dwellingId);
    return q.execute();
  });
}

describe('reserving proposals', () => {
  it('creates the offers with the explanation and moves the households to dwelling_reserved', async () => {
    const hs = await singles(2);
    const ds = await flats(2);
    const run = await runOf(hs, ds);
    expect(run.result.proposals).toHaveLength(2);
    const pairs = run.result.proposals.map((p) => ({ householdId: p.householdId, dwellingId: p.dwellingId }));
    const response = await call('POST', `/api/allocation/runs/${run.id}/reserve`, { pairs });
    expect(response.statusCode, response.body).toBe(201);
    const items = response.json<{ items: OfferDto[] }>().items;
    expect(items).toHaveLength(2);
    for (const [i, offer] of items.entries()) {
      const proposal = run.result.proposals[i]!;
      expect(offer).toMatchObject({
        householdId: proposal.householdId,
        dwellingId: proposal.dwellingId,
        runId: run.id,
        criteriaVersion: 1,
        state: 'reserved',
        score: proposal.score,
        contributions: proposal.contributions,
        actions: { offer: true, withdraw: true },
      });
      expect(await householdOf(proposal.householdId)).toMatchObject({ pipeline_state: 'dwelling_reserved', reserved_dwelling_id: proposal.dwellingId });
      expect(await dwellingStatus(db.app, a.tenantId, proposal.dwellingId)).toBe('reserved');
    }
    // Reserved households and dwellings are no longer candidates.
    const again = await call('POST', '/api/allocation/runs', { householdIds: [hs[0]], dwellingIds: [ds[0]], plannedMoveIn: '2026-12-01' });
    expect(again.statusCode).toBe(422);
  });

  it('refuses a pair the run did not propose, writing nothing', async () => {
    const hs = await singles(2);
    const ds = await flats(2);
    const run = await runOf(hs, ds);
    const [p0, p1] = run.result.proposals;
    const response = await call('POST', `/api/allocation/runs/${run.id}/reserve`, {
      pairs: [
        { householdId: p0!.householdId, dwellingId: p0!.dwellingId },
        { householdId: p0!.householdId, dwellingId: p1!.dwellingId },
      ],
    });
    expect(response.statusCode, response.body).toBe(422);
    expect(response.json()).toMatchObject({ code: 'allocation.pair_not_proposed', errors: [{ pointer: '/pairs/1', code: 'allocation.pair_not_proposed' }] });
    expect(await liveOffers({ householdId: p0!.householdId })).toEqual([]);
    expect((await householdOf(p0!.householdId)).pipeline_state).toBe('accepted');
  });

  it('is all or nothing: a pair that fails rolls back the pairs before it', async () => {
    const hs = await singles(2);
    const ds = await flats(2);
    const run = await runOf(hs, ds);
    const [p0, p1] = run.result.proposals;
    // The second household left the pipeline after the run.
    await withTenant(db.app, { tenantId: a.tenantId }, (trx) =>
      trx.updateTable('app.household').set({ pipeline_state: 'withdrawn' }).where('id', '=', p1!.householdId).execute(),
    );
    const response = await call('POST', `/api/allocation/runs/${run.id}/reserve`, {
      pairs: [p0!, p1!].map((p) => ({ householdId: p.householdId, dwellingId: p.dwellingId })),
    });
    expect(response.statusCode, response.body).toBeGreaterThanOrEqual(400);
    expect(await liveOffers({ householdId: p0!.householdId })).toEqual([]);
    expect(await householdOf(p0!.householdId)).toMatchObject({ pipeline_state: 'accepted', reserved_dwelling_id: null });
    expect(await dwellingStatus(db.app, a.tenantId, p0!.dwellingId)).toBe('ready');
  });

  it('is 404 for another municipality’s run', async () => {
    const hs = await singles(1);
    const ds = await flats(1);
    const run = await runOf(hs, ds);
    const other = await login(t.app, b.users.bosetter.email, TEST_PASSWORD);
    const response = await api(() => t.app, other)('POST', `/api/allocation/runs/${run.id}/reserve`, {
      pairs: [{ householdId: hs[0], dwellingId: ds[0] }],
    });
    expect(response.statusCode).toBe(404);
  });
});

describe('two staff members reserving at once (concurrency)', () => {
  it('the same dwelling from two runs: exactly one succeeds, the other gets allocation.dwelling_reserved', async () => {
    const [h1, h2] = (await singles(2)) as [string, string];
    const [d] = (await flats(1)) as [string];
    // Two runs made before either reservation, each proposing the one dwelling to another household.
    const run1 = await runOf([h1], [d]);
    const run2 = await runOf([h2], [d]);
    const [r1, r2] = await Promise.all([
      call('POST', `/api/allocation/runs/${run1.id}/reserve`, { pairs: [{ householdId: h1, dwellingId: d }] }),
      api(() => t.app, office)('POST', `/api/allocation/runs/${run2.id}/reserve`, { pairs: [{ householdId: h2, dwellingId: d }] }),
    ]);
    const statuses = [r1.statusCode, r2.statusCode].sort();
    expect(statuses, `${r1.body} ${r2.body}`).toEqual([201, 409]);
    const loser = r1.statusCode === 409 ? r1 : r2;
    expect(loser.json().code).toBe('allocation.dwelling_reserved');
    const offers = await liveOffers({ dwellingId: d });
    expect(offers).toHaveLength(1);
    const winner = offers[0]!.household_id;
    const other = winner === h1 ? h2 : h1;
    expect(await householdOf(winner)).toMatchObject({ pipeline_state: 'dwelling_reserved', reserved_dwelling_id: d });
    expect(await householdOf(other)).toMatchObject({ pipeline_state: 'accepted', reserved_dwelling_id: null });
    expect(await dwellingStatus(db.app, a.tenantId, d)).toBe('reserved');
  });

  it('the same household from two runs: exactly one succeeds, the other gets allocation.household_has_offer', async () => {
    const [h] = (await singles(1)) as [string];
    const [d1, d2] = (await flats(2)) as [string, string];
    const run1 = await runOf([h], [d1]);
    const run2 = await runOf([h], [d2]);
    const [r1, r2] = await Promise.all([
      call('POST', `/api/allocation/runs/${run1.id}/reserve`, { pairs: [{ householdId: h, dwellingId: d1 }] }),
      api(() => t.app, office)('POST', `/api/allocation/runs/${run2.id}/reserve`, { pairs: [{ householdId: h, dwellingId: d2 }] }),
    ]);
    expect([r1.statusCode, r2.statusCode].sort(), `${r1.body} ${r2.body}`).toEqual([201, 409]);
    expect((r1.statusCode === 409 ? r1 : r2).json().code).toBe('allocation.household_has_offer');
    const offers = await liveOffers({ householdId: h });
    expect(offers).toHaveLength(1);
    const lost = offers[0]!.dwelling_id === d1 ? d2 : d1;
    expect(await dwellingStatus(db.app, a.tenantId, lost)).toBe('ready');
    expect(await liveOffers({ dwellingId: lost })).toEqual([]);
  });
});
