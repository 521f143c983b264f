import type { RouteObject } from 'react-router';
import { RequirePermission } from '../../../app/permissions';
import { BuildingPage } from '../buildings/pages/BuildingPage';
import { BuildingsPage } from '../buildings/pages/BuildingsPage';
import { DwellingPage } from './pages/DwellingPage';
import { DwellingsPage } from './pages/DwellingsPage';
import { EditDwellingPage } from './pages/EditDwellingPage';
import { NewDwellingPage } from './pages/NewDwellingPage';

// The housing register: /boliger (list), /boliger/ny, /boliger/:id, /boliger/:id/endre, and the
// buildings /bygg, /bygg/:id. Reading needs read:dwelling at unit scope or wider (the server
// narrows a unit-scoped reader to the dwellings of their units); changing needs write:dwelling.
const read = 'read:dwelling:unit' as const;
const write = 'write:dwelling:any' as const;

export const routes: RouteObject[] = [
  {
    path: 'boliger',
    element: (
      <RequirePermission permission={read}>
        <DwellingsPage />
      </RequirePermission>
    ),
  },
  {
    path: 'boliger/ny',
    element: (
      <RequirePermission permission={write}>
        <NewDwellingPage />
      </RequirePermission>
    ),
  },
  {
    path: 'boliger/:id',
    element: (
      <RequirePermission permission={read}>
        <DwellingPage />
      </RequirePermission>
    ),
  },
  {
    path: 'boliger/:id/endre',
    element: (
      <RequirePermission permission={write}>
        <EditDwellingPage />
      </RequirePermission>
    ),
  },
  {
    path: 'bygg',
    element: (
      <RequirePermission permission={read}>
        <BuildingsPage />
      </RequirePermission>
    ),
  },
  {
    path: 'bygg/:id',
    element: (
      <RequirePermission permission={read}>
        <BuildingPage />
      </RequirePermission>
    ),
  },
];
