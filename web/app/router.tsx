import { createBrowserRouter } from 'react-router';
import { LoginPage } from '../features/auth/pages/LoginPage';
import { ModulePage } from '../features/modules/pages/ModulePage';
import { OverviewPage } from '../features/overview/pages/OverviewPage';
import { UnitsPage } from '../features/units/pages/UnitsPage';
import { NoAccessPage, NotFoundPage, RouteErrorPage } from './errors';
import { PublicLayout, SignedInLayout } from './Layout';
import { loginPath, noAccessPath } from './navigation';

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
            { index: true, element: <OverviewPage /> },
            { path: 'bosetting', element: <ModulePage module="settlement" /> },
            { path: 'boliger', element: <ModulePage module="dwellings" /> },
            { path: 'husstander', element: <ModulePage module="households" /> },
            { path: 'tildeling', element: <ModulePage module="allocation" /> },
            { path: 'oppfolging', element: <ModulePage module="followUp" /> },
            { path: 'rapporter', element: <ModulePage module="reports" /> },
            { path: 'enheter', element: <UnitsPage /> },
            { path: noAccessPath, element: <NoAccessPage /> },
            { path: '*', element: <NotFoundPage /> },
          ],
        },
      ],
    },
  ]);
}
