import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { unitListResponse } from '../../../shared/api/units';
import {
  staffUserDto,
  staffUserListResponse,
  type CreateStaffUserRequest,
  type StaffUserDto,
  type UpdateStaffUserRequest,
} from '../../../shared/api/users';
import type { Purpose } from '../../../shared/domain/purposes';
import { apiRequest } from '../../app/api-client';
import { sessionQueryKey } from '../../app/session';

export const usersKeys = {
  list: ['users', 'list'] as const,
  detail: (id: string) => ['users', 'detail', id] as const,
  unitOptions: ['users', 'unit-options'] as const,
};

// Opening a staff member's record is an audited display; the header says why (purposes.ts).
const purpose: Purpose = 'user_administration';
const purposeHeader = { 'x-husly-purpose': purpose };

export type StaffUserList = z.infer<typeof staffUserListResponse>;
export type StaffUserSummary = StaffUserList['items'][number];
export type UnitOption = { id: string; name: string };

export function fetchUsers(signal?: AbortSignal): Promise<StaffUserList> {
  return apiRequest({ path: '/api/users', schema: staffUserListResponse, signal });
}

export function fetchUser(id: string, signal?: AbortSignal): Promise<StaffUserDto> {
  return apiRequest({
    path: `/api/users/${encodeURIComponent(id)}`,
    headers: purposeHeader,
    schema: staffUserDto,
    signal,
  });
}

export function createUser(body: CreateStaffUserRequest): Promise<StaffUserDto> {
  return apiRequest({ path: '/api/users', method: 'POST', body, schema: staffUserDto });
}

/** Optimistic concurrency: the change applies only to the version the user saw (412 otherwise). */
export function updateUser({
  id,
  version,
  changes,
}: {
  id: string;
  version: number;
  changes: UpdateStaffUserRequest;
}): Promise<StaffUserDto> {
  return apiRequest({
    path: `/api/users/${encodeURIComponent(id)}`,
    method: 'PATCH',
    headers: { ...purposeHeader, 'if-match': `"${version}"` },
    body: changes,
    schema: staffUserDto,
  });
}

const collator = new Intl.Collator('nb-NO');

/** The municipality's units, to name a user's units and to choose them in the forms. */
export async function fetchUnitOptions(signal?: AbortSignal): Promise<UnitOption[]> {
  const { items } = await apiRequest({ path: '/api/units', schema: unitListResponse, signal });
  return items.map(({ id, name }) => ({ id, name })).sort((a, b) => collator.compare(a.name, b.name));
}

export function useUsers() {
  return useQuery({ queryKey: usersKeys.list, queryFn: ({ signal }) => fetchUsers(signal) });
}

/**
 * One staff record. Every fetch is an audited display, so it is fetched when the page opens and
 * not again behind the user's back (no refetch on focus or staleness), and it is dropped from
 * memory as soon as the page closes (gcTime 0): opening it again is a new, logged display.
 */
export function useUser(id: string) {
  return useQuery({
    queryKey: usersKeys.detail(id),
    queryFn: ({ signal }) => fetchUser(id, signal),
    staleTime: Infinity,
    gcTime: 0,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
  });
}

export function useUnitOptions() {
  return useQuery({ queryKey: usersKeys.unitOptions, queryFn: ({ signal }) => fetchUnitOptions(signal) });
}

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createUser,
    // A new user changes the list and the staff count on the overview.
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: usersKeys.list }),
        queryClient.invalidateQueries({ queryKey: ['overview'] }),
      ]),
  });
}

export function useUpdateUser(id: string, currentUserId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { version: number; changes: UpdateStaffUserRequest }) => updateUser({ id, ...input }),
    onSuccess: async (user) => {
      // The answer is the record as it now is: show it without another (audited) display.
      queryClient.setQueryData(usersKeys.detail(id), user);
      await queryClient.invalidateQueries({ queryKey: usersKeys.list });
      // Changing oneself changes the name in the header.
      if (id === currentUserId) await queryClient.invalidateQueries({ queryKey: sessionQueryKey });
    },
  });
}
