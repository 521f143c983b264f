import { staffRoles, type StaffRole } from '../../../shared/domain/roles';

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
