import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import {
  createLeaseResponse,
  dwellingLeasesResponse,
  leaseDto,
  leaseListResponse,
  versionResponse,
  type CreateInspectionRequest,
  type CreateLeaseRequest,
  type CreateNeedsAssessmentRequest,
  type LeaseListQuery,
  type RenewLeaseRequest,
  type TerminateLeaseRequest,
  type UpdateLeaseRequest,
} from '../../../../shared/api/leases';
import { personListResponse } from '../../../../shared/api/persons';
import { apiRequest } from '../../../app/api-client';
import { queryString } from '../shared/query-string';

// Opening a lease shows the tenant (personal data): the purpose is stated for the audit log.
const purposeHeader = { 'x-husly-purpose': 'tenancy' };
const idResponse = z.object({ id: z.uuid() });

export function useLeases(query: LeaseListQuery) {
  return useQuery({
    queryKey: ['leases', query],
    queryFn: ({ signal }) => apiRequest({ path: `/api/leases${queryString(query)}`, schema: leaseListResponse, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useLease(id: string) {
  return useQuery({
    queryKey: ['lease', id],
    queryFn: ({ signal }) => apiRequest({ path: `/api/leases/${id}`, schema: leaseDto, headers: purposeHeader, signal }),
  });
}

export function useDwellingLeases(dwellingId: string | undefined, enabled = true) {
  return useQuery({
    queryKey: ['dwelling-leases', dwellingId],
    queryFn: ({ signal }) => apiRequest({ path: `/api/dwellings/${dwellingId}/leases`, schema: dwellingLeasesResponse, signal }),
    enabled: enabled && Boolean(dwellingId),
  });
}

// The dwelling picker needs only a few fields of the dwellings list (owned by the dwellings slice).
const dwellingOptions = z.object({
  items: z.array(z.object({ id: z.uuid(), reference: z.string(), street: z.string(), disposalForm: z.string(), status: z.string() })),
});

export function useDwellingSearch(q: string) {
  return useQuery({
    queryKey: ['dwelling-options', q],
    queryFn: ({ signal }) => apiRequest({ path: `/api/dwellings${queryString({ q, pageSize: 50 })}`, schema: dwellingOptions, signal }),
    placeholderData: keepPreviousData,
  });
}

export function usePersonSearch(query: string) {
  return useQuery({
    queryKey: ['person-search', query],
    queryFn: ({ signal }) => apiRequest({ path: `/api/persons${queryString({ query })}`, schema: personListResponse, signal }),
    enabled: query.trim().length >= 2,
  });
}

const staffOptions = z.object({ items: z.array(z.object({ id: z.uuid(), name: z.string() })) });
export function useStaffOptions() {
  return useQuery({
    queryKey: ['landlord-contact-candidates'],
    queryFn: ({ signal }) => apiRequest({ path: '/api/landlords/contact-candidates', schema: staffOptions, signal }),
  });
}

const landlordOptions = z.object({ items: z.array(z.object({ id: z.uuid(), name: z.string(), orgnr: z.string().nullable() })) });
export function useLandlordOptions() {
  return useQuery({
    queryKey: ['landlord-options'],
    queryFn: ({ signal }) => apiRequest({ path: '/api/landlords?pageSize=200', schema: landlordOptions, signal }),
  });
}

function useLeaseMutation<I, O>(run: (input: I) => Promise<O>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: run,
    // A lease change moves dwelling statuses, lists, tasks and letters: refresh everything.
    onSuccess: () => queryClient.invalidateQueries(),
  });
}

export function useCreateLease() {
  return useLeaseMutation((body: CreateLeaseRequest) =>
    apiRequest({ path: '/api/leases', method: 'POST', body, schema: createLeaseResponse }),
  );
}

export function useUpdateLease(id: string) {
  return useLeaseMutation(({ version, body }: { version: number; body: UpdateLeaseRequest }) =>
    apiRequest({ path: `/api/leases/${id}`, method: 'PATCH', body, headers: { ...purposeHeader, 'if-match': `"${version}"` }, schema: leaseDto }),
  );
}

export function useAddAssessment(id: string) {
  return useLeaseMutation((body: CreateNeedsAssessmentRequest) =>
    apiRequest({ path: `/api/leases/${id}/needs-assessments`, method: 'POST', body, schema: idResponse }),
  );
}

export function useRenewLease(id: string) {
  return useLeaseMutation((body: RenewLeaseRequest) =>
    apiRequest({ path: `/api/leases/${id}/renewals`, method: 'POST', body, schema: versionResponse }),
  );
}

export function useTerminateLease(id: string) {
  return useLeaseMutation((body: TerminateLeaseRequest) =>
    apiRequest({ path: `/api/leases/${id}/termination`, method: 'POST', body, schema: versionResponse }),
  );
}

export function useCancelLease(id: string) {
  return useLeaseMutation(() => apiRequest({ path: `/api/leases/${id}/cancel`, method: 'POST', schema: versionResponse }));
}

export function useAddInspection(id: string) {
  return useLeaseMutation((body: CreateInspectionRequest) =>
    apiRequest({ path: `/api/leases/${id}/inspections`, method: 'POST', body, schema: idResponse }),
  );
}
