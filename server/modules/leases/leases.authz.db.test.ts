import { expect, it } from 'vitest';
import { staffRoles } from '../../../shared/domain/roles';
import { withTenant } from '../../db/tenant';
import {
  describeAuthzMatrix,
  onBoth,
  roleMay,
  tenantOf,
  useAuthzFixture,
  type AuthzEndpoint,
  type AuthzTarget,
} from '../../test/authz';
import { insertDwelling, insertPerson } from './leases.test-support';
import { insertLease } from './leases.usecases';

// Every role × every lease endpoint (ASVS 8.2.1/8.2.2): allowed → 2xx, denied → 403 auth.forbidden,
// another municipality's object → 404 for those allowed. Expectations come from the permission
// matrix in shared/domain/permissions.ts.

const fx = useAuthzFixture();

/** A fresh running lease (started 2025) of the target municipality, made through the use case. */
async function lease(target: AuthzTarget, { assessed = false } = {}): Promise<string> {
  const tenantId = tenantOf(fx, target);
  const dwellingId = await insertDwelling(fx.db.app, tenantId);
  const personId = await insertPerson(fx.db.app, tenantId);
  return withTenant(fx.db.app, { tenantId }, async (trx) => {
    const { id } = await insertLease(
      trx,
      { tenantId, userId: null, today: '2026-11-21', source: 'user' },
      {
        kind: 'direct',
        dwellingId,
        tenantPersonId: personId,
        startDate: '2025-01-01',
        endDate: '2028-01-01',
        legalBasis: 'hl_9_3',
        rentOre: 1_000_000,
        depositOre: 1_000_000,
      },
    );
    if (assessed) {
      const by = await trx.selectFrom('app.staff_user').select('id').executeTakeFirstOrThrow();
      await trx
        .insertInto('app.needs_assessment')
        .values({
          tenant_id: tenantId,
          lease_id: id,
          assessed_on: '2026-11-01',
          outcome: 'continued_need',
          reasons: 'Behov',
          assessed_by: by.id,
        })
        .execute();
    }
    return id;
  });
}

const endpoints: AuthzEndpoint[] = [
  { name: 'GET /api/leases', permission: 'read:lease:any', own: () => ({ method: 'GET', url: '/api/leases' }) },
  {
    name: 'POST /api/leases',
    permission: 'write:lease:any',
    ...onBoth(async (target) => ({
      method: 'POST',
      url: '/api/leases',
      payload: {
        kind: 'direct',
        dwellingId: await insertDwelling(fx.db.app, tenantOf(fx, target)),
        tenant: { fullName: 'Ny Leietaker' },
        startDate: '2027-01-01',
        endDate: '2030-01-01',
        legalBasis: 'hl_9_3',
        rentOre: 1_000_000,
      },
    })),
  },
  {
    name: 'GET /api/leases/:id',
    permission: 'read:lease:any',
    ...onBoth(async (target) => ({ method: 'GET', url: `/api/leases/${await lease(target)}` })),
  },
  {
    name: 'PATCH /api/leases/:id',
    permission: 'write:lease:any',
    ...onBoth(async (target) => {
      const url = `/api/leases/${await lease(target)}`;
      return { method: 'PATCH', url, payload: { notes: 'Endret' }, headers: { 'if-match': '"1"' }, etagFrom: url };
    }),
  },
  {
    name: 'GET /api/dwellings/:id/leases',
    permission: 'read:lease:any',
    ...onBoth(async (target) => ({
      method: 'GET',
      url: `/api/dwellings/${await insertDwelling(fx.db.app, tenantOf(fx, target))}/leases`,
    })),
  },
  {
    name: 'POST /api/leases/:id/needs-assessments',
    permission: 'write:lease:any',
    ...onBoth(async (target) => ({
      method: 'POST',
      url: `/api/leases/${await lease(target)}/needs-assessments`,
      payload: { assessedOn: '2026-11-01', outcome: 'continued_need', reasons: 'Behov' },
    })),
  },
  {
    name: 'POST /api/leases/:id/renewals',
    permission: 'write:lease:any',
    ...onBoth(async (target) => ({
      method: 'POST',
      url: `/api/leases/${await lease(target, { assessed: true })}/renewals`,
      payload: { newEndDate: '2031-01-01' },
    })),
  },
  {
    name: 'POST /api/leases/:id/termination',
    permission: 'write:lease:any',
    ...onBoth(async (target) => ({
      method: 'POST',
      url: `/api/leases/${await lease(target)}/termination`,
      payload: { noticeGivenOn: '2026-11-21', terminatedOn: '2027-03-01', reason: 'bought' },
    })),
  },
  {
    name: 'POST /api/leases/:id/cancel',
    permission: 'write:lease:any',
    ...onBoth(async (target) => ({ method: 'POST', url: `/api/leases/${await lease(target)}/cancel` })),
  },
  {
    name: 'POST /api/leases/:id/inspections',
    permission: 'write:lease:any',
    ...onBoth(async (target) => ({
      method: 'POST',
      url: `/api/leases/${await lease(target)}/inspections`,
      payload: { inspectedOn: '2026-11-20', damages: [], depositWithheldOre: 0 },
    })),
  },
];

describeAuthzMatrix('the role × lease endpoint matrix', { fixture: fx, endpoints, reader: 'boligkontor' }, () => {
  it('covers at least one allowed and one denied role for every endpoint', () => {
    for (const endpoint of endpoints) {
      const verdicts = staffRoles.map((role) => roleMay(role, endpoint.permission));
      expect(verdicts, endpoint.name).toContain(true);
      expect(verdicts, endpoint.name).toContain(false);
    }
  });
});
