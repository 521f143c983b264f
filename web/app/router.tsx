import type { ReactNode } from 'react';
import { createBrowserRouter } from 'react-router';
import { AuditLogPage } from '../features/audit/pages/AuditLogPage';
import { InsightPage } from '../features/audit/pages/InsightPage';
import { LoginPage } from '../features/auth/pages/LoginPage';
import { allocationRoutes } from '../features/allocation/routes';
import { householdsRoutes } from '../features/households/routes';
import { housingRoutes } from '../features/housing/routes';
import { intakeRoutes } from '../features/intake/routes';
import { personsRoutes } from '../features/persons/routes';
import { settlementSettingsRoutes } from '../features/settlement-settings/routes';
import { ModulePage } from '../features/modules/pages/ModulePage';
import { OverviewPage } from '../features/overview/pages/OverviewPage';
import { ProfilePage } from '../features/profile/pages/ProfilePage';
import { tasksRoutes } from '../features/tasks/routes';
import { UnitsPage } from '../features/units/pages/UnitsPage';
import { UserPage } from '../features/users/pages/UserPage';
import { UsersPage } from '../features/users/pages/UsersPage';
import { NoAccessPage, NotFoundPage, RouteErrorPage } from './errors';
import { PublicLayout, SignedInLayout } from './Layout';
import { loginPath, noAccessPath, pagePermission, profilePath } from './navigation';
import { RequirePermission } from './permissions';

/** A page that needs the permission of its menu item (`menuPath`); without it, the no-access page. */
function guarded(menuPath: string, element: ReactNode): ReactNode {
  return <RequirePermission permission={pagePermission(menuPath)}>{element}</RequirePermission>;
}

// Paths must match navigation.ts. Every unknown path inside the signed-in app is "not found";
// a signed-out user is sent to login first and comes back to the path afterwards.
export function createRouter() {
  return createBrowserRouter([
    {
      errorElement: <RouteErrorPage />,
      children: [
        {
          element: <PublicLayout />,
          children: [{ path: loginPath, element: <LoginPage /> }],
        },
        {
          element: <SignedInLayout />,
          children: [
            { index: true, element: guarded('/', <OverviewPage />) },
            { path: 'oppfolging', element: guarded('/oppfolging', <ModulePage module="followUp" />) },
            { path: 'rapporter', element: guarded('/rapporter', <ModulePage module="reports" />) },
            { path: 'enheter', element: guarded('/enheter', <UnitsPage />) },
            { path: 'brukere', element: guarded('/brukere', <UsersPage />) },
            { path: 'brukere/:id', element: guarded('/brukere', <UserPage />) },
            { path: 'hendelseslogg', element: guarded('/hendelseslogg', <AuditLogPage />) },
            { path: 'innsyn', element: guarded('/innsyn', <InsightPage />) },
            ...housingRoutes,
            ...tasksRoutes,
            ...intakeRoutes,
            ...householdsRoutes,
            ...personsRoutes,
            ...settlementSettingsRoutes,
            ...allocationRoutes,
            { path: profilePath.slice(1), element: <ProfilePage /> },
            { path: noAccessPath, element: <NoAccessPage /> },
            { path: '*', element: <NotFoundPage /> },
          ],
        },
      ],
    },
  ]);
}
