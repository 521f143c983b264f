import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { matchingDomainInput, type BatchCandidatesResponse, type RunDto, type RunListResponse } from '../../../shared/api/allocation';
import { withTenant } from '../../db/tenant';
import { createTestApp, login, type LoggedIn, type TestApp } from '../../test/app';
import { createTestDatabase, type TestDatabase } from '../../test/database';
import { createTenantFixture, TEST_PASSWORD, type TenantFixture } from '../../test/fixtures';
import { api } from '../households/households.test-support';
import { insertBuilding, insertDwellings, insertHouseholds } from './allocation.test-support';
import { insertReservedOffer } from './offers.test-support';

// The workbench's batch and runs through the HTTP API on a real database: the candidates (who is
// in, who is not), a run built from the database (ages on the planned move-in, bedroom needs,
// languages, waiting days, the building's current residents), stored and read back, the domain
// form download, the refusals of a batch with non-candidates or stray locks, another
// municipality's run. The test clock stands on 2026-11-21.

let db: TestDatabase;
let t: TestApp;
let a: TenantFixture;
let b: TenantFixture;
let worker: LoggedIn;
let call: ReturnType<typeof api>;

const own = () => ({ tenantId: a.tenantId, unitId: a.unitId });

let family: string;
let single: string;
let wheelchair: string;
let buildingId: string;
let flats: string[];
let settledSupport: string;

beforeAll(async () => {
  db = await createTestDatabase();
  a = await createTenantFixture(db.app, { kommunenummer: '1506', slug: 'molde', roles: ['admin', 'bosetter', 'nav_veileder'] });
  b = await createTenantFixture(db.app, { kommunenummer: '1804', slug: 'bodo', roles: ['admin', 'bosetter'] });
  t = await createTestApp(db);
  worker = await login(t.app, a.users.bosetter.email, TEST_PASSWORD);
  call = api(() => t.app, worker);
  buildingId = await insertBuilding(db.app, a.tenantId, 'Fjellvegen');
  flats = await insertDwellings(db.app, a.tenantId, [
    { buildingId, bedrooms: 3, capacity: 6, rentOre: 1_100_000, walkMinSchool: 5 },
    { buildingId, bedrooms: 1, capacity: 2, rentOre: 750_000 },
    { buildingId, bedrooms: 2, capacity: 4, rentOre: 900_000, wheelchair: true, floor: 0 },
  ]);
  [family, single, wheelchair] = (await insertHouseholds(db.app, own(), [
    {
      members: [
        { relation: 'main', birthDate: '1985-03-01', language: 'ti' },
        { relation: 'spouse', birthDate: '1988-07-12', language: 'ti' },
        { relation: 'child', birthDate: '2016-02-02' },
        { relation: 'child', birthDate: '2021-04-04' },
      ],
      permitDate: '2026-05-01',
    },
    { members: [{ relation: 'main', birthDate: '2001-01-01', language: 'ar' }], supportNeed: true },
    { members: [{ relation: 'main', birthDate: '1955-09-09' }], accessibility: 'wheelchair', permitDate: null },
  ])) as [string, string, string];
  // Already living in the building: a settled household with a support need (composition "before").
  const [home] = await insertDwellings(db.app, a.tenantId, [{ buildingId, status: 'let' }]);
  [settledSupport] = (await insertHouseholds(db.app, own(), [
    { state: 'settled', supportNeed: true, reservedDwellingId: home!, members: [{ relation: 'main', birthDate: '1970-01-01', language: 'so' }] },
  ])) as [string];
}, 120_000);
afterAll(async () => {
  await t.app.close();
  await db.destroy();
});

async function auditCount(entity: string, subjectId: string) {
  return withTenant(db.app, { tenantId: a.tenantId }, async (trx) =>
    Number(
      (
        await trx
          .selectFrom('app.audit_log')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .where('entity', '=', entity)
          .where('subject_id', '=', subjectId)
          .executeTakeFirstOrThrow()
      ).n,
    ),
  );
}

describe('the batch candidates', () => {
  it('lists accepted households without a live offer and dwellings that can be allocated, audited', async () => {
    const offered = await insertReservedOffer(db.app, own());
    const response = await call('GET', '/api/allocation/candidates');
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json<BatchCandidatesResponse>();
    const ids = body.households.map((h) => h.id);
    expect(ids).toEqual(expect.arrayContaining([family, single, wheelchair]));
    expect(ids).not.toContain(offered.householdId);
    expect(ids).not.toContain(settledSupport);
    const f = body.households.find((h) => h.id === family)!;
    expect(f).toMatchObject({ persons: 4, compositionKind: 'family_with_children', bedroomsNeeded: 2, supportNeed: false, accessibility: 'none' });
    expect(f.mainPersonName).toMatch(/^Testperson/);
    expect(f.waitingDays).toBe(204);
    expect(body.households.find((h) => h.id === wheelchair)).toMatchObject({ accessibility: 'wheelchair', waitingDays: null });
    const dwellingIds = body.dwellings.map((d) => d.id);
    expect(dwellingIds).toEqual(expect.arrayContaining(flats));
    expect(dwellingIds).not.toContain(offered.dwellingId);
    expect(body.dwellings.find((d) => d.id === flats[0])).toMatchObject({ buildingName: 'Fjellvegen', bedrooms: 3, rentOre: 1_100_000 });
    expect(body).toMatchObject({ availableBy: '2026-12-21', criteriaVersion: 1 });
    expect(await auditCount('allocation_batch', family)).toBe(1);
  });

  it('is refused to roles without read:allocation (the NAV adviser)', async () => {
    const nav = await login(t.app, a.users.nav_veileder.email, TEST_PASSWORD);
    const response = await api(() => t.app, nav)('GET', '/api/allocation/candidates');
    expect(response.statusCode).toBe(403);
    expect(response.body).not.toContain('Testperson');
  });
});

describe('a run', () => {
  let run: RunDto;

  it('builds the instance from the database, runs the matcher and stores the run', async () => {
    const response = await call('POST', '/api/allocation/runs', {
      householdIds: [family, single, wheelchair],
      dwellingIds: flats,
      plannedMoveIn: '2026-12-01',
    });
    expect(response.statusCode, response.body).toBe(201);
    run = response.json<RunDto>();
    expect(run).toMatchObject({ criteriaVersion: 1, plannedMoveIn: '2026-12-01', previousRunId: null, locks: [] });
    const byHousehold = new Map(run.result.proposals.map((p) => [p.householdId, p.dwellingId]));
    // The family needs two bedrooms (children share), gets the 3-bedroom flat near school (max one
    // extra bedroom); the wheelchair user the accessible flat; the young single the one-bedroom.
    expect(byHousehold.get(family)).toBe(flats[0]);
    expect(byHousehold.get(wheelchair)).toBe(flats[2]);
    expect(byHousehold.get(single)).toBe(flats[1]);
    for (const p of run.result.proposals) expect(p.contributions.reduce((s, c) => s + c.points, 0)).toBe(p.score);
    expect(run.households.find((h) => h.id === family)).toMatchObject({ persons: 4, bedroomsNeeded: 2 });
    expect(run.dwellings.find((d) => d.id === flats[0])).toMatchObject({ buildingName: 'Fjellvegen', address: 'Fjordgata 4, 6413' });
    // The settled household with a support need already lives there: 1 before, 2 after.
    const building = run.result.buildings.find((x) => x.buildingId === buildingId)!;
    expect(building.before).toMatchObject({ households: 1, support: 1, languages: ['so'] });
    expect(building.after.support).toBe(2);
    expect(await auditCount('allocation_run', single)).toBe(1);
  });

  it('reads back the stored run and lists it among the recent runs', async () => {
    const again = await call('GET', `/api/allocation/runs/${run.id}`);
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json<RunDto>().result).toEqual(run.result);
    expect(again.json<RunDto>().households).toEqual(run.households);
    const list = await call('GET', '/api/allocation/runs?limit=5');
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json<RunListResponse>().items[0]).toMatchObject({ id: run.id, households: 3, dwellings: 3, proposals: 3, criteriaVersion: 1 });
  });

  it('downloads the instance in the domain form, without names, as an audited export', async () => {
    const response = await call('GET', `/api/allocation/runs/${run.id}/instance`);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-disposition']).toBe(`attachment; filename="husly-tildeling-${run.id}.json"`);
    const instance = matchingDomainInput.parse(response.json());
    expect(response.body).not.toContain('Testperson');
    const f = instance.households.find((h) => h.id === family)!;
    expect(f).toMatchObject({ memberAges: [41, 38, 10, 5], persons: 4, bedroomsNeeded: 2, languages: ['ti'], waitingDays: 214, children: 2, adults: 2 });
    expect(instance.households.find((h) => h.id === wheelchair)).toMatchObject({ accessibility: 'wheelchair', waitingDays: null, memberAges: [71] });
    expect(instance.buildings).toEqual([
      expect.objectContaining({ id: buildingId, name: 'Fjellvegen', dwellingCount: 4 }),
    ]);
    expect(instance.areas).toEqual([{ key: 'Sentrum', dwellingCount: expect.any(Number), settlementDwellings: expect.any(Number) }]);
    expect(await auditCount('allocation_run', family)).toBeGreaterThanOrEqual(2);
  });

  it('re-runs with a lock, recording the previous run', async () => {
    const response = await call('POST', '/api/allocation/runs', {
      householdIds: [family, single, wheelchair],
      dwellingIds: flats,
      plannedMoveIn: '2026-12-01',
      locks: [{ householdId: single, dwellingId: flats[2], kind: 'force' }],
      previousRunId: run.id,
    });
    expect(response.statusCode, response.body).toBe(201);
    const rerun = response.json<RunDto>();
    expect(rerun.previousRunId).toBe(run.id);
    expect(rerun.result.proposals.find((p) => p.householdId === single)).toMatchObject({ dwellingId: flats[2], locked: true });
    // The wheelchair user loses the only accessible flat and is told why.
    expect(rerun.result.unassigned.map((u) => u.householdId)).toContain(wheelchair);
  });

  it('refuses households and dwellings that are not candidates, naming them', async () => {
    const offered = await insertReservedOffer(db.app, own());
    const before = await runCount();
    const response = await call('POST', '/api/allocation/runs', {
      householdIds: [family, offered.householdId, family],
      dwellingIds: [flats[0], offered.dwellingId],
      plannedMoveIn: '2026-12-01',
    });
    expect(response.statusCode, response.body).toBe(422);
    expect(response.json().code).toBe('allocation.batch_invalid');
    expect(response.json().errors).toEqual([
      { pointer: '/householdIds/1', code: 'allocation.batch_invalid' },
      { pointer: '/householdIds/2', code: 'allocation.batch_invalid' },
      { pointer: '/dwellingIds/1', code: 'allocation.batch_invalid' },
    ]);
    expect(await runCount()).toBe(before);
  });

  it('refuses a lock outside the batch', async () => {
    const response = await call('POST', '/api/allocation/runs', {
      householdIds: [family],
      dwellingIds: [flats[0]!],
      plannedMoveIn: '2026-12-01',
      locks: [{ householdId: family, dwellingId: flats[1], kind: 'forbid' }],
    });
    expect(response.statusCode, response.body).toBe(422);
    expect(response.json()).toMatchObject({ code: 'allocation.lock_invalid', errors: [{ pointer: '/locks/0', code: 'allocation.lock_invalid' }] });
  });

  it('is 404 for another municipality’s run', async () => {
    const other = await login(t.app, b.users.bosetter.email, TEST_PASSWORD);
    for (const url of [`/api/allocation/runs/${run.id}`, `/api/allocation/runs/${run.id}/instance`]) {
      const response = await api(() => t.app, other)('GET', url);
      expect(response.statusCode).toBe(404);
    }
  });
});

async function runCount() {
  return withTenant(db.app, { tenantId: a.tenantId }, async (trx) =>
    Number((await trx.selectFrom('app.allocation_run').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n),
  );
}
