import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  oidcProvidersResponse,
  sessionResponse,
  type LoginRequest,
  type OidcProvidersResponse,
  type SessionResponse,
} from '../../../shared/api/session';
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

/**
 * The OpenID providers (e.g. ID-porten, the municipality's Entra ID) staff may log in with. No
 * providers configured — or a server without the endpoint (404) — means no buttons, never an error:
 * the password login still works.
 */
export async function fetchOidcProviders(signal?: AbortSignal): Promise<OidcProvidersResponse['items']> {
  try {
    const { items } = await apiRequest({ path: '/api/auth/oidc/providers', schema: oidcProvidersResponse, signal });
    return items;
  } catch (error) {
    if (signal?.aborted) throw error;
    return [];
  }
}

/** Where a provider's login starts: a full-page navigation to the server, which redirects on. */
export function oidcLoginHref(providerId: string): string {
  return `/api/auth/oidc/${encodeURIComponent(providerId)}/login`;
}

export function useOidcProviders() {
  return useQuery({
    queryKey: ['auth', 'oidc-providers'],
    queryFn: ({ signal }) => fetchOidcProviders(signal),
    staleTime: 10 * 60_000,
  });
}
