import type { RouteObject } from 'react-router';
import { guardedRoute } from '../../app/guarded-route';
import { PersonPage } from './pages/PersonPage';

/** /personer/:id — the person page. Persons are registered with a household or by IMDi import. */
export const personsRoutes: RouteObject[] = [guardedRoute('personer/:id', 'read:person:unit', <PersonPage />)];
