import type { FastifyInstance, FastifyReply } from 'fastify';
import { oidcProvidersResponse } from '../../../shared/api/session';
import { appError } from '../../http/errors';
import { defineRoute, type AnyRoute } from '../../http/route';
import type { AppDeps } from '../../app';
import { sessionCookieName } from './auth.routes';
import { backchannelLogout, createLogoutVerifier, createReplayCache } from './oidc.backchannel';
import type { OidcProviderConfig } from './oidc.config';
import { LOGIN_STATE_MAX_AGE_SECONDS, loginStateKey } from './oidc.state';
import {
  beginLogin,
  checkEnrolment,
  completeLogin,
  createOidcClients,
  type OidcClients,
  type OidcFailureCode,
} from './oidc.usecases';

export const OIDC_CALLBACK_PATH = '/api/auth/oidc/callback';

/** Registered at the provider as the back-channel logout URI (with HUSLY_PUBLIC_URL in front). */
export function backchannelLogoutPath(providerId: string): string {
  return `/api/auth/oidc/${providerId}/backchannel-logout`;
}

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

/** The login leg; `?enrolment=<token>` when it is opened from an enrolment link. */
type LoginLeg = { Params: { provider: string }; Querystring: { enrolment?: unknown } };

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

  app.get<LoginLeg>('/api/auth/oidc/:provider/login', limited, async (request, reply) => {
    const provider = providers.find((p) => p.id === request.params.provider);
    if (!provider) {
      request.log.warn({ event: 'oidc_login', outcome: 'refused', reason: 'provider_unknown' }, 'oidc login refused');
      return toLoginPage(reply, 'auth.oidc_failed');
    }
    // An enrolment link (decision 006): checked now, so that a dead link fails before the trip to
    // the provider, then carried to the callback inside the sealed state — never to the provider.
    let enrolment: string | undefined;
    if (request.query.enrolment !== undefined) {
      const checked = await checkEnrolment({
        db: deps.db.app,
        clock: deps.clock,
        provider,
        token: request.query.enrolment,
      });
      if (!checked.ok) {
        request.log.warn(
          {
            event: 'oidc_enrolment',
            outcome: 'refused',
            provider: provider.id,
            code: checked.code,
            reason: checked.reason,
          },
          'oidc enrolment refused',
        );
        return toLoginPage(reply, checked.code);
      }
      enrolment = checked.token;
    }
    const started = await beginLogin({ provider, clients, clock: deps.clock, key, redirectUri, enrolment });
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
      requestId: request.id,
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
    if (outcome.enrolled) {
      request.log.info(
        { event: 'oidc_enrolment', outcome: 'ok', provider: outcome.provider, tenantId: outcome.tenantId },
        'oidc identity linked',
      );
    }
    request.log.info(
      { event: 'oidc_login', outcome: 'ok', provider: outcome.provider, tenantId: outcome.tenantId },
      'oidc login',
    );
    reply.setCookie(sessionCookieName(env.HUSLY_COOKIE_SECURE), outcome.token, cookieOptions);
    return reply.redirect(`${basePath}/`, 302);
  });

  void app.register(backchannelLogoutRoute, { deps, clients });
}

/** Logout tokens are small; a bigger form body is not a back-channel logout. */
const BACKCHANNEL_BODY_LIMIT = 16 * 1024;

/**
 * POST /api/auth/oidc/<provider>/backchannel-logout (OIDC Back-Channel Logout 1.0), in its own
 * encapsulated plugin: the form-body parser registered here exists for this route only, and every
 * other route keeps answering 415 to form bodies. The route is outside the session machinery
 * altogether — it never reads a cookie, so there is no CSRF token to check and nothing to exempt;
 * the signed logout token is its only credential.
 */
async function backchannelLogoutRoute(
  scope: FastifyInstance,
  { deps, clients }: { deps: AppDeps; clients: OidcClients },
): Promise<void> {
  const providers = deps.env.OIDC_PROVIDERS;
  const verifier = createLogoutVerifier({ clients });
  const replay = createReplayCache();

  // Only the form encoding the specification prescribes (§2.5); JSON and the rest are 415 here.
  scope.removeAllContentTypeParsers();
  scope.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: BACKCHANNEL_BODY_LIMIT },
    (_request, body, done) => done(null, new URLSearchParams(body as string)),
  );

  scope.post<{ Params: { provider: string } }>(backchannelLogoutPath(':provider'), async (request, reply) => {
    const refuse = (reason: string, provider?: OidcProviderConfig) => {
      request.log.warn(
        { event: 'oidc_backchannel_logout', outcome: 'refused', provider: provider?.id, reason },
        'oidc back-channel logout refused',
      );
      return appError('auth.logout_token_invalid');
    };
    const provider = providers.find((p) => p.id === request.params.provider);
    if (!provider) throw refuse('provider_unknown');
    const tokens = request.body instanceof URLSearchParams ? request.body.getAll('logout_token') : [];
    // Exactly one: a repeated parameter is refused, not resolved by picking one (ASVS 15.3.7).
    if (tokens.length !== 1)
      throw refuse(tokens.length === 0 ? 'logout_token_missing' : 'logout_token_repeated', provider);

    const outcome = await backchannelLogout({ db: deps.db.app, verifier, replay, provider, logoutToken: tokens[0]! });
    if (!outcome.ok) {
      if (outcome.unavailable) {
        request.log.warn(
          { event: 'oidc_backchannel_logout', outcome: 'failed', provider: provider.id, reason: outcome.reason },
          'oidc back-channel logout failed',
        );
        throw appError('auth.oidc_unavailable');
      }
      throw refuse(outcome.reason, provider);
    }
    request.log.info(
      {
        event: 'oidc_backchannel_logout',
        outcome: 'ok',
        provider: provider.id,
        tenantIds: outcome.tenants,
        sessionsEnded: outcome.sessionsEnded,
      },
      'oidc back-channel logout',
    );
    // §2.8: 200 OK; Cache-Control: no-store is already set on every /api response.
    return reply.code(200).send();
  });
}
