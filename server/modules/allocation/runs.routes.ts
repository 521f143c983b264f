import { z } from 'zod';
import {
  batchCandidatesQuery,
  batchCandidatesResponse,
  createRunRequest,
  matchingDomainInput,
  offerListResponse,
  reserveRequest,
  runDto,
  runListQuery,
  runListResponse,
} from '../../../shared/api/allocation';
import type { AppDeps } from '../../app';
import { defineRoute, type AnyRoute } from '../../http/route';
import { auditContext } from '../audit/audit.context';
import * as reservation from './reservation.usecases';
import * as runs from './runs.usecases';

const runParams = z.object({ id: z.uuid() });

/** The workbench: batch candidates, matching runs, reservation of proposals (issue 6 items 2, 4, 5, 7). */
export function allocationRunsRoutes(deps: AppDeps): AnyRoute[] {
  const db = deps.db.app;
  const clock = deps.clock;
  return [
    defineRoute({
      method: 'GET',
      url: '/api/allocation/candidates',
      summary: 'The batch to choose from: households awaiting a dwelling (accepted, no live offer) and dwellings available by a date',
      tags: ['allocation'],
      auth: 'session',
      query: batchCandidatesQuery,
      response: batchCandidatesResponse,
      personalData: true,
      handler: ({ actor, query, request }) =>
        runs.listCandidates(actor, { db, clock, availableBy: query.availableBy, context: auditContext(request, actor, clock(), 'allocation') }),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/allocation/runs',
      summary: 'Run the matcher on a batch (with locks); the instance and the result with explanations are stored',
      tags: ['allocation'],
      auth: 'session',
      body: createRunRequest,
      response: runDto,
      status: 201,
      personalData: true,
      handler: ({ actor, body, request }) =>
        runs.createRun(actor, { db, clock, input: body, context: auditContext(request, actor, clock(), 'allocation') }),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/allocation/runs',
      summary: 'Recent matching runs with their figures (newest first)',
      tags: ['allocation'],
      auth: 'session',
      query: runListQuery,
      response: runListResponse,
      handler: ({ actor, query }) => runs.listRuns(actor, { db, limit: query.limit }),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/allocation/runs/:id',
      summary: 'A stored run: proposals with explanations, unassigned households, runners-up, buildings before/after, quality',
      tags: ['allocation'],
      auth: 'session',
      params: runParams,
      response: runDto,
      personalData: true,
      handler: ({ actor, params, request }) =>
        runs.getRun(actor, { db, id: params.id, context: auditContext(request, actor, clock(), 'allocation') }),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/allocation/runs/:id/instance',
      summary: 'The run\'s instance in the open domain form (docs/matching-format.md), as a file for `npm run match`',
      tags: ['allocation'],
      auth: 'session',
      params: runParams,
      response: matchingDomainInput,
      personalData: true,
      handler: async ({ actor, params, request, reply }) => {
        const { instance } = await runs.getRunInstance(actor, { db, id: params.id, context: auditContext(request, actor, clock(), 'allocation') });
        reply.header('content-disposition', `attachment; filename="husly-tildeling-${params.id}.json"`);
        return instance;
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/allocation/runs/:id/reserve',
      summary: 'Reserve proposals of the run in one transaction: an offer per pair, the household to dwelling_reserved',
      tags: ['allocation'],
      auth: 'session',
      params: runParams,
      body: reserveRequest,
      response: offerListResponse,
      status: 201,
      personalData: true,
      handler: ({ actor, params, body, request }) =>
        reservation.reserve(actor, { db, clock, runId: params.id, input: body, context: auditContext(request, actor, clock(), 'allocation') }),
    }),
  ];
}
