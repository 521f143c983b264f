import { z } from 'zod';
import {
  anonymiseRequest,
  createPersonRequest,
  createSpecialCategoryRequest,
  personDto,
  personExportDto,
  personIdParams,
  personListQuery,
  personListResponse,
  specialCategoryDto,
  specialCategoryListResponse,
  specialCategoryParams,
  updatePersonRequest,
  updateSpecialCategoryRequest,
} from '../../../shared/api/persons';
import type { Environment } from '../../../shared/domain/identity-rules';
import type { AppDeps } from '../../app';
import { parseIfMatch } from '../../http/if-match';
import { defineRoute, type AnyRoute } from '../../http/route';
import { auditContext } from '../audit/audit.context';
import * as persons from './persons.usecases';
import * as special from './special-categories';

const anonymiseResponse = z.object({ id: z.uuid(), anonymisedAt: z.string() });

export function personRoutes(deps: AppDeps): AnyRoute[] {
  const db = deps.db.app;
  const clock = deps.clock;
  const environment: Environment = deps.env.NODE_ENV;
  const base = { db, clock, environment };
  return [
    defineRoute({
      method: 'GET',
      url: '/api/persons',
      summary: 'Find persons by name in any script, fødselsnummer/D-nummer or DUF number',
      tags: ['persons'],
      auth: 'session',
      query: personListQuery,
      response: personListResponse,
      personalData: true,
      handler: ({ actor, query }) => persons.listPersons(actor, { db, query }),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/persons',
      summary: 'Register a person (409 with a link when the number is already registered here)',
      tags: ['persons'],
      auth: 'session',
      body: createPersonRequest,
      response: personDto,
      status: 201,
      personalData: true,
      handler: async ({ actor, body, request, reply }) => {
        const person = await persons.createPerson(actor, {
          ...base,
          input: body,
          context: auditContext(request, actor, clock(), 'settlement'),
        });
        reply.header('etag', `"${person.version}"`);
        return person;
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/persons/:id',
      summary: 'A person with languages, household and identity history (display audited; no special categories)',
      tags: ['persons'],
      auth: 'session',
      params: personIdParams,
      response: personDto,
      personalData: true,
      handler: async ({ actor, params, request, reply }) => {
        const person = await persons.getPerson(actor, {
          ...base,
          id: params.id,
          context: auditContext(request, actor, clock(), 'settlement'),
        });
        reply.header('etag', `"${person.version}"`);
        return person;
      },
    }),
    defineRoute({
      method: 'PATCH',
      url: '/api/persons/:id',
      summary: 'Change a person (If-Match: "<version>"); identity changes are kept with their reason',
      tags: ['persons'],
      auth: 'session',
      params: personIdParams,
      body: updatePersonRequest,
      response: personDto,
      personalData: true,
      handler: async ({ actor, params, body, request, reply }) => {
        const version = parseIfMatch(request.headers['if-match']);
        const person = await persons.updatePerson(actor, {
          ...base,
          id: params.id,
          version,
          input: body,
          context: auditContext(request, actor, clock(), 'settlement'),
        });
        reply.header('etag', `"${person.version}"`);
        return person;
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/persons/:id/special-categories',
      summary: 'Special-category records the caller may read (each read audited with the categories)',
      tags: ['persons'],
      auth: 'session',
      params: personIdParams,
      response: specialCategoryListResponse,
      personalData: true,
      handler: ({ actor, params, request }) =>
        special.listSpecialCategories(actor, {
          db,
          id: params.id,
          context: auditContext(request, actor, clock(), 'settlement'),
        }),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/persons/:id/special-categories',
      summary: 'Record special-category data with its legal basis (consent needs its date)',
      tags: ['persons'],
      auth: 'session',
      params: personIdParams,
      body: createSpecialCategoryRequest,
      response: specialCategoryDto,
      status: 201,
      personalData: true,
      handler: async ({ actor, params, body, request, reply }) => {
        const record = await special.createSpecialCategory(actor, {
          db,
          clock,
          id: params.id,
          input: body,
          context: auditContext(request, actor, clock(), 'settlement'),
        });
        reply.header('etag', `"${record.version}"`);
        return record;
      },
    }),
    defineRoute({
      method: 'PATCH',
      url: '/api/persons/:id/special-categories/:recordId',
      summary: 'Change a special-category record (If-Match); consentWithdrawnOn deletes it (204)',
      tags: ['persons'],
      auth: 'session',
      params: specialCategoryParams,
      body: updateSpecialCategoryRequest,
      response: specialCategoryDto,
      personalData: true,
      handler: async ({ actor, params, body, request, reply }) => {
        const version = parseIfMatch(request.headers['if-match']);
        const record = await special.updateSpecialCategory(actor, {
          db,
          clock,
          id: params.id,
          recordId: params.recordId,
          version,
          input: body,
          context: auditContext(request, actor, clock(), 'settlement'),
        });
        if (record) reply.header('etag', `"${record.version}"`);
        return record;
      },
    }),
    defineRoute({
      method: 'DELETE',
      url: '/api/persons/:id/special-categories/:recordId',
      summary: 'Delete a special-category record (audited)',
      tags: ['persons'],
      auth: 'session',
      params: specialCategoryParams,
      handler: ({ actor, params, request }) =>
        special.deleteSpecialCategory(actor, {
          db,
          id: params.id,
          recordId: params.recordId,
          context: auditContext(request, actor, clock(), 'settlement'),
        }),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/persons/:id/export',
      summary: 'Everything stored about the person, as JSON (GDPR art. 15; audited)',
      tags: ['persons'],
      auth: 'session',
      params: personIdParams,
      response: personExportDto,
      personalData: true,
      handler: async ({ actor, params, request, reply }) => {
        const result = await persons.exportPerson(actor, {
          db,
          clock,
          id: params.id,
          context: auditContext(request, actor, clock(), 'insight_request'),
        });
        reply.header('content-disposition', `attachment; filename="person-${params.id.slice(0, 8)}.json"`);
        return result;
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/persons/:id/export.pdf',
      summary: 'Everything stored about the person, as a readable PDF (audited)',
      tags: ['persons'],
      auth: 'session',
      params: personIdParams,
      personalData: true,
      handler: async ({ actor, params, request, reply }) => {
        const { pdf, fileName } = await persons.exportPersonPdf(actor, {
          db,
          clock,
          id: params.id,
          context: auditContext(request, actor, clock(), 'insight_request'),
        });
        return reply
          .type('application/pdf')
          .header('content-disposition', `attachment; filename="${fileName}"`)
          .header('cache-control', 'no-store')
          .send(pdf);
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/persons/:id/anonymise',
      summary: 'Anonymise a person whose retention period has run out (409 otherwise; audited)',
      tags: ['persons'],
      auth: 'session',
      params: personIdParams,
      body: anonymiseRequest,
      response: anonymiseResponse,
      handler: ({ actor, params, body, request }) =>
        persons.anonymise(actor, {
          db,
          clock,
          id: params.id,
          reason: body.reason,
          context: auditContext(request, actor, clock(), 'settlement'),
        }),
    }),
  ];
}
