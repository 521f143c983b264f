import type { RouteObject } from 'react-router';
import { guardedRoute } from '../../app/guarded-route';
import { HousingSettingsPage } from './pages/HousingSettingsPage';
import { TasksPage } from './pages/TasksPage';

/** /oppgaver (Mine oppgaver and the unit inbox) and /boliginnstillinger (housing settings). */
export const tasksRoutes: RouteObject[] = [
  guardedRoute('oppgaver', 'read:task:own', <TasksPage />),
  guardedRoute('boliginnstillinger', 'read:housing_settings:any', <HousingSettingsPage />),
];
