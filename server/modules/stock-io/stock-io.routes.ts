import { dwellingListQuery } from '../../../shared/api/dwellings';
import { IMPORT_BODY_LIMIT_BYTES, importReport, importRequest, koboEnvelope } from '../../../shared/api/stock-io';
import { osloToday } from '../../../shared/domain/calendar-date';
import type { AppDeps } from '../../app';
import { defineRoute, type AnyRoute } from '../../http/route';
import { auditContext } from '../audit/audit.context';
import * as stockIo from './stock-io.usecases';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const exportFormats = {
  xlsx: { type: XLSX, summary: 'The register as Excel, filtered like the list (no tenant names); audited' },
  csv: {
    type: 'text/csv; charset=utf-8',
    summary: 'The register as CSV (semicolon, UTF-8 with BOM), filtered like the list; audited',
  },
} as const;

export function stockIoRoutes(deps: AppDeps): AnyRoute[] {
  /** GET /api/dwellings/export.<format>: the filtered register as a file download. */
  const exportRoute = (format: keyof typeof exportFormats) =>
    defineRoute({
      method: 'GET',
      url: `/api/dwellings/export.${format}`,
      summary: exportFormats[format].summary,
      tags: ['dwellings'],
      auth: 'session',
      query: dwellingListQuery,
      handler: async ({ actor, query, request, reply }) => {
        const now = deps.clock();
        const file = await stockIo.exportRegister(actor, {
          db: deps.db.app,
          clock: deps.clock,
          query,
          format,
          context: auditContext(request, actor, now, 'tenancy'),
        });
        return reply
          .type(exportFormats[format].type)
          .header('content-disposition', `attachment; filename="boliger-${osloToday(now)}.${format}"`)
          .send(file);
      },
    });

  return [
    defineRoute({
      method: 'POST',
      url: '/api/dwellings/import',
      summary: 'Import dwellings (and leases) from .xlsx/.csv: validate, all or nothing, or the valid rows only',
      tags: ['dwellings'],
      auth: 'session',
      body: importRequest,
      response: importReport,
      bodyLimit: IMPORT_BODY_LIMIT_BYTES,
      // The report never echoes the tenant's name; the leases it creates are audited.
      handler: ({ actor, body, request }) =>
        stockIo.importDwellings(actor, {
          db: deps.db.app,
          clock: deps.clock,
          input: body,
          context: auditContext(request, actor, deps.clock(), 'tenancy'),
        }),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/dwellings/import-template.xlsx',
      summary: 'The import template: headers, a sample row and a sheet of allowed values',
      tags: ['dwellings'],
      auth: 'session',
      handler: async ({ actor, reply }) => {
        const file = await stockIo.importTemplate(actor);
        return reply
          .type(XLSX)
          .header('content-disposition', 'attachment; filename="husly-boligimport-mal.xlsx"')
          .send(file);
      },
    }),
    exportRoute('xlsx'),
    exportRoute('csv'),
    defineRoute({
      method: 'GET',
      url: '/api/dwellings/export/kobo.json',
      summary: "The register mapped to Husbanken's Kobo (husly.kobo.v1, docs/kobo-export.md); audited",
      tags: ['dwellings'],
      auth: 'session',
      response: koboEnvelope,
      handler: async ({ actor, request, reply }) => {
        const now = deps.clock();
        const envelope = await stockIo.exportKobo(actor, {
          db: deps.db.app,
          clock: deps.clock,
          context: auditContext(request, actor, now, 'tenancy'),
        });
        reply.header('content-disposition', `attachment; filename="kobo-${envelope.kommunenummer}-${osloToday(now)}.json"`);
        return envelope;
      },
    }),
  ];
}
