import type { RouteObject } from 'react-router';

export const settlementSettingsRoutes: RouteObject[] = [];
