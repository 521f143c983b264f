import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { unitDto, unitListResponse, type CreateUnitRequest, type UnitDto } from '../../../shared/api/units';
import { apiRequest } from '../../app/api-client';

export const unitsQueryKey = ['units'] as const;

export type UnitList = z.infer<typeof unitListResponse>;

/** The units, and what the user may do with them (`actions.create`): the server decides. */
export function fetchUnits(signal?: AbortSignal): Promise<UnitList> {
  return apiRequest({ path: '/api/units', schema: unitListResponse, signal });
}

export function createUnit(body: CreateUnitRequest): Promise<UnitDto> {
  return apiRequest({ path: '/api/units', method: 'POST', body, schema: unitDto });
}

export function useUnits() {
  return useQuery({ queryKey: unitsQueryKey, queryFn: ({ signal }) => fetchUnits(signal) });
}

export function useCreateUnit() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createUnit,
    // A new unit changes the list, the counts on the overview and the units in the session.
    onSuccess: () => queryClient.invalidateQueries(),
  });
}
