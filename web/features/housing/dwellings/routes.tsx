import type { RouteObject } from 'react-router';
import { guardedRoute } from '../../../app/guarded-route';
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
  guardedRoute('boliger', read, <DwellingsPage />),
  guardedRoute('boliger/ny', write, <NewDwellingPage />),
  guardedRoute('boliger/:id', read, <DwellingPage />),
  guardedRoute('boliger/:id/endre', write, <EditDwellingPage />),
  guardedRoute('bygg', read, <BuildingsPage />),
  guardedRoute('bygg/:id', read, <BuildingPage />),
];
