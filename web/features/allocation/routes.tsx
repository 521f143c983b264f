import type { RouteObject } from 'react-router';
import { guardedRoute } from '../../app/guarded-route';
import { WorkbenchPage } from './pages/WorkbenchPage';

/** /tildeling — the allocation workbench; sub-pages for criteria, offers and decisions. */
export const allocationRoutes: RouteObject[] = [guardedRoute('tildeling', 'read:allocation:unit', <WorkbenchPage />)];
