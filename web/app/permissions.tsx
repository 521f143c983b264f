import type { ReactNode } from 'react';
import { can, type Permission } from '../../shared/domain/permissions';
import { NoAccessPage } from './errors';
import { useSession } from './session';

/**
 * Whether the signed-in user has a permission (or a wider one). The UI decides what to show
 * from permissions only — never from role names — and the server checks every request again.
 */
export function useCan(): (permission: Permission) => boolean {
  const { permissions } = useSession();
  return (permission) => can(permissions, permission);
}

/** A page the user may not see shows the no-access page, also when the URL is typed in. */
export function RequirePermission({ permission, children }: { permission: Permission; children: ReactNode }) {
  const allowed = useCan()(permission);
  return allowed ? children : <NoAccessPage />;
}
