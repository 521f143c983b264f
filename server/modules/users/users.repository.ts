import { sql } from 'kysely';
import type { Tx } from '../../db/tenant';

export type StaffUserRow = {
  id: string;
  email: string;
  display_name: string;
  roles: string[];
  active: boolean;
  created_at: Date;
  version: number;
  unit_ids: string[];
};

function usersQuery(trx: Tx) {
  return trx
    .selectFrom('app.staff_user as s')
    .select(['s.id', 's.email', 's.display_name', 's.roles', 's.active', 's.created_at', 's.version'])
    .select(
      sql<string[]>`coalesce((select array_agg(su.unit_id order by su.unit_id) from app.staff_unit su where su.user_id = s.id), '{}')`.as(
        'unit_ids',
      ),
    );
}

export function listUsers(trx: Tx): Promise<StaffUserRow[]> {
  return usersQuery(trx).orderBy('s.display_name').execute();
}

export function findUser(trx: Tx, id: string): Promise<StaffUserRow | undefined> {
  return usersQuery(trx).where('s.id', '=', id).executeTakeFirst();
}

export async function insertUser(
  trx: Tx,
  values: { tenantId: string; email: string; displayName: string; roles: string[]; passwordHash: string },
): Promise<string> {
  const row = await trx
    .insertInto('app.staff_user')
    .values({
      tenant_id: values.tenantId,
      email: values.email,
      display_name: values.displayName,
      roles: values.roles,
      password_hash: values.passwordHash,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function countUnits(trx: Tx, unitIds: readonly string[]): Promise<number> {
  if (unitIds.length === 0) return 0;
  const row = await trx
    .selectFrom('app.unit')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('id', 'in', [...unitIds])
    .executeTakeFirstOrThrow();
  return row.n;
}

export async function replaceUnits(trx: Tx, tenantId: string, userId: string, unitIds: readonly string[]): Promise<void> {
  await trx.deleteFrom('app.staff_unit').where('user_id', '=', userId).execute();
  if (unitIds.length) {
    await trx
      .insertInto('app.staff_unit')
      .values(unitIds.map((unitId) => ({ tenant_id: tenantId, user_id: userId, unit_id: unitId })))
      .execute();
  }
}

export async function updateUser(
  trx: Tx,
  id: string,
  expectedVersion: number,
  changes: { display_name?: string; roles?: string[]; active?: boolean },
): Promise<boolean> {
  const result = await trx
    .updateTable('app.staff_user')
    .set((eb) => ({ ...changes, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function setPasswordHash(trx: Tx, id: string, passwordHash: string): Promise<void> {
  await trx
    .updateTable('app.staff_user')
    .set((eb) => ({ password_hash: passwordHash, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .execute();
}

export async function passwordHashOf(trx: Tx, id: string): Promise<string | null> {
  const row = await trx.selectFrom('app.staff_user').select('password_hash').where('id', '=', id).executeTakeFirst();
  return row?.password_hash ?? null;
}

/** Ends sessions at once (ASVS 7.4.2): all of the user's, or all but one. */
export async function deleteSessions(trx: Tx, userId: string, exceptSessionId?: string): Promise<void> {
  let q = trx.deleteFrom('app.session').where('user_id', '=', userId);
  if (exceptSessionId) q = q.where('id', '<>', exceptSessionId);
  await q.execute();
}

/** True if the staff member exists in this municipality and is active (contact persons, signers). */
export async function activeStaffExists(trx: Tx, id: string): Promise<boolean> {
  const row = await trx.selectFrom('app.staff_user').select('id').where('id', '=', id).where('active', '=', true).executeTakeFirst();
  return row !== undefined;
}
