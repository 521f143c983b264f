import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  assigneeOptionsResponse,
  taskDto,
  taskListResponse,
  type CreateTaskRequest,
  type TaskDto,
  type TaskListResponse,
  type TaskSubjectType,
} from '../../../shared/api/tasks';
import { apiRequest } from '../../app/api-client';

// Fetchers and query hooks for tasks, shared by the tasks feature (/oppgaver) and the
// SubjectTasks component on dwelling, lease and landlord pages.

export const tasksKeys = {
  all: ['tasks'] as const,
  mine: (filters: TaskQuery) => ['tasks', 'mine', filters] as const,
  unit: (unitId: string | null, filters: TaskQuery) => ['tasks', 'unit', unitId, filters] as const,
  subject: (type: TaskSubjectType, id: string) => ['tasks', 'subject', type, id] as const,
  assignees: ['tasks', 'assignees'] as const,
};

export type TaskQuery = { state: 'open' | 'done' | 'dismissed'; overdue: boolean; dueWithinDays: number | null };

function search(filters: TaskQuery, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams({ state: filters.state, ...extra });
  if (filters.overdue) params.set('overdue', 'true');
  if (filters.dueWithinDays !== null) params.set('dueWithinDays', String(filters.dueWithinDays));
  return params.toString();
}

export function useMyTasks(filters: TaskQuery) {
  return useQuery({
    queryKey: tasksKeys.mine(filters),
    queryFn: ({ signal }) =>
      apiRequest({ path: `/api/tasks/mine?${search(filters)}`, schema: taskListResponse, signal }),
  });
}

export function useUnitTasks(unitId: string | null, filters: TaskQuery, enabled: boolean) {
  return useQuery({
    queryKey: tasksKeys.unit(unitId, filters),
    queryFn: ({ signal }) =>
      apiRequest({
        path: `/api/tasks/unit?${search(filters, unitId ? { unitId } : {})}`,
        schema: taskListResponse,
        signal,
      }),
    enabled,
  });
}

export function useSubjectTasks(type: TaskSubjectType, id: string) {
  return useQuery<TaskListResponse>({
    queryKey: tasksKeys.subject(type, id),
    queryFn: ({ signal }) =>
      apiRequest({
        path: `/api/tasks?${new URLSearchParams({ subjectType: type, subjectId: id, state: 'all' }).toString()}`,
        schema: taskListResponse,
        signal,
      }),
  });
}

export function useAssigneeOptions() {
  return useQuery({
    queryKey: tasksKeys.assignees,
    queryFn: ({ signal }) => apiRequest({ path: '/api/tasks/assignees', schema: assigneeOptionsResponse, signal }),
    staleTime: 5 * 60_000,
  });
}

export function useCreateTask() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateTaskRequest): Promise<TaskDto> =>
      apiRequest({ path: '/api/tasks', method: 'POST', body, schema: taskDto }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: tasksKeys.all }),
  });
}

export function useCloseTask() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({
      id,
      action,
      note,
    }: {
      id: string;
      action: 'complete' | 'dismiss';
      note: string;
    }): Promise<TaskDto> =>
      apiRequest({
        path: `/api/tasks/${encodeURIComponent(id)}/${action}`,
        method: 'POST',
        body: note ? { note } : {},
        schema: taskDto,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: tasksKeys.all }),
  });
}
