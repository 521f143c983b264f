import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { withTenant } from './db/tenant';
import { findMunicipalityByNumber } from './modules/municipalities/municipalities.usecases';
import { seedDemo } from './seed';
import { seedHousing } from './seed-housing';
import { createTestDatabase, onServer, tableRowCount, type TestDatabase } from './test/database';
import { createTenantFixture } from './test/fixtures';
import { DEMO_HOUSING_DWELLINGS } from '../shared/synthetic/housing';
import { ALLOCATION_DWELLINGS } from './seed-allocation';

// The demo is seeded as of this day (Oslo noon), so counts and reminders do not depend on the clock.
const TODAY = '2025-09-15';
const clock = () => new Date(`${TODAY}T10:00:00Z`);

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.destroy());

async function countRows(tenantId: string) {
  return withTenant(db.app, { tenantId }, async (trx) => {
    const count = (table: string) => tableRowCount(trx, table);
    return {
      buildings: await count('app.building'),
      dwellings: await count('app.dwelling'),
      statusEvents: await count('app.dwelling_status_event'),
      landlords: await count('app.landlord'),
      incidents: await count('app.landlord_incident'),
      persons: await count('app.person'),
      leases: await count('app.lease'),
      needsAssessments: await count('app.needs_assessment'),
      renewals: await count('app.lease_renewal'),
    };
  });
}

describe('the demo housing seed', () => {
  let tenantId: string;

  it(`seeds ${DEMO_HOUSING_DWELLINGS} dwellings with landlords, leases and history into a fresh database, fast`, async () => {
    const started = performance.now();
    const result = await seedDemo({ db: db.app, password: 'husly-demo', clock });
    const elapsed = performance.now() - started;
    expect(result.created).toBe(true);
    tenantId = (await findMunicipalityByNumber(db.app, '1506'))!.tenant_id;

    const counts = await countRows(tenantId);
    // The demo seed adds the allocation batch's dwellings (server/seed-allocation.ts) after these.
    expect(counts.dwellings).toBe(DEMO_HOUSING_DWELLINGS + ALLOCATION_DWELLINGS);
    expect(counts.buildings).toBeGreaterThanOrEqual(5);
    expect(counts.landlords).toBeGreaterThan(10);
    expect(counts.leases).toBeGreaterThan(150);
    expect(counts.renewals).toBeGreaterThanOrEqual(2);
    expect(counts.needsAssessments).toBeGreaterThan(counts.renewals);
    expect(counts.incidents).toBeGreaterThanOrEqual(3);
    // Every dwelling has a history whose latest event is its current status.
    const mismatched = await withTenant(db.app, { tenantId }, (trx) =>
      sql<{ n: number }>`select count(*)::int as n from app.dwelling d
        cross join lateral (select e.status, e.valid_from from app.dwelling_status_event e
          where e.dwelling_id = d.id order by e.changed_at desc, e.valid_from desc limit 1) latest
        where (d.status, d.status_since) is distinct from (latest.status, latest.valid_from)`.execute(trx),
    );
    expect(mismatched.rows[0]!.n).toBe(0);
    // The seeded statuses agree with the leases: the sweep had nothing to correct.
    const corrected = await withTenant(db.app, { tenantId }, (trx) =>
      trx.selectFrom('app.dwelling_status_event').select('id').where('source', '=', 'scheduler').execute(),
    );
    expect(corrected).toEqual([]);
    // Settings for letters point at the refugee service with synthetic contact details.
    const settings = await withTenant(db.app, { tenantId }, (trx) =>
      trx.selectFrom('app.housing_settings').selectAll().executeTakeFirstOrThrow(),
    );
    expect(settings.letter_sender).toMatch(/^Flyktningtjenesten, Molde kommune$/);
    expect(settings.letter_email).toMatch(/@example\.no$/);
    // The one sweep has run: lease-end reminders and internal-rent tasks are waiting.
    const tasks = await withTenant(db.app, { tenantId }, (trx) =>
      trx.selectFrom('app.task').select(['kind', 'dedupe_key']).execute(),
    );
    expect(tasks.length).toBeGreaterThan(0);
    // The demo seed takes well under 2 s on PGlite on its own (about 0.6 s); the bound is loose so a
    // loaded CI machine running test files in parallel does not fail it, yet row-by-row inserts would.
    if (!onServer) expect(elapsed).toBeLessThan(6_000);
  });

  it('does not duplicate anything when run again', async () => {
    const before = await countRows(tenantId);
    const again = await seedHousing({ db: db.app, tenantId, today: TODAY });
    expect(again.created).toBe(false);
    const demo = await seedDemo({ db: db.app, password: 'husly-demo', clock });
    expect(demo.created).toBe(false);
    expect(await countRows(tenantId)).toEqual(before);
  });
});

describe('seeding a municipality that has only a refugee service', () => {
  let fresh: TestDatabase;
  beforeAll(async () => {
    fresh = await createTestDatabase();
  });
  afterAll(() => fresh.destroy());

  it('two seeds at once write the stock exactly once', async () => {
    const { tenantId, unitId } = await createTenantFixture(fresh.app, {
      kommunenummer: '1506',
      slug: 'molde',
      roles: ['admin', 'boligkontor'],
    });
    const results = await Promise.all([
      seedHousing({ db: fresh.app, tenantId, today: TODAY, size: 60 }),
      seedHousing({ db: fresh.app, tenantId, today: TODAY, size: 60 }),
    ]);
    expect(results.map((r) => r.created).sort()).toEqual([false, true]);
    const created = results.find((r) => r.created)!;
    const counts = await withTenant(fresh.app, { tenantId }, async (trx) => ({
      dwellings: await trx.selectFrom('app.dwelling').select(['id', 'disposing_unit_id']).execute(),
      leases: (await trx.selectFrom('app.lease').select('id').execute()).length,
    }));
    expect(counts.dwellings).toHaveLength(60);
    expect(counts.leases).toBe(created.counts.leases);
    // The only unit disposes of every dwelling.
    expect(new Set(counts.dwellings.map((d) => d.disposing_unit_id))).toEqual(new Set([unitId]));
  });
});
