import type { RouteObject } from 'react-router';
import { RequirePermission } from '../../../app/permissions';
import { ImportPage } from './ImportPage';

export const routes: RouteObject[] = [
  {
    path: 'boliger/import',
    element: (
      <RequirePermission permission="write:dwelling:any">
        <ImportPage />
      </RequirePermission>
    ),
  },
];
