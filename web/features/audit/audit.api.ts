import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import {
  auditSearchResponse,
  insightResponse,
  type AuditSearchQuery,
  type InsightResponse,
} from '../../../shared/api/audit';
import { staffUserListResponse } from '../../../shared/api/users';
import type { Purpose } from '../../../shared/domain/purposes';
import { apiRequest } from '../../app/api-client';
import { useCan } from '../../app/permissions';

export type AuditSearchResult = z.infer<typeof auditSearchResponse>;
export type StaffOption = { id: string; displayName: string; email: string };
export type InsightPeriod = { from?: string | undefined; to?: string | undefined };

export const auditPageSize = 50;

/** The filters as query parameters, leaving out the empty ones (the server's schema is strict). */
export function auditFilterParams(query: Omit<AuditSearchQuery, 'page' | 'pageSize'>): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of ['subjectId', 'userId', 'action', 'from', 'to'] as const) {
    const value = query[key];
    if (value) params.set(key, value);
  }
  return params;
}

export function fetchAuditSearch(query: AuditSearchQuery, signal?: AbortSignal): Promise<AuditSearchResult> {
  const params = auditFilterParams(query);
  params.set('page', String(query.page));
  params.set('pageSize', String(query.pageSize));
  return apiRequest({ path: `/api/audit?${params}`, schema: auditSearchResponse, signal });
}

/** The CSV of the same search (every page). A plain link: the browser downloads the file. */
export function auditExportHref(query: Omit<AuditSearchQuery, 'page' | 'pageSize'>): string {
  const params = auditFilterParams(query).toString();
  return `/api/audit/export.csv${params ? `?${params}` : ''}`;
}

/** Searching the log; `null` until the filters are valid. */
export function useAuditSearch(query: AuditSearchQuery | null) {
  return useQuery({
    queryKey: ['audit', 'search', query],
    queryFn: ({ signal }) => fetchAuditSearch(query!, signal),
    // No placeholder from the previous search: rows that do not match the filters shown are
    // worse than a moment of "loading" for an auditor.
    enabled: query !== null,
  });
}

export async function fetchStaffOptions(signal?: AbortSignal): Promise<StaffOption[]> {
  const { items } = await apiRequest({ path: '/api/users', schema: staffUserListResponse, signal });
  return items.map(({ id, displayName, email }) => ({ id, displayName, email }));
}

/**
 * Staff to choose from, for those who may list staff (read:staff:any). An auditor often may not:
 * then (or if the list is refused) the pages ask for a user id instead.
 */
export function useStaffOptions(allowed: boolean) {
  return useQuery({
    queryKey: ['audit', 'staff-options'],
    queryFn: ({ signal }) => fetchStaffOptions(signal),
    enabled: allowed,
  });
}

/**
 * The staff list the audit pages offer to pick from: null when the user may not list staff, or the
 * list was refused — then a user id is typed in instead. `settled` once that is known.
 */
export function useStaffChoice(): { staffList: StaffOption[] | null; settled: boolean } {
  const mayListStaff = useCan()('read:staff:any');
  const staff = useStaffOptions(mayListStaff);
  return { staffList: mayListStaff && staff.data ? staff.data : null, settled: !mayListStaff || !staff.isPending };
}

// ---- Insight (innsyn) --------------------------------------------------------------------------

// Making an insight report is itself logged (an export); the header says why (purposes.ts).
const insightPurpose: Purpose = 'insight_request';

function insightParams(period: InsightPeriod, lang?: 'nb' | 'nn'): string {
  const params = new URLSearchParams();
  if (period.from) params.set('from', period.from);
  if (period.to) params.set('to', period.to);
  if (lang) params.set('lang', lang);
  const text = params.toString();
  return text ? `?${text}` : '';
}

export function fetchInsight(subjectId: string, period: InsightPeriod, signal?: AbortSignal): Promise<InsightResponse> {
  return apiRequest({
    path: `/api/insight/staff_user/${encodeURIComponent(subjectId)}${insightParams(period)}`,
    headers: { 'x-husly-purpose': insightPurpose },
    schema: insightResponse,
    signal,
  });
}

/** The report as PDF in bokmål or nynorsk (the languages a Norwegian authority answers in). */
export function insightPdfHref(subjectId: string, period: InsightPeriod, lang: 'nb' | 'nn'): string {
  return `/api/insight/staff_user/${encodeURIComponent(subjectId)}/pdf${insightParams(period, lang)}`;
}

/**
 * The insight report; `null` until a subject is chosen. Each fetch is logged, so it is made when
 * asked for and not repeated behind the user's back, and dropped when the page closes.
 */
export function useInsight(request: ({ subjectId: string } & InsightPeriod) | null) {
  return useQuery({
    queryKey: ['audit', 'insight', request],
    queryFn: ({ signal }) => fetchInsight(request!.subjectId, request!, signal),
    enabled: request !== null,
    staleTime: Infinity,
    gcTime: 0,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
  });
}
