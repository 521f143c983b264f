import type { RouteObject } from 'react-router';
import { guardedRoute } from '../../app/guarded-route';
import './households.css';
import { BoardPage } from './pages/BoardPage';
import { HouseholdPage } from './pages/HouseholdPage';
import { HouseholdsPage } from './pages/HouseholdsPage';
import { NewHouseholdPage } from './pages/NewHouseholdPage';

// Households and the settlement pipeline: /husstander (list), /husstander/ny, /husstander/:id and
// the board /bosetting. Reading needs read:household at unit scope or wider (the server narrows a
// unit-scoped reader to the households of their units); registering needs write:household.
// /husstander/import (the IMDi intake) is the intake feature's route.
const read = 'read:household:unit' as const;

export const householdsRoutes: RouteObject[] = [
  guardedRoute('husstander', read, <HouseholdsPage />),
  guardedRoute('husstander/ny', 'write:household:any', <NewHouseholdPage />),
  guardedRoute('husstander/:id', read, <HouseholdPage />),
  guardedRoute('bosetting', read, <BoardPage />),
];
