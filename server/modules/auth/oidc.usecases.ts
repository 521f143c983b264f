import type { Kysely } from 'kysely';
import * as client from 'openid-client';
import type { ErrorCode } from '../../../shared/errors';
import type { DB } from '../../db/schema';
import { withTenant } from '../../db/tenant';
import { recordAudit } from '../audit/audit.usecases';
import { toRoles } from './actor';
import * as repo from './auth.repository';
import { openSession, type Clock, type SessionSettings } from './auth.usecases';
import { defaultScopes, type OidcProviderConfig } from './oidc.config';
import { enrolmentProblem, enrolmentTokenHash } from './oidc.enrolment';
import * as oidcRepo from './oidc.repository';
import { acrSatisfies, tenantAllowed } from './oidc.rules';
import { loginStateExpired, openLoginState, sealLoginState, type LoginState } from './oidc.state';

// Staff login with OpenID Connect: authorization code flow with PKCE (S256), state and nonce
// (RELIABILITY §2 OIDC client row; decision 006). openid-client checks the authorization
// response (state, RFC 9207 `iss`), the token response and the ID token (RS256 only, iss, aud,
// exp/iat, nonce; the signature with the provider's JWKS once non-repudiation checks are on, see
// discover()). This module adds what only Husly can decide: the level of assurance, the Entra
// directory, and which staff member (issuer, sub) is.

/** Provider metadata is fetched once and refreshed daily (keys rotate through the JWKS cache). */
const DISCOVERY_TTL_MS = 24 * 60 * 60 * 1000;

export type OidcClients = {
  configuration(provider: OidcProviderConfig): Promise<client.Configuration>;
};

export function createOidcClients({ clock }: { clock: Clock }): OidcClients {
  const cache = new Map<string, { at: number; pending: Promise<client.Configuration> }>();
  return {
    configuration(provider) {
      const now = clock().getTime();
      const cached = cache.get(provider.id);
      if (cached && now - cached.at < DISCOVERY_TTL_MS) return cached.pending;
      const pending = discover(provider);
      cache.set(provider.id, { at: now, pending });
      // A provider that was down is asked again on the next login.
      pending.catch(() => {
        if (cache.get(provider.id)?.pending === pending) cache.delete(provider.id);
      });
      return pending;
    },
  };
}

function discover(provider: OidcProviderConfig): Promise<client.Configuration> {
  const issuer = new URL(provider.issuer);
  const metadata: Partial<client.ClientMetadata> = {
    // Entra and ID-porten sign ID tokens with RS256; anything else (none, HS256 with the client
    // secret, …) is refused.
    id_token_signed_response_alg: 'RS256',
  };
  const auth = provider.clientSecret ? client.ClientSecretPost(provider.clientSecret) : client.None();
  // openid-client does not verify the signature of an ID token that comes straight from the
  // token endpoint (OIDC Core 3.1.3.7 lets a client rely on TLS instead). We verify it against
  // the provider's JWKS anyway: a forged or altered token is refused even if TLS is terminated or
  // intercepted somewhere we do not control (RELIABILITY S10; decision 006).
  const execute = [client.enableNonRepudiationChecks];
  // http issuers are refused by the environment in production; tests use a local provider.
  if (issuer.protocol === 'http:') execute.push(client.allowInsecureRequests);
  return client.discovery(issuer, provider.clientId, metadata, auth, { execute, timeout: 10 });
}

export type OidcFailureCode = Extract<
  ErrorCode,
  | 'auth.oidc_failed'
  | 'auth.oidc_unavailable'
  | 'auth.level_insufficient'
  | 'auth.tenant_not_enrolled'
  | 'auth.identity_unknown'
  | 'auth.account_deactivated'
  | 'auth.enrolment_invalid'
  | 'auth.identity_taken'
>;

/**
 * How a login ended. `reason` is for the security log only: a fixed word or an error code from
 * openid-client — never a token, code, sub, e-mail or provider error text.
 */
export type OidcFailure = { ok: false; code: OidcFailureCode; reason: string; provider?: string };
export type OidcOutcome =
  | {
      ok: true;
      token: string;
      tenantId: string;
      provider: string;
      /** True when this login linked a new identity through an enrolment link. */
      enrolled?: boolean;
    }
  | OidcFailure;

const fail = (code: OidcFailureCode, reason: string): OidcFailure => ({ ok: false, code, reason });

/** Starts a login: the provider URL to send the browser to, and the sealed state for its cookie. */
export async function beginLogin({
  provider,
  clients,
  clock,
  key,
  redirectUri,
  enrolment,
}: {
  provider: OidcProviderConfig;
  clients: OidcClients;
  clock: Clock;
  key: Buffer;
  redirectUri: string;
  /** An enrolment token already checked with checkEnrolment(); sealed into the state for the callback. */
  enrolment?: string | undefined;
}): Promise<{ ok: true; url: URL; sealedState: string } | OidcFailure> {
  let configuration: client.Configuration;
  try {
    configuration = await clients.configuration(provider);
  } catch (error) {
    return fail('auth.oidc_unavailable', `discovery:${reasonOf(error)}`);
  }
  const state = client.randomState();
  const nonce = client.randomNonce();
  const codeVerifier = client.randomPKCECodeVerifier();
  const parameters: Record<string, string> = {
    redirect_uri: redirectUri,
    response_type: 'code',
    scope: defaultScopes(provider),
    state,
    nonce,
    code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
  };
  // Ask ID-porten for the level we require; the answer is still checked on the way back.
  if (provider.kind === 'idporten' && provider.requiredAcr) parameters.acr_values = provider.requiredAcr;
  const url = client.buildAuthorizationUrl(configuration, parameters);
  const sealedState = sealLoginState(key, {
    provider: provider.id,
    state,
    nonce,
    codeVerifier,
    createdAt: clock().getTime(),
    ...(enrolment !== undefined ? { enrolment } : {}),
  });
  return { ok: true, url, sealedState };
}

/**
 * The login leg of an enrolment link (`?enrolment=<token>`): refuses at once, before the trip to
 * the provider, a token that is malformed, unknown, used, revoked, expired or made for another
 * provider. The callback checks it again, under a lock, before it links anything.
 */
export async function checkEnrolment({
  db,
  clock,
  provider,
  token,
}: {
  db: Kysely<DB>;
  clock: Clock;
  provider: OidcProviderConfig;
  token: unknown;
}): Promise<{ ok: true; token: string } | OidcFailure> {
  const tokenHash = enrolmentTokenHash(token);
  if (!tokenHash) return fail('auth.enrolment_invalid', 'enrolment_malformed');
  const tenantId = await oidcRepo.resolveEnrolmentTenant(db, tokenHash);
  if (!tenantId) return fail('auth.enrolment_invalid', 'enrolment_unknown');
  const problem = await withTenant(db, { tenantId }, async (trx) => {
    const row = await oidcRepo.findEnrolment(trx, tokenHash);
    return row ? enrolmentProblem(row, provider.id, clock()) : 'enrolment_unknown';
  });
  if (problem) return fail('auth.enrolment_invalid', problem);
  return { ok: true, token: token as string };
}

/**
 * Finishes a login on the callback: the sealed state from this browser's cookie, the provider's
 * answer (query string), then (issuer, sub) → staff member → a new session, exactly as a local
 * login opens one. Never matches by e-mail.
 */
export async function completeLogin({
  db,
  clock,
  settings,
  providers,
  clients,
  key,
  redirectUri,
  search,
  sealedState,
  requestId,
}: {
  db: Kysely<DB>;
  clock: Clock;
  settings: SessionSettings;
  providers: readonly OidcProviderConfig[];
  clients: OidcClients;
  key: Buffer;
  redirectUri: string;
  /** The callback's query string, e.g. "?code=…&state=…&iss=…". */
  search: string;
  sealedState: string | undefined;
  /** For the audit entry of an enrolment. */
  requestId: string;
}): Promise<OidcOutcome> {
  // The flow must have been started by this browser (ASVS 10.1.2): no cookie, a cookie sealed
  // with another key, or an altered one all end here.
  const login = openLoginState(key, sealedState);
  if (!login) return fail('auth.oidc_failed', 'state_cookie_invalid');
  if (loginStateExpired(login, clock())) return fail('auth.oidc_failed', 'state_cookie_expired');
  const provider = providers.find((p) => p.id === login.provider);
  if (!provider) return fail('auth.oidc_failed', 'provider_not_configured');
  const outcome = await redeem({ db, clock, settings, clients, redirectUri, search, provider, login, requestId });
  return { ...outcome, provider: provider.id };
}

async function redeem({
  db,
  clock,
  settings,
  clients,
  redirectUri,
  search,
  provider,
  login,
  requestId,
}: {
  db: Kysely<DB>;
  clock: Clock;
  settings: SessionSettings;
  clients: OidcClients;
  redirectUri: string;
  search: string;
  provider: OidcProviderConfig;
  login: LoginState;
  requestId: string;
}): Promise<OidcOutcome> {
  let configuration: client.Configuration;
  try {
    configuration = await clients.configuration(provider);
  } catch (error) {
    return fail('auth.oidc_unavailable', `discovery:${reasonOf(error)}`);
  }

  const currentUrl = new URL(redirectUri);
  currentUrl.search = search;
  let claims: client.IDToken | undefined;
  try {
    const tokens = await client.authorizationCodeGrant(configuration, currentUrl, {
      pkceCodeVerifier: login.codeVerifier,
      expectedState: login.state,
      expectedNonce: login.nonce,
      idTokenExpected: true,
    });
    claims = tokens.claims();
  } catch (error) {
    return fail(isUnreachable(error) ? 'auth.oidc_unavailable' : 'auth.oidc_failed', reasonOf(error));
  }
  if (!claims) return fail('auth.oidc_failed', 'id_token_missing');

  if (provider.kind === 'idporten' && !acrSatisfies(provider.requiredAcr!, claims.acr)) {
    return fail('auth.level_insufficient', 'acr_below_required');
  }
  if (provider.kind === 'entra' && !tenantAllowed(provider.allowedTenantIds!, claims.tid)) {
    return fail('auth.tenant_not_enrolled', 'tid_not_allowed');
  }

  // claims.iss has been checked to be this provider's issuer, so a staff identity registered for
  // one provider can never be used through another (mix-up, ASVS 10.2.2).
  if (login.enrolment !== undefined) {
    return enrol({
      db,
      clock,
      settings,
      provider,
      token: login.enrolment,
      issuer: claims.iss,
      subject: claims.sub,
      requestId,
    });
  }
  const candidates = await repo.findIdentityCandidates(db, claims.iss, claims.sub);
  if (candidates.length === 0) return fail('auth.identity_unknown', 'identity_unknown');
  // One person may work for more than one municipality; like a local login, the first active
  // account (in a stable order) is used.
  for (const candidate of candidates) {
    const opened = await withTenant(db, { tenantId: candidate.tenant_id }, async (trx) => {
      const user = await repo.findUser(trx, candidate.user_id);
      if (!user?.active) return null;
      return openSession(trx, { clock, settings, tenantId: candidate.tenant_id, userId: user.id });
    });
    if (opened) return { ok: true, token: opened.token, tenantId: candidate.tenant_id, provider: provider.id };
  }
  return fail('auth.account_deactivated', 'account_deactivated');
}

/**
 * A login through an enrolment link, after the provider and Husly's rules have vouched for
 * (issuer, sub): in the link's municipality and one transaction, the link is locked and checked,
 * the identity linked to the link's staff member (unless already linked to them), the link marked
 * used, the change audited and a session opened. Refused, with nothing changed, when the link is
 * no longer open, the staff member is deactivated, or (issuer, sub) is already linked to another
 * staff member there. A link to the same person in another municipality does not stand in the way:
 * one person may work for several (decision 006).
 */
async function enrol({
  db,
  clock,
  settings,
  provider,
  token,
  issuer,
  subject,
  requestId,
}: {
  db: Kysely<DB>;
  clock: Clock;
  settings: SessionSettings;
  provider: OidcProviderConfig;
  token: string;
  issuer: string;
  subject: string;
  requestId: string;
}): Promise<OidcOutcome> {
  const tokenHash = enrolmentTokenHash(token);
  const tenantId = tokenHash ? await oidcRepo.resolveEnrolmentTenant(db, tokenHash) : null;
  if (!tokenHash || !tenantId) return fail('auth.enrolment_invalid', 'enrolment_unknown');
  return withTenant(db, { tenantId }, async (trx): Promise<OidcOutcome> => {
    const now = clock();
    const enrolment = await oidcRepo.lockEnrolment(trx, tokenHash);
    if (!enrolment) return fail('auth.enrolment_invalid', 'enrolment_unknown');
    const problem = enrolmentProblem(enrolment, provider.id, now);
    if (problem) return fail('auth.enrolment_invalid', problem);
    const user = await repo.findUser(trx, enrolment.user_id);
    if (!user?.active) return fail('auth.account_deactivated', 'account_deactivated');

    const linked = await oidcRepo.findIdentity(trx, issuer, subject);
    // Not consumed: the link stays usable for the staff member it was made for, who may simply
    // have logged in with the wrong account at the provider.
    if (linked && linked.user_id !== user.id) return fail('auth.identity_taken', 'identity_linked_to_another_user');
    const added = linked ? false : await oidcRepo.insertIdentity(trx, { tenantId, userId: user.id, issuer, subject });
    if (!linked && !added) return fail('auth.identity_taken', 'identity_linked_concurrently');

    await oidcRepo.markEnrolmentUsed(trx, enrolment.id, now);
    const opened = await openSession(trx, { clock, settings, tenantId, userId: user.id });
    if (added) {
      await recordAudit(
        trx,
        {
          actor: { tenantId, userId: user.id, roles: toRoles(user.roles), activeUnitId: opened.session.activeUnitId },
          requestId,
          now,
          purpose: 'authentication',
        },
        {
          action: 'update',
          entity: 'staff_user',
          subject: { type: 'staff_user', id: user.id },
          fields: ['oidc_identity'],
        },
      );
    }
    return { ok: true, token: opened.token, tenantId, provider: provider.id, enrolled: added };
  });
}

function isUnreachable(error: unknown): boolean {
  if (error instanceof TypeError && error.message === 'fetch failed') return true;
  const name = (error as { name?: unknown } | null)?.name;
  return name === 'TimeoutError' || name === 'AbortError';
}

const safeWord = /^[A-Za-z0-9_.:-]{1,60}$/;

// What failed, from openid-client's fixed inner messages (the values themselves are in `cause`,
// which is never logged).
const detailOf: [RegExp, (m: RegExpMatchArray) => string][] = [
  [/^JWT signature verification failed$/, () => 'signature'],
  [/^unexpected JWT "alg" header parameter$/, () => 'alg'],
  [/^unexpected "state" response parameter value$/, () => 'state'],
  [/^unexpected "iss" \(issuer\) response parameter value$/, () => 'iss_parameter'],
  [/^JWT "([a-z_]{1,20})" \([a-z ]{1,40}\) claim missing$/, (m) => `missing:${m[1]}`],
];

/**
 * A log-safe description of why openid-client refused: its error code, the OAuth error code the
 * provider returned (e.g. invalid_grant), the failing claim and a fixed word for what failed —
 * never messages or causes as such, which can hold the token's claims.
 */
function reasonOf(error: unknown): string {
  if (isUnreachable(error)) return 'unreachable';
  type Chain =
    { code?: unknown; error?: unknown; message?: unknown; claim?: unknown; cause?: Chain } | null | undefined;
  const e = error as Chain;
  const parts: string[] = [];
  if (typeof e?.code === 'string' && safeWord.test(e.code)) parts.push(e.code);
  if (typeof e?.error === 'string' && safeWord.test(e.error)) parts.push(e.error);
  const inner = e?.cause;
  const claim = inner?.claim ?? inner?.cause?.claim;
  if (typeof claim === 'string' && /^[a-z_]{1,20}$/.test(claim)) parts.push(`claim:${claim}`);
  if (typeof inner?.message === 'string') {
    for (const [pattern, word] of detailOf) {
      const match = inner.message.match(pattern);
      if (match) parts.push(word(match));
    }
  }
  return parts.length > 0 ? parts.join(' ') : 'unexpected';
}
