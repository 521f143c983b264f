import type { Kysely } from 'kysely';
import type { BirthDatePrecision } from '../../../shared/domain/birth-date';
import type { DB } from '../../db/schema';
import { withTenant } from '../../db/tenant';
import { insertTestDwelling } from '../households/households.test-support';

// Households inserted directly (as the app role, under row-level security) for the checklist,
// contacts and age-out tests: the columns those features read, nothing more.

let counter = 0;
const next = () => `${Date.now().toString(36).slice(-4)}${(counter++).toString(36)}`;

export type TestMember = {
  relation?: 'main' | 'spouse' | 'child' | 'sibling' | 'other';
  birthDate?: string | null;
  precision?: BirthDatePrecision;
  leftOn?: string | null;
};

export type TestHousehold = {
  category?: 'resettlement_refugee' | 'unaccompanied_minor';
  state?: 'proposed' | 'accepted' | 'dwelling_reserved' | 'declined' | 'withdrawn' | 'moved_away' | 'moved_on';
  arrivalDate?: string | null;
  sharedHousing?: boolean;
  /** A dwelling of this type is reserved for the household. */
  dwellingType?: 'flat' | 'shared_housing' | 'shared_room' | null;
  members?: TestMember[];
  guardianName?: string | null;
};

export async function insertHousehold(
  db: Kysely<DB>,
  { tenantId, unitId }: { tenantId: string; unitId: string },
  h: TestHousehold = {},
): Promise<{ id: string; reference: string; personIds: string[]; dwellingId: string | null }> {
  const reference = `H-T-${next()}`;
  const dwellingId = h.dwellingType
    ? await insertTestDwelling(db, tenantId, { status: 'reserved', type: h.dwellingType })
    : null;
  return withTenant(db, { tenantId }, async (trx) => {
    const settled = h.state === 'moved_away' || h.state === 'moved_on';
    const household = await trx
      .insertInto('app.household')
      .values({
        tenant_id: tenantId,
        reference,
        category: h.category ?? 'resettlement_refugee',
        responsible_unit_id: unitId,
        pipeline_state: h.state ?? 'accepted',
        proposed_on: '2026-06-01',
        residence_permit_date: '2026-05-01',
        arrival_date: h.arrivalDate ?? (settled ? '2026-07-01' : null),
        settlement_date: settled ? '2026-07-01' : null,
        reserved_dwelling_id: dwellingId,
        shared_housing: h.sharedHousing ?? false,
        guardian_name: h.guardianName ?? null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const personIds: string[] = [];
    for (const [index, member] of (h.members ?? [{ relation: 'main', birthDate: '1990-05-05' }]).entries()) {
      const person = await trx
        .insertInto('app.person')
        .values({
          tenant_id: tenantId,
          full_name: `Testperson ${next()}`,
          birth_date: member.birthDate ?? null,
          birth_date_precision: member.birthDate ? (member.precision ?? 'exact') : null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      personIds.push(person.id);
      await trx
        .insertInto('app.household_member')
        .values({
          tenant_id: tenantId,
          household_id: household.id,
          person_id: person.id,
          relation: member.relation ?? (index === 0 ? 'main' : 'child'),
          joined_on: member.leftOn ? '2026-06-01' : null,
          left_on: member.leftOn ?? null,
        })
        .execute();
    }
    return { id: household.id, reference, personIds, dwellingId };
  });
}

/** Sets columns on a household as another module would (the checklist is then synced by the caller). */
export async function updateHousehold(
  db: Kysely<DB>,
  tenantId: string,
  id: string,
  values: { arrival_date?: string | null; shared_housing?: boolean; pipeline_state?: 'declined' | 'accepted' },
): Promise<void> {
  await withTenant(db, { tenantId }, (trx) =>
    trx.updateTable('app.household').set(values).where('id', '=', id).execute(),
  );
}

export async function householdTasks(db: Kysely<DB>, tenantId: string, householdId: string) {
  return withTenant(db, { tenantId }, (trx) =>
    trx
      .selectFrom('app.task')
      .selectAll()
      .where('subject_type', '=', 'household')
      .where('subject_id', '=', householdId)
      .orderBy('due_on')
      .orderBy('kind')
      .execute(),
  );
}

/** A second unit in the municipality (e.g. the housing office the checklist maps roles to). */
export async function insertUnit(db: Kysely<DB>, tenantId: string, name: string): Promise<string> {
  return withTenant(db, { tenantId }, async (trx) => {
    const unit = await trx
      .insertInto('app.unit')
      .values({ tenant_id: tenantId, name, kind: 'boligkontor', parent_id: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    return unit.id;
  });
}
