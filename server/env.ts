import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { oidcProvidersSchema } from './modules/auth/oidc.config';

// The environment is parsed once at start-up and fails fast with a clear message (Epic Stack habit).
const bool = z
  .enum(['true', 'false', '1', '0'])
  .transform((v) => v === 'true' || v === '1');

const baseSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('localhost'),
  /** Owner connection (migrations). Unset → embedded PGlite under HUSLY_DATA_DIR. */
  DATABASE_URL: z.url().optional(),
  /** Optional separate LOGIN role for the runtime pool; else DATABASE_URL + SET ROLE husly_app. */
  APP_DATABASE_URL: z.url().optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  HUSLY_DATA_DIR: z.string().default('./data'),
  HUSLY_SEED: z.enum(['demo', 'none']).default('demo'),
  HUSLY_DEMO_PASSWORD: z.string().min(8).default('husly-demo'),
  HUSLY_COOKIE_SECURE: bool.default(true),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(30),
  SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).max(72).default(10),
  /** Login attempts per client address per 5 minutes (on top of the per-account lockout). */
  LOGIN_RATE_LIMIT: z.coerce.number().int().min(1).max(100_000).default(100),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Staff login with OpenID Connect: a JSON array of providers (see README, decision 006). */
  OIDC_PROVIDERS: oidcProvidersSchema,
  /** Origin (and optional path) browsers use; the OIDC redirect URI is built from it. */
  HUSLY_PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  /** Seals the short-lived OIDC login-state cookie. */
  HUSLY_SECRET: z.string().min(32).optional(),
  /** Task e-mail notifications (smtp://host:port or smtps://user:pass@host:port); unset → no e-mail. */
  SMTP_URL: z.url({ protocol: /^smtps?$/ }).optional(),
  SMTP_FROM: z.string().trim().min(3).max(254).default('Husly <husly@localhost>'),
  /** Reminder sweep: at start-up and then every N minutes; 0 turns the scheduler off. */
  SCHEDULER_INTERVAL_MINUTES: z.coerce.number().int().min(0).max(24 * 60).default(60),
  /** Browser tests only: endpoints that move the clock and run a sweep. Never on in real use. */
  HUSLY_TEST_CONTROLS: z.enum(['on', 'off']).default('off'),
});

// Outside production a missing HUSLY_SECRET is replaced by one random value per process: login
// states then do not survive a restart, which only matters for a login in progress.
let processSecret: string | undefined;

const envSchema = baseSchema
  .superRefine((env, ctx) => {
    if (env.NODE_ENV !== 'production' || env.OIDC_PROVIDERS.length === 0) return;
    if (!env.HUSLY_SECRET) {
      ctx.addIssue({
        code: 'custom',
        path: ['HUSLY_SECRET'],
        message: 'required in production when OIDC_PROVIDERS is set',
      });
    }
    if (!env.HUSLY_PUBLIC_URL?.startsWith('https://')) {
      ctx.addIssue({
        code: 'custom',
        path: ['HUSLY_PUBLIC_URL'],
        message: 'an https URL is required in production when OIDC_PROVIDERS is set',
      });
    }
    env.OIDC_PROVIDERS.forEach((p, i) => {
      if (!p.issuer.startsWith('https://')) {
        ctx.addIssue({ code: 'custom', path: ['OIDC_PROVIDERS', i, 'issuer'], message: 'must be https in production' });
      }
    });
  })
  .transform((env) => ({
    ...env,
    HUSLY_PUBLIC_URL: (env.HUSLY_PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, ''),
    HUSLY_SECRET: env.HUSLY_SECRET ?? (processSecret ??= randomBytes(32).toString('base64url')),
  }));

export type Env = z.infer<typeof envSchema>;

export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join('\n')}`);
  }
  return result.data;
}

export function testEnv(overrides: Partial<Env> = {}): Env {
  // Tests run sweeps themselves (injected clock); an app under test starts none unless asked to.
  return { ...parseEnv({ NODE_ENV: 'test', LOG_LEVEL: 'silent', SCHEDULER_INTERVAL_MINUTES: '0' }), ...overrides };
}
