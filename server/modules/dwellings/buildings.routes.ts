import {
  buildingDetailResponse,
  buildingIdParams,
  buildingListResponse,
  createBuildingRequest,
  updateBuildingRequest,
} from '../../../shared/api/buildings';
import type { AppDeps } from '../../app';
import { defineRoute, type AnyRoute } from '../../http/route';
import { parseIfMatch } from '../../http/if-match';
import * as buildings from './buildings.usecases';

export function buildingRoutes(deps: AppDeps): AnyRoute[] {
  const base = { db: deps.db.app, clock: deps.clock };
  return [
    defineRoute({
      method: 'GET',
      url: '/api/buildings',
      summary: 'Buildings of the housing register',
      tags: ['dwellings'],
      auth: 'session',
      response: buildingListResponse,
      handler: ({ actor }) => buildings.listBuildings(actor, base),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/buildings',
      summary: 'Register a building',
      tags: ['dwellings'],
      auth: 'session',
      body: createBuildingRequest,
      response: buildingDetailResponse,
      status: 201,
      handler: async ({ actor, body, reply }) => {
        const result = await buildings.createBuilding(actor, { ...base, input: body });
        reply.header('etag', `"${result.building.version}"`);
        return result;
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/buildings/:id',
      summary: 'One building with its dwellings',
      tags: ['dwellings'],
      auth: 'session',
      params: buildingIdParams,
      response: buildingDetailResponse,
      handler: async ({ actor, params, reply }) => {
        const result = await buildings.getBuilding(actor, { ...base, id: params.id });
        reply.header('etag', `"${result.building.version}"`);
        return result;
      },
    }),
    defineRoute({
      method: 'PATCH',
      url: '/api/buildings/:id',
      summary: 'Change a building (If-Match: "<version>")',
      tags: ['dwellings'],
      auth: 'session',
      params: buildingIdParams,
      body: updateBuildingRequest,
      response: buildingDetailResponse,
      handler: async ({ actor, params, body, request, reply }) => {
        const version = parseIfMatch(request.headers['if-match']);
        const result = await buildings.updateBuilding(actor, { ...base, id: params.id, version, input: body });
        reply.header('etag', `"${result.building.version}"`);
        return result;
      },
    }),
    defineRoute({
      method: 'DELETE',
      url: '/api/buildings/:id',
      summary: 'Delete an empty building (building.has_dwellings otherwise)',
      tags: ['dwellings'],
      auth: 'session',
      params: buildingIdParams,
      handler: async ({ actor, params }) => {
        await buildings.deleteBuilding(actor, { ...base, id: params.id });
      },
    }),
  ];
}
