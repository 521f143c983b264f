import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import {
  personDto,
  specialCategoryListResponse,
  type CreateSpecialCategoryRequest,
  type UpdatePersonRequest,
  type updateSpecialCategoryRequest,
} from '../../../shared/api/persons';
import { apiRequest } from '../../app/api-client';

export type UpdateSpecialCategoryRequest = z.infer<typeof updateSpecialCategoryRequest>;

// A person's record is opened in settlement work: the purpose is stated for the audit log.
const purposeHeader = { 'x-husly-purpose': 'settlement' };
const ifMatch = (version: number) => ({ 'if-match': `"${version}"` });

export const personQueryKey = (id: string) => ['person', id] as const;
const specialQueryKey = (id: string) => ['person-special-categories', id] as const;

export function usePerson(id: string) {
  return useQuery({
    queryKey: personQueryKey(id),
    queryFn: ({ signal }) =>
      apiRequest({ path: `/api/persons/${id}`, schema: personDto, headers: purposeHeader, signal }),
  });
}

/**
 * The person's special-category records. Every load is an audited display, so it runs only when
 * the user asks (`enabled`), and never again on its own (no refetch on focus or as it ages).
 */
export function useSpecialCategories(id: string, enabled: boolean) {
  return useQuery({
    queryKey: specialQueryKey(id),
    queryFn: ({ signal }) =>
      apiRequest({
        path: `/api/persons/${id}/special-categories`,
        schema: specialCategoryListResponse,
        headers: purposeHeader,
        signal,
      }),
    enabled,
    staleTime: Infinity,
    gcTime: 0,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
  });
}

/** After a change: the person again, and the special categories only if they are on screen. */
function usePersonMutation<I>(id: string, run: (input: I) => Promise<void>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: personQueryKey(id) });
      await queryClient.invalidateQueries({ queryKey: specialQueryKey(id) });
    },
  });
}

export function useUpdatePerson(id: string) {
  return usePersonMutation(id, ({ version, body }: { version: number; body: UpdatePersonRequest }) =>
    apiRequest({
      path: `/api/persons/${id}`,
      method: 'PATCH',
      body,
      headers: { ...purposeHeader, ...ifMatch(version) },
    }),
  );
}

export function useAddSpecialCategory(id: string) {
  return usePersonMutation(id, (body: CreateSpecialCategoryRequest) =>
    apiRequest({ path: `/api/persons/${id}/special-categories`, method: 'POST', body, headers: purposeHeader }),
  );
}

export function useUpdateSpecialCategory(id: string) {
  return usePersonMutation(
    id,
    ({ recordId, version, body }: { recordId: string; version: number; body: UpdateSpecialCategoryRequest }) =>
      apiRequest({
        path: `/api/persons/${id}/special-categories/${recordId}`,
        method: 'PATCH',
        body,
        headers: { ...purposeHeader, ...ifMatch(version) },
      }),
  );
}

export function useDeleteSpecialCategory(id: string) {
  return usePersonMutation(id, ({ recordId, version }: { recordId: string; version: number }) =>
    apiRequest({
      path: `/api/persons/${id}/special-categories/${recordId}`,
      method: 'DELETE',
      headers: { ...purposeHeader, ...ifMatch(version) },
    }),
  );
}

export function useAnonymisePerson(id: string) {
  return usePersonMutation(id, (body: { reason: string }) =>
    apiRequest({ path: `/api/persons/${id}/anonymise`, method: 'POST', body, headers: purposeHeader }),
  );
}

/** The data-subject export (GDPR art. 15): same-origin downloads, audited by the server. */
export function exportUrls(id: string) {
  return { json: `/api/persons/${id}/export`, pdf: `/api/persons/${id}/export.pdf` } as const;
}
