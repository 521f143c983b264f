import type { ReactNode } from 'react';
import type { RouteObject } from 'react-router';
import type { Permission } from '../../shared/domain/permissions';
import { RequirePermission } from './permissions';

/** A route whose page needs `permission`; without it, the no-access page (also for a typed-in URL). */
export function guardedRoute(path: string, permission: Permission, element: ReactNode): RouteObject {
  return { path, element: <RequirePermission permission={permission}>{element}</RequirePermission> };
}
