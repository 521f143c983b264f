import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import type { Tx } from '../../db/tenant';

export async function findLoginCandidates(db: Kysely<DB>, email: string) {
  const result = await sql<{ tenant_id: string; user_id: string }>`
    select tenant_id, user_id from app.find_login(${email})`.execute(db);
  return result.rows;
}

/**
 * Staff members linked to an external identity (issuer, sub), in every municipality, through the
 * SECURITY DEFINER lookup (the tenant is not known before login). Never by e-mail.
 */
export async function findIdentityCandidates(db: Kysely<DB>, issuer: string, subject: string) {
  const result = await sql<{ tenant_id: string; user_id: string }>`
    select tenant_id, user_id from app.find_identity(${issuer}, ${subject}) order by tenant_id, user_id`.execute(db);
  return result.rows;
}

export async function resolveSessionTenant(db: Kysely<DB>, sessionId: string): Promise<string | null> {
  const result = await sql<{ tenant_id: string | null }>`
    select app.resolve_session(${sessionId}) as tenant_id`.execute(db);
  return result.rows[0]?.tenant_id ?? null;
}

export function findUser(trx: Tx, userId: string) {
  return trx
    .selectFrom('app.staff_user')
    .select(['id', 'tenant_id', 'email', 'display_name', 'roles', 'password_hash', 'active', 'failed_logins', 'locked_until'])
    .where('id', '=', userId)
    .executeTakeFirst();
}

export async function recordFailedLogin(trx: Tx, userId: string, lockUntil: Date | null) {
  await trx
    .updateTable('app.staff_user')
    .set((eb) =>
      lockUntil
        ? { failed_logins: 0, locked_until: lockUntil }
        : { failed_logins: eb('failed_logins', '+', 1) },
    )
    .where('id', '=', userId)
    .execute();
}

export async function recordSuccessfulLogin(trx: Tx, userId: string) {
  await trx.updateTable('app.staff_user').set({ failed_logins: 0, locked_until: null }).where('id', '=', userId).execute();
}

export function userUnits(trx: Tx, userId: string) {
  return trx
    .selectFrom('app.staff_unit as su')
    .innerJoin('app.unit as u', (j) => j.onRef('u.tenant_id', '=', 'su.tenant_id').onRef('u.id', '=', 'su.unit_id'))
    .select(['u.id', 'u.name', 'u.kind'])
    .where('su.user_id', '=', userId)
    .orderBy('u.name')
    .execute();
}

export async function insertSession(
  trx: Tx,
  values: { tenantId: string; id: string; userId: string; csrfToken: string; activeUnitId: string | null; now: Date; expiresAt: Date },
) {
  await trx
    .insertInto('app.session')
    .values({
      tenant_id: values.tenantId,
      id: values.id,
      user_id: values.userId,
      csrf_token: values.csrfToken,
      active_unit_id: values.activeUnitId,
      last_seen_at: values.now,
      expires_at: values.expiresAt,
    })
    .execute();
}

export function findSession(trx: Tx, sessionId: string) {
  return trx
    .selectFrom('app.session')
    .select(['id', 'tenant_id', 'user_id', 'csrf_token', 'active_unit_id', 'last_seen_at', 'expires_at'])
    .where('id', '=', sessionId)
    .executeTakeFirst();
}

export async function touchSession(trx: Tx, sessionId: string, now: Date) {
  await trx.updateTable('app.session').set({ last_seen_at: now }).where('id', '=', sessionId).execute();
}

export async function setActiveUnit(trx: Tx, sessionId: string, unitId: string) {
  await trx.updateTable('app.session').set({ active_unit_id: unitId }).where('id', '=', sessionId).execute();
}

export async function deleteSession(trx: Tx, sessionId: string) {
  await trx.deleteFrom('app.session').where('id', '=', sessionId).execute();
}

export function findMunicipality(trx: Tx) {
  return trx
    .selectFrom('app.municipality')
    .select(['tenant_id', 'kommunenummer', 'name', 'language', 'created_at'])
    .executeTakeFirstOrThrow();
}
