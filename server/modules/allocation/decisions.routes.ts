import { z } from 'zod';
import { createAppealRequest, createDecisionRequest, decisionDto, updateAppealRequest } from '../../../shared/api/allocation';
import type { AppDeps } from '../../app';
import { parseIfMatch } from '../../http/if-match';
import { sendStoredPdf } from '../../http/pdf';
import { defineRoute, type AnyRoute } from '../../http/route';
import { auditContext } from '../audit/audit.context';
import * as appeals from './appeals.usecases';
import * as decisions from './decisions.usecases';

// Allocation decisions (enkeltvedtak, issue 6 item 6) with their letters, and appeals.

const idParams = z.strictObject({ id: z.uuid() });

export function allocationDecisionsRoutes(deps: AppDeps): AnyRoute[] {
  const db = deps.db.app;
  const clock = deps.clock;
  return [
    defineRoute({
      method: 'POST',
      url: '/api/allocation/decisions',
      summary: 'Decide: allocate (an accepted offer; creates the lease, household ready to move in) or reject; with the decision letter',
      tags: ['allocation'],
      auth: 'session',
      body: createDecisionRequest,
      response: decisionDto,
      status: 201,
      personalData: true,
      handler: async ({ actor, body, request, reply }) => {
        const decision = await decisions.createDecision(actor, {
          db,
          clock,
          input: body,
          context: auditContext(request, actor, clock(), 'allocation'),
          allowSyntheticIdentity: deps.env.NODE_ENV !== 'production',
        });
        reply.header('location', `/api/allocation/decisions/${decision.id}`);
        return decision;
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/allocation/decisions/:id',
      summary: 'An allocation decision with its appeals (display audited)',
      tags: ['allocation'],
      auth: 'session',
      params: idParams,
      response: decisionDto,
      personalData: true,
      handler: ({ actor, params, request }) =>
        decisions.getDecision(actor, { db, id: params.id, context: auditContext(request, actor, clock(), 'allocation') }),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/allocation/decisions/:id/letter.pdf',
      summary: 'The decision letter as sent (PDF; audited)',
      tags: ['allocation'],
      auth: 'session',
      params: idParams,
      personalData: true,
      handler: async ({ actor, params, request, reply }) =>
        sendStoredPdf(
          reply,
          await decisions.decisionLetterPdf(actor, {
            db,
            id: params.id,
            context: auditContext(request, actor, clock(), 'allocation'),
          }),
        ),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/allocation/decisions/:id/appeals',
      summary: 'Register an appeal (late ones too, marked late); returns the decision with its appeals',
      tags: ['allocation'],
      auth: 'session',
      params: idParams,
      body: createAppealRequest,
      response: decisionDto,
      status: 201,
      personalData: true,
      handler: ({ actor, params, body, request }) =>
        appeals.createAppeal(actor, {
          db,
          clock,
          decisionId: params.id,
          input: body,
          context: auditContext(request, actor, clock(), 'allocation'),
        }),
    }),
    defineRoute({
      method: 'PATCH',
      url: '/api/allocation/appeals/:id',
      summary: 'Move an appeal on (office upholds/reverses, sent to the appeal body, outcome, withdrawn); If-Match: the appeal’s version',
      tags: ['allocation'],
      auth: 'session',
      params: idParams,
      body: updateAppealRequest,
      response: decisionDto,
      personalData: true,
      handler: ({ actor, params, body, request }) =>
        appeals.updateAppeal(actor, {
          db,
          clock,
          id: params.id,
          version: parseIfMatch(request.headers['if-match']),
          input: body,
          context: auditContext(request, actor, clock(), 'allocation'),
        }),
    }),
  ];
}
