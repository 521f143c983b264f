import { auditSearchQuery, auditSearchResponse, insightParams, insightQuery, insightResponse } from '../../../shared/api/audit';
import type { AppDeps } from '../../app';
import { defineRoute, type AnyRoute } from '../../http/route';
import { auditContext } from './audit.context';
import * as audit from './audit.usecases';
import { renderInsightPdf } from './insight.pdf';
import { osloToday } from '../../../shared/domain/calendar-date';

function defaultPeriod(now: Date, query: { from?: string | undefined; to?: string | undefined }) {
  const to = query.to ?? osloToday(now);
  // GDPR art. 15 has no fixed period; default to the last 12 months.
  const from = query.from ?? `${Number(to.slice(0, 4)) - 1}${to.slice(4)}`;
  return { from, to };
}

export function auditRoutes(deps: AppDeps): AnyRoute[] {
  return [
    defineRoute({
      method: 'GET',
      url: '/api/audit',
      summary: 'Search the audit log (revisor)',
      tags: ['audit'],
      auth: 'session',
      query: auditSearchQuery,
      response: auditSearchResponse,
      personalData: true,
      handler: ({ actor, query }) => audit.searchAudit(actor, { db: deps.db.app, query }),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/audit/export.csv',
      summary: 'Export an audit search as CSV (revisor); the export is itself audited',
      tags: ['audit'],
      auth: 'session',
      query: auditSearchQuery,
      personalData: true,
      handler: async ({ actor, query, request, reply }) => {
        const csv = await audit.exportAuditCsv(actor, {
          db: deps.db.app,
          query,
          context: auditContext(request, actor, deps.clock(), 'audit_review'),
        });
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', 'attachment; filename="hendelseslogg.csv"')
          .send(csv);
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/insight/:subjectType/:subjectId',
      summary: "The data subject's insight report: every access in a period",
      tags: ['audit'],
      auth: 'session',
      params: insightParams,
      query: insightQuery,
      response: insightResponse,
      personalData: true,
      handler: ({ actor, params, query, request }) =>
        audit.insightReport(actor, {
          db: deps.db.app,
          subject: { type: params.subjectType, id: params.subjectId },
          ...defaultPeriod(deps.clock(), query),
          context: auditContext(request, actor, deps.clock(), 'insight_request'),
        }),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/insight/:subjectType/:subjectId/pdf',
      summary: 'The insight report as PDF in bokmål or nynorsk',
      tags: ['audit'],
      auth: 'session',
      params: insightParams,
      query: insightQuery,
      personalData: true,
      handler: async ({ actor, params, query, request, reply }) => {
        const now = deps.clock();
        const report = await audit.insightReport(actor, {
          db: deps.db.app,
          subject: { type: params.subjectType, id: params.subjectId },
          ...defaultPeriod(now, query),
          context: auditContext(request, actor, now, 'insight_request'),
        });
        const pdf = await renderInsightPdf(report, query.lang ?? 'nb', now);
        return reply
          .type('application/pdf')
          .header('content-disposition', 'attachment; filename="innsyn.pdf"')
          .send(pdf);
      },
    }),
  ];
}
