import { createUnitRequest, unitDto, unitIdParams, unitListResponse, updateUnitRequest } from '../../../shared/api/units';
import type { AppDeps } from '../../app';
import { parseIfMatch } from '../../http/if-match';
import { defineRoute, type AnyRoute } from '../../http/route';
import * as units from './units.usecases';

export function unitRoutes(deps: AppDeps): AnyRoute[] {
  return [
    defineRoute({
      method: 'GET',
      url: '/api/units',
      summary: 'Units of the municipality',
      tags: ['units'],
      auth: 'session',
      response: unitListResponse,
      handler: ({ actor }) => units.listUnits(actor, { db: deps.db.app }),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/units',
      summary: 'Create a unit',
      tags: ['units'],
      auth: 'session',
      body: createUnitRequest,
      response: unitDto,
      status: 201,
      handler: ({ actor, body }) => units.createUnit(actor, { db: deps.db.app, input: body }),
    }),
    defineRoute({
      method: 'PATCH',
      url: '/api/units/:id',
      summary: 'Change a unit (If-Match: "<version>")',
      tags: ['units'],
      auth: 'session',
      params: unitIdParams,
      body: updateUnitRequest,
      response: unitDto,
      handler: async ({ actor, params, body, request, reply }) => {
        const version = parseIfMatch(request.headers['if-match']);
        const unit = await units.updateUnit(actor, { db: deps.db.app, clock: deps.clock, id: params.id, version, input: body });
        reply.header('etag', `"${unit.version}"`);
        return unit;
      },
    }),
  ];
}
