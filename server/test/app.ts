import { Writable } from 'node:stream';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { createApp } from '../app';
import { testEnv, type Env } from '../env';
import { createLogger } from '../http/logging';
import type { TestDatabase } from './database';

export type TestApp = {
  app: FastifyInstance;
  /** Every line the app logged, for log-hygiene assertions. */
  logs: string[];
  clock: { now: Date };
};

export async function createTestApp(db: TestDatabase, env: Partial<Env> = {}): Promise<TestApp> {
  const logs: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, callback) {
      logs.push(String(chunk));
      callback();
    },
  });
  const clock = { now: new Date('2026-11-21T09:00:00Z') };
  const app = await createApp({
    db,
    env: testEnv(env),
    clock: () => clock.now,
    logger: createLogger({ level: 'info', destination }),
  });
  return { app, logs, clock };
}

export type LoggedIn = { cookie: string; csrf: string };

/** Logs in through the real endpoint and returns what a browser would hold. */
export async function login(app: FastifyInstance, email: string, password: string): Promise<LoggedIn> {
  const response = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
  if (response.statusCode !== 200) throw new Error(`login failed: ${response.statusCode} ${response.body}`);
  return { cookie: sessionCookie(response), csrf: response.json<{ csrfToken: string }>().csrfToken };
}

export type TestMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** A request as a signed-in staff member: the session cookie and its CSRF token, plus `headers`. */
export function injectAs(
  app: FastifyInstance,
  session: LoggedIn,
  method: TestMethod,
  url: string,
  payload?: unknown,
  headers: Record<string, string> = {},
) {
  return app.inject({
    method,
    url,
    headers: { cookie: session.cookie, 'x-csrf-token': session.csrf, ...headers },
    ...(payload !== undefined ? { payload: payload as object } : {}),
  });
}

/** `injectAs` for an app made in beforeAll: `const call = injectorFor(() => t.app)`. */
export function injectorFor(app: () => FastifyInstance) {
  return (
    session: LoggedIn,
    method: TestMethod,
    url: string,
    payload?: unknown,
    headers: Record<string, string> = {},
  ) => injectAs(app(), session, method, url, payload, headers);
}

export function sessionCookie(response: LightMyRequestResponse): string {
  const cookie = response.cookies.find((c) => c.name === '__Host-husly');
  if (!cookie) throw new Error('no session cookie');
  return `${cookie.name}=${cookie.value}`;
}
