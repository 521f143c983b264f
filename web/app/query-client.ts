import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError } from './api-client';
import { forgetSession, sessionQueryKey } from './session';

declare module '@tanstack/react-query' {
  interface Register {
    mutationMeta: { handlesUnauthorized?: boolean };
  }
}

function isSessionLost(error: unknown): boolean {
  return error instanceof ApiError && error.kind === 'auth';
}

/**
 * 401 anywhere → the session is gone: forget it, and the signed-in layout sends the user to the
 * login page. A mutation that expects 401 as an answer (login) opts out with
 * meta.handlesUnauthorized.
 */
export function createQueryClient(): QueryClient {
  const queryClient: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      onError: (error, query) => {
        if (isSessionLost(error) && query.queryKey[0] !== sessionQueryKey[0]) forgetSession(queryClient);
      },
    }),
    mutationCache: new MutationCache({
      onError: (error, _variables, _context, mutation) => {
        if (isSessionLost(error) && !mutation.meta?.handlesUnauthorized) forgetSession(queryClient);
      },
    }),
    defaultOptions: {
      queries: {
        // Retry only what may be passing: no answer, or the server failing. A 4xx will not change.
        retry: (failureCount, error) =>
          failureCount < 2 && error instanceof ApiError && (error.status === 0 || error.status >= 500),
        staleTime: 30_000,
      },
      mutations: { retry: false },
    },
  });
  return queryClient;
}
