import type { Kysely } from 'kysely';
import type { CreateStaffUserRequest, StaffUserDto, UpdateStaffUserRequest } from '../../../shared/api/users';
import type { StaffRole } from '../../../shared/domain/roles';
import type { DB } from '../../db/schema';
import { withTenant, type Tx } from '../../db/tenant';
import { appError } from '../../http/errors';
import { actorCan, requirePermission, type Actor } from '../auth/actor';
import { hashPassword, verifyPassword } from '../auth/passwords';
import { recordAudit, type AuditContext } from '../audit/audit.usecases';
import * as repo from './users.repository';

// The fields a display of a staff record shows; they are what the audit entry names.
const displayedFields = ['email', 'display_name', 'roles', 'units', 'active'];

function present(row: repo.StaffUserRow, actor: Actor): StaffUserDto {
  const manage = actorCan(actor, 'write:staff:any');
  return {
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    roles: row.roles as StaffRole[],
    unitIds: row.unit_ids,
    active: row.active,
    createdAt: row.created_at.toISOString(),
    version: row.version,
    actions: { update: manage, deactivate: manage && row.id !== actor.userId && row.active },
  };
}

async function checkUnits(trx: Tx, unitIds: readonly string[]) {
  const unique = [...new Set(unitIds)];
  // Unknown ids and other municipalities' ids look the same: RLS hides the latter.
  if ((await repo.countUnits(trx, unique)) !== unique.length) {
    throw appError('user.units_invalid', { errors: [{ pointer: '/unitIds', code: 'user.units_invalid' }] });
  }
  return unique;
}

/** A list, not a display of a record: no audit entry (NAV's rule — appearing in a list is not a look). */
export function listUsers(actor: Actor, { db }: { db: Kysely<DB> }) {
  requirePermission(actor, 'read:staff:any');
  return withTenant(db, actor, async (trx) => ({
    items: (await repo.listUsers(trx)).map((row) => {
      const { actions: _actions, createdAt: _createdAt, ...summary } = present(row, actor);
      return summary;
    }),
    actions: { create: actorCan(actor, 'write:staff:any') },
  }));
}

export function getUser(actor: Actor, { db, id, context }: { db: Kysely<DB>; id: string; context: AuditContext }) {
  const own = id === actor.userId;
  if (!own) requirePermission(actor, 'read:staff:any');
  return withTenant(db, actor, async (trx) => {
    const row = await repo.findUser(trx, id);
    if (!row) throw appError('resource.not_found');
    await recordAudit(trx, context, {
      action: 'display',
      entity: 'staff_user',
      subject: { type: 'staff_user', id },
      fields: displayedFields,
    });
    return present(row, actor);
  });
}

export function createUser(
  actor: Actor,
  { db, input, context }: { db: Kysely<DB>; input: CreateStaffUserRequest; context: AuditContext },
) {
  requirePermission(actor, 'write:staff:any');
  return withTenant(db, actor, async (trx) => {
    const unitIds = await checkUnits(trx, input.unitIds);
    const id = await repo.insertUser(trx, {
      tenantId: actor.tenantId,
      email: input.email,
      displayName: input.displayName,
      roles: [...new Set(input.roles)],
      passwordHash: await hashPassword(input.password),
    });
    await repo.replaceUnits(trx, actor.tenantId, id, unitIds);
    await recordAudit(trx, context, {
      action: 'create',
      entity: 'staff_user',
      subject: { type: 'staff_user', id },
      fields: ['email', 'display_name', 'roles', 'units', 'password'],
    });
    return present((await repo.findUser(trx, id))!, actor);
  });
}

export function updateUser(
  actor: Actor,
  {
    db,
    id,
    version,
    input,
    context,
  }: { db: Kysely<DB>; id: string; version: number; input: UpdateStaffUserRequest; context: AuditContext },
) {
  requirePermission(actor, 'write:staff:any');
  if (id === actor.userId && input.active === false) {
    throw appError('user.cannot_deactivate_self', { errors: [{ pointer: '/active', code: 'user.cannot_deactivate_self' }] });
  }
  return withTenant(db, actor, async (trx) => {
    const changes = {
      ...(input.displayName !== undefined ? { display_name: input.displayName } : {}),
      ...(input.roles !== undefined ? { roles: [...new Set(input.roles)] } : {}),
      ...(input.active !== undefined ? { active: input.active } : {}),
    };
    if (!(await repo.updateUser(trx, id, version, changes))) {
      if (!(await repo.findUser(trx, id))) throw appError('resource.not_found');
      throw appError('resource.version_conflict');
    }
    if (input.unitIds !== undefined) await repo.replaceUnits(trx, actor.tenantId, id, await checkUnits(trx, input.unitIds));
    // Deactivation, and any change of roles, ends the user's sessions at once (ASVS 7.4.2, 8.3.2);
    // an admin changing their own roles keeps the session they are working in (rights are read
    // afresh on every request anyway).
    if (input.active === false || input.roles !== undefined) {
      await repo.deleteSessions(trx, id, id === actor.userId ? actor.sessionId : undefined);
    }
    const fields = Object.keys(input).map((k) => ({ displayName: 'display_name', unitIds: 'units' })[k] ?? k);
    await recordAudit(trx, context, {
      action: input.active === false ? 'deactivate' : 'update',
      entity: 'staff_user',
      subject: { type: 'staff_user', id },
      fields,
    });
    return present((await repo.findUser(trx, id))!, actor);
  });
}

/** Own password change: the current password is required; other sessions end. */
export function changePassword(
  actor: Actor,
  {
    db,
    currentPassword,
    newPassword,
    context,
  }: { db: Kysely<DB>; currentPassword: string; newPassword: string; context: AuditContext },
): Promise<void> {
  return withTenant(db, actor, async (trx) => {
    const hash = await repo.passwordHashOf(trx, actor.userId);
    if (!hash || !(await verifyPassword(hash, currentPassword))) {
      throw appError('user.password_wrong', { errors: [{ pointer: '/currentPassword', code: 'user.password_wrong' }] });
    }
    await repo.setPasswordHash(trx, actor.userId, await hashPassword(newPassword));
    await repo.deleteSessions(trx, actor.userId, actor.sessionId);
    await recordAudit(trx, context, {
      action: 'password_change',
      entity: 'staff_user',
      subject: { type: 'staff_user', id: actor.userId },
      fields: ['password'],
    });
  });
}
