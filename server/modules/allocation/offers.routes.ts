import { z } from 'zod';
import {
  answerOfferRequest,
  householdAllocationResponse,
  makeOfferRequest,
  offerDto,
  offerListResponse,
  offerStates,
} from '../../../shared/api/allocation';
import type { OfferDto } from '../../../shared/api/allocation';
import type { FastifyReply } from 'fastify';
import type { AppDeps } from '../../app';
import { parseIfMatch } from '../../http/if-match';
import { sendStoredPdf } from '../../http/pdf';
import { defineRoute, type AnyRoute } from '../../http/route';
import { auditContext } from '../audit/audit.context';
import * as offers from './offers.usecases';

// Offers and answers (issue 6 item 5), the offer letter, and a household's allocation record.

const idParams = z.strictObject({ id: z.uuid() });
const listQuery = z.strictObject({ state: z.enum(offerStates).optional(), householdId: z.uuid().optional() });
const withdrawRequest = z.strictObject({ reason: z.string().trim().min(1).max(2000) });

function withEtag(reply: FastifyReply, offer: OfferDto): OfferDto {
  reply.header('etag', `"${offer.version}"`);
  return offer;
}

export function allocationOffersRoutes(deps: AppDeps): AnyRoute[] {
  const db = deps.db.app;
  const clock = deps.clock;
  return [
    defineRoute({
      method: 'GET',
      url: '/api/allocation/offers',
      summary: 'Offers (reserved, offered, answered, closed), newest first; filter by state and household',
      tags: ['allocation'],
      auth: 'session',
      query: listQuery,
      response: offerListResponse,
      handler: ({ actor, query }) => offers.listOffers(actor, { db, query }),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/allocation/offers/:id',
      summary: 'An offer with its explanation and what the user may do (ETag: its version; display audited)',
      tags: ['allocation'],
      auth: 'session',
      params: idParams,
      response: offerDto,
      personalData: true,
      handler: async ({ actor, params, request, reply }) =>
        withEtag(reply, await offers.getOffer(actor, { db, id: params.id, context: auditContext(request, actor, clock(), 'allocation') })),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/allocation/offers/:id/offer',
      summary: 'Make the reserved offer to the household with its letter (bokmål/nynorsk, summary in the household’s language); If-Match',
      tags: ['allocation'],
      auth: 'session',
      params: idParams,
      body: makeOfferRequest,
      response: offerDto,
      personalData: true,
      handler: async ({ actor, params, body, request, reply }) =>
        withEtag(
          reply,
          await offers.makeOffer(actor, {
            db,
            clock,
            id: params.id,
            version: parseIfMatch(request.headers['if-match']),
            input: body,
            context: auditContext(request, actor, clock(), 'allocation'),
          }),
        ),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/allocation/offers/:id/answer',
      summary: 'Record the answer: accepted, or refused with a reason, free text and its consequence (frees the dwelling); If-Match',
      tags: ['allocation'],
      auth: 'session',
      params: idParams,
      body: answerOfferRequest,
      response: offerDto,
      personalData: true,
      handler: async ({ actor, params, body, request, reply }) =>
        withEtag(
          reply,
          await offers.answerOffer(actor, {
            db,
            clock,
            id: params.id,
            version: parseIfMatch(request.headers['if-match']),
            input: body,
            context: auditContext(request, actor, clock(), 'allocation'),
          }),
        ),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/allocation/offers/:id/withdraw',
      summary: 'Withdraw a reserved or offered offer (frees the dwelling); If-Match',
      tags: ['allocation'],
      auth: 'session',
      params: idParams,
      body: withdrawRequest,
      response: offerDto,
      personalData: true,
      handler: async ({ actor, params, body, request, reply }) =>
        withEtag(
          reply,
          await offers.withdrawOffer(actor, {
            db,
            clock,
            id: params.id,
            version: parseIfMatch(request.headers['if-match']),
            reason: body.reason,
            context: auditContext(request, actor, clock(), 'allocation'),
          }),
        ),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/allocation/offers/:id/letter.pdf',
      summary: 'The latest offer letter as sent (PDF; audited)',
      tags: ['allocation'],
      auth: 'session',
      params: idParams,
      personalData: true,
      handler: async ({ actor, params, request, reply }) =>
        sendStoredPdf(
          reply,
          await offers.offerLetterPdf(actor, {
            db,
            id: params.id,
            context: auditContext(request, actor, clock(), 'allocation'),
          }),
        ),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/households/:id/allocation',
      summary: 'A household’s offers and allocation decisions with appeals, newest first (display audited)',
      tags: ['allocation'],
      auth: 'session',
      params: idParams,
      response: householdAllocationResponse,
      personalData: true,
      handler: ({ actor, params, request }) =>
        offers.householdAllocation(actor, { db, householdId: params.id, context: auditContext(request, actor, clock(), 'allocation') }),
    }),
  ];
}
