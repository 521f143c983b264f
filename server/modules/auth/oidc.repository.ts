import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import type { Tx } from '../../db/tenant';

// SQL for the OIDC link between staff members and their external identities: enrolment links
// (app.oidc_enrolment) and linked identities (app.staff_identity). Used by the login (auth) and
// by the user administration (users).

/** Which municipality a token hash belongs to (SECURITY DEFINER lookup: the tenant is not yet known). */
export async function resolveEnrolmentTenant(db: Kysely<DB>, tokenHash: string): Promise<string | null> {
  const result = await sql<{ tenant_id: string | null }>`
    select app.resolve_enrolment(${tokenHash}) as tenant_id`.execute(db);
  return result.rows[0]?.tenant_id ?? null;
}

const enrolmentColumns = ['id', 'user_id', 'provider_id', 'expires_at', 'used_at', 'revoked_at'] as const;

export function findEnrolment(trx: Tx, tokenHash: string) {
  return trx
    .selectFrom('app.oidc_enrolment')
    .select(enrolmentColumns)
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst();
}

/** The link, locked until the transaction ends: two logins through one link cannot both use it. */
export function lockEnrolment(trx: Tx, tokenHash: string) {
  return trx
    .selectFrom('app.oidc_enrolment')
    .select(enrolmentColumns)
    .where('token_hash', '=', tokenHash)
    .forUpdate()
    .executeTakeFirst();
}

export async function markEnrolmentUsed(trx: Tx, id: string, now: Date): Promise<void> {
  await trx.updateTable('app.oidc_enrolment').set({ used_at: now }).where('id', '=', id).execute();
}

/** Closes the staff member's open links for a provider (a new link replaces them). */
export async function revokeOpenEnrolments(trx: Tx, userId: string, providerId: string, now: Date): Promise<number> {
  const result = await trx
    .updateTable('app.oidc_enrolment')
    .set({ revoked_at: now })
    .where('user_id', '=', userId)
    .where('provider_id', '=', providerId)
    .where('used_at', 'is', null)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function insertEnrolment(
  trx: Tx,
  values: {
    tenantId: string;
    userId: string;
    providerId: string;
    tokenHash: string;
    expiresAt: Date;
    createdBy: string;
  },
): Promise<void> {
  await trx
    .insertInto('app.oidc_enrolment')
    .values({
      tenant_id: values.tenantId,
      user_id: values.userId,
      provider_id: values.providerId,
      token_hash: values.tokenHash,
      expires_at: values.expiresAt,
      created_by: values.createdBy,
    })
    .execute();
}

/** Serialises link creation per staff member (FOR NO KEY UPDATE on the staff row); undefined if not found. */
export async function lockStaffUser(trx: Tx, userId: string): Promise<{ active: boolean } | undefined> {
  return trx.selectFrom('app.staff_user').select('active').where('id', '=', userId).forNoKeyUpdate().executeTakeFirst();
}

/** Who (issuer, sub) is linked to in the current municipality, if anyone. */
export function findIdentity(trx: Tx, issuer: string, subject: string) {
  return trx
    .selectFrom('app.staff_identity')
    .select(['id', 'user_id'])
    .where('issuer', '=', issuer)
    .where('subject', '=', subject)
    .executeTakeFirst();
}

/** Links (issuer, sub) to a staff member; false when the pair is already linked in this municipality. */
export async function insertIdentity(
  trx: Tx,
  values: { tenantId: string; userId: string; issuer: string; subject: string },
): Promise<boolean> {
  const row = await trx
    .insertInto('app.staff_identity')
    .values({ tenant_id: values.tenantId, user_id: values.userId, issuer: values.issuer, subject: values.subject })
    .onConflict((oc) => oc.columns(['tenant_id', 'issuer', 'subject']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

/** A staff member's linked identities. The subject is not selected: nobody needs to see it. */
export function listIdentities(trx: Tx, userId: string) {
  return trx
    .selectFrom('app.staff_identity')
    .select(['id', 'issuer', 'created_at'])
    .where('user_id', '=', userId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export async function deleteIdentity(trx: Tx, userId: string, identityId: string): Promise<boolean> {
  const result = await trx
    .deleteFrom('app.staff_identity')
    .where('user_id', '=', userId)
    .where('id', '=', identityId)
    .executeTakeFirst();
  return result.numDeletedRows > 0n;
}

/** Ends all of a staff member's sessions in the current municipality; returns how many. */
export async function deleteUserSessions(trx: Tx, userId: string): Promise<number> {
  const result = await trx.deleteFrom('app.session').where('user_id', '=', userId).executeTakeFirst();
  return Number(result.numDeletedRows);
}
