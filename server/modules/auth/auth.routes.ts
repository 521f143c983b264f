import { loginRequest, sessionResponse, switchUnitRequest } from '../../../shared/api/session';
import { appError } from '../../http/errors';
import { defineRoute, type AnyRoute } from '../../http/route';
import type { AppDeps } from '../../app';
import * as auth from './auth.usecases';

export function sessionCookieName(secure: boolean): string {
  // __Host- binds the cookie to this host, path / and HTTPS (ASVS 3.3.1).
  return secure ? '__Host-husly' : 'husly';
}

export function authRoutes(deps: AppDeps): AnyRoute[] {
  const settings = { idleMinutes: deps.env.SESSION_IDLE_MINUTES, absoluteHours: deps.env.SESSION_ABSOLUTE_HOURS };
  const cookieName = sessionCookieName(deps.env.HUSLY_COOKIE_SECURE);
  return [
    defineRoute({
      method: 'POST',
      url: '/api/auth/login',
      summary: 'Log in with a local account',
      tags: ['auth'],
      auth: 'none',
      // Per address, on top of the per-account lockout: slows password spraying across accounts.
      rateLimit: { max: deps.env.LOGIN_RATE_LIMIT, timeWindow: '5 minutes' },
      body: loginRequest,
      response: sessionResponse,
      handler: async ({ request, reply, body }) => {
        // Login has no session yet, so no CSRF token: a cross-site Origin is refused instead.
        const origin = request.headers.origin;
        if (origin && origin !== `${request.protocol}://${request.host}`) throw appError('auth.csrf');
        const { token, session } = await auth.login({ db: deps.db.app, clock: deps.clock, settings, ...body });
        reply.setCookie(cookieName, token, {
          path: '/',
          httpOnly: true,
          secure: deps.env.HUSLY_COOKIE_SECURE,
          sameSite: 'lax',
        });
        return session;
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/auth/logout',
      summary: 'End the session on the server',
      tags: ['auth'],
      auth: 'session',
      handler: async ({ actor, reply }) => {
        await auth.logout({ db: deps.db.app, actor });
        reply.clearCookie(cookieName, { path: '/', secure: deps.env.HUSLY_COOKIE_SECURE, httpOnly: true, sameSite: 'lax' });
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/session',
      summary: 'The logged-in staff member, municipality and units',
      tags: ['auth'],
      auth: 'session',
      response: sessionResponse,
      handler: ({ actor }) => auth.getSession({ db: deps.db.app, actor }),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/session/unit',
      summary: 'Switch the active unit',
      tags: ['auth'],
      auth: 'session',
      body: switchUnitRequest,
      response: sessionResponse,
      handler: ({ actor, body }) => auth.switchUnit({ db: deps.db.app, actor, unitId: body.unitId }),
    }),
  ];
}
