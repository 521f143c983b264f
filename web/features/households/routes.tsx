import type { RouteObject } from 'react-router';

export const householdsRoutes: RouteObject[] = [];
