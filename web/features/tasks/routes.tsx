import type { RouteObject } from 'react-router';
import { RequirePermission } from '../../app/permissions';
import { HousingSettingsPage } from './pages/HousingSettingsPage';
import { TasksPage } from './pages/TasksPage';

/** /oppgaver (Mine oppgaver and the unit inbox) and /boliginnstillinger (housing settings). */
export const tasksRoutes: RouteObject[] = [
  {
    path: 'oppgaver',
    element: (
      <RequirePermission permission="read:task:own">
        <TasksPage />
      </RequirePermission>
    ),
  },
  {
    path: 'boliginnstillinger',
    element: (
      <RequirePermission permission="read:housing_settings:any">
        <HousingSettingsPage />
      </RequirePermission>
    ),
  },
];
