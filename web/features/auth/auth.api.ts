import { useMutation, useQueryClient } from '@tanstack/react-query';
import { sessionResponse, type LoginRequest, type SessionResponse } from '../../../shared/api/session';
import { apiRequest } from '../../app/api-client';
import { sessionQueryKey, storeSession } from '../../app/session';

export function login(body: LoginRequest): Promise<SessionResponse> {
  return apiRequest({ path: '/api/auth/login', method: 'POST', body, schema: sessionResponse });
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: login,
    onSuccess: (session) => {
      // Nothing cached for a previous user may show up for this one.
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== sessionQueryKey[0] });
      storeSession(queryClient, session);
    },
    // 401 auth.invalid_credentials is an answer to show at the form, not a lost session.
    meta: { handlesUnauthorized: true },
  });
}
