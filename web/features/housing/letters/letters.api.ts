import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  letterDto,
  letterListResponse,
  type CreateLetterRequest,
  type LetterDto,
  type LetterListResponse,
} from '../../../../shared/api/letters';
import { apiRequest } from '../../../app/api-client';

export const lettersKeys = {
  lease: (leaseId: string) => ['letters', 'lease', leaseId] as const,
};

/** The letters of a lease (metadata; the PDF is fetched by its link), and whether the user may make one. */
export function fetchLeaseLetters(leaseId: string, signal?: AbortSignal): Promise<LetterListResponse> {
  return apiRequest({ path: `/api/leases/${encodeURIComponent(leaseId)}/letters`, schema: letterListResponse, signal });
}

export function createLetter({ leaseId, body }: { leaseId: string; body: CreateLetterRequest }): Promise<LetterDto> {
  return apiRequest({
    path: `/api/leases/${encodeURIComponent(leaseId)}/letters`,
    method: 'POST',
    // Making a letter prints the tenant's name and address: the audit entry says why.
    headers: { 'x-husly-purpose': 'tenancy' },
    body,
    schema: letterDto,
  });
}

export function useLeaseLetters(leaseId: string, { enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: lettersKeys.lease(leaseId),
    queryFn: ({ signal }) => fetchLeaseLetters(leaseId, signal),
    enabled,
  });
}

export function useCreateLetter(leaseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateLetterRequest) => createLetter({ leaseId, body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: lettersKeys.lease(leaseId) }),
  });
}
