import { useQuery } from '@tanstack/react-query';
import { overviewResponse, type OverviewResponse } from '../../../shared/api/overview';
import { apiRequest } from '../../app/api-client';

export function fetchOverview(signal?: AbortSignal): Promise<OverviewResponse> {
  return apiRequest({ path: '/api/overview', schema: overviewResponse, signal });
}

export function useOverview() {
  return useQuery({ queryKey: ['overview'], queryFn: ({ signal }) => fetchOverview(signal) });
}
