import type { FastifyInstance, FastifyReply } from 'fastify';
import { oidcProvidersResponse } from '../../../shared/api/session';
import { defineRoute, type AnyRoute } from '../../http/route';
import type { AppDeps } from '../../app';
import { sessionCookieName } from './auth.routes';
import { LOGIN_STATE_MAX_AGE_SECONDS, loginStateKey } from './oidc.state';
import { beginLogin, completeLogin, createOidcClients, type OidcFailureCode } from './oidc.usecases';

export const OIDC_CALLBACK_PATH = '/api/auth/oidc/callback';

export function oidcStateCookieName(secure: boolean): string {
  // Same rules as the session cookie: __Host- needs Secure, path / and no Domain (ASVS 3.3.1).
  return secure ? '__Host-husly-oidc' : 'husly-oidc';
}

/** JSON routes: which providers the login page offers. */
export function oidcRoutes(deps: AppDeps): AnyRoute[] {
  const items = deps.env.OIDC_PROVIDERS.map((p) => ({ id: p.id, label: p.label }));
  return [
    defineRoute({
      method: 'GET',
      url: '/api/auth/oidc/providers',
      summary: 'OpenID providers staff may log in with',
      tags: ['auth'],
      auth: 'none',
      response: oidcProvidersResponse,
      handler: async () => ({ items }),
    }),
  ];
}

/**
 * The browser legs of the flow. They answer with redirects, never JSON: to the provider, to the
 * app after a login, or to the login page with `?feil=<error code>` for the page to translate.
 */
export function registerOidcBrowserRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { env } = deps;
  const providers = env.OIDC_PROVIDERS;
  const clients = createOidcClients({ clock: deps.clock });
  const key = loginStateKey(env.HUSLY_SECRET);
  const redirectUri = `${env.HUSLY_PUBLIC_URL}${OIDC_CALLBACK_PATH}`;
  const basePath = new URL(env.HUSLY_PUBLIC_URL).pathname.replace(/\/+$/, '');
  const stateCookie = oidcStateCookieName(env.HUSLY_COOKIE_SECURE);
  const cookieOptions = { path: '/', httpOnly: true, secure: env.HUSLY_COOKIE_SECURE, sameSite: 'lax' as const };
  const settings = { idleMinutes: env.SESSION_IDLE_MINUTES, absoluteHours: env.SESSION_ABSOLUTE_HOURS };

  // Per client address, like the local login (ASVS 2.4.1): each leg costs calls to the provider.
  const limited = { config: { rateLimit: { max: env.LOGIN_RATE_LIMIT, timeWindow: '5 minutes' } } };

  const toLoginPage = (reply: FastifyReply, code: OidcFailureCode) =>
    reply.redirect(`${basePath}/logg-inn?feil=${encodeURIComponent(code)}`, 302);

  app.get<{ Params: { provider: string } }>('/api/auth/oidc/:provider/login', limited, async (request, reply) => {
    const provider = providers.find((p) => p.id === request.params.provider);
    if (!provider) {
      request.log.warn({ event: 'oidc_login', outcome: 'refused', reason: 'provider_unknown' }, 'oidc login refused');
      return toLoginPage(reply, 'auth.oidc_failed');
    }
    const started = await beginLogin({ provider, clients, clock: deps.clock, key, redirectUri });
    if (!started.ok) {
      request.log.warn(
        { event: 'oidc_login', outcome: 'refused', provider: provider.id, code: started.code, reason: started.reason },
        'oidc login refused',
      );
      return toLoginPage(reply, started.code);
    }
    // Lax: the cookie comes back on the provider's top-level GET redirect to the callback, and
    // on no cross-site subrequest.
    reply.setCookie(stateCookie, started.sealedState, { ...cookieOptions, maxAge: LOGIN_STATE_MAX_AGE_SECONDS });
    return reply.redirect(started.url.href, 302);
  });

  app.get(OIDC_CALLBACK_PATH, limited, async (request, reply) => {
    const sealedState = request.cookies[stateCookie];
    // Single use: whatever happens next, this browser's login state is gone.
    reply.clearCookie(stateCookie, cookieOptions);
    const queryStart = request.url.indexOf('?');
    const outcome = await completeLogin({
      db: deps.db.app,
      clock: deps.clock,
      settings,
      providers,
      clients,
      key,
      redirectUri,
      search: queryStart >= 0 ? request.url.slice(queryStart) : '',
      sealedState,
    });
    if (!outcome.ok) {
      request.log.warn(
        {
          event: 'oidc_login',
          outcome: 'refused',
          provider: outcome.provider,
          code: outcome.code,
          reason: outcome.reason,
        },
        'oidc login refused',
      );
      return toLoginPage(reply, outcome.code);
    }
    request.log.info(
      { event: 'oidc_login', outcome: 'ok', provider: outcome.provider, tenantId: outcome.tenantId },
      'oidc login',
    );
    reply.setCookie(sessionCookieName(env.HUSLY_COOKIE_SECURE), outcome.token, cookieOptions);
    return reply.redirect(`${basePath}/`, 302);
  });
}
