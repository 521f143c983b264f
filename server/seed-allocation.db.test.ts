import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BatchCandidatesResponse, RunDto } from '../shared/api/allocation';
import { DEFAULT_ALLOCATION_CRITERIA } from '../shared/domain/allocation-criteria';
import { withTenant } from './db/tenant';
import { findMunicipalityByNumber } from './modules/municipalities/municipalities.usecases';
import { seedDemo } from './seed';
import { ALLOCATION_DWELLINGS, ALLOCATION_HOUSEHOLDS, seedAllocation } from './seed-allocation';
import { createTestApp, injectAs, login, type TestApp } from './test/app';
import { createTestDatabase, type TestDatabase } from './test/database';

// The demo's allocation (server/seed-allocation.ts) through the demo seed: criteria version 1 and
// the settings; a batch that gives the workbench something to show — proposals, households left
// without a dwelling with a reason, the support cap binding — and a second run that changes nothing.

const TODAY = '2026-11-21';
const clock = () => new Date(`${TODAY}T09:00:00Z`);

let db: TestDatabase;
let t: TestApp;
let tenantId: string;
beforeAll(async () => {
  db = await createTestDatabase();
  await seedDemo({ db: db.app, password: 'husly-demo-passord', clock });
  tenantId = (await findMunicipalityByNumber(db.app, '1506'))!.tenant_id;
  t = await createTestApp(db);
}, 120_000);
afterAll(async () => {
  await t.app.close();
  await db.destroy();
});

describe('the demo allocation seed', () => {
  it('stores criteria version 1 and the settings with where appeals go', async () => {
    const rows = await withTenant(db.app, { tenantId }, async (trx) => ({
      criteria: await trx.selectFrom('app.allocation_criteria_version').selectAll().execute(),
      settings: await trx.selectFrom('app.allocation_settings').selectAll().executeTakeFirstOrThrow(),
    }));
    expect(rows.criteria).toHaveLength(1);
    expect(rows.criteria[0]).toMatchObject({ version: 1, note: 'Husly standard', criteria: DEFAULT_ALLOCATION_CRITERIA });
    expect(rows.settings).toMatchObject({ appeal_office: 'Boligkontoret, Molde kommune', appeal_body: 'Kommunens klagenemnd', offer_answer_days: 7 });
  });

  it('gives the workbench a batch with proposals, unassigned households and a binding support cap', async () => {
    const staff = await withTenant(db.app, { tenantId }, (trx) =>
      trx.selectFrom('app.staff_user').select(['email', 'roles']).orderBy('email').execute(),
    );
    const bosetter = staff.find((s) => s.roles.includes('bosetter'))!;
    const session = await login(t.app, bosetter.email, 'husly-demo-passord');
    const candidates = (await injectAs(t.app, session, 'GET', '/api/allocation/candidates')).json<BatchCandidatesResponse>();
    expect(candidates.households.length).toBeGreaterThanOrEqual(8);
    expect(candidates.households.filter((h) => h.supportNeed).length).toBeGreaterThanOrEqual(3);
    expect(candidates.households.some((h) => h.accessibility === 'wheelchair')).toBe(true);
    expect(new Set(candidates.households.map((h) => h.compositionKind)).size).toBeGreaterThanOrEqual(4);
    const inBuildings = candidates.dwellings.filter((d) => d.buildingId);
    expect(inBuildings.length).toBeGreaterThanOrEqual(12);
    expect(new Set(inBuildings.map((d) => d.buildingId)).size).toBeGreaterThanOrEqual(3);

    const response = await injectAs(t.app, session, 'POST', '/api/allocation/runs', {
      householdIds: candidates.households.map((h) => h.id),
      dwellingIds: candidates.dwellings.map((d) => d.id),
      plannedMoveIn: '2026-12-15',
    });
    expect(response.statusCode, response.body).toBe(201);
    const run = response.json<RunDto>();
    expect(run.result.proposals.length).toBeGreaterThanOrEqual(6);
    expect(run.result.unassigned.length).toBeGreaterThanOrEqual(1);
    expect(run.result.quality.withGroups).toBe(true);
    // The support cap (2 per building) is full in Fjellvegen 3, which four households with a
    // support need would all prefer.
    const fjellvegen = run.result.buildings.find((b) => b.name === 'Fjellvegen 3')!;
    expect(fjellvegen.after.support).toBe(DEFAULT_ALLOCATION_CRITERIA.composition.supportPerBuildingMax);
    expect(candidates.households.filter((h) => h.supportNeed).length).toBeGreaterThan(2);
  });

  it('changes nothing when run again', async () => {
    const again = await seedAllocation({ db: db.app, tenantId, today: TODAY });
    expect(again.created).toBe(false);
    expect(ALLOCATION_HOUSEHOLDS.length).toBeGreaterThanOrEqual(6);
    const dwellings = await withTenant(db.app, { tenantId }, (trx) =>
      trx.selectFrom('app.dwelling').select('id').where('reference', 'like', 'T-%').execute(),
    );
    expect(dwellings).toHaveLength(ALLOCATION_DWELLINGS);
  });
});
