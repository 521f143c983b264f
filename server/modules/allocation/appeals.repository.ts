import type { Insertable, Updateable } from 'kysely';
import type { AllocationAppealTable } from '../../db/schema';
import type { Tx } from '../../db/tenant';

// SQL of appeals against allocation decisions (inside withTenant: row-level security).

export function findAppeal(trx: Tx, id: string, { forUpdate = false } = {}) {
  let q = trx.selectFrom('app.allocation_appeal').selectAll().where('id', '=', id);
  if (forUpdate) q = q.forUpdate();
  return q.executeTakeFirst();
}

export async function insertAppeal(trx: Tx, values: Insertable<AllocationAppealTable>): Promise<string> {
  return (await trx.insertInto('app.allocation_appeal').values(values).returning('id').executeTakeFirstOrThrow()).id;
}

/** Updates the appeal if it still has `expectedVersion`; returns the new version or null. */
export async function updateAppeal(
  trx: Tx,
  { id, expectedVersion, values, now }: { id: string; expectedVersion: number; values: Updateable<AllocationAppealTable>; now: Date },
): Promise<number | null> {
  const row = await trx
    .updateTable('app.allocation_appeal')
    .set((eb) => ({ ...values, updated_at: now, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .returning('version')
    .executeTakeFirst();
  return row?.version ?? null;
}
