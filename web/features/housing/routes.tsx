import type { RouteObject } from 'react-router';
import { routes as dwellingRoutes } from './dwellings/routes';
import { routes as landlordRoutes } from './landlords/routes';
import { routes as leaseRoutes } from './leases/routes';
import { routes as stockIoRoutes } from './stock-io/routes';

/** Housing stock and tenancies: /boliger, /bygg, /kontrakter, /utleiere, /boliger/import. */
export const housingRoutes: RouteObject[] = [...dwellingRoutes, ...leaseRoutes, ...landlordRoutes, ...stockIoRoutes];
