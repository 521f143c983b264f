import { settlementSettingsDto, updateSettlementSettingsRequest } from '../../../shared/api/settlement-settings';
import type { AppDeps } from '../../app';
import { parseIfMatch } from '../../http/if-match';
import { defineRoute, type AnyRoute } from '../../http/route';
import * as settings from './settlement-settings.usecases';

export function settlementSettingsRoutes(deps: AppDeps): AnyRoute[] {
  return [
    defineRoute({
      method: 'GET',
      url: '/api/settlement-settings',
      summary: "The municipality's settlement settings (the default checklist until it stores its own)",
      tags: ['settlement-settings'],
      auth: 'session',
      response: settlementSettingsDto,
      handler: async ({ actor, reply }) => {
        const result = await settings.getSettlementSettings(actor, { db: deps.db.app });
        reply.header('etag', `"${result.version}"`);
        return result;
      },
    }),
    defineRoute({
      method: 'PUT',
      url: '/api/settlement-settings',
      summary: 'Change the settlement settings (If-Match: "<version>"; fields left out are kept)',
      tags: ['settlement-settings'],
      auth: 'session',
      body: updateSettlementSettingsRequest,
      response: settlementSettingsDto,
      handler: async ({ actor, body, request, reply }) => {
        const version = parseIfMatch(request.headers['if-match']);
        const result = await settings.updateSettlementSettings(actor, {
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
