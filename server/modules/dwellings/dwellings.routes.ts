import {
  changeDwellingStatusRequest,
  createDwellingRequest,
  dwellingDetailResponse,
  dwellingIdParams,
  dwellingListQuery,
  dwellingListResponse,
  updateDwellingRequest,
} from '../../../shared/api/dwellings';
import type { AppDeps } from '../../app';
import { defineRoute, type AnyRoute } from '../../http/route';
import { parseIfMatch } from '../../http/if-match';
import { buildingRoutes } from './buildings.routes';
import * as dwellings from './dwellings.usecases';

export function dwellingRoutes(deps: AppDeps): AnyRoute[] {
  const base = { db: deps.db.app, clock: deps.clock };
  return [
    defineRoute({
      method: 'GET',
      url: '/api/dwellings',
      summary: 'The housing register: filter, sort, page (≤ 200 rows)',
      tags: ['dwellings'],
      auth: 'session',
      query: dwellingListQuery,
      response: dwellingListResponse,
      handler: ({ actor, query }) => dwellings.listDwellings(actor, { ...base, query }),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/dwellings',
      summary: 'Register a dwelling (records its initial status)',
      tags: ['dwellings'],
      auth: 'session',
      body: createDwellingRequest,
      response: dwellingDetailResponse,
      status: 201,
      handler: async ({ actor, body, reply }) => {
        const result = await dwellings.createDwelling(actor, { ...base, input: body });
        reply.header('etag', `"${result.dwelling.version}"`);
        return result;
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/dwellings/:id',
      summary: 'One dwelling with status history, building, sub-units and vacancy',
      tags: ['dwellings'],
      auth: 'session',
      params: dwellingIdParams,
      response: dwellingDetailResponse,
      handler: async ({ actor, params, reply }) => {
        const result = await dwellings.getDwelling(actor, { ...base, id: params.id });
        reply.header('etag', `"${result.dwelling.version}"`);
        return result;
      },
    }),
    defineRoute({
      method: 'PATCH',
      url: '/api/dwellings/:id',
      summary: 'Change a dwelling (If-Match: "<version>")',
      tags: ['dwellings'],
      auth: 'session',
      params: dwellingIdParams,
      body: updateDwellingRequest,
      response: dwellingDetailResponse,
      handler: async ({ actor, params, body, request, reply }) => {
        const version = parseIfMatch(request.headers['if-match']);
        const result = await dwellings.updateDwelling(actor, { ...base, id: params.id, version, input: body });
        reply.header('etag', `"${result.dwelling.version}"`);
        return result;
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/dwellings/:id/status',
      summary: "Change a dwelling's status (not let/notice_given: those follow the leases)",
      tags: ['dwellings'],
      auth: 'session',
      params: dwellingIdParams,
      body: changeDwellingStatusRequest,
      response: dwellingDetailResponse,
      handler: async ({ actor, params, body, reply }) => {
        const result = await dwellings.changeDwellingStatus(actor, { ...base, id: params.id, input: body });
        reply.header('etag', `"${result.dwelling.version}"`);
        return result;
      },
    }),
    ...buildingRoutes(deps),
  ];
}
