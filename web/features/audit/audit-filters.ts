import { auditSearchQuery, type AuditSearchQuery } from '../../../shared/api/audit';
import { fieldCodesFromZod, type FieldCodes } from '../../app/form-errors';
import { auditPageSize } from './audit.api';
import type { AuditFilterValues } from './components/AuditSearchForm';

const filterKeys = ['subjectId', 'userId', 'action', 'from', 'to'] as const;

/** The filters in the page URL (so a search can be bookmarked, shared with a colleague, paged back). */
export function filtersFromUrl(params: URLSearchParams): { values: AuditFilterValues; page: number } {
  const values = Object.fromEntries(filterKeys.map((key) => [key, params.get(key) ?? ''])) as AuditFilterValues;
  const page = Number(params.get('page'));
  return { values, page: Number.isSafeInteger(page) && page >= 1 ? page : 1 };
}

export function filtersToUrl(values: AuditFilterValues, page: number): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of filterKeys) if (values[key]) params.set(key, values[key]);
  if (page > 1) params.set('page', String(page));
  return params;
}

/**
 * The server's own schema checks the filters before anything is sent; in addition a period must
 * not end before it starts (`to_before_from` at `to`).
 */
export function parseFilters(
  values: AuditFilterValues,
  page: number,
): { query: AuditSearchQuery; codes: FieldCodes } | { query: null; codes: FieldCodes } {
  const present = Object.fromEntries(filterKeys.filter((key) => values[key] !== '').map((key) => [key, values[key]]));
  const parsed = auditSearchQuery.safeParse({ ...present, page, pageSize: auditPageSize });
  const codes = parsed.success ? {} : fieldCodesFromZod(parsed.error);
  if (!codes['from'] && !codes['to'] && values.from && values.to && values.to < values.from) {
    codes['to'] = 'to_before_from';
  }
  if (!parsed.success || Object.keys(codes).length > 0) return { query: null, codes };
  return { query: parsed.data, codes };
}
