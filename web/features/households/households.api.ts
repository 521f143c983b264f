import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { dwellingListResponse } from '../../../shared/api/dwellings';
import {
  boardResponse,
  householdDto,
  householdListResponse,
  householdVersionResponse,
  quartersResponse,
  type ContactCardLanguage,
  type ContactInput,
  type CreateHouseholdRequest,
  type TransitionRequest,
  type UpdateHouseholdRequest,
} from '../../../shared/api/households';
import { unitListResponse } from '../../../shared/api/units';
import { apiRequest } from '../../app/api-client';

// The households feature's API calls: the list, one household (with its pipeline, contacts and
// checklist tasks via the tasks API), the board and the quarterly counts. List and board query
// strings are the page's URL query string, so a filtered view is bookmarkable.

export const householdsKey = ['households'] as const;
export const pipelineKey = ['pipeline'] as const;

/** A created household: only its id is needed (the page then loads it). */
const createdHousehold = z.object({ id: z.uuid() });

export function useHouseholdList(search: string) {
  return useQuery({
    queryKey: [...householdsKey, 'list', search],
    queryFn: ({ signal }) =>
      apiRequest({ path: `/api/households${search ? `?${search}` : ''}`, schema: householdListResponse, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useHousehold(id: string) {
  return useQuery({
    queryKey: [...householdsKey, 'one', id],
    queryFn: ({ signal }) => apiRequest({ path: `/api/households/${id}`, schema: householdDto, signal }),
  });
}

export function useCreateHousehold() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateHouseholdRequest) =>
      apiRequest({ path: '/api/households', method: 'POST', body, schema: createdHousehold }),
    onSuccess: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: householdsKey }),
        client.invalidateQueries({ queryKey: pipelineKey }),
      ]),
  });
}

/** Changes apply only to the version the user saw (If-Match; 409 resource.version_conflict otherwise). */
export function useUpdateHousehold(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ version, changes }: { version: number; changes: UpdateHouseholdRequest }) =>
      apiRequest({
        path: `/api/households/${id}`,
        method: 'PATCH',
        body: changes,
        headers: { 'if-match': `"${version}"` },
        schema: householdVersionResponse,
      }),
    // The arrival date (re)generates the move-in checklist, so the tasks change too. Not awaited:
    // the refetched household remounts forms keyed by what they show, and the caller's onSuccess
    // (the "saved" notice) must run before that.
    onSettled: () => {
      void client.invalidateQueries({ queryKey: householdsKey });
      void client.invalidateQueries({ queryKey: pipelineKey });
      void client.invalidateQueries({ queryKey: ['tasks'] });
    },
  });
}

export function useTransition(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ version, body }: { version: number; body: TransitionRequest }) =>
      apiRequest({
        path: `/api/households/${id}/transitions`,
        method: 'POST',
        body,
        headers: { 'if-match': `"${version}"` },
        schema: householdVersionResponse,
      }),
    // Also after a refusal: a 409 means the page is stale.
    onSettled: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: householdsKey }),
        client.invalidateQueries({ queryKey: pipelineKey }),
        client.invalidateQueries({ queryKey: ['tasks'] }),
        client.invalidateQueries({ queryKey: ['dwellings'] }),
      ]),
  });
}

export function useReplaceContacts(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ version, contacts }: { version: number; contacts: ContactInput[] }) =>
      apiRequest({
        path: `/api/households/${id}/contacts`,
        method: 'PUT',
        body: { contacts },
        headers: { 'if-match': `"${version}"` },
      }),
    // Not awaited, as for useUpdateHousehold.
    onSettled: () => {
      void client.invalidateQueries({ queryKey: householdsKey });
    },
  });
}

export function contactCardPath(id: string, language: ContactCardLanguage): string {
  return `/api/households/${id}/contact-card.pdf?${new URLSearchParams({ language }).toString()}`;
}

/** Dwellings that can be reserved now: ready or vacant (household.dwelling_unavailable otherwise). */
export function useReservableDwellings(enabled: boolean) {
  return useQuery({
    queryKey: ['dwellings', 'list', 'reservable'],
    queryFn: ({ signal }) =>
      apiRequest({
        path: '/api/dwellings?status=ready,vacant&sort=reference&pageSize=200',
        schema: dwellingListResponse,
        signal,
      }),
    enabled,
  });
}

export function useBoard(search: string) {
  return useQuery({
    queryKey: [...pipelineKey, 'board', search],
    queryFn: ({ signal }) =>
      apiRequest({ path: `/api/pipeline/board${search ? `?${search}` : ''}`, schema: boardResponse, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useQuarters(year: number) {
  return useQuery({
    queryKey: [...pipelineKey, 'quarters', year],
    queryFn: ({ signal }) =>
      apiRequest({ path: `/api/pipeline/quarters?year=${year}`, schema: quartersResponse, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useSetTarget() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ year, quarter, target }: { year: number; quarter: number; target: number }) =>
      apiRequest({ path: `/api/pipeline/targets/${year}/${quarter}`, method: 'PUT', body: { target } }),
    onSuccess: () => client.invalidateQueries({ queryKey: pipelineKey }),
  });
}

/** Units, for the board's unit filter (every staff member may read the units). */
export function useUnits() {
  return useQuery({
    queryKey: ['units'],
    queryFn: ({ signal }) => apiRequest({ path: '/api/units', schema: unitListResponse, signal }),
  });
}
