import { withTenant } from '../../db/tenant';
import {
  describeAuthzMatrix,
  onBoth,
  tenantOf,
  useAuthzFixture,
  type AuthzEndpoint,
  type AuthzTarget,
} from '../../test/authz';
import { insertLandlord } from '../leases/leases.test-support';

// Every role × every landlord endpoint: allowed → 2xx, denied → 403, another municipality's
// landlord → 404 for those allowed (expectations from shared/domain/permissions.ts).

const fx = useAuthzFixture();

const landlord = (target: AuthzTarget) => insertLandlord(fx.db.app, tenantOf(fx, target), 'Utleier Person');

async function incident(target: AuthzTarget): Promise<{ landlordId: string; incidentId: string }> {
  const tenantId = tenantOf(fx, target);
  const landlordId = await landlord(target);
  const row = await withTenant(fx.db.app, { tenantId }, (trx) =>
    trx
      .insertInto('app.landlord_incident')
      .values({
        tenant_id: tenantId,
        landlord_id: landlordId,
        occurred_on: '2026-10-01',
        kind: 'other',
        description: 'Hendelse',
      })
      .returning('id')
      .executeTakeFirstOrThrow(),
  );
  return { landlordId, incidentId: row.id };
}

const endpoints: AuthzEndpoint[] = [
  {
    name: 'GET /api/landlords',
    permission: 'read:landlord:any',
    own: () => ({ method: 'GET', url: '/api/landlords' }),
  },
  {
    name: 'GET /api/landlords/contact-candidates',
    permission: 'read:landlord:any',
    own: () => ({ method: 'GET', url: '/api/landlords/contact-candidates' }),
  },
  {
    name: 'POST /api/landlords',
    permission: 'write:landlord:any',
    own: () => ({
      method: 'POST',
      url: '/api/landlords',
      payload: { partyKind: 'person', category: 'private_person', name: 'Ny Utleier' },
    }),
  },
  {
    name: 'GET /api/landlords/:id',
    permission: 'read:landlord:any',
    ...onBoth(async (target) => ({ method: 'GET', url: `/api/landlords/${await landlord(target)}` })),
  },
  {
    name: 'PATCH /api/landlords/:id',
    permission: 'write:landlord:any',
    ...onBoth(async (target) => ({
      method: 'PATCH',
      url: `/api/landlords/${await landlord(target)}`,
      payload: { notes: 'Endret' },
      headers: { 'if-match': '"1"' },
    })),
  },
  {
    name: 'POST /api/landlords/:id/incidents',
    permission: 'write:landlord:any',
    ...onBoth(async (target) => ({
      method: 'POST',
      url: `/api/landlords/${await landlord(target)}/incidents`,
      payload: { occurredOn: '2026-11-01', kind: 'damage', description: 'Vannskade' },
    })),
  },
  {
    name: 'PATCH /api/landlords/:id/incidents/:incidentId',
    permission: 'write:landlord:any',
    ...onBoth(async (target) => {
      const { landlordId, incidentId } = await incident(target);
      return {
        method: 'PATCH',
        url: `/api/landlords/${landlordId}/incidents/${incidentId}`,
        payload: { resolvedOn: '2026-11-02' },
      };
    }),
  },
];

describeAuthzMatrix('the role × landlord endpoint matrix', { fixture: fx, endpoints });
