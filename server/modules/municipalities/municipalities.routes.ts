import { overviewResponse } from '../../../shared/api/overview';
import type { AppDeps } from '../../app';
import { defineRoute, type AnyRoute } from '../../http/route';
import { overview } from './municipalities.usecases';

export function municipalityRoutes(deps: AppDeps): AnyRoute[] {
  return [
    defineRoute({
      method: 'GET',
      url: '/api/overview',
      summary: 'The municipality at a glance',
      tags: ['municipality'],
      auth: 'session',
      response: overviewResponse,
      handler: ({ actor }) => overview(actor, { db: deps.db.app }),
    }),
  ];
}
