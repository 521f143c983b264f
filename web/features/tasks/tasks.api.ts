import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  housingSettingsDto,
  type HousingSettingsDto,
  type UpdateHousingSettingsRequest,
} from '../../../shared/api/housing-settings';
import { calendarFeedCreated, calendarFeedStatus } from '../../../shared/api/tasks';
import { apiRequest } from '../../app/api-client';

export const calendarFeedKey = ['calendar-feed'] as const;
export const housingSettingsKey = ['housing-settings'] as const;

export function useCalendarFeed() {
  return useQuery({
    queryKey: calendarFeedKey,
    queryFn: ({ signal }) => apiRequest({ path: '/api/calendar-feed', schema: calendarFeedStatus, signal }),
  });
}

export function useCreateCalendarFeed() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiRequest({ path: '/api/calendar-feed', method: 'POST', schema: calendarFeedCreated }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: calendarFeedKey }),
  });
}

export function useRevokeCalendarFeed() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiRequest({ path: '/api/calendar-feed', method: 'DELETE' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: calendarFeedKey }),
  });
}

export function useHousingSettings() {
  return useQuery({
    queryKey: housingSettingsKey,
    queryFn: ({ signal }) => apiRequest({ path: '/api/housing-settings', schema: housingSettingsDto, signal }),
  });
}

/** Optimistic concurrency: the change applies only to the version the user saw (412 otherwise). */
export function useUpdateHousingSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({
      version,
      changes,
    }: {
      version: number;
      changes: UpdateHousingSettingsRequest;
    }): Promise<HousingSettingsDto> =>
      apiRequest({
        path: '/api/housing-settings',
        method: 'PATCH',
        headers: { 'if-match': `"${version}"` },
        body: changes,
        schema: housingSettingsDto,
      }),
    onSuccess: (settings) => queryClient.setQueryData(housingSettingsKey, settings),
  });
}
