import type { RouteObject } from 'react-router';
import { RequirePermission } from '../../../app/permissions';
import { LandlordPage } from './pages/LandlordPage';
import { LandlordsPage } from './pages/LandlordsPage';

export const routes: RouteObject[] = [
  {
    path: 'utleiere',
    element: (
      <RequirePermission permission="read:landlord:any">
        <LandlordsPage />
      </RequirePermission>
    ),
  },
  {
    path: 'utleiere/:id',
    element: (
      <RequirePermission permission="read:landlord:any">
        <LandlordPage />
      </RequirePermission>
    ),
  },
];
