import type { RouteObject } from 'react-router';

export const intakeRoutes: RouteObject[] = [];
