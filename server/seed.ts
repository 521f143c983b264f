import type { Kysely } from 'kysely';
import { generateDataset } from '../shared/synthetic/generator';
import type { DB } from './db/schema';
import { withTenant } from './db/tenant';
import { createLogger } from './http/logging';
import { hashPassword } from './modules/auth/passwords';
import { createMunicipality, findMunicipalityByNumber } from './modules/municipalities/municipalities.usecases';
import { sweepAll } from './modules/tasks/scheduler';
import { osloToday } from '../shared/domain/calendar-date';
import { seedHousing } from './seed-housing';
import { seedHouseholds } from './seed-households';
import { seedAllocation } from './seed-allocation';

export const DEMO_SEED = 20_26;

export type DemoLogin = { email: string; roles: string[] };

type GeneratedMunicipality = ReturnType<typeof generateDataset>['municipalities'][number];

/**
 * Writes one generated municipality (units, staff) as a tenant. Runs on the runtime handle under
 * row-level security, like any request would. Returns the staff logins.
 */
export async function seedMunicipality({
  db,
  municipality,
  password,
}: {
  db: Kysely<DB>;
  municipality: GeneratedMunicipality;
  password: string;
}): Promise<{ tenantId: string; logins: DemoLogin[] }> {
  const { tenantId } = await createMunicipality({
    db,
    input: { kommunenummer: municipality.kommunenummer, name: municipality.name, language: municipality.language },
  });
  const passwordHash = await hashPassword(password);
  await withTenant(db, { tenantId }, async (trx) => {
    const unitIds = new Map<string, string>();
    for (const unit of municipality.units) {
      const row = await trx
        .insertInto('app.unit')
        .values({ tenant_id: tenantId, name: unit.name, kind: unit.kind, parent_id: null })
        .returning('id')
        .executeTakeFirstOrThrow();
      unitIds.set(unit.key, row.id);
    }
    for (const member of municipality.staff) {
      const user = await trx
        .insertInto('app.staff_user')
        .values({
          tenant_id: tenantId,
          email: member.email.toLowerCase(),
          display_name: member.displayName,
          roles: member.roles,
          password_hash: passwordHash,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const memberships = member.unitKeys.map((key) => ({
        tenant_id: tenantId,
        user_id: user.id,
        unit_id: unitIds.get(key)!,
      }));
      if (memberships.length) await trx.insertInto('app.staff_unit').values(memberships).execute();
    }
  });
  return { tenantId, logins: municipality.staff.map((s) => ({ email: s.email.toLowerCase(), roles: s.roles })) };
}

/**
 * Seeds the synthetic demo municipality unless it exists (idempotent): its units and staff, then
 * its housing stock (dwellings, landlords, leases — relative to today by `clock`), its households
 * in the settlement pipeline (server/seed-households.ts), its allocation batch (server/seed-allocation.ts), then one
 * scheduler sweep so the demo opens with the reminders that have fallen due.
 */
export async function seedDemo({
  db,
  password,
  clock = () => new Date(),
}: {
  db: Kysely<DB>;
  password: string;
  clock?: () => Date;
}): Promise<{ created: boolean; municipality: string; logins: DemoLogin[] }> {
  const dataset = generateDataset({ seed: DEMO_SEED, size: 'small' });
  const municipality = dataset.municipalities[0]!;
  const logins = municipality.staff.map((s) => ({ email: s.email.toLowerCase(), roles: s.roles }));
  const label = `${municipality.name} (${municipality.kommunenummer})`;
  if (await findMunicipalityByNumber(db, municipality.kommunenummer)) {
    return { created: false, municipality: label, logins };
  }
  const { tenantId } = await seedMunicipality({ db, municipality, password });
  await seedHousing({ db, tenantId, today: osloToday(clock()) });
  // Households in every pipeline state; the reserved ones take ready or vacant dwellings from the stock.
  await seedHouseholds({ db, tenantId, today: osloToday(clock()) });
  // Allocation criteria and settings, and a batch for the workbench (households awaiting a dwelling, ready dwellings).
  await seedAllocation({ db, tenantId, today: osloToday(clock()) });
  // The sweep is idempotent (dedupe keys), so the app's own scheduler running later is harmless.
  await sweepAll(db, { clock, logger: createLogger({ level: 'silent' }) });
  return { created: true, municipality: label, logins };
}
