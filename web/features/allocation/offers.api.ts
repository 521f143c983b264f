import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import {
  allocationSettingsDto,
  decisionDto,
  offerDto,
  type AnswerOfferRequest,
  type AppealDto,
  type CreateDecisionRequest,
  type MakeOfferRequest,
} from '../../../shared/api/allocation';
import { apiRequest } from '../../app/api-client';

// Offers, answers, allocation decisions and appeals (issue 6 items 5–6). Every change is sent with
// If-Match: the version the user saw (412 resource.version_conflict when someone else got there
// first). A change to an offer also changes the household (pipeline), the dwelling (status) and,
// on a decision, the leases: those caches are refreshed too.

export const allocationKey = ['allocation'] as const;
const offerKey = (id: string) => [...allocationKey, 'offer', id] as const;
const decisionKey = (id: string) => [...allocationKey, 'decision', id] as const;

const ifMatch = (version: number) => ({ 'if-match': `"${version}"` });

export function useOffer(id: string) {
  return useQuery({
    queryKey: offerKey(id),
    queryFn: ({ signal }) => apiRequest({ path: `/api/allocation/offers/${id}`, schema: offerDto, signal }),
  });
}

export function useAllocationSettings() {
  return useQuery({
    queryKey: [...allocationKey, 'settings'],
    queryFn: ({ signal }) => apiRequest({ path: '/api/allocation/settings', schema: allocationSettingsDto, signal }),
  });
}

/** Only the dwelling's rent, to prefill the lease terms of a decision. */
const dwellingRent = z.object({ rentOre: z.number().int().nullable() });

export function useDwellingRent(dwellingId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['dwellings', 'one', dwellingId, 'rent'],
    queryFn: ({ signal }) => apiRequest({ path: `/api/dwellings/${dwellingId}`, schema: dwellingRent, signal }),
    enabled,
  });
}

function useRefreshAfterChange() {
  const client = useQueryClient();
  // Not awaited: the caller's onSuccess (its notice) runs first, then the page shows fresh data.
  return () => {
    for (const queryKey of [allocationKey, ['households'], ['pipeline'], ['dwellings'], ['leases'], ['tasks']]) {
      void client.invalidateQueries({ queryKey });
    }
  };
}

type Versioned<T> = { version: number; body: T };

export function useMakeOffer(id: string) {
  const refresh = useRefreshAfterChange();
  return useMutation({
    mutationFn: ({ version, body }: Versioned<MakeOfferRequest>) =>
      apiRequest({
        path: `/api/allocation/offers/${id}/offer`,
        method: 'POST',
        body,
        headers: ifMatch(version),
        schema: offerDto,
      }),
    onSettled: refresh,
  });
}

export function useAnswerOffer(id: string) {
  const refresh = useRefreshAfterChange();
  return useMutation({
    mutationFn: ({ version, body }: Versioned<AnswerOfferRequest>) =>
      apiRequest({
        path: `/api/allocation/offers/${id}/answer`,
        method: 'POST',
        body,
        headers: ifMatch(version),
        schema: offerDto,
      }),
    onSettled: refresh,
  });
}

export function useWithdrawOffer(id: string) {
  const refresh = useRefreshAfterChange();
  return useMutation({
    mutationFn: ({ version, body }: Versioned<{ reason: string }>) =>
      apiRequest({ path: `/api/allocation/offers/${id}/withdraw`, method: 'POST', body, headers: ifMatch(version) }),
    onSettled: refresh,
  });
}

/** A created decision: only its id is needed (the decision page then loads it). */
const createdDecision = z.object({ id: z.string() });

export function useCreateDecision() {
  const refresh = useRefreshAfterChange();
  return useMutation({
    mutationFn: (body: CreateDecisionRequest) =>
      apiRequest({ path: '/api/allocation/decisions', method: 'POST', body, schema: createdDecision }),
    onSettled: refresh,
  });
}

export function useDecision(id: string) {
  return useQuery({
    queryKey: decisionKey(id),
    queryFn: ({ signal }) => apiRequest({ path: `/api/allocation/decisions/${id}`, schema: decisionDto, signal }),
  });
}

export function useCreateAppeal(decisionId: string) {
  const refresh = useRefreshAfterChange();
  return useMutation({
    mutationFn: (body: { receivedOn: string; grounds: string }) =>
      apiRequest({ path: `/api/allocation/decisions/${decisionId}/appeals`, method: 'POST', body, schema: decisionDto }),
    onSettled: refresh,
  });
}

export type AppealState = AppealDto['state'];

export function useUpdateAppeal(appealId: string) {
  const refresh = useRefreshAfterChange();
  return useMutation({
    mutationFn: ({ version, body }: Versioned<{ state: AppealState; outcomeOn?: string; outcomeNote: string }>) =>
      apiRequest({
        path: `/api/allocation/appeals/${appealId}`,
        method: 'PATCH',
        body,
        headers: ifMatch(version),
      }),
    onSettled: refresh,
  });
}

export const offerLetterPath = (id: string) => `/api/allocation/offers/${id}/letter.pdf`;
export const decisionLetterPath = (id: string) => `/api/allocation/decisions/${id}/letter.pdf`;

/**
 * "9 500" or "9500,50" kroner → øre; '' → null; anything else → undefined (money is kept in øre,
 * typed in kroner as on the lease forms).
 */
export function kronerToOre(text: string): number | null | undefined {
  const cleaned = text.replace(/[\s\u00a0]/g, '').replace(',', '.');
  if (cleaned === '') return null;
  if (!/^\d+(\.\d{1,2})?$/.test(cleaned)) return undefined;
  return Math.round(Number(cleaned) * 100);
}

export function oreToKroner(ore: number | null): string {
  if (ore === null) return '';
  return ore % 100 === 0 ? String(ore / 100) : (ore / 100).toFixed(2).replace('.', ',');
}
