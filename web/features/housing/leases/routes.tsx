import type { RouteObject } from 'react-router';
import { guardedRoute } from '../../../app/guarded-route';
import { LeasePage } from './pages/LeasePage';
import { LeasesPage } from './pages/LeasesPage';
import { NewLeasePage } from './pages/NewLeasePage';

export const routes: RouteObject[] = [
  guardedRoute('kontrakter', 'read:lease:any', <LeasesPage />),
  guardedRoute('kontrakter/ny', 'write:lease:any', <NewLeasePage />),
  guardedRoute('kontrakter/:id', 'read:lease:any', <LeasePage />),
];
