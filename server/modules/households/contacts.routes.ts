import { z } from 'zod';
import {
  contactCardQuery,
  contactDto,
  householdIdParams,
  replaceContactsRequest,
} from '../../../shared/api/households';
import type { AppDeps } from '../../app';
import { parseIfMatch } from '../../http/if-match';
import { defineRoute, type AnyRoute } from '../../http/route';
import { auditContext } from '../audit/audit.context';
import * as contacts from './contacts.usecases';

/** The household's contacts with the household's version (the ETag a PUT sends back as If-Match). */
export const contactsResponse = z.object({ id: z.uuid(), version: z.number().int(), contacts: z.array(contactDto) });

export function contactRoutes(deps: AppDeps): AnyRoute[] {
  const db = deps.db.app;
  const clock = deps.clock;
  return [
    defineRoute({
      method: 'GET',
      url: '/api/households/:id/contacts',
      summary: "A household's named contacts (audited display)",
      tags: ['households'],
      auth: 'session',
      params: householdIdParams,
      response: contactsResponse,
      personalData: true,
      handler: async ({ actor, params, request, reply }) => {
        const result = await contacts.getContacts(actor, {
          db,
          id: params.id,
          context: auditContext(request, actor, clock(), 'settlement'),
        });
        reply.header('etag', `"${result.version}"`);
        return result;
      },
    }),
    defineRoute({
      method: 'PUT',
      url: '/api/households/:id/contacts',
      summary: "Replace a household's contacts (If-Match: the household's version, which this bumps)",
      tags: ['households'],
      auth: 'session',
      params: householdIdParams,
      body: replaceContactsRequest,
      response: contactsResponse,
      personalData: true,
      handler: async ({ actor, params, body, request, reply }) => {
        const version = parseIfMatch(request.headers['if-match']);
        const result = await contacts.replaceContacts(actor, {
          db,
          clock,
          id: params.id,
          version,
          input: body.contacts,
          context: auditContext(request, actor, clock(), 'settlement'),
        });
        reply.header('etag', `"${result.version}"`);
        return result;
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/households/:id/contact-card.pdf',
      summary: 'The household\'s "who to contact" card as PDF, in bokmål/nynorsk and `language` (audited)',
      tags: ['households'],
      auth: 'session',
      params: householdIdParams,
      query: contactCardQuery,
      personalData: true,
      handler: async ({ actor, params, query, request, reply }) => {
        const { pdf, fileName } = await contacts.contactCardPdf(actor, {
          db,
          clock,
          id: params.id,
          language: query.language,
          context: auditContext(request, actor, clock(), 'settlement'),
        });
        return reply
          .type('application/pdf')
          .header('content-disposition', `attachment; filename="${fileName}"`)
          .header('cache-control', 'no-store')
          .send(pdf);
      },
    }),
  ];
}
