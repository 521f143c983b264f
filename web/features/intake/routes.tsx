import type { RouteObject } from 'react-router';
import { guardedRoute } from '../../app/guarded-route';
import { IntakePage } from './pages/IntakePage';

/** /husstander/import — IMDi's proposals from a file (only for those who may register households). */
export const intakeRoutes: RouteObject[] = [guardedRoute('husstander/import', 'write:household:any', <IntakePage />)];
