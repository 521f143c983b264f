import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { z } from 'zod';

/**
 * The short-lived state of one OIDC login, kept in the browser that started it (ASVS 10.1.2):
 * sealed with AES-256-GCM so the browser can neither read the PKCE verifier and nonce nor change
 * anything (any change fails the GCM tag). No server-side storage is needed.
 */
export type LoginState = {
  provider: string;
  state: string;
  nonce: string;
  codeVerifier: string;
  /** Milliseconds since the epoch, by the app clock. */
  createdAt: number;
  /**
   * The one-time enrolment token this login was started with (`?enrolment=`), if any: kept out of
   * the provider's sight and carried to the callback, where it links the identity (decision 006).
   */
  enrolment?: string;
};

export const LOGIN_STATE_MAX_AGE_SECONDS = 10 * 60;

const VERSION = 'v1';
// Binds a sealed value to its purpose: a value sealed for anything else with the same secret
// does not open here.
const AAD = Buffer.from('husly/oidc-login-state/v1');
const IV_BYTES = 12;
const TAG_BYTES = 16;

const payload = z.strictObject({
  p: z.string().min(1).max(40),
  s: z.string().min(1).max(200),
  n: z.string().min(1).max(200),
  v: z.string().min(43).max(128),
  t: z.number().int().nonnegative(),
  e: z
    .string()
    .regex(/^[A-Za-z0-9_-]{43}$/)
    .optional(),
});

/** A 256-bit key derived from HUSLY_SECRET with HKDF-SHA256, used for nothing else. */
export function loginStateKey(secret: string): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, 'husly', 'husly/oidc-login-state-key', 32));
}

export function sealLoginState(key: Buffer, value: LoginState): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(AAD);
  const plain = JSON.stringify({
    p: value.provider,
    s: value.state,
    n: value.nonce,
    v: value.codeVerifier,
    t: value.createdAt,
    ...(value.enrolment !== undefined ? { e: value.enrolment } : {}),
  });
  const sealed = Buffer.concat([iv, cipher.update(plain, 'utf8'), cipher.final(), cipher.getAuthTag()]);
  return `${VERSION}.${sealed.toString('base64url')}`;
}

/** The login state, or null when the value is absent, malformed, altered or sealed with another key. */
export function openLoginState(key: Buffer, sealed: string | undefined): LoginState | null {
  if (!sealed || sealed.length > 2000 || !sealed.startsWith(`${VERSION}.`)) return null;
  const bytes = Buffer.from(sealed.slice(VERSION.length + 1), 'base64url');
  if (bytes.length <= IV_BYTES + TAG_BYTES) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, IV_BYTES));
    decipher.setAAD(AAD);
    decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
    const plain = Buffer.concat([
      decipher.update(bytes.subarray(IV_BYTES, bytes.length - TAG_BYTES)),
      decipher.final(),
    ]);
    const parsed = payload.safeParse(JSON.parse(plain.toString('utf8')));
    if (!parsed.success) return null;
    const { p, s, n, v, t, e } = parsed.data;
    return {
      provider: p,
      state: s,
      nonce: n,
      codeVerifier: v,
      createdAt: t,
      ...(e !== undefined ? { enrolment: e } : {}),
    };
  } catch {
    return null;
  }
}

/** Older than 10 minutes by the app clock (or more than a minute in its future) → no longer valid. */
export function loginStateExpired(value: LoginState, now: Date): boolean {
  const age = now.getTime() - value.createdAt;
  return age < -60_000 || age > LOGIN_STATE_MAX_AGE_SECONDS * 1000;
}
