import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { CalendarDate } from '../shared/domain/calendar-date';
import { generateHousing, type HousingSize, type SyntheticHousing } from '../shared/synthetic/housing';
import type { DB } from './db/schema';
import { withTenant, type Tx } from './db/tenant';

// Writes a synthetic housing stock (shared/synthetic/housing.ts) into one municipality: buildings,
// dwellings with their initial status history, landlords and incidents, tenants, head leases and
// leases, needs assessments and renewals, and the letter settings. Runs on the runtime handle
// under row-level security like any request, in ONE transaction: a failure leaves nothing behind,
// and a municipality that already has dwellings is left alone (idempotent).
//
// The rows go in as multi-row INSERTs in batches, and every constraint of migration 0005 checks
// them on the way in (lease_no_overlap, deposit ≤ 6 months' rent, rooms under a shared dwelling…).
// Status history is written as the initial events of each dwelling here, not through
// setDwellingStatus: these are not changes of an existing dwelling's status but its recorded past.

export const HOUSING_SEED = 2026;

// PostgreSQL allows 65 535 bind parameters per statement; a dwelling row has about 60 columns.
const BATCH_ROWS = 500;

export type SeedHousingResult = {
  created: boolean;
  counts: {
    buildings: number;
    dwellings: number;
    statusEvents: number;
    landlords: number;
    incidents: number;
    persons: number;
    leases: number;
    needsAssessments: number;
    renewals: number;
  };
};

const noCounts = (): SeedHousingResult['counts'] => ({
  buildings: 0,
  dwellings: 0,
  statusEvents: 0,
  landlords: 0,
  incidents: 0,
  persons: 0,
  leases: 0,
  needsAssessments: 0,
  renewals: 0,
});

/**
 * Seeds the municipality's housing stock unless it already has dwellings. Disposing units are
 * the municipality's boligkontor and flyktningtjeneste (any unit if it has neither); leases are
 * signed and needs assessments recorded by its housing and settlement staff.
 */
export async function seedHousing({
  db,
  tenantId,
  today,
  seed = HOUSING_SEED,
  size = 'demo',
}: {
  db: Kysely<DB>;
  tenantId: string;
  today: CalendarDate;
  seed?: number;
  size?: HousingSize;
}): Promise<SeedHousingResult> {
  return withTenant(db, { tenantId }, async (trx) => {
    // Two seeds of one municipality at once: the second waits here, then finds the dwellings.
    await sql`select pg_advisory_xact_lock(hashtext(${`seed-housing:${tenantId}`}))`.execute(trx);
    const existing = await trx.selectFrom('app.dwelling').select('id').limit(1).executeTakeFirst();
    if (existing) return { created: false, counts: noCounts() };

    const municipality = await trx
      .selectFrom('app.municipality')
      .select(['kommunenummer', 'name'])
      .executeTakeFirstOrThrow();
    const units = await trx
      .selectFrom('app.unit')
      .select(['id', 'kind', 'name'])
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    const disposing = units.filter((u) => u.kind === 'boligkontor' || u.kind === 'flyktningtjeneste');
    const unitIds = (disposing.length > 0 ? disposing : units).map((u) => u.id);
    if (unitIds.length === 0) throw new Error('seedHousing: the municipality has no units to dispose of dwellings');
    const staff = await trx
      .selectFrom('app.staff_user')
      .select(['id', 'roles'])
      .where('active', '=', true)
      .orderBy('email')
      .execute();
    const staffIds = staff
      .filter((s) => s.roles.some((r) => r === 'boligkontor' || r === 'bosetter' || r === 'leder'))
      .map((s) => s.id);
    const refugeeService = units.find((u) => u.kind === 'flyktningtjeneste');

    const housing = generateHousing({
      seed,
      kommunenummer: municipality.kommunenummer,
      size,
      today,
      unitIds,
      staffIds,
      ...(refugeeService ? { letterSender: `${refugeeService.name}, ${municipality.name} kommune` } : {}),
      newId: randomUUID,
    });
    await insertHousing(trx, tenantId, housing);
    return {
      created: true,
      counts: {
        buildings: housing.buildings.length,
        dwellings: housing.dwellings.length,
        statusEvents: housing.statusEvents.length,
        landlords: housing.landlords.length,
        incidents: housing.incidents.length,
        persons: housing.persons.length,
        leases: housing.leases.length,
        needsAssessments: housing.needsAssessments.length,
        renewals: housing.renewals.length,
      },
    };
  });
}

function batches<T>(rows: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += BATCH_ROWS) out.push(rows.slice(i, i + BATCH_ROWS));
  return out;
}

/** Inserts generated rows in the caller's tenant transaction (also used by the dwelling benchmark). */
export async function insertHousing(trx: Tx, tenantId: string, housing: SyntheticHousing): Promise<void> {
  const t = <R extends object>(rows: readonly R[]) => rows.map((r) => ({ ...r, tenant_id: tenantId }));

  await trx
    .insertInto('app.housing_settings')
    .values({ tenant_id: tenantId, ...housing.settings })
    .onConflict((oc) => oc.column('tenant_id').doNothing())
    .execute();
  for (const rows of batches(t(housing.buildings))) await trx.insertInto('app.building').values(rows).execute();
  // Shared dwellings precede their rooms in the list, so a room's parent exists when it is inserted.
  for (const rows of batches(t(housing.dwellings))) await trx.insertInto('app.dwelling').values(rows).execute();
  for (const rows of batches(t(housing.statusEvents))) {
    await trx
      .insertInto('app.dwelling_status_event')
      // The event happened on its date; changed_at orders the history the way it happened.
      .values(rows.map((e) => ({ ...e, changed_by: null, changed_at: new Date(`${e.valid_from}T08:00:00Z`) })))
      .execute();
  }
  for (const rows of batches(t(housing.landlords))) await trx.insertInto('app.landlord').values(rows).execute();
  for (const rows of batches(t(housing.incidents))) {
    await trx
      .insertInto('app.landlord_incident')
      .values(rows.map((r) => ({ ...r, created_by: null })))
      .execute();
  }
  for (const rows of batches(t(housing.persons))) await trx.insertInto('app.person').values(rows).execute();
  // Head leases first: a sublease references its head lease.
  const heads = housing.leases.filter((l) => l.kind === 'head');
  const occupancy = housing.leases.filter((l) => l.kind !== 'head');
  for (const rows of batches(t([...heads, ...occupancy]))) await trx.insertInto('app.lease').values(rows).execute();
  for (const rows of batches(t(housing.needsAssessments)))
    await trx.insertInto('app.needs_assessment').values(rows).execute();
  for (const rows of batches(t(housing.renewals))) await trx.insertInto('app.lease_renewal').values(rows).execute();
}
