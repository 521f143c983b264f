import type { RouteObject } from 'react-router';
import { RequirePermission } from '../../../app/permissions';
import { LeasePage } from './pages/LeasePage';
import { LeasesPage } from './pages/LeasesPage';
import { NewLeasePage } from './pages/NewLeasePage';

export const routes: RouteObject[] = [
  {
    path: 'kontrakter',
    element: (
      <RequirePermission permission="read:lease:any">
        <LeasesPage />
      </RequirePermission>
    ),
  },
  {
    path: 'kontrakter/ny',
    element: (
      <RequirePermission permission="write:lease:any">
        <NewLeasePage />
      </RequirePermission>
    ),
  },
  {
    path: 'kontrakter/:id',
    element: (
      <RequirePermission permission="read:lease:any">
        <LeasePage />
      </RequirePermission>
    ),
  },
];
