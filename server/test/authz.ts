import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { can, permissionsFor, type Permission } from '../../shared/domain/permissions';
import { staffRoles, type StaffRole } from '../../shared/domain/roles';
import type { Env } from '../env';
import { createTestApp, login, type LoggedIn, type TestApp } from './app';
import { createTestDatabase, type TestDatabase } from './database';
import { createTenantFixture, TEST_PASSWORD, type TenantFixture } from './fixtures';

// The scaffolding of every role × endpoint authorisation test (ASVS 8.2.1/8.2.2, RELIABILITY S5):
// two municipalities, a signed-in session for every role in the first, and a matrix of cells whose
// expectation is computed from shared/domain/permissions.ts. Allowed → 2xx, denied → 403
// auth.forbidden, another municipality's object → 404 for those allowed (no existence oracle).

export type AuthzFixture = {
  db: TestDatabase;
  t: TestApp;
  /** The own municipality: one staff member per role, each signed in (`sessions`). */
  a: TenantFixture;
  /** Another municipality, with the roles asked for. */
  b: TenantFixture;
  sessions: Record<StaffRole, LoggedIn>;
};

type Municipality = { kommunenummer: string; slug: string };

/** Registers beforeAll/afterAll that build the fixture; its fields are set once beforeAll has run. */
export function useAuthzFixture({
  own = { kommunenummer: '1506', slug: 'molde' },
  other = { kommunenummer: '1804', slug: 'bodo' },
  otherRoles = ['admin'],
  env,
}: {
  own?: Municipality;
  other?: Municipality;
  otherRoles?: readonly StaffRole[];
  env?: Partial<Env>;
} = {}): AuthzFixture {
  const fixture = { sessions: {} } as AuthzFixture;
  beforeAll(async () => {
    fixture.db = await createTestDatabase();
    fixture.a = await createTenantFixture(fixture.db.app, { ...own, roles: staffRoles });
    fixture.b = await createTenantFixture(fixture.db.app, { ...other, roles: otherRoles });
    fixture.t = await createTestApp(fixture.db, env);
    for (const role of staffRoles)
      fixture.sessions[role] = await login(fixture.t.app, fixture.a.users[role].email, TEST_PASSWORD);
  }, 120_000);
  afterAll(async () => {
    await fixture.t?.app.close();
    await fixture.db?.destroy();
  });
  return fixture;
}

export type AuthzRequest = {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  payload?: object;
  headers?: Record<string, string>;
  /**
   * Send `If-Match` with the current ETag of this URL, read by the matrix's `reader`, so an allowed
   * change is a plain 2xx. Without an ETag (e.g. another municipality's object) `headers` stand.
   */
  etagFrom?: string;
};

type MaybePromise<T> = T | Promise<T>;

export type AuthzEndpoint = {
  name: string;
  /** Every listed permission is needed; null: every signed-in staff member. */
  permission: Permission | readonly Permission[] | null;
  /** The request in the own municipality. */
  own: (role: StaffRole) => MaybePromise<AuthzRequest>;
  /** The same request aimed at the other municipality's object: allowed → 404, denied → 403. */
  other?: (role: StaffRole) => MaybePromise<AuthzRequest>;
  /** The action is decided per object after it is found, so the foreign object is 404 for every role. */
  foreignIs404?: boolean;
};

export type AuthzTarget = 'own-tenant' | 'other-tenant';

/** `own` and `other` from one request builder, for an endpoint that takes an object. */
export function onBoth(
  request: (target: AuthzTarget, role: StaffRole) => MaybePromise<AuthzRequest>,
): Pick<AuthzEndpoint, 'own' | 'other'> {
  return { own: (role) => request('own-tenant', role), other: (role) => request('other-tenant', role) };
}

export const pick = (target: AuthzTarget, own: string, other: string) => (target === 'own-tenant' ? own : other);

/** The tenant id of the municipality a target names. */
export const tenantOf = (fixture: AuthzFixture, target: AuthzTarget) =>
  pick(target, fixture.a.tenantId, fixture.b.tenantId);

/** Whether a role holds every permission (null: any signed-in staff member). */
export function roleMay(role: StaffRole, permission: AuthzEndpoint['permission']): boolean {
  if (permission === null) return true;
  const held = permissionsFor([role]);
  return (typeof permission === 'string' ? [permission] : permission).every((p) => can(held, p));
}

export const rolesWith = (permission: Permission) => staffRoles.filter((role) => roleMay(role, permission));

/** Sends a request with a session (and its CSRF token unless `csrf: false`), or without one. */
export async function sendAs(
  fixture: AuthzFixture,
  session: LoggedIn | null,
  request: AuthzRequest,
  { csrf = true, reader = 'admin' }: { csrf?: boolean; reader?: StaffRole } = {},
) {
  const headers: Record<string, string> = {
    ...(session ? { cookie: session.cookie, ...(csrf ? { 'x-csrf-token': session.csrf } : {}) } : {}),
    ...request.headers,
  };
  if (request.etagFrom) {
    const current = await fixture.t.app.inject({
      method: 'GET',
      url: request.etagFrom,
      headers: { cookie: fixture.sessions[reader].cookie },
    });
    if (current.headers.etag) headers['if-match'] = String(current.headers.etag);
  }
  return fixture.t.app.inject({
    method: request.method,
    url: request.url,
    headers,
    ...(request.payload ? { payload: request.payload } : {}),
  });
}

/**
 * A describe block with one test per role × endpoint, the expectation computed from the matrix.
 * `reader` reads ETags for `etagFrom`; `onAllowed` adds assertions to an allowed own request;
 * `more` registers further tests in the same block.
 */
export function describeAuthzMatrix(
  title: string,
  {
    fixture,
    endpoints,
    reader = 'admin',
    onAllowed,
  }: {
    fixture: AuthzFixture;
    endpoints: readonly AuthzEndpoint[];
    reader?: StaffRole;
    onAllowed?: (response: Awaited<ReturnType<typeof sendAs>>, endpoint: AuthzEndpoint) => void;
  },
  more?: () => void,
) {
  describe(title, () => {
    const cells = staffRoles.flatMap((role) => endpoints.map((endpoint) => [role, endpoint.name, endpoint] as const));

    it.each(cells)('%s → %s', async (role, _name, endpoint) => {
      const allowed = roleMay(role, endpoint.permission);
      const session = fixture.sessions[role];
      const own = await sendAs(fixture, session, await endpoint.own(role), { reader });
      if (allowed) {
        expect(own.statusCode, own.body).toBeGreaterThanOrEqual(200);
        expect(own.statusCode, own.body).toBeLessThan(300);
        onAllowed?.(own, endpoint);
      } else {
        expect(own.statusCode, own.body).toBe(403);
        expect(own.json().code).toBe('auth.forbidden');
      }
      if (endpoint.other) {
        const other = await sendAs(fixture, session, await endpoint.other(role), { reader });
        expect(other.statusCode, other.body).toBe(endpoint.foreignIs404 || allowed ? 404 : 403);
        expect(other.body).not.toContain(fixture.b.tenantId);
      }
    });

    more?.();
  });
}
