import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  allocationSettingsDto,
  batchCandidatesResponse,
  criteriaResponse,
  criteriaVersionDto,
  offerListResponse,
  runDto,
  runListResponse,
  type CreateRunRequest,
  type OfferState,
  type ReserveRequest,
  type SaveCriteriaRequest,
  type UpdateAllocationSettingsRequest,
} from '../../../shared/api/allocation';
import { apiRequest } from '../../app/api-client';

// The workbench's, the criteria's and the allocation settings' API calls (issue 6 items 1, 3, 4).
// Every query key starts with ['allocation'], so a change anywhere in the feature (also an offer
// answered on the offer page) refreshes what the workbench shows.

const allocationKey = ['allocation'] as const;
const criteriaKey = [...allocationKey, 'criteria'] as const;
const settingsKey = [...allocationKey, 'settings'] as const;
const runsKey = [...allocationKey, 'runs'] as const;
const offersKey = [...allocationKey, 'offers'] as const;

export function useCriteria() {
  return useQuery({
    queryKey: criteriaKey,
    queryFn: ({ signal }) => apiRequest({ path: '/api/allocation/criteria', schema: criteriaResponse, signal }),
  });
}

/** A new version from the one the edit started from (409 allocation.criteria_outdated if not current). */
export function useSaveCriteria() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: SaveCriteriaRequest) =>
      apiRequest({ path: '/api/allocation/criteria', method: 'POST', body, schema: criteriaVersionDto }),
    onSuccess: () => client.invalidateQueries({ queryKey: allocationKey }),
  });
}

export function useAllocationSettingsQuery() {
  return useQuery({
    queryKey: settingsKey,
    queryFn: ({ signal }) => apiRequest({ path: '/api/allocation/settings', schema: allocationSettingsDto, signal }),
  });
}

/** Changes apply only to the version the user saw (If-Match; 409/412 resource.version_conflict). */
export function useUpdateAllocationSettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ version, changes }: { version: number; changes: UpdateAllocationSettingsRequest }) =>
      apiRequest({
        path: '/api/allocation/settings',
        method: 'PUT',
        body: changes,
        headers: { 'if-match': `"${version}"` },
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: settingsKey }),
  });
}

/** Households awaiting a dwelling and dwellings available by `availableBy` (display audited on the server). */
export function useCandidates(availableBy: string | null) {
  return useQuery({
    queryKey: [...allocationKey, 'candidates', availableBy],
    queryFn: ({ signal }) =>
      apiRequest({
        path: `/api/allocation/candidates?availableBy=${encodeURIComponent(availableBy ?? '')}`,
        schema: batchCandidatesResponse,
        signal,
      }),
    enabled: availableBy !== null,
    placeholderData: keepPreviousData,
  });
}

export function useCreateRun() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateRunRequest) => apiRequest({ path: '/api/allocation/runs', method: 'POST', body, schema: runDto }),
    onSuccess: (run) => {
      client.setQueryData([...runsKey, 'one', run.id], run);
      void client.invalidateQueries({ queryKey: [...runsKey, 'list'] });
    },
  });
}

export function useRun(id: string | null) {
  return useQuery({
    queryKey: [...runsKey, 'one', id],
    queryFn: ({ signal }) => apiRequest({ path: `/api/allocation/runs/${id ?? ''}`, schema: runDto, signal }),
    enabled: id !== null,
  });
}

export function useRecentRuns(limit = 10) {
  return useQuery({
    queryKey: [...runsKey, 'list', limit],
    queryFn: ({ signal }) => apiRequest({ path: `/api/allocation/runs?limit=${limit}`, schema: runListResponse, signal }),
  });
}

/** Reserves the accepted pairs in one action; exclusive in the database (409 allocation.dwelling_reserved). */
export function useReserve(runId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ReserveRequest) =>
      apiRequest({ path: `/api/allocation/runs/${runId}/reserve`, method: 'POST', body, schema: offerListResponse }),
    onSuccess: () => {
      // Reserved households and dwellings leave the candidates; the households' pipelines and the
      // dwellings' statuses change too.
      for (const queryKey of [allocationKey, ['households'], ['pipeline'], ['dwellings']]) {
        void client.invalidateQueries({ queryKey });
      }
    },
  });
}

export function useOffers(state: OfferState) {
  return useQuery({
    queryKey: [...offersKey, 'list', state],
    queryFn: ({ signal }) => apiRequest({ path: `/api/allocation/offers?state=${state}`, schema: offerListResponse, signal }),
  });
}

/** The instance a run solved, in the documented domain form (docs/matching-format.md). */
export const runInstancePath = (runId: string) => `/api/allocation/runs/${runId}/instance`;
