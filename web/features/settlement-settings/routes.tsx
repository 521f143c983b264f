import type { RouteObject } from 'react-router';
import { guardedRoute } from '../../app/guarded-route';
import { SettlementSettingsPage } from './pages/SettlementSettingsPage';

/** /bosettingsinnstillinger — admins change the settings; others with the permission read them. */
export const settlementSettingsRoutes: RouteObject[] = [
  guardedRoute('bosettingsinnstillinger', 'read:housing_settings:any', <SettlementSettingsPage />),
];
