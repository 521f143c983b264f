import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  buildingDetailResponse,
  buildingListResponse,
  type CreateBuildingRequest,
  type UpdateBuildingRequest,
} from '../../../../shared/api/buildings';
import {
  dwellingDetailResponse,
  dwellingListResponse,
  type ChangeDwellingStatusRequest,
  type CreateDwellingRequest,
  type UpdateDwellingRequest,
} from '../../../../shared/api/dwellings';
import { unitListResponse } from '../../../../shared/api/units';
import { apiRequest } from '../../../app/api-client';

// The housing register's API calls (dwellings and buildings). The list query string is the page's
// URL query string, so a filtered view is bookmarkable and the server validates the filters.

export const dwellingsKey = ['dwellings'] as const;
export const buildingsKey = ['buildings'] as const;

export function useDwellingList(search: string) {
  return useQuery({
    queryKey: [...dwellingsKey, 'list', search],
    queryFn: ({ signal }) =>
      apiRequest({ path: `/api/dwellings${search ? `?${search}` : ''}`, schema: dwellingListResponse, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useDwelling(id: string) {
  return useQuery({
    queryKey: [...dwellingsKey, 'one', id],
    queryFn: ({ signal }) => apiRequest({ path: `/api/dwellings/${id}`, schema: dwellingDetailResponse, signal }),
  });
}

export function useCreateDwelling() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateDwellingRequest) =>
      apiRequest({ path: '/api/dwellings', method: 'POST', body, schema: dwellingDetailResponse }),
    onSuccess: () => client.invalidateQueries({ queryKey: dwellingsKey }),
  });
}

export function useUpdateDwelling(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ version, changes }: { version: number; changes: UpdateDwellingRequest }) =>
      apiRequest({
        path: `/api/dwellings/${id}`,
        method: 'PATCH',
        body: changes,
        headers: { 'if-match': `"${version}"` },
        schema: dwellingDetailResponse,
      }),
    onSettled: () => client.invalidateQueries({ queryKey: dwellingsKey }),
  });
}

export function useChangeDwellingStatus(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ChangeDwellingStatusRequest) =>
      apiRequest({ path: `/api/dwellings/${id}/status`, method: 'POST', body, schema: dwellingDetailResponse }),
    onSuccess: () => client.invalidateQueries({ queryKey: dwellingsKey }),
  });
}

export function useBuildings() {
  return useQuery({
    queryKey: buildingsKey,
    queryFn: ({ signal }) => apiRequest({ path: '/api/buildings', schema: buildingListResponse, signal }),
  });
}

export function useBuilding(id: string) {
  return useQuery({
    queryKey: [...buildingsKey, id],
    queryFn: ({ signal }) => apiRequest({ path: `/api/buildings/${id}`, schema: buildingDetailResponse, signal }),
  });
}

export function useCreateBuilding() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateBuildingRequest) =>
      apiRequest({ path: '/api/buildings', method: 'POST', body, schema: buildingDetailResponse }),
    onSuccess: () => client.invalidateQueries({ queryKey: buildingsKey }),
  });
}

export function useUpdateBuilding(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ version, changes }: { version: number; changes: UpdateBuildingRequest }) =>
      apiRequest({
        path: `/api/buildings/${id}`,
        method: 'PATCH',
        body: changes,
        headers: { 'if-match': `"${version}"` },
        schema: buildingDetailResponse,
      }),
    onSettled: () => client.invalidateQueries({ queryKey: buildingsKey }),
  });
}

export function useDeleteBuilding(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => apiRequest({ path: `/api/buildings/${id}`, method: 'DELETE' }),
    onSuccess: () => client.invalidateQueries({ queryKey: buildingsKey }),
  });
}

/** Units to choose the disposing unit from (every staff member may read the units). */
export function useUnitChoices() {
  return useQuery({
    queryKey: ['units'],
    queryFn: ({ signal }) => apiRequest({ path: '/api/units', schema: unitListResponse, signal }),
  });
}

/** Kroner as typed by a person ("9 500,50") → integer øre; null for empty; undefined if unreadable. */
export function kronerToOre(text: string): number | null | undefined {
  const cleaned = text.replace(/\s/g, '').replace(',', '.');
  if (cleaned === '') return null;
  if (!/^\d{1,9}(\.\d{1,2})?$/.test(cleaned)) return undefined;
  return Math.round(Number(cleaned) * 100);
}

export function oreToKroner(ore: number | null): string {
  if (ore === null) return '';
  return ore % 100 === 0 ? String(ore / 100) : (ore / 100).toFixed(2).replace('.', ',');
}
