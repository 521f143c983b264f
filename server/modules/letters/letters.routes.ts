import {
  createLetterRequest,
  leaseLettersParams,
  letterDto,
  letterListResponse,
  letterPdfParams,
} from '../../../shared/api/letters';
import type { AppDeps } from '../../app';
import { defineRoute, type AnyRoute } from '../../http/route';
import { auditContext } from '../audit/audit.context';
import * as letters from './letters.usecases';

export function letterRoutes(deps: AppDeps): AnyRoute[] {
  return [
    defineRoute({
      method: 'GET',
      url: '/api/leases/:id/letters',
      summary: 'Letters made for a lease (metadata, newest first)',
      tags: ['letters'],
      auth: 'session',
      params: leaseLettersParams,
      response: letterListResponse,
      handler: ({ actor, params }) => letters.listLetters(actor, { db: deps.db.app, leaseId: params.id }),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/leases/:id/letters',
      summary: 'Make a letter to the lease tenant (lease-end notice or next-steps meeting invitation) as PDF',
      tags: ['letters'],
      auth: 'session',
      params: leaseLettersParams,
      body: createLetterRequest,
      response: letterDto,
      status: 201,
      personalData: true,
      handler: async ({ actor, params, body, request, reply }) => {
        const letter = await letters.createLetter(actor, {
          db: deps.db.app,
          leaseId: params.id,
          input: body,
          context: auditContext(request, actor, deps.clock(), 'tenancy'),
        });
        reply.header('location', letter.pdfUrl);
        return letter;
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/letters/:id.pdf',
      summary: 'A stored letter as PDF (download; audited)',
      tags: ['letters'],
      auth: 'session',
      params: letterPdfParams,
      personalData: true,
      handler: async ({ actor, params, request, reply }) => {
        const { pdf, fileName, sha256 } = await letters.letterPdf(actor, {
          db: deps.db.app,
          id: params.id,
          context: auditContext(request, actor, deps.clock(), 'tenancy'),
        });
        return reply
          .type('application/pdf')
          .header('content-disposition', `attachment; filename="${fileName}"`)
          .header('cache-control', 'no-store')
          .header('x-content-sha256', sha256)
          .send(pdf);
      },
    }),
  ];
}
