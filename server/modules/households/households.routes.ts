import {
  addMemberRequest,
  boardQuery,
  boardResponse,
  createHouseholdRequest,
  householdDto,
  householdIdParams,
  householdListQuery,
  householdListResponse,
  memberParams,
  quartersQuery,
  quartersResponse,
  setTargetRequest,
  targetParams,
  transitionRequest,
  updateHouseholdRequest,
  updateMemberRequest,
} from '../../../shared/api/households';
import type { HouseholdDto } from '../../../shared/api/households';
import type { FastifyReply } from 'fastify';
import type { AppDeps } from '../../app';
import { parseIfMatch } from '../../http/if-match';
import { defineRoute, type AnyRoute } from '../../http/route';
import { auditContext } from '../audit/audit.context';
import * as households from './households.usecases';
import * as pipeline from './pipeline.usecases';

function withEtag(reply: FastifyReply, household: HouseholdDto): HouseholdDto {
  reply.header('etag', `"${household.version}"`);
  return household;
}

export function householdRoutes(deps: AppDeps): AnyRoute[] {
  const db = deps.db.app;
  const clock = deps.clock;
  const environment = deps.env.NODE_ENV;
  return [
    defineRoute({
      method: 'GET',
      url: '/api/households',
      summary: 'Households: search (name in any script, fnr/D-nr, DUF, reference, IMDi case), filters, sorted by urgency',
      tags: ['households'],
      auth: 'session',
      query: householdListQuery,
      response: householdListResponse,
      personalData: true,
      handler: ({ actor, query }) => households.listHouseholds(actor, { db, clock, query }),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/households',
      summary: 'Register a household with its members (existing persons or new ones); the pipeline starts at proposed',
      tags: ['households'],
      auth: 'session',
      body: createHouseholdRequest,
      response: householdDto,
      status: 201,
      personalData: true,
      handler: async ({ actor, body, request, reply }) =>
        withEtag(
          reply,
          await households.createHousehold(actor, {
            db,
            clock,
            input: body,
            environment,
            context: auditContext(request, actor, clock(), 'settlement'),
          }),
        ),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/households/:id',
      summary: 'A household: members, composition, needs, clock, pipeline history, contacts (display audited)',
      tags: ['households'],
      auth: 'session',
      params: householdIdParams,
      response: householdDto,
      personalData: true,
      handler: async ({ actor, params, request, reply }) =>
        withEtag(
          reply,
          await households.getHousehold(actor, { db, clock, id: params.id, context: auditContext(request, actor, clock(), 'settlement') }),
        ),
    }),
    defineRoute({
      method: 'PATCH',
      url: '/api/households/:id',
      summary: 'Change a household (If-Match: "<version>"); accessibility needs write:functional_needs',
      tags: ['households'],
      auth: 'session',
      params: householdIdParams,
      body: updateHouseholdRequest,
      response: householdDto,
      personalData: true,
      handler: async ({ actor, params, body, request, reply }) => {
        const version = parseIfMatch(request.headers['if-match']);
        return withEtag(
          reply,
          await households.updateHousehold(actor, {
            db,
            clock,
            id: params.id,
            version,
            input: body,
            context: auditContext(request, actor, clock(), 'settlement'),
          }),
        );
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/households/:id/members',
      summary: 'Add a member (an existing person or a new one)',
      tags: ['households'],
      auth: 'session',
      params: householdIdParams,
      body: addMemberRequest,
      response: householdDto,
      status: 201,
      personalData: true,
      handler: async ({ actor, params, body, request, reply }) =>
        withEtag(
          reply,
          await households.addMember(actor, {
            db,
            clock,
            id: params.id,
            input: body,
            environment,
            context: auditContext(request, actor, clock(), 'settlement'),
          }),
        ),
    }),
    defineRoute({
      method: 'PATCH',
      url: '/api/households/:id/members/:personId',
      summary: 'Change a member’s relation, or record that the member left the household',
      tags: ['households'],
      auth: 'session',
      params: memberParams,
      body: updateMemberRequest,
      response: householdDto,
      personalData: true,
      handler: async ({ actor, params, body, request, reply }) =>
        withEtag(
          reply,
          await households.updateMember(actor, {
            db,
            clock,
            id: params.id,
            personId: params.personId,
            input: body,
            context: auditContext(request, actor, clock(), 'settlement'),
          }),
        ),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/households/:id/transitions',
      summary: 'Move the household in the settlement pipeline (If-Match: "<version>"); who, when and why recorded',
      tags: ['households'],
      auth: 'session',
      params: householdIdParams,
      body: transitionRequest,
      response: householdDto,
      personalData: true,
      handler: async ({ actor, params, body, request, reply }) => {
        const version = parseIfMatch(request.headers['if-match']);
        return withEtag(
          reply,
          await pipeline.transition(actor, {
            db,
            clock,
            id: params.id,
            version,
            input: body,
            context: auditContext(request, actor, clock(), 'settlement'),
          }),
        );
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/pipeline/board',
      summary: 'The pipeline board: a column per state, most urgent first (settled and closed: last 90 days)',
      tags: ['households'],
      auth: 'session',
      query: boardQuery,
      response: boardResponse,
      personalData: true,
      handler: ({ actor, query }) => pipeline.board(actor, { db, clock, query }),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/pipeline/quarters',
      summary: 'Settled per quarter (households, persons, within deadline) against the quarter’s target in persons',
      tags: ['households'],
      auth: 'session',
      query: quartersQuery,
      response: quartersResponse,
      handler: ({ actor, query }) => pipeline.quarters(actor, { db, year: query.year }),
    }),
    defineRoute({
      method: 'PUT',
      url: '/api/pipeline/targets/:year/:quarter',
      summary: 'Set a quarter’s settlement target (persons)',
      tags: ['households'],
      auth: 'session',
      params: targetParams,
      body: setTargetRequest,
      response: quartersResponse,
      handler: ({ actor, params, body }) =>
        pipeline.setTarget(actor, { db, clock, year: params.year, quarter: params.quarter, target: body.target }),
    }),
  ];
}
