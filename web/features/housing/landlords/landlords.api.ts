import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import {
  landlordDto,
  landlordListResponse,
  type CreateIncidentRequest,
  type CreateLandlordRequest,
  type LandlordListQuery,
  type ResolveIncidentRequest,
  type UpdateLandlordRequest,
} from '../../../../shared/api/landlords';
import { apiRequest } from '../../../app/api-client';
import { queryString } from '../shared/query-string';

// A person-landlord's record is personal data: the purpose is stated for the audit log.
const purposeHeader = { 'x-husly-purpose': 'tenancy' };
const idResponse = z.object({ id: z.uuid() });

export function useLandlords(query: LandlordListQuery) {
  return useQuery({
    queryKey: ['landlords', query],
    queryFn: ({ signal }) => apiRequest({ path: `/api/landlords${queryString(query)}`, schema: landlordListResponse, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useLandlord(id: string) {
  return useQuery({
    queryKey: ['landlord', id],
    queryFn: ({ signal }) => apiRequest({ path: `/api/landlords/${id}`, schema: landlordDto, headers: purposeHeader, signal }),
  });
}

const staffOptions = z.object({ items: z.array(z.object({ id: z.uuid(), name: z.string() })) });
export function useContactCandidates() {
  return useQuery({
    queryKey: ['landlord-contact-candidates'],
    queryFn: ({ signal }) => apiRequest({ path: '/api/landlords/contact-candidates', schema: staffOptions, signal }),
  });
}

function useLandlordMutation<I, O>(run: (input: I) => Promise<O>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: run, onSuccess: () => queryClient.invalidateQueries() });
}

export function useCreateLandlord() {
  return useLandlordMutation((body: CreateLandlordRequest) =>
    apiRequest({ path: '/api/landlords', method: 'POST', body, headers: purposeHeader, schema: landlordDto }),
  );
}

export function useUpdateLandlord(id: string) {
  return useLandlordMutation(({ version, body }: { version: number; body: UpdateLandlordRequest }) =>
    apiRequest({ path: `/api/landlords/${id}`, method: 'PATCH', body, headers: { ...purposeHeader, 'if-match': `"${version}"` }, schema: landlordDto }),
  );
}

export function useAddIncident(id: string) {
  return useLandlordMutation((body: CreateIncidentRequest) =>
    apiRequest({ path: `/api/landlords/${id}/incidents`, method: 'POST', body, schema: idResponse }),
  );
}

export function useResolveIncident(id: string) {
  return useLandlordMutation(({ incidentId, body }: { incidentId: string; body: ResolveIncidentRequest }) =>
    apiRequest({ path: `/api/landlords/${id}/incidents/${incidentId}`, method: 'PATCH', body, schema: idResponse }),
  );
}
