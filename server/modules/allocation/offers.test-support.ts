import type { Kysely } from 'kysely';
import { DEFAULT_ALLOCATION_CRITERIA } from '../../../shared/domain/allocation-criteria';
import type { DB } from '../../db/schema';
import { withTenant } from '../../db/tenant';
import { insertHouseholdInState } from '../households/households.test-support';

// An offer as the reservation leaves it (state 'reserved'): the household in dwelling_reserved
// holding the dwelling (status 'reserved', 'ready' before), criteria version 1, and the proposal's
// explanation. Real rows, inserted as the app role under row-level security.

export const sampleContributions = [
  { criterion: 'base', points: 1000, detail: {} },
  { criterion: 'school', points: 70, detail: { minutes: 8 } },
  { criterion: 'size_fit', points: 40, detail: { extraBedrooms: 0 } },
];

export async function insertReservedOffer(
  db: Kysely<DB>,
  { tenantId, unitId }: { tenantId: string; unitId: string },
  { letterLanguage = null, disposalForm = 'municipal' }: { letterLanguage?: string | null; disposalForm?: 'municipal' | 'private_sublet' } = {},
): Promise<{ offerId: string; householdId: string; dwellingId: string; personId: string; reference: string }> {
  const household = await insertHouseholdInState(db, { tenantId, unitId }, 'dwelling_reserved');
  const dwellingId = household.dwellingId!;
  return withTenant(db, { tenantId }, async (trx) => {
    await trx
      .insertInto('app.allocation_criteria_version')
      .values({ tenant_id: tenantId, version: 1, criteria: JSON.stringify(DEFAULT_ALLOCATION_CRITERIA), note: 'test' })
      .onConflict((oc) => oc.columns(['tenant_id', 'version']).doNothing())
      .execute();
    await trx.updateTable('app.dwelling').set({ rent_ore: 950_000, disposal_form: disposalForm }).where('id', '=', dwellingId).execute();
    if (letterLanguage) {
      await trx
        .insertInto('app.person_language')
        .values({ tenant_id: tenantId, person_id: household.personId, code: letterLanguage, preferred_for_letters: true })
        .execute();
    }
    const offer = await trx
      .insertInto('app.allocation_offer')
      .values({
        tenant_id: tenantId,
        household_id: household.id,
        dwelling_id: dwellingId,
        criteria_version: 1,
        score: 1110,
        explanation: JSON.stringify({ contributions: sampleContributions, hardRules: [] }),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return { offerId: offer.id, householdId: household.id, dwellingId, personId: household.personId, reference: household.reference };
  });
}
