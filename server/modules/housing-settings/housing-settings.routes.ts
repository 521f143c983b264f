import { housingSettingsDto, updateHousingSettingsRequest } from '../../../shared/api/housing-settings';
import type { AppDeps } from '../../app';
import { defineRoute, type AnyRoute } from '../../http/route';
import { parseIfMatch } from '../../http/if-match';
import * as settings from './housing-settings.usecases';

export function housingSettingsRoutes(deps: AppDeps): AnyRoute[] {
  return [
    defineRoute({
      method: 'GET',
      url: '/api/housing-settings',
      summary: "The municipality's housing settings (created with defaults on first read)",
      tags: ['housing-settings'],
      auth: 'session',
      response: housingSettingsDto,
      handler: async ({ actor, reply }) => {
        const result = await settings.getHousingSettings(actor, { db: deps.db.app });
        reply.header('etag', `"${result.version}"`);
        return result;
      },
    }),
    defineRoute({
      method: 'PATCH',
      url: '/api/housing-settings',
      summary: 'Change the housing settings (If-Match: "<version>")',
      tags: ['housing-settings'],
      auth: 'session',
      body: updateHousingSettingsRequest,
      response: housingSettingsDto,
      handler: async ({ actor, body, request, reply }) => {
        const version = parseIfMatch(request.headers['if-match']);
        const result = await settings.updateHousingSettings(actor, {
          db: deps.db.app,
          clock: deps.clock,
          version,
          input: body,
        });
        reply.header('etag', `"${result.version}"`);
        return result;
      },
    }),
  ];
}
