import { createRemoteJWKSet, errors as joseErrors, jwtVerify, type JWTPayload } from 'jose';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import { withTenant } from '../../db/tenant';
import * as repo from './auth.repository';
import type { OidcProviderConfig } from './oidc.config';
import * as oidcRepo from './oidc.repository';
import type { OidcClients } from './oidc.usecases';

// OpenID Connect Back-Channel Logout 1.0 (RELIABILITY §2: ASVS 7.6.1, 10.5.5; S10's last item):
// when a staff member logs out at the provider, the provider POSTs a signed logout token to
// /api/auth/oidc/<provider>/backchannel-logout, and Husly ends that staff member's sessions.

export const BACKCHANNEL_LOGOUT_EVENT = 'http://schemas.openid.net/event/backchannel-logout';

/**
 * How old (by `iat`) a logout token may be. Providers send it at once (oidc-provider: valid for
 * 120 s; ID-porten: one attempt, 7 s of time-outs); the replay cache keeps a `jti` exactly this
 * long (plus the clock tolerance), so a replay is refused either as a replay or as too old.
 */
export const LOGOUT_TOKEN_MAX_AGE_SECONDS = 300;
export const LOGOUT_TOKEN_CLOCK_TOLERANCE_SECONDS = 60;

/** A logout token is a few hundred bytes; anything this long is not one. */
const MAX_TOKEN_LENGTH = 8 * 1024;

export type ReplayCache = {
  /** False if `key` was already seen and has not expired; else remembers it until `until` (ms) and returns true. */
  claim(key: string, until: number): boolean;
  /** Forgets a claim whose logout failed, so the provider may send the token again. */
  release(key: string): void;
  readonly size: number;
};

/**
 * Seen `jti`s, in this process's memory (decision 006). Entries leave once the token would be
 * refused as too old anyway. With several server instances a replay to another instance within
 * the token's 5 minutes would be accepted; its only effect is to end that staff member's sessions
 * again, so a shared store (a table) can wait until Husly runs on more than one instance.
 */
export function createReplayCache(now: () => number = Date.now): ReplayCache {
  const seen = new Map<string, number>();
  const sweep = () => {
    const t = now();
    for (const [key, until] of seen) if (until <= t) seen.delete(key);
  };
  return {
    claim(key, until) {
      const existing = seen.get(key);
      if (existing !== undefined && existing > now()) return false;
      if (seen.size >= 1000) sweep();
      seen.set(key, until);
      return true;
    },
    release(key) {
      seen.delete(key);
    },
    get size() {
      return seen.size;
    },
  };
}

export type LogoutVerifier = {
  verify(provider: OidcProviderConfig, token: string): Promise<LogoutTokenResult>;
};

export type LogoutTokenResult =
  | { ok: true; issuer: string; subject: string; jti: string; iat: number }
  | { ok: false; unavailable: boolean; reason: string };

const refuse = (reason: string): LogoutTokenResult => ({ ok: false, unavailable: false, reason });

/**
 * Validates logout tokens as OIDC Back-Channel Logout 1.0 §2.6 says, against the provider's JWKS
 * (from its discovery document, through the same cached openid-client configuration as the login):
 * signature (RS256 only, as for ID tokens), `iss` = the provider's issuer, `aud` contains our
 * client id, `iat` present and at most 5 minutes old (not in the future), `exp` if present,
 * `jti` present, `events` holding the back-channel-logout member as a JSON object, `sub`
 * present, no `nonce` (so an ID token cannot pass as a logout token, §2.4), and `typ`, if given,
 * `logout+jwt` or `JWT`.
 */
export function createLogoutVerifier({ clients }: { clients: OidcClients }): LogoutVerifier {
  const keySets = new Map<string, { uri: string; keys: ReturnType<typeof createRemoteJWKSet> }>();

  async function keysFor(provider: OidcProviderConfig) {
    const metadata = (await clients.configuration(provider)).serverMetadata();
    const uri = metadata.jwks_uri;
    if (!uri) throw Object.assign(new Error('no jwks_uri'), { code: 'jwks_uri_missing' });
    const cached = keySets.get(provider.id);
    if (cached?.uri === uri) return cached.keys;
    // jose caches the key set and refetches it for an unknown `kid` at most every 30 s.
    const keys = createRemoteJWKSet(new URL(uri), { timeoutDuration: 5000 });
    keySets.set(provider.id, { uri, keys });
    return keys;
  }

  return {
    async verify(provider, token) {
      if (token.length > MAX_TOKEN_LENGTH) return refuse('token_too_long');
      let keys: Awaited<ReturnType<typeof keysFor>>;
      try {
        keys = await keysFor(provider);
      } catch (error) {
        return { ok: false, unavailable: true, reason: `discovery:${reasonOf(error)}` };
      }
      let payload: JWTPayload;
      let typ: unknown;
      try {
        const verified = await jwtVerify(token, keys, {
          issuer: provider.issuer,
          audience: provider.clientId,
          algorithms: ['RS256'],
          requiredClaims: ['iat', 'jti', 'events'],
          maxTokenAge: LOGOUT_TOKEN_MAX_AGE_SECONDS,
          clockTolerance: LOGOUT_TOKEN_CLOCK_TOLERANCE_SECONDS,
        });
        payload = verified.payload;
        typ = verified.protectedHeader.typ;
      } catch (error) {
        const unavailable = isUnreachable(error);
        return { ok: false, unavailable, reason: unavailable ? 'jwks_unreachable' : reasonOf(error) };
      }
      return checkLogoutClaims(payload, typ);
    },
  };
}

/** The logout-token rules on top of a verified JWT (pure; exported for the unit tests). */
export function checkLogoutClaims(payload: JWTPayload, typ: unknown): LogoutTokenResult {
  if (typ !== undefined && !(typeof typ === 'string' && /^(?:application\/)?(?:logout\+jwt|jwt)$/i.test(typ))) {
    return refuse('typ');
  }
  const events = payload.events;
  const event = isObject(events) ? events[BACKCHANNEL_LOGOUT_EVENT] : undefined;
  if (!isObject(event)) return refuse('events');
  if ('nonce' in payload) return refuse('nonce_present');
  if (typeof payload.jti !== 'string' || payload.jti.length === 0 || payload.jti.length > 255) return refuse('jti');
  // §2.4 allows `sid` instead of `sub`. Husly does not record the provider's session id, so it
  // could not tell whose sessions a sid-only token means; it refuses rather than answer 200 for a
  // logout it did not do (decision 006).
  if (typeof payload.sub !== 'string' || payload.sub.length === 0 || payload.sub.length > 255)
    return refuse('sub_missing');
  return { ok: true, issuer: payload.iss!, subject: payload.sub, jti: payload.jti, iat: payload.iat! };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export type BackchannelOutcome =
  { ok: true; sessionsEnded: number; tenants: string[] } | { ok: false; unavailable: boolean; reason: string };

/**
 * One back-channel logout: validate the token, refuse a replayed `jti`, then end every session of
 * the staff member(s) (issuer, sub) is linked to — in every municipality, through the
 * SECURITY DEFINER lookup, each deletion inside that municipality's transaction. An identity
 * nobody is linked to is a success with nothing to do (§2.7: already logged out).
 */
export async function backchannelLogout({
  db,
  verifier,
  replay,
  provider,
  logoutToken,
}: {
  db: Kysely<DB>;
  verifier: LogoutVerifier;
  replay: ReplayCache;
  provider: OidcProviderConfig;
  logoutToken: string;
}): Promise<BackchannelOutcome> {
  const token = await verifier.verify(provider, logoutToken);
  if (!token.ok) return token;
  const key = `${token.issuer}\n${token.jti}`;
  const until = (token.iat + LOGOUT_TOKEN_MAX_AGE_SECONDS + LOGOUT_TOKEN_CLOCK_TOLERANCE_SECONDS) * 1000;
  if (!replay.claim(key, until)) return { ok: false, unavailable: false, reason: 'jti_replayed' };
  try {
    const candidates = await repo.findIdentityCandidates(db, token.issuer, token.subject);
    let sessionsEnded = 0;
    for (const candidate of candidates) {
      sessionsEnded += await withTenant(db, { tenantId: candidate.tenant_id }, (trx) =>
        oidcRepo.deleteUserSessions(trx, candidate.user_id),
      );
    }
    return { ok: true, sessionsEnded, tenants: [...new Set(candidates.map((c) => c.tenant_id))] };
  } catch (error) {
    replay.release(key);
    throw error;
  }
}

function isUnreachable(error: unknown): boolean {
  if (error instanceof joseErrors.JWKSTimeout) return true;
  if (error instanceof TypeError && error.message === 'fetch failed') return true;
  const name = (error as { name?: unknown } | null)?.name;
  return name === 'TimeoutError' || name === 'AbortError';
}

/** jose's error code and, for claim failures, the claim's name — never messages or payloads. */
function reasonOf(error: unknown): string {
  const e = error as { code?: unknown; claim?: unknown } | null;
  const parts: string[] = [];
  if (typeof e?.code === 'string' && /^[A-Za-z0-9_.:-]{1,60}$/.test(e.code)) parts.push(e.code);
  if (typeof e?.claim === 'string' && /^[a-z_]{1,20}$/.test(e.claim)) parts.push(`claim:${e.claim}`);
  return parts.length > 0 ? parts.join(' ') : 'unexpected';
}
