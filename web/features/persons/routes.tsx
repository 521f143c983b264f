import type { RouteObject } from 'react-router';

export const personsRoutes: RouteObject[] = [];
