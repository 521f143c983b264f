import { expect, it } from 'vitest';
import { staffRoles } from '../../../shared/domain/roles';
import { withTenant } from '../../db/tenant';
import {
  describeAuthzMatrix,
  onBoth,
  roleMay,
  sendAs,
  tenantOf,
  useAuthzFixture,
  type AuthzEndpoint,
  type AuthzRequest,
  type AuthzTarget,
} from '../../test/authz';
import { insertHouseholdInState, insertTestPerson } from './households.test-support';

// Every role × every household and pipeline endpoint: allowed → 2xx, denied → 403, another
// municipality's household → 404 for those allowed (expectations from shared/domain/permissions.ts).
// The miljøarbeider reads at unit scope; the fixture's households are in their unit.

const fx = useAuthzFixture();

const household = async (target: AuthzTarget) => {
  const tenantId = tenantOf(fx, target);
  const unitId = target === 'own-tenant' ? fx.a.unitId : fx.b.unitId;
  return insertHouseholdInState(fx.db.app, { tenantId, unitId }, 'proposed');
};

/** A household with a second member, whose relation the PATCH changes. */
async function householdWithMember(target: AuthzTarget) {
  const tenantId = tenantOf(fx, target);
  const h = await household(target);
  const personId = await insertTestPerson(fx.db.app, tenantId, { fullName: 'Bror', birthDate: '1995-01-01' });
  await withTenant(fx.db.app, { tenantId }, (trx) =>
    trx.insertInto('app.household_member').values({ tenant_id: tenantId, household_id: h.id, person_id: personId, relation: 'other' }).execute(),
  );
  return { id: h.id, personId };
}

// AuthzRequest lists the methods the other matrices needed; PUT goes through app.inject all the same.
const PUT = 'PUT' as AuthzRequest['method'];

const endpoints: AuthzEndpoint[] = [
  {
    name: 'GET /api/households',
    permission: 'read:household:unit',
    own: () => ({ method: 'GET', url: '/api/households?search=Person' }),
  },
  {
    name: 'POST /api/households',
    permission: 'write:household:any',
    own: async () => ({
      method: 'POST',
      url: '/api/households',
      payload: {
        category: 'resettlement_refugee',
        members: [{ personId: await insertTestPerson(fx.db.app, fx.a.tenantId, { birthDate: '1980-01-01' }), relation: 'main' }],
      },
    }),
  },
  {
    name: 'GET /api/households/:id',
    permission: 'read:household:unit',
    ...onBoth(async (target) => ({ method: 'GET', url: `/api/households/${(await household(target)).id}` })),
  },
  {
    name: 'PATCH /api/households/:id',
    permission: 'write:household:any',
    ...onBoth(async (target) => {
      const url = `/api/households/${(await household(target)).id}`;
      return { method: 'PATCH', url, payload: { nearSchool: true }, etagFrom: url, headers: { 'if-match': '"1"' } };
    }),
  },
  {
    name: 'POST /api/households/:id/members',
    permission: 'write:household:any',
    ...onBoth(async (target) => ({
      method: 'POST',
      url: `/api/households/${(await household(target)).id}/members`,
      payload: { personId: await insertTestPerson(fx.db.app, tenantOf(fx, target)), relation: 'other' },
    })),
  },
  {
    name: 'PATCH /api/households/:id/members/:personId',
    permission: 'write:household:any',
    ...onBoth(async (target) => {
      const { id, personId } = await householdWithMember(target);
      return { method: 'PATCH', url: `/api/households/${id}/members/${personId}`, payload: { relation: 'sibling' } };
    }),
  },
  {
    name: 'POST /api/households/:id/transitions',
    permission: 'write:household:any',
    ...onBoth(async (target) => {
      const id = (await household(target)).id;
      return {
        method: 'POST',
        url: `/api/households/${id}/transitions`,
        payload: { to: 'accepted' },
        etagFrom: `/api/households/${id}`,
        headers: { 'if-match': '"1"' },
      };
    }),
  },
  {
    name: 'GET /api/pipeline/board',
    permission: 'read:household:unit',
    own: () => ({ method: 'GET', url: '/api/pipeline/board' }),
  },
  {
    name: 'PUT /api/pipeline/targets/:year/:quarter',
    permission: 'write:household:any',
    own: () => ({ method: PUT, url: '/api/pipeline/targets/2026/3', payload: { target: 25 } }),
  },
];

describeAuthzMatrix('the role × household endpoint matrix', { fixture: fx, endpoints, reader: 'bosetter' }, () => {
  // Aggregates without names: read:household:any OR read:report:any (not expressible as one permission).
  it.each([...staffRoles])('%s → GET /api/pipeline/quarters', async (role) => {
    const allowed = roleMay(role, 'read:household:any') || roleMay(role, 'read:report:any');
    const response = await sendAs(fx, fx.sessions[role], { method: 'GET', url: '/api/pipeline/quarters?year=2026' });
    expect(response.statusCode, response.body).toBe(allowed ? 200 : 403);
    if (allowed) expect(response.json().actions.setTarget).toBe(roleMay(role, 'write:household:any'));
  });

  it('every role that reads households reads persons at the same scope (names in lists rely on it)', () => {
    for (const role of staffRoles) {
      if (!roleMay(role, 'read:household:unit')) continue;
      expect(roleMay(role, 'read:person:unit')).toBe(true);
    }
  });
});
