import { z } from 'zod';
import { insightQuery } from '../../../shared/api/audit';
import { fieldCodesFromZod, type FieldCodes } from '../../app/form-errors';

export type InsightValues = { subjectId: string; from: string; to: string };
export type InsightRequest = { subjectId: string; from?: string; to?: string };

const subjectId = z.uuid();

export function insightFromUrl(params: URLSearchParams): InsightValues {
  return { subjectId: params.get('subjectId') ?? '', from: params.get('from') ?? '', to: params.get('to') ?? '' };
}

export function insightToUrl(values: InsightValues): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of ['subjectId', 'from', 'to'] as const) if (values[key]) params.set(key, values[key]);
  return params;
}

/**
 * Who the report is about (required, a UUID) and the period (optional dates; the server defaults
 * to the last 12 months). A period must not end before it starts.
 */
export function parseInsight(values: InsightValues): { request: InsightRequest | null; codes: FieldCodes } {
  const codes: FieldCodes = {};
  if (values.subjectId === '') codes['subjectId'] = 'required';
  else if (!subjectId.safeParse(values.subjectId).success) codes['subjectId'] = 'invalid_format';
  const period = insightQuery.safeParse({
    ...(values.from ? { from: values.from } : {}),
    ...(values.to ? { to: values.to } : {}),
  });
  if (!period.success) Object.assign(codes, fieldCodesFromZod(period.error));
  if (!codes['from'] && !codes['to'] && values.from && values.to && values.to < values.from) {
    codes['to'] = 'to_before_from';
  }
  if (Object.keys(codes).length > 0 || !period.success) return { request: null, codes };
  return { request: { subjectId: values.subjectId, ...period.data }, codes };
}
