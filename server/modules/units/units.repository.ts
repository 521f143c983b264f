import { sql } from 'kysely';
import type { Tx } from '../../db/tenant';

const columns = ['u.id', 'u.name', 'u.kind', 'u.parent_id', 'u.version', 'u.created_at'] as const;

export type UnitRow = {
  id: string;
  name: string;
  kind: string;
  parent_id: string | null;
  version: number;
  created_at: Date;
  staff_count: number;
};

function unitsQuery(trx: Tx) {
  return trx
    .selectFrom('app.unit as u')
    .select(columns)
    .select((eb) =>
      eb
        .selectFrom('app.staff_unit as su')
        .whereRef('su.unit_id', '=', 'u.id')
        .select(sql<number>`count(*)::int`.as('n'))
        .as('staff_count'),
    );
}

export function listUnits(trx: Tx): Promise<UnitRow[]> {
  return unitsQuery(trx).orderBy('u.name').execute() as Promise<UnitRow[]>;
}

export async function findUnit(trx: Tx, id: string): Promise<UnitRow | undefined> {
  return (await unitsQuery(trx).where('u.id', '=', id).executeTakeFirst()) as UnitRow | undefined;
}

export async function insertUnit(
  trx: Tx,
  values: { tenantId: string; name: string; kind: string; parentId: string | null },
): Promise<string> {
  const row = await trx
    .insertInto('app.unit')
    .values({ tenant_id: values.tenantId, name: values.name, kind: values.kind, parent_id: values.parentId })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Optimistic concurrency: updates only if the version is still the one the user saw. */
export async function updateUnit(
  trx: Tx,
  id: string,
  expectedVersion: number,
  changes: { name?: string; kind?: string; parent_id?: string | null },
  now: Date,
): Promise<boolean> {
  const result = await trx
    .updateTable('app.unit')
    .set((eb) => ({ ...changes, updated_at: now, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** True if the unit exists in this municipality. */
export async function unitExists(trx: Tx, id: string): Promise<boolean> {
  return (await trx.selectFrom('app.unit').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
}
