import type { Kysely } from 'kysely';
import type { EnrolmentResponse, StaffIdentityDto, StaffIdentityListResponse } from '../../../shared/api/users';
import type { DB } from '../../db/schema';
import { withTenant } from '../../db/tenant';
import { appError } from '../../http/errors';
import { actorCan, requirePermission, type Actor } from '../auth/actor';
import type { OidcProviderConfig } from '../auth/oidc.config';
import { enrolmentExpiry, enrolmentUrl, newEnrolmentToken } from '../auth/oidc.enrolment';
import * as oidcRepo from '../auth/oidc.repository';
import { recordAudit, type AuditContext } from '../audit/audit.usecases';
import * as repo from './users.repository';

// A staff member's OIDC identities, administered (decision 006): one-time enrolment links, the
// identities linked so far, and unlinking. Another municipality's staff member is "not found"
// (RLS hides the row), never "forbidden".

/**
 * Creates an enrolment link for a staff member and a configured provider: 256-bit token, only its
 * SHA-256 stored, valid 72 hours, single use. Earlier open links for the same staff member and
 * provider are revoked. The token is in the answer once and nowhere else.
 */
export function createEnrolment(
  actor: Actor,
  {
    db,
    userId,
    providerId,
    providers,
    publicUrl,
    context,
  }: {
    db: Kysely<DB>;
    userId: string;
    providerId: string;
    providers: readonly OidcProviderConfig[];
    publicUrl: string;
    context: AuditContext;
  },
): Promise<EnrolmentResponse> {
  requirePermission(actor, 'write:staff:any');
  return withTenant(db, actor, async (trx) => {
    // Locks the staff row, so two links made at once for one staff member cannot both stay open.
    const user = await oidcRepo.lockStaffUser(trx, userId);
    if (!user) throw appError('resource.not_found');
    if (!providers.some((p) => p.id === providerId)) {
      throw appError('enrolment.provider_unknown', {
        errors: [{ pointer: '/providerId', code: 'enrolment.provider_unknown' }],
      });
    }
    if (!user.active) throw appError('enrolment.user_inactive');
    const now = context.now;
    const expiresAt = enrolmentExpiry(now);
    const { token, tokenHash } = newEnrolmentToken();
    await oidcRepo.revokeOpenEnrolments(trx, userId, providerId, now);
    await oidcRepo.insertEnrolment(trx, {
      tenantId: actor.tenantId,
      userId,
      providerId,
      tokenHash,
      expiresAt,
      createdBy: actor.userId,
    });
    // A change to how the staff member may log in, so an entry on the staff record.
    await recordAudit(trx, context, {
      action: 'update',
      entity: 'staff_user',
      subject: { type: 'staff_user', id: userId },
      fields: ['oidc_enrolment'],
    });
    return { url: enrolmentUrl(publicUrl, providerId, token), expiresAt: expiresAt.toISOString() };
  });
}

function present(
  row: { id: string; issuer: string; created_at: Date },
  actor: Actor,
  providers: readonly OidcProviderConfig[],
): StaffIdentityDto {
  const provider = providers.find((p) => p.issuer === row.issuer);
  return {
    id: row.id,
    issuer: row.issuer,
    provider: provider ? { id: provider.id, label: provider.label } : null,
    createdAt: row.created_at.toISOString(),
    actions: { unlink: actorCan(actor, 'write:staff:any') },
  };
}

/** The identities linked to a staff member (an audited display of that part of the staff record). */
export function listIdentities(
  actor: Actor,
  {
    db,
    userId,
    providers,
    context,
  }: { db: Kysely<DB>; userId: string; providers: readonly OidcProviderConfig[]; context: AuditContext },
): Promise<StaffIdentityListResponse> {
  requirePermission(actor, 'read:staff:any');
  return withTenant(db, actor, async (trx) => {
    if (!(await repo.findUser(trx, userId))) throw appError('resource.not_found');
    const rows = await oidcRepo.listIdentities(trx, userId);
    await recordAudit(trx, context, {
      action: 'display',
      entity: 'staff_user',
      subject: { type: 'staff_user', id: userId },
      fields: ['oidc_identity'],
    });
    return {
      items: rows.map((row) => present(row, actor, providers)),
      actions: { enrol: actorCan(actor, 'write:staff:any') && providers.length > 0 },
    };
  });
}

/**
 * Unlinks one identity. The staff member's sessions end at once: a session does not record how it
 * was opened, and an identity is usually removed because it should never have been linked (ASVS
 * 7.4.3: sessions end when an authentication factor is removed). Logging in with it afterwards
 * gives auth.identity_unknown.
 */
export function unlinkIdentity(
  actor: Actor,
  { db, userId, identityId, context }: { db: Kysely<DB>; userId: string; identityId: string; context: AuditContext },
): Promise<void> {
  requirePermission(actor, 'write:staff:any');
  return withTenant(db, actor, async (trx) => {
    if (!(await oidcRepo.deleteIdentity(trx, userId, identityId))) throw appError('resource.not_found');
    // An administrator removing their own identity keeps the session they are doing it in.
    await repo.deleteSessions(trx, userId, userId === actor.userId ? actor.sessionId : undefined);
    await recordAudit(trx, context, {
      action: 'update',
      entity: 'staff_user',
      subject: { type: 'staff_user', id: userId },
      fields: ['oidc_identity'],
    });
  });
}
