import type { RouteObject } from 'react-router';
import { guardedRoute } from '../../../app/guarded-route';
import { ImportPage } from './ImportPage';

export const routes: RouteObject[] = [guardedRoute('boliger/import', 'write:dwelling:any', <ImportPage />)];
