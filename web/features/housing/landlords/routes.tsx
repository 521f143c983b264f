import type { RouteObject } from 'react-router';
import { guardedRoute } from '../../../app/guarded-route';
import { LandlordPage } from './pages/LandlordPage';
import { LandlordsPage } from './pages/LandlordsPage';

export const routes: RouteObject[] = [
  guardedRoute('utleiere', 'read:landlord:any', <LandlordsPage />),
  guardedRoute('utleiere/:id', 'read:landlord:any', <LandlordPage />),
];
