import { can, permissionsFor, type Permission } from '../../../shared/domain/permissions';
import { staffRoles, type StaffRole } from '../../../shared/domain/roles';
import { appError } from '../../http/errors';

/** The authenticated staff member on whose behalf a use case runs (always its first argument). */
export type Actor = {
  tenantId: string;
  userId: string;
  roles: StaffRole[];
  unitIds: string[];
  activeUnitId: string | null;
  sessionId: string;
  csrfToken: string;
};

export function toRoles(values: readonly string[]): StaffRole[] {
  return values.filter((v): v is StaffRole => (staffRoles as readonly string[]).includes(v));
}

export function actorPermissions(actor: Pick<Actor, 'roles'>): Permission[] {
  return permissionsFor(actor.roles);
}

export function actorCan(actor: Pick<Actor, 'roles'>, permission: Permission): boolean {
  return can(permissionsFor(actor.roles), permission);
}

/** The access check a use case makes first. Refusals are 403 `auth.forbidden`. */
export function requirePermission(actor: Pick<Actor, 'roles'>, permission: Permission): void {
  if (!actorCan(actor, permission)) throw appError('auth.forbidden');
}
