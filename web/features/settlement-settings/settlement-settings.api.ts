import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { settlementSettingsDto, type UpdateSettlementSettingsRequest } from '../../../shared/api/settlement-settings';
import { apiRequest } from '../../app/api-client';

const settingsKey = ['settlement-settings'] as const;

export function useSettlementSettings() {
  return useQuery({
    queryKey: settingsKey,
    queryFn: ({ signal }) => apiRequest({ path: '/api/settlement-settings', schema: settlementSettingsDto, signal }),
  });
}

export function useUpdateSettlementSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ version, changes }: { version: number; changes: UpdateSettlementSettingsRequest }) =>
      apiRequest({
        path: '/api/settlement-settings',
        method: 'PUT',
        body: changes,
        headers: { 'if-match': `"${version}"` },
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: settingsKey }),
  });
}

// Only the names are needed for the unit selects (GET /api/units; a unit list is not personal data).
const unitOptions = z.object({ items: z.array(z.object({ id: z.uuid(), name: z.string() })) });

export function useUnitOptions() {
  return useQuery({
    queryKey: ['units', 'options'],
    queryFn: ({ signal }) => apiRequest({ path: '/api/units', schema: unitOptions, signal }),
  });
}
