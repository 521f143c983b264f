import { z } from 'zod';
import {
  createInspectionRequest,
  createLeaseRequest,
  createLeaseResponse,
  createNeedsAssessmentRequest,
  dwellingLeasesParams,
  dwellingLeasesResponse,
  leaseDto,
  leaseIdParams,
  leaseListQuery,
  leaseListResponse,
  renewLeaseRequest,
  terminateLeaseRequest,
  updateLeaseRequest,
  versionResponse,
} from '../../../shared/api/leases';
import type { AppDeps } from '../../app';
import { defineRoute, type AnyRoute } from '../../http/route';
import { auditContext } from '../audit/audit.context';
import { parseIfMatch } from '../../http/if-match';
import * as leases from './leases.usecases';

const idResponse = z.object({ id: z.uuid() });

export function leaseRoutes(deps: AppDeps): AnyRoute[] {
  const db = deps.db.app;
  const clock = deps.clock;
  return [
    defineRoute({
      method: 'GET',
      url: '/api/leases',
      summary: 'Leases (filter by kind, state, dwelling, landlord, expiry, missing needs assessment)',
      tags: ['leases'],
      auth: 'session',
      query: leaseListQuery,
      response: leaseListResponse,
      personalData: true,
      handler: ({ actor, query }) => leases.listLeases(actor, { db, clock, query }),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/leases',
      summary: 'Register a head lease, sublease or direct lease; term warnings are returned',
      tags: ['leases'],
      auth: 'session',
      body: createLeaseRequest,
      response: createLeaseResponse,
      status: 201,
      handler: async ({ actor, body, request, reply }) => {
        const result = await leases.createLease(actor, {
          db,
          clock,
          input: body,
          context: auditContext(request, actor, clock(), 'tenancy'),
          allowSyntheticIdentity: deps.env.NODE_ENV !== 'production',
        });
        reply.header('etag', `"${result.version}"`);
        return result;
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/leases/:id',
      summary: 'A lease with parties, renewals, needs assessments, inspections and warnings (display audited)',
      tags: ['leases'],
      auth: 'session',
      params: leaseIdParams,
      response: leaseDto,
      personalData: true,
      handler: async ({ actor, params, request, reply }) => {
        const lease = await leases.getLease(actor, { db, clock, id: params.id, context: auditContext(request, actor, clock(), 'tenancy') });
        reply.header('etag', `"${lease.version}"`);
        return lease;
      },
    }),
    defineRoute({
      method: 'PATCH',
      url: '/api/leases/:id',
      summary: 'Change rent, deposit, signer, notes … (If-Match: "<version>")',
      tags: ['leases'],
      auth: 'session',
      params: leaseIdParams,
      body: updateLeaseRequest,
      response: leaseDto,
      personalData: true,
      handler: async ({ actor, params, body, request, reply }) => {
        const version = parseIfMatch(request.headers['if-match']);
        const lease = await leases.updateLease(actor, { db, clock, id: params.id, version, input: body });
        reply.header('etag', `"${lease.version}"`);
        return lease;
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/dwellings/:id/leases',
      summary: 'Current and past leases of a dwelling',
      tags: ['leases'],
      auth: 'session',
      params: dwellingLeasesParams,
      response: dwellingLeasesResponse,
      personalData: true,
      handler: ({ actor, params }) => leases.dwellingLeases(actor, { db, clock, dwellingId: params.id }),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/leases/:id/needs-assessments',
      summary: 'Record a needs assessment (behovsvurdering) for the lease',
      tags: ['leases'],
      auth: 'session',
      params: leaseIdParams,
      body: createNeedsAssessmentRequest,
      response: idResponse,
      status: 201,
      handler: ({ actor, params, body }) => leases.addNeedsAssessment(actor, { db, clock, id: params.id, input: body }),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/leases/:id/renewals',
      summary: 'Renew the lease on a needs assessment that found a continued need',
      tags: ['leases'],
      auth: 'session',
      params: leaseIdParams,
      body: renewLeaseRequest,
      response: versionResponse,
      status: 201,
      handler: ({ actor, params, body }) => leases.renewLease(actor, { db, clock, id: params.id, input: body }),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/leases/:id/termination',
      summary: 'Terminate the lease (notice date, end date, reason and destination)',
      tags: ['leases'],
      auth: 'session',
      params: leaseIdParams,
      body: terminateLeaseRequest,
      response: versionResponse,
      handler: ({ actor, params, body }) => leases.terminateLease(actor, { db, clock, id: params.id, input: body }),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/leases/:id/cancel',
      summary: 'Cancel a lease registered by mistake (frees its period)',
      tags: ['leases'],
      auth: 'session',
      params: leaseIdParams,
      response: versionResponse,
      handler: ({ actor, params }) => leases.cancelLease(actor, { db, clock, id: params.id }),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/leases/:id/inspections',
      summary: 'Record a move-out inspection with damages and deposit withheld',
      tags: ['leases'],
      auth: 'session',
      params: leaseIdParams,
      body: createInspectionRequest,
      response: idResponse,
      status: 201,
      handler: ({ actor, params, body }) => leases.addInspection(actor, { db, clock, id: params.id, input: body }),
    }),
  ];
}
