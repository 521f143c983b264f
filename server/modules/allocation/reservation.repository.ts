import { sql } from 'kysely';
import type { Tx } from '../../db/tenant';

// SQL of the reservation (inside withTenant).

/**
 * The offer row of a reservation, state 'reserved'. Inserted before anything else in the
 * transaction: the partial unique indexes allocation_offer_dwelling_live_key and
 * allocation_offer_household_live_key then decide a race between two staff members (the second
 * insert waits for the first transaction and fails with a unique violation once it commits,
 * mapped to 409 allocation.dwelling_reserved / allocation.household_has_offer).
 */
export async function insertReservedOffer(
  trx: Tx,
  values: {
    tenantId: string;
    householdId: string;
    dwellingId: string;
    runId: string;
    criteriaVersion: number;
    score: number;
    explanation: unknown;
    reservedBy: string;
    reservedAt: Date;
  },
): Promise<string> {
  const row = await trx
    .insertInto('app.allocation_offer')
    .values({
      tenant_id: values.tenantId,
      household_id: values.householdId,
      dwelling_id: values.dwellingId,
      run_id: values.runId,
      criteria_version: values.criteriaVersion,
      state: 'reserved',
      score: values.score,
      explanation: JSON.stringify(values.explanation),
      reserved_by: values.reservedBy,
      reserved_at: values.reservedAt,
      updated_at: values.reservedAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The run's criteria version and proposals (not the whole result). */
export function runProposals(trx: Tx, runId: string) {
  return trx
    .selectFrom('app.allocation_run')
    .select(['id', 'criteria_version', sql<unknown>`result -> 'proposals'`.as('proposals')])
    .where('id', '=', runId)
    .executeTakeFirst();
}
