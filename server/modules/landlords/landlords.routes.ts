import { z } from 'zod';
import {
  contactCandidatesResponse,
  createIncidentRequest,
  createLandlordRequest,
  incidentParams,
  landlordDto,
  landlordIdParams,
  landlordListQuery,
  landlordListResponse,
  resolveIncidentRequest,
  updateLandlordRequest,
} from '../../../shared/api/landlords';
import type { AppDeps } from '../../app';
import { defineRoute, type AnyRoute } from '../../http/route';
import { auditContext } from '../audit/audit.context';
import { parseIfMatch } from '../../http/if-match';
import * as landlords from './landlords.usecases';

const idResponse = z.object({ id: z.uuid() });

export function landlordRoutes(deps: AppDeps): AnyRoute[] {
  const db = deps.db.app;
  const clock = deps.clock;
  return [
    defineRoute({
      method: 'GET',
      url: '/api/landlords',
      summary: 'Private landlords (search by name or organisation number, filter by category and flags)',
      tags: ['landlords'],
      auth: 'session',
      query: landlordListQuery,
      response: landlordListResponse,
      personalData: true,
      handler: ({ actor, query }) => landlords.listLandlords(actor, { db, clock, query }),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/landlords/contact-candidates',
      summary: 'Active staff who can be a landlord’s fixed contact person',
      tags: ['landlords'],
      auth: 'session',
      response: contactCandidatesResponse,
      handler: ({ actor }) => landlords.contactCandidates(actor, { db }),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/landlords',
      summary: 'Register a landlord (organisation and account numbers mod-11 checked)',
      tags: ['landlords'],
      auth: 'session',
      body: createLandlordRequest,
      response: landlordDto,
      status: 201,
      personalData: true,
      handler: async ({ actor, body, request, reply }) => {
        const landlord = await landlords.createLandlord(actor, {
          db,
          clock,
          input: body,
          context: auditContext(request, actor, clock(), 'tenancy'),
        });
        reply.header('etag', `"${landlord.version}"`);
        return landlord;
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/landlords/:id',
      summary: 'A landlord with incidents and leases (display of a person-landlord audited)',
      tags: ['landlords'],
      auth: 'session',
      params: landlordIdParams,
      response: landlordDto,
      personalData: true,
      handler: async ({ actor, params, request, reply }) => {
        const landlord = await landlords.getLandlord(actor, {
          db,
          clock,
          id: params.id,
          context: auditContext(request, actor, clock(), 'tenancy'),
        });
        reply.header('etag', `"${landlord.version}"`);
        return landlord;
      },
    }),
    defineRoute({
      method: 'PATCH',
      url: '/api/landlords/:id',
      summary: 'Change a landlord (If-Match: "<version>")',
      tags: ['landlords'],
      auth: 'session',
      params: landlordIdParams,
      body: updateLandlordRequest,
      response: landlordDto,
      personalData: true,
      handler: async ({ actor, params, body, request, reply }) => {
        const version = parseIfMatch(request.headers['if-match']);
        const landlord = await landlords.updateLandlord(actor, {
          db,
          clock,
          id: params.id,
          version,
          input: body,
          context: auditContext(request, actor, clock(), 'tenancy'),
        });
        reply.header('etag', `"${landlord.version}"`);
        return landlord;
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/landlords/:id/incidents',
      summary: 'Log a complaint or incident with the landlord',
      tags: ['landlords'],
      auth: 'session',
      params: landlordIdParams,
      body: createIncidentRequest,
      response: idResponse,
      status: 201,
      handler: ({ actor, params, body }) => landlords.addIncident(actor, { db, clock, id: params.id, input: body }),
    }),
    defineRoute({
      method: 'PATCH',
      url: '/api/landlords/:id/incidents/:incidentId',
      summary: 'Resolve (or reopen) an incident',
      tags: ['landlords'],
      auth: 'session',
      params: incidentParams,
      body: resolveIncidentRequest,
      response: idResponse,
      handler: ({ actor, params, body }) =>
        landlords.resolveIncident(actor, { db, id: params.id, incidentId: params.incidentId, input: body }),
    }),
  ];
}
