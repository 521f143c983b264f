import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { can, permissionsFor, type Permission } from '../../../shared/domain/permissions';
import { staffRoles, type StaffRole } from '../../../shared/domain/roles';
import { createTestApp, login, type LoggedIn, type TestApp } from '../../test/app';
import { createTestDatabase, type TestDatabase } from '../../test/database';
import { createTenantFixture, TEST_PASSWORD, type TenantFixture } from '../../test/fixtures';
import { seedLease } from './letters.test-support';

// ASVS 8.2.1/8.2.2, RELIABILITY S5 for the letters endpoints: every role × every endpoint.
// Allowed → 2xx, denied → 403 auth.forbidden, another municipality's lease or letter → 404 for
// those allowed (no existence oracle). Expectations come from shared/domain/permissions.ts.

let db: TestDatabase;
let t: TestApp;
let a: TenantFixture;
let b: TenantFixture;
const sessions = {} as Record<StaffRole, LoggedIn>;
const own = { leaseId: '', letterId: '' };
const other = { leaseId: '', letterId: '' };

async function makeLetter(session: LoggedIn, leaseId: string): Promise<string> {
  const response = await t.app.inject({
    method: 'POST',
    url: `/api/leases/${leaseId}/letters`,
    headers: { cookie: session.cookie, 'x-csrf-token': session.csrf },
    payload: { kind: 'lease_end_notice', language: 'nb' },
  });
  if (response.statusCode !== 201) throw new Error(`letter not made: ${response.body}`);
  return response.json<{ id: string }>().id;
}

beforeAll(async () => {
  db = await createTestDatabase();
  a = await createTenantFixture(db.app, { kommunenummer: '1804', slug: 'bodo', roles: staffRoles });
  b = await createTenantFixture(db.app, { kommunenummer: '1506', slug: 'molde', roles: ['boligkontor'] });
  t = await createTestApp(db);
  for (const role of staffRoles) sessions[role] = await login(t.app, a.users[role].email, TEST_PASSWORD);
  own.leaseId = (await seedLease(db.app, a.tenantId)).leaseId;
  own.letterId = await makeLetter(sessions.boligkontor, own.leaseId);
  other.leaseId = (await seedLease(db.app, b.tenantId)).leaseId;
  other.letterId = await makeLetter(await login(t.app, b.users.boligkontor.email, TEST_PASSWORD), other.leaseId);
}, 120_000);
afterAll(async () => {
  await t.app.close();
  await db.destroy();
});

type Target = typeof own;
type Endpoint = {
  name: string;
  permission: Permission;
  request: (target: Target) => { method: 'GET' | 'POST'; url: string; payload?: Record<string, unknown> };
};

const endpoints: Endpoint[] = [
  {
    name: 'GET /api/leases/:id/letters',
    permission: 'read:lease:any',
    request: (target) => ({ method: 'GET', url: `/api/leases/${target.leaseId}/letters` }),
  },
  {
    name: 'POST /api/leases/:id/letters',
    permission: 'write:lease:any',
    request: (target) => ({
      method: 'POST',
      url: `/api/leases/${target.leaseId}/letters`,
      payload: { kind: 'next_steps_meeting', language: 'nn', meetingAt: '2026-12-03T10:00' },
    }),
  },
  {
    name: 'GET /api/letters/:id.pdf',
    permission: 'read:lease:any',
    request: (target) => ({ method: 'GET', url: `/api/letters/${target.letterId}.pdf` }),
  },
];

function send(role: StaffRole, endpoint: Endpoint, target: Target) {
  const session = sessions[role];
  const request = endpoint.request(target);
  return t.app.inject({
    method: request.method,
    url: request.url,
    headers: { cookie: session.cookie, 'x-csrf-token': session.csrf },
    ...(request.payload ? { payload: request.payload } : {}),
  });
}

describe('letters: the role × endpoint matrix', () => {
  const cells = staffRoles.flatMap((role) => endpoints.map((endpoint) => [role, endpoint.name, endpoint] as const));

  it.each(cells)('%s → %s', async (role, _name, endpoint) => {
    const allowed = can(permissionsFor([role]), endpoint.permission);
    const mine = await send(role, endpoint, own);
    if (allowed) {
      expect(mine.statusCode, mine.body).toBeGreaterThanOrEqual(200);
      expect(mine.statusCode, mine.body).toBeLessThan(300);
    } else {
      expect(mine.statusCode, mine.body).toBe(403);
      expect(mine.json().code).toBe('auth.forbidden');
    }
    const theirs = await send(role, endpoint, other);
    expect(theirs.statusCode, theirs.body).toBe(allowed ? 404 : 403);
    expect(theirs.body).not.toContain(b.tenantId);
  });

  it('the matrix is not trivial: some roles may write letters, some only read them, some neither', () => {
    const writers = staffRoles.filter((role) => can(permissionsFor([role]), 'write:lease:any'));
    const readers = staffRoles.filter((role) => can(permissionsFor([role]), 'read:lease:any'));
    expect(writers.length).toBeGreaterThan(0);
    expect(readers.length).toBeGreaterThan(writers.length);
    expect(readers.length).toBeLessThan(staffRoles.length);
  });

  it('a state-changing request without the CSRF token is refused', async () => {
    const session = sessions.boligkontor;
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/leases/${own.leaseId}/letters`,
      headers: { cookie: session.cookie },
      payload: { kind: 'lease_end_notice', language: 'nb' },
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().code).toBe('auth.csrf');
  });

  it('without a session every endpoint answers 401', async () => {
    for (const endpoint of endpoints) {
      const request = endpoint.request(own);
      const response = await t.app.inject({
        method: request.method,
        url: request.url,
        ...(request.payload ? { payload: request.payload } : {}),
      });
      expect(response.statusCode, endpoint.name).toBe(401);
    }
  });
});
