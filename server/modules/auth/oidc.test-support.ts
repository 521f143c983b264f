// Test support for the OIDC login tests (oidc.db.test.ts): a real OpenID provider in-process
// (`oidc-provider`), a tiny fake provider that hands out crafted ID tokens, and a scripted
// browser with one cookie jar per site. Never imported by the app.
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { exportJWK, generateKeyPair, SignJWT, type JWTPayload } from 'jose';
import Provider, { type errors as OidcErrors } from 'oidc-provider';
import { parseEnv, type Env } from '../../env';

export type LocalAccount = {
  /** Claims besides sub; `tid` and `email` end up in the ID token. */
  claims: { email?: string; name?: string; tid?: string };
};

export type LocalClient = {
  clientId: string;
  clientSecret: string;
  /** Registered back-channel logout URI: the provider POSTs a logout token there when the user logs out. */
  backchannelLogoutUri?: string;
};

/** How the provider's server-to-server requests reach Husly (which tests reach through app.inject). */
export type Deliver = (url: string, init: RequestInit) => Promise<Response>;

export type LocalOp = {
  issuer: string;
  tokenEndpoint: string;
  /** OAuth errors the token endpoint answered with, in order (e.g. invalid_grant). */
  tokenErrors: string[];
  /** Back-channel logouts the provider sent: which client, and whether Husly answered 200. */
  backchannelLogouts: { clientId: string; ok: boolean }[];
  /** Set by the test: where requests to a registered back-channel logout URI go. */
  deliver: Deliver | undefined;
  close(): Promise<void>;
};

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function close(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
}

async function signingKey(kid: string) {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  return {
    privateKey,
    privateJwk: { ...(await exportJWK(privateKey)), kid, alg: 'RS256', use: 'sig' },
    publicJwk: { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' },
  };
}

/**
 * A real OpenID provider (panva/oidc-provider) on 127.0.0.1 with a random port. PKCE is required
 * for every client; the ID token carries `acr` (from the login) and the scope claims incl. `tid`.
 * The interaction (login + consent) has no UI: the scripted browser "submits" the login by
 * opening /interaction/<uid>?account=<sub>&acr=<level>, and consent is granted as asked.
 */
export async function startLocalOp({
  clients,
  redirectUri,
  accounts,
}: {
  clients: LocalClient[];
  redirectUri: string;
  accounts: Record<string, LocalAccount>;
}): Promise<LocalOp> {
  const server = createServer();
  const issuer = await listen(server);
  const { privateJwk } = await signingKey('local-op-key');
  const provider = new Provider(issuer, {
    clients: clients.map((c) => ({
      client_id: c.clientId,
      client_secret: c.clientSecret,
      redirect_uris: [redirectUri],
      grant_types: ['authorization_code'],
      response_types: ['code'],
      token_endpoint_auth_method: 'client_secret_post',
      ...(c.backchannelLogoutUri ? { backchannel_logout_uri: c.backchannelLogoutUri } : {}),
    })),
    jwks: { keys: [privateJwk] },
    cookies: { keys: [randomBytes(32).toString('hex')] },
    pkce: { required: () => true },
    acrValues: ['idporten-loa-low', 'idporten-loa-substantial', 'idporten-loa-high'],
    claims: { openid: ['sub', 'tid'], email: ['email'], profile: ['name'] },
    // Scope claims in the ID token itself, as Entra and ID-porten do.
    conformIdTokenClaims: false,
    // Back-Channel Logout 1.0: on logout at the provider (end_session), a signed logout token to
    // every client of the session with a backchannel_logout_uri.
    features: { devInteractions: { enabled: false }, backchannelLogout: { enabled: true } },
    // Husly's public URL is not resolvable in tests: requests to it are handed to `deliver`
    // (app.inject); the provider's SSRF guard (no loopback) is for real networks.
    fetch: (url: string | URL | Request, init?: RequestInit) => {
      const href = url instanceof Request ? url.url : String(url);
      if (clients.some((c) => c.backchannelLogoutUri === href)) {
        if (!op.deliver) return Promise.reject(new Error('no deliver hook set'));
        return op.deliver(href, init ?? {});
      }
      return globalThis.fetch(url, init);
    },
    findAccount: async (_ctx, sub) => {
      const account = accounts[sub];
      if (!account) return undefined;
      return { accountId: sub, claims: async () => ({ sub, ...account.claims }) };
    },
    interactions: { url: async (_ctx, interaction) => `/interaction/${interaction.uid}` },
    renderError: async (ctx, out) => {
      ctx.type = 'json';
      ctx.body = out;
    },
  });
  const tokenErrors: string[] = [];
  provider.on('grant.error', (_ctx, error: OidcErrors.OIDCProviderError) => tokenErrors.push(error.error));
  const op: LocalOp = {
    issuer,
    tokenEndpoint: `${issuer}/token`,
    tokenErrors,
    backchannelLogouts: [],
    deliver: undefined,
    close: () => close(server),
  };
  provider.on('backchannel.success', (_ctx, client: { clientId: string }) =>
    op.backchannelLogouts.push({ clientId: client.clientId, ok: true }),
  );
  provider.on('backchannel.error', (_ctx, _error, client: { clientId: string }) =>
    op.backchannelLogouts.push({ clientId: client.clientId, ok: false }),
  );

  async function interaction(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', issuer);
    const details = await provider.interactionDetails(req, res);
    if (details.prompt.name === 'login') {
      const accountId = url.searchParams.get('account') ?? '';
      if (!accounts[accountId]) {
        await provider.interactionFinished(req, res, { error: 'access_denied' }, { mergeWithLastSubmission: false });
        return;
      }
      const acr = url.searchParams.get('acr') ?? undefined;
      await provider.interactionFinished(req, res, { login: { accountId, acr } }, { mergeWithLastSubmission: false });
      return;
    }
    // consent: grant what the client asked for
    const accountId = details.session?.accountId ?? '';
    const grant = details.grantId
      ? (await provider.Grant.find(details.grantId))!
      : new provider.Grant({ accountId, clientId: String(details.params.client_id) });
    const missing = details.prompt.details as { missingOIDCScope?: string[]; missingOIDCClaims?: string[] };
    if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(' '));
    if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims);
    const grantId = await grant.save();
    await provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
  }

  const callback = provider.callback();
  server.on('request', (req, res) => {
    if (req.url?.startsWith('/interaction/')) {
      interaction(req, res).catch((error: unknown) => {
        res.statusCode = 500;
        res.end(String(error));
      });
      return;
    }
    void callback(req, res);
  });
  return op;
}

/** A Deliver that hands the provider's request to Husly through app.inject. */
export function deliverTo(app: FastifyInstance): Deliver {
  return async (url, init) => {
    const target = new URL(url);
    const headers: Record<string, string> = {};
    new Headers(init.headers).forEach((value, name) => (headers[name] = value));
    const response = await app.inject({
      method: 'POST',
      url: target.pathname + target.search,
      headers,
      payload: init.body instanceof URLSearchParams ? init.body.toString() : String(init.body ?? ''),
    });
    return new Response(response.body === '' ? null : response.body, { status: response.statusCode });
  };
}

/**
 * How the fake provider's token endpoint makes the next ID token from a valid set of claims
 * (iss, aud, sub, iat, exp, nonce as asked, plus the account's claims).
 */
export type IdTokenCrafter = (input: {
  claims: JWTPayload;
  sign: (claims: JWTPayload, options?: { withOtherKey?: boolean }) => Promise<string>;
}) => Promise<string>;

export const signAsIs: IdTokenCrafter = ({ claims, sign }) => sign(claims);

export type FakeOp = {
  issuer: string;
  /** Set before a flow: how the next ID token is made (default: signed as is). */
  craft: IdTokenCrafter;
  /** Signs any claims with the provider's key (or, to forge, another key with the same kid). */
  sign: (claims: JWTPayload, options?: { withOtherKey?: boolean; typ?: string }) => Promise<string>;
  close(): Promise<void>;
};

/**
 * A deliberately minimal OpenID provider: discovery, JWKS, an authorization endpoint that issues
 * a code at once, and a token endpoint that returns whatever ID token `craft` makes. It lets the
 * tests hand Husly tokens a real provider would never issue (wrong iss/aud, expired, alg none,
 * bad signature) and show that our client refuses them.
 */
export async function startFakeOp({
  clientId,
  sub,
  claims,
}: {
  clientId: string;
  sub: string;
  claims: JWTPayload;
}): Promise<FakeOp> {
  const server = createServer();
  const issuer = await listen(server);
  const key = await signingKey('fake-op-key');
  const otherKey = await signingKey('fake-op-key'); // same kid, different key: a forged signature
  const codes = new Map<string, { nonce: string | undefined }>();

  const sign = async (payload: JWTPayload, options: { withOtherKey?: boolean; typ?: string } = {}) =>
    new SignJWT(payload)
      .setProtectedHeader({ alg: 'RS256', kid: 'fake-op-key', typ: options.typ ?? 'JWT' })
      .sign(options.withOtherKey ? otherKey.privateKey : key.privateKey);

  const fake: FakeOp = {
    issuer,
    craft: signAsIs,
    sign,
    close: () => close(server),
  };

  const json = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
    res.end(JSON.stringify(body));
  };

  server.on('request', (req, res) => {
    const url = new URL(req.url ?? '/', issuer);
    if (url.pathname === '/.well-known/openid-configuration') {
      return json(res, 200, {
        issuer,
        authorization_endpoint: `${issuer}/authorize`,
        token_endpoint: `${issuer}/token`,
        jwks_uri: `${issuer}/jwks`,
        response_types_supported: ['code'],
        subject_types_supported: ['public'],
        id_token_signing_alg_values_supported: ['RS256'],
        code_challenge_methods_supported: ['S256'],
        token_endpoint_auth_methods_supported: ['client_secret_post'],
      });
    }
    if (url.pathname === '/jwks') return json(res, 200, { keys: [key.publicJwk] });
    if (url.pathname === '/authorize') {
      const code = randomBytes(16).toString('base64url');
      codes.set(code, { nonce: url.searchParams.get('nonce') ?? undefined });
      const back = new URL(url.searchParams.get('redirect_uri') ?? '');
      back.searchParams.set('code', code);
      back.searchParams.set('state', url.searchParams.get('state') ?? '');
      res.writeHead(302, { location: back.href });
      return res.end();
    }
    if (url.pathname === '/token' && req.method === 'POST') {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        const form = new URLSearchParams(body);
        const entry = codes.get(form.get('code') ?? '');
        codes.delete(form.get('code') ?? '');
        if (!entry || form.get('client_id') !== clientId || !form.get('code_verifier')) {
          return json(res, 400, { error: 'invalid_grant' });
        }
        const now = Math.floor(Date.now() / 1000);
        const valid = {
          iss: issuer,
          aud: clientId,
          sub,
          iat: now,
          exp: now + 300,
          ...claims,
          ...(entry.nonce ? { nonce: entry.nonce } : {}),
        };
        fake
          .craft({ claims: valid, sign })
          .then((idToken) =>
            json(res, 200, {
              access_token: randomBytes(16).toString('base64url'),
              token_type: 'Bearer',
              expires_in: 300,
              id_token: idToken,
            }),
          )
          .catch(() => json(res, 500, { error: 'server_error' }));
      });
      return;
    }
    json(res, 404, { error: 'not_found' });
  });
  return fake;
}

/** An unsigned JWT (`alg: none`), as an attacker would send it. */
export function unsignedJwt(payload: JWTPayload): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'none', typ: 'JWT' })}.${part(payload)}.`;
}

type Jar = Map<string, string>;

function storeCookies(jar: Jar, setCookies: string[]) {
  for (const line of setCookies) {
    const [pair = '', ...attributes] = line.split(';');
    const eq = pair.indexOf('=');
    const name = pair.slice(0, eq).trim();
    const value = pair.slice(eq + 1).trim();
    const expired = attributes.some((a) => {
      const [k = '', v = ''] = a.trim().split('=');
      return (
        (k.toLowerCase() === 'max-age' && Number(v) <= 0) ||
        (k.toLowerCase() === 'expires' && Date.parse(v) < Date.now())
      );
    });
    if (expired || value === '') jar.delete(name);
    else jar.set(name, value);
  }
}

const cookieHeader = (jar: Jar) => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');

export type ProviderLogin = { account: string; acr?: string };

/**
 * A scripted browser: Husly is reached through app.inject (its public URL is never resolved),
 * providers through fetch. Redirects are followed by hand so every step can be inspected or
 * tampered with.
 */
export function createBrowser(app: FastifyInstance, publicUrl: string) {
  const husly: Jar = new Map();
  const sites = new Map<string, Jar>();

  async function toHusly(url: string): Promise<LightMyRequestResponse> {
    const target = new URL(url, publicUrl);
    const response = await app.inject({
      method: 'GET',
      url: target.pathname + target.search,
      headers: { cookie: cookieHeader(husly) },
    });
    const setCookie = response.headers['set-cookie'];
    storeCookies(husly, setCookie === undefined ? [] : Array.isArray(setCookie) ? setCookie : [setCookie]);
    return response;
  }

  async function toSite(url: string, form?: Record<string, string>): Promise<Response> {
    const origin = new URL(url).origin;
    const jar = sites.get(origin) ?? new Map();
    sites.set(origin, jar);
    const response = await fetch(
      url,
      form
        ? {
            method: 'POST',
            redirect: 'manual',
            headers: { cookie: cookieHeader(jar), 'content-type': 'application/x-www-form-urlencoded' },
            body: new URLSearchParams(form),
          }
        : { redirect: 'manual', headers: { cookie: cookieHeader(jar) } },
    );
    storeCookies(jar, response.headers.getSetCookie());
    return response;
  }

  return {
    cookies: husly,
    /** Clicks "Logg inn med …": the response of /api/auth/oidc/<id>/login. */
    start: (providerId: string) => toHusly(`/api/auth/oidc/${providerId}/login`),
    /**
     * At the provider: follows redirects from the authorization URL, logging in as `login` and
     * consenting, until the provider sends the browser back to Husly. Returns that callback URL
     * (not yet opened).
     */
    async authorize(authorizationUrl: string, login: ProviderLogin): Promise<string> {
      let url = authorizationUrl;
      for (let step = 0; step < 10; step++) {
        if (url.startsWith(publicUrl)) return url;
        const target = new URL(url);
        if (target.pathname.startsWith('/interaction/') && !target.searchParams.has('account')) {
          target.searchParams.set('account', login.account);
          if (login.acr) target.searchParams.set('acr', login.acr);
          url = target.href;
        }
        const response = await toSite(url);
        const location = response.headers.get('location');
        if (!location)
          throw new Error(`provider stopped at ${target.pathname}: ${response.status} ${await response.text()}`);
        url = new URL(location, url).href;
      }
      throw new Error('too many redirects at the provider');
    },
    /** Opens the callback URL in Husly (with whatever cookies this browser holds). */
    callback: (url: string) => toHusly(url),
    get: (url: string) => toHusly(url),
    /**
     * Logs out at the provider (oidc-provider's RP-initiated logout page, "Yes, sign me out"),
     * which makes the provider send its back-channel logout tokens before it answers.
     */
    async logoutAtProvider(issuer: string): Promise<void> {
      const page = await toSite(`${issuer}/session/end`);
      const xsrf = /name="xsrf" value="([^"]+)"/.exec(await page.text())?.[1];
      if (!xsrf) throw new Error(`no logout form at the provider: ${page.status}`);
      const confirmed = await toSite(`${issuer}/session/end/confirm`, { xsrf, logout: 'yes' });
      if (confirmed.status !== 303) throw new Error(`logout at the provider: ${confirmed.status}`);
    },
  };
}

export type Browser = ReturnType<typeof createBrowser>;

// Shared set-up of the OIDC test files: the address Husly is reached at, Molde's Entra tenant,
// the test secrets, and providers written as an operator writes them in OIDC_PROVIDERS.
export const TEST_PUBLIC_URL = 'https://husly.example';
export const TEST_CALLBACK = `${TEST_PUBLIC_URL}/api/auth/oidc/callback`;
export const MOLDE_DIRECTORY = '3f6c1d2e-8a4b-4c5d-9e0f-1a2b3c4d5e6f'; // Molde's Entra tenant (tid)
export const TEST_SECRETS = {
  entra: 'entra-client-secret-0f9e8d7c6b5a',
  idporten: 'idporten-client-secret-1a2b3c4d5e',
  idportenHigh: 'idporten-high-client-secret-5e4d3c',
  fake: 'fake-client-secret-a1b2c3d4e5f6',
  husly: 'husly-test-secret-that-is-long-enough-0123456789',
};

export function entraProvider({
  issuer,
  id = 'entra',
  label = 'Microsoft Entra ID',
  clientId = 'husly-entra',
  clientSecret = TEST_SECRETS.entra,
}: {
  issuer: string;
  id?: string;
  label?: string;
  clientId?: string;
  clientSecret?: string;
}) {
  return { id, kind: 'entra', label, issuer, clientId, clientSecret, allowedTenantIds: [MOLDE_DIRECTORY] };
}

export function idportenProvider({
  issuer,
  id = 'idporten',
  label = 'ID-porten',
  clientId = 'husly-idporten',
  clientSecret = TEST_SECRETS.idporten,
  requiredAcr = 'idporten-loa-substantial',
}: {
  issuer: string;
  id?: string;
  label?: string;
  clientId?: string;
  clientSecret?: string;
  requiredAcr?: string;
}) {
  return { id, kind: 'idporten', label, issuer, clientId, clientSecret, requiredAcr };
}

/** The OIDC part of a test app's environment, parsed exactly as the production environment is. */
export function oidcTestEnv(
  providers: readonly object[],
): Pick<Env, 'OIDC_PROVIDERS' | 'HUSLY_PUBLIC_URL' | 'HUSLY_SECRET'> {
  const env = parseEnv({
    NODE_ENV: 'test',
    HUSLY_PUBLIC_URL: TEST_PUBLIC_URL,
    HUSLY_SECRET: TEST_SECRETS.husly,
    OIDC_PROVIDERS: JSON.stringify(providers),
  });
  return { OIDC_PROVIDERS: env.OIDC_PROVIDERS, HUSLY_PUBLIC_URL: env.HUSLY_PUBLIC_URL, HUSLY_SECRET: env.HUSLY_SECRET };
}
