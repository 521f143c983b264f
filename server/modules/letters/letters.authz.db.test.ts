import { beforeAll, expect, it } from 'vitest';
import { staffRoles } from '../../../shared/domain/roles';
import type { LoggedIn } from '../../test/app';
import { login } from '../../test/app';
import {
  describeAuthzMatrix,
  rolesWith,
  sendAs,
  useAuthzFixture,
  type AuthzEndpoint,
  type AuthzRequest,
} from '../../test/authz';
import { TEST_PASSWORD } from '../../test/fixtures';
import { seedLease } from './letters.test-support';

// ASVS 8.2.1/8.2.2, RELIABILITY S5 for the letters endpoints: every role × every endpoint.
// Allowed → 2xx, denied → 403 auth.forbidden, another municipality's lease or letter → 404 for
// those allowed (no existence oracle). Expectations come from shared/domain/permissions.ts.

const fx = useAuthzFixture({
  own: { kommunenummer: '1804', slug: 'bodo' },
  other: { kommunenummer: '1506', slug: 'molde' },
  otherRoles: ['boligkontor'],
});
const own = { leaseId: '', letterId: '' };
const other = { leaseId: '', letterId: '' };
type Target = typeof own;

async function makeLetter(session: LoggedIn, leaseId: string): Promise<string> {
  const response = await sendAs(fx, session, {
    method: 'POST',
    url: `/api/leases/${leaseId}/letters`,
    payload: { kind: 'lease_end_notice', language: 'nb' },
  });
  if (response.statusCode !== 201) throw new Error(`letter not made: ${response.body}`);
  return response.json<{ id: string }>().id;
}

beforeAll(async () => {
  own.leaseId = (await seedLease(fx.db.app, fx.a.tenantId)).leaseId;
  own.letterId = await makeLetter(fx.sessions.boligkontor, own.leaseId);
  other.leaseId = (await seedLease(fx.db.app, fx.b.tenantId)).leaseId;
  other.letterId = await makeLetter(await login(fx.t.app, fx.b.users.boligkontor.email, TEST_PASSWORD), other.leaseId);
}, 120_000);

/** Every letters endpoint takes a lease or a letter: `own` and `other` from one builder. */
const onLetters = (request: (target: Target) => AuthzRequest) => ({
  own: () => request(own),
  other: () => request(other),
});

const endpoints: AuthzEndpoint[] = [
  {
    name: 'GET /api/leases/:id/letters',
    permission: 'read:lease:any',
    ...onLetters((target) => ({ method: 'GET', url: `/api/leases/${target.leaseId}/letters` })),
  },
  {
    name: 'POST /api/leases/:id/letters',
    permission: 'write:lease:any',
    ...onLetters((target) => ({
      method: 'POST',
      url: `/api/leases/${target.leaseId}/letters`,
      payload: { kind: 'next_steps_meeting', language: 'nn', meetingAt: '2026-12-03T10:00' },
    })),
  },
  {
    name: 'GET /api/letters/:id.pdf',
    permission: 'read:lease:any',
    ...onLetters((target) => ({ method: 'GET', url: `/api/letters/${target.letterId}.pdf` })),
  },
];

describeAuthzMatrix('letters: the role × endpoint matrix', { fixture: fx, endpoints }, () => {
  it('the matrix is not trivial: some roles may write letters, some only read them, some neither', () => {
    const writers = rolesWith('write:lease:any');
    const readers = rolesWith('read:lease:any');
    expect(writers.length).toBeGreaterThan(0);
    expect(readers.length).toBeGreaterThan(writers.length);
    expect(readers.length).toBeLessThan(staffRoles.length);
  });

  it('a state-changing request without the CSRF token is refused', async () => {
    const response = await sendAs(
      fx,
      fx.sessions.boligkontor,
      {
        method: 'POST',
        url: `/api/leases/${own.leaseId}/letters`,
        payload: { kind: 'lease_end_notice', language: 'nb' },
      },
      { csrf: false },
    );
    expect(response.statusCode).toBe(403);
    expect(response.json().code).toBe('auth.csrf');
  });

  it('without a session every endpoint answers 401', async () => {
    for (const endpoint of endpoints) {
      const response = await sendAs(fx, null, await endpoint.own('admin'));
      expect(response.statusCode, endpoint.name).toBe(401);
    }
  });
});
