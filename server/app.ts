import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { sql } from 'kysely';
import type { Database } from './db/db';
import type { Env } from './env';
import { AppError, appError, fromDatabaseError, toProblem } from './http/errors';
import { parseJsonBody } from './http/json-body';
import { errorForLog } from './http/logging';
import { openApiDocument, registerRoutes, type AnyRoute } from './http/route';
import { authRoutes, sessionCookieName } from './modules/auth/auth.routes';
import { authenticate } from './modules/auth/auth.usecases';
import { oidcRoutes, registerOidcBrowserRoutes } from './modules/auth/oidc.routes';
import { municipalityRoutes } from './modules/municipalities/municipalities.routes';
import { unitRoutes } from './modules/units/units.routes';
import { userRoutes } from './modules/users/users.routes';
import { auditRoutes } from './modules/audit/audit.routes';
import { dwellingRoutes } from './modules/dwellings/dwellings.routes';
import { landlordRoutes } from './modules/landlords/landlords.routes';
import { leaseRoutes } from './modules/leases/leases.routes';
import { letterRoutes } from './modules/letters/letters.routes';
import { stockIoRoutes } from './modules/stock-io/stock-io.routes';
import { taskRoutes } from './modules/tasks/tasks.routes';
import { housingSettingsRoutes } from './modules/housing-settings/housing-settings.routes';
import { personRoutes } from './modules/persons/persons.routes';
import { householdRoutes } from './modules/households/households.routes';
import { contactRoutes } from './modules/households/contacts.routes';
import { intakeRoutes } from './modules/intake/intake.routes';
import { settlementSettingsRoutes } from './modules/settlement-settings/settlement-settings.routes';
import { allocationCriteriaRoutes } from './modules/allocation/criteria.routes';
import { allocationRunsRoutes } from './modules/allocation/runs.routes';
import { allocationOffersRoutes } from './modules/allocation/offers.routes';
import { allocationDecisionsRoutes } from './modules/allocation/decisions.routes';
import { createSmtpMailer } from './modules/tasks/mailer';
import { startScheduler, type SchedulerHandle } from './modules/tasks/scheduler';
import { testControlRoutes, type ControllableClock } from './modules/test-controls/test-controls';

export const VERSION = '0.1.0';

export type AppDeps = {
  db: Database;
  env: Env;
  clock: () => Date;
  logger: Logger;
  /** Built web app (dist/web); served with SPA fallback when present. */
  webRoot?: string | undefined;
  /** Only with HUSLY_TEST_CONTROLS=on: the clock the browser tests move. */
  testClock?: ControllableClock | undefined;
};

const BODY_LIMIT = 1024 * 1024; // RELIABILITY §6.1: body > 1 MB is refused

function fastifyErrorToAppError(error: { code?: unknown }): AppError | null {
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return appError('request.too_large');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return appError('request.unsupported_media_type');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return appError('request.malformed_json');
    default:
      return null;
  }
}

export async function createApp(deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: deps.logger as FastifyBaseLogger,
    // Fastify's own request logs would include URLs and headers; ours (onResponse) do not.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: BODY_LIMIT,
    requestIdHeader: false,
    genReqId: (request) => {
      const incoming = request.headers['x-request-id'];
      return typeof incoming === 'string' && /^[A-Za-z0-9-]{8,64}$/.test(incoming) ? incoming : randomUUID();
    },
  });

  // Only JSON bodies are accepted; anything else is 415.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
    try {
      done(null, parseJsonBody(body as string));
    } catch (error) {
      done(error as Error, undefined);
    }
  });

  await app.register(fastifyCookie);
  // Only routes that ask for it are limited (login); the answer is a problem like any other.
  await app.register(fastifyRateLimit, {
    global: false,
    errorResponseBuilder: () => appError('auth.throttled'),
  });
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
      },
    },
    strictTransportSecurity: { maxAge: 31_536_000, includeSubDomains: true },
    referrerPolicy: { policy: 'no-referrer' },
    crossOriginEmbedderPolicy: false,
  });

  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
    // API responses may hold personal data: never cached (ASVS 14.3.2).
    if (request.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
  });
  app.addHook('onResponse', async (request, reply) => {
    request.log.info(
      {
        method: request.method,
        route: request.routeOptions.url ?? 'unmatched',
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime),
      },
      'request',
    );
  });

  app.setErrorHandler(async (error, request, reply) => {
    const known =
      error instanceof AppError ? error : (fastifyErrorToAppError(error as { code?: unknown }) ?? fromDatabaseError(error));
    const appErr = known ?? appError('server.internal');
    if (!known) request.log.error({ err: errorForLog(error) }, 'unhandled error');
    return reply
      .code(appErr.status)
      .type('application/problem+json')
      .send(toProblem(appErr, request.id));
  });

  const settings = { idleMinutes: deps.env.SESSION_IDLE_MINUTES, absoluteHours: deps.env.SESSION_ABSOLUTE_HOURS };
  const cookieName = sessionCookieName(deps.env.HUSLY_COOKIE_SECURE);
  const routes: AnyRoute[] = [
    ...authRoutes(deps),
    ...oidcRoutes(deps),
    ...municipalityRoutes(deps),
    ...unitRoutes(deps),
    ...userRoutes(deps),
    ...auditRoutes(deps),
    ...dwellingRoutes(deps),
    ...landlordRoutes(deps),
    ...leaseRoutes(deps),
    ...letterRoutes(deps),
    ...stockIoRoutes(deps),
    ...taskRoutes(deps),
    ...housingSettingsRoutes(deps),
    ...personRoutes(deps),
    ...householdRoutes(deps),
    ...contactRoutes(deps),
    ...intakeRoutes(deps),
    ...allocationCriteriaRoutes(deps),
    ...allocationRunsRoutes(deps),
    ...allocationOffersRoutes(deps),
    ...allocationDecisionsRoutes(deps),
    ...settlementSettingsRoutes(deps),
    ...(deps.testClock ? testControlRoutes(deps, deps.testClock) : []),
  ];
  registerRoutes(app, routes, (request, { csrf }) => {
    const header = request.headers['x-csrf-token'];
    return authenticate({
      db: deps.db.app,
      clock: deps.clock,
      settings,
      token: request.cookies[cookieName],
      csrfHeader: typeof header === 'string' ? header : undefined,
      requireCsrf: csrf,
    });
  });

  // OIDC login legs that answer with redirects rather than JSON.
  registerOidcBrowserRoutes(app, deps);

  app.get('/api/health', async (_request, reply) => {
    try {
      await sql`select 1`.execute(deps.db.app);
      return { status: 'ok', database: 'ok', version: VERSION };
    } catch (error) {
      reply.log.error({ err: errorForLog(error) }, 'health check failed');
      return reply.code(503).send({ status: 'unavailable', database: 'unavailable', version: VERSION });
    }
  });

  // The reminder sweep runs with the app (decision 010): at start-up, then on an interval.
  if (deps.env.SCHEDULER_INTERVAL_MINUTES > 0) {
    const mailer = deps.env.SMTP_URL ? createSmtpMailer({ url: deps.env.SMTP_URL, from: deps.env.SMTP_FROM }) : null;
    let scheduler: SchedulerHandle | null = null;
    app.addHook('onReady', async () => {
      scheduler = startScheduler({
        db: deps.db,
        clock: deps.clock,
        mailer,
        logger: deps.logger,
        publicUrl: deps.env.HUSLY_PUBLIC_URL,
        intervalMinutes: deps.env.SCHEDULER_INTERVAL_MINUTES,
      });
    });
    app.addHook('onClose', async () => {
      await scheduler?.stop();
      mailer?.close();
    });
  }

  const openApi = openApiDocument(routes, VERSION);
  app.get('/api/openapi.json', async () => openApi);

  const webRoot = deps.webRoot;
  const hasWeb = webRoot !== undefined && existsSync(join(webRoot, 'index.html'));
  if (hasWeb) {
    await app.register(fastifyStatic, { root: webRoot, wildcard: false, index: false });
  }
  app.setNotFoundHandler(async (request, reply) => {
    if (hasWeb && request.method === 'GET' && !request.url.startsWith('/api/')) {
      // Single-page app: the client router decides, and shows its own not-found page.
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    }
    const problem = toProblem(appError('route.not_found'), request.id);
    return reply.code(404).type('application/problem+json').send(problem);
  });

  return app;
}
