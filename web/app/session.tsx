import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { createContext, useContext } from 'react';
import { sessionResponse, type SessionResponse } from '../../shared/api/session';
import { ApiError, apiRequest, setCsrfToken } from './api-client';

export const sessionQueryKey = ['session'] as const;

/** The signed-in session, or null when there is none (401 is an answer here, not a failure). */
export async function fetchSession(signal?: AbortSignal): Promise<SessionResponse | null> {
  try {
    const session = await apiRequest({ path: '/api/session', schema: sessionResponse, signal });
    setCsrfToken(session.csrfToken);
    return session;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

export function useSessionQuery() {
  return useQuery({
    queryKey: sessionQueryKey,
    queryFn: ({ signal }) => fetchSession(signal),
    staleTime: 5 * 60_000,
  });
}

/** Call with every SessionResponse the server sends (login, unit switch). */
export function storeSession(queryClient: QueryClient, session: SessionResponse): void {
  setCsrfToken(session.csrfToken);
  queryClient.setQueryData(sessionQueryKey, session);
}

/** Forget everything about the previous session held in memory (ASVS 14.3.1). */
export function forgetSession(queryClient: QueryClient): void {
  setCsrfToken(null);
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== sessionQueryKey[0] });
  queryClient.setQueryData(sessionQueryKey, null);
}

const SessionContext = createContext<SessionResponse | null>(null);
export const SessionProvider = SessionContext.Provider;

/** The current session inside the signed-in layout. */
export function useSession(): SessionResponse {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession must be used inside the signed-in layout');
  return session;
}

export function useSwitchUnit() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (unitId: string) =>
      apiRequest({ path: '/api/session/unit', method: 'POST', body: { unitId }, schema: sessionResponse }),
    onSuccess: async (session) => {
      storeSession(queryClient, session);
      // What a user may see can depend on the active unit: fetch everything again.
      await queryClient.invalidateQueries({ predicate: (query) => query.queryKey[0] !== sessionQueryKey[0] });
    },
  });
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiRequest({ path: '/api/auth/logout', method: 'POST' }),
    // Whether or not the server still knew the session, nothing of it stays in this tab.
    onSettled: () => forgetSession(queryClient),
    meta: { handlesUnauthorized: true },
  });
}
