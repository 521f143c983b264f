import type { StaffRole } from './roles';

// The permission matrix (issue 3; requirements §1.8). Typed strings `action:entity:scope`
// (Epic Stack): one place in code, enforced in the server's use cases, sent to the web client so
// it shows only what the user may do. Scope `any` = the whole municipality, `unit` = cases of the
// staff member's units, `own` = their own records; a wider scope includes the narrower ones.

export const permissionActions = ['read', 'write', 'export'] as const;
export const permissionEntities = [
  'unit',
  'staff',
  'audit',
  'insight',
  'person',
  'household',
  // Special categories (GDPR art. 9) and NAV's confidential data are their own entities, so the
  // field-level rule is the same check as any other.
  'health',
  'functional_needs',
  'nav_economy',
  'dwelling',
  'lease',
  'allocation',
  'follow_up',
  'report',
  'landlord',
  'task',
  'housing_settings',
] as const;
export const permissionScopes = ['any', 'unit', 'own'] as const;

export type PermissionAction = (typeof permissionActions)[number];
export type PermissionEntity = (typeof permissionEntities)[number];
export type PermissionScope = (typeof permissionScopes)[number];
export type Permission = `${PermissionAction}:${PermissionEntity}:${PermissionScope}`;

// Every staff member has their own task inbox ("Mine oppgaver") and calendar feed.
const everyone: Permission[] = ['read:unit:any', 'read:staff:own', 'read:task:own', 'write:task:own'];
// Housing staff see and act on the tasks of their units (the unit inbox).
const unitTasks: Permission[] = ['read:task:unit', 'write:task:unit'];

export const rolePermissions: Record<StaffRole, readonly Permission[]> = {
  admin: [
    ...everyone,
    'write:unit:any',
    'read:staff:any',
    'write:staff:any',
    'read:insight:any',
    'read:report:any',
    'read:housing_settings:any',
    'write:housing_settings:any',
  ],
  bosetter: [
    ...everyone,
    'read:person:any',
    'write:person:any',
    // Data-subject access (GDPR art. 15): the settlement worker answers the person's request.
    'export:person:any',
    'read:household:any',
    'write:household:any',
    'read:health:any',
    'write:health:any',
    'read:functional_needs:any',
    'write:functional_needs:any',
    'read:dwelling:any',
    'read:lease:any',
    'read:landlord:any',
    'read:allocation:any',
    // Molde: the refugee service decides who lives where (R5.1), so the bosetter allocates too.
    'write:allocation:any',
    'read:follow_up:any',
    'write:follow_up:any',
    'read:report:any',
    'read:housing_settings:any',
    ...unitTasks,
  ],
  boligkontor: [
    ...everyone,
    'read:person:any',
    'read:household:any',
    'read:functional_needs:any',
    'read:dwelling:any',
    'write:dwelling:any',
    'export:dwelling:any',
    'read:lease:any',
    'write:lease:any',
    'read:landlord:any',
    'write:landlord:any',
    'read:allocation:any',
    'write:allocation:any',
    'read:report:any',
    'read:housing_settings:any',
    ...unitTasks,
  ],
  eiendom: [
    ...everyone,
    'read:dwelling:any',
    'write:dwelling:any',
    'export:dwelling:any',
    'read:lease:any',
    'write:lease:any',
    'read:landlord:any',
    'write:landlord:any',
    'read:report:any',
    'read:housing_settings:any',
    ...unitTasks,
  ],
  nav_veileder: [
    ...everyone,
    'read:person:any',
    'read:household:any',
    'read:nav_economy:any',
    'write:nav_economy:any',
    'read:follow_up:any',
    'write:follow_up:any',
  ],
  miljoarbeider: [
    ...everyone,
    'read:person:unit',
    'read:household:unit',
    'read:dwelling:unit',
    'read:follow_up:unit',
    'write:follow_up:unit',
    ...unitTasks,
  ],
  // Management sees aggregates only — no person-level data (issue 3).
  // Management sees the housing register (dwellings carry no personal data) and reports; leases,
  // landlords and letters name persons and stay with the housing office.
  leder: [...everyone, 'read:report:any', 'read:dwelling:any', 'export:dwelling:any'],
  revisor: [...everyone, 'read:audit:any', 'export:audit:any', 'read:insight:any'],
};

const scopeRank: Record<PermissionScope, number> = { own: 0, unit: 1, any: 2 };

export function permissionsFor(roles: readonly StaffRole[]): Permission[] {
  return [...new Set(roles.flatMap((role) => rolePermissions[role]))].sort();
}

/** True if the permissions grant `wanted` at its scope or a wider one. */
export function can(permissions: readonly Permission[], wanted: Permission): boolean {
  const [action, entity, scope] = wanted.split(':') as [PermissionAction, PermissionEntity, PermissionScope];
  return permissions.some((p) => {
    const [a, e, s] = p.split(':') as [PermissionAction, PermissionEntity, PermissionScope];
    return a === action && e === entity && scopeRank[s] >= scopeRank[scope];
  });
}
