import { expect, it } from 'vitest';
import type { RunDto } from '../../../shared/api/allocation';
import { DEFAULT_ALLOCATION_CRITERIA } from '../../../shared/domain/allocation-criteria';
import { withTenant } from '../../db/tenant';
import { describeAuthzMatrix, sendAs, useAuthzFixture, type AuthzEndpoint, type AuthzRequest } from '../../test/authz';
import { insertDwellings, insertHouseholds } from './allocation.test-support';

// Every role × every criteria, settings, batch, run and reservation endpoint: allowed → 2xx,
// denied → 403, another municipality's run → 404 for those allowed (expectations from
// shared/domain/permissions.ts: read:allocation / write:allocation).

const fx = useAuthzFixture();

// AuthzRequest lists the methods the other matrices needed; PUT goes through app.inject all the same.
const PUT = 'PUT' as AuthzRequest['method'];

/** A fresh accepted household and a ready dwelling (each allowed request consumes its own). */
async function batch() {
  const [householdId] = await insertHouseholds(fx.db.app, { tenantId: fx.a.tenantId, unitId: fx.a.unitId }, [{}]);
  const [dwellingId] = await insertDwellings(fx.db.app, fx.a.tenantId, [{ bedrooms: 1 }]);
  return { householdId: householdId!, dwellingId: dwellingId! };
}

/** A run in the own municipality, made by the settlement worker, proposing the pair. */
async function ownRun() {
  const { householdId, dwellingId } = await batch();
  const response = await sendAs(fx, fx.sessions.bosetter, {
    method: 'POST',
    url: '/api/allocation/runs',
    payload: { householdIds: [householdId], dwellingIds: [dwellingId], plannedMoveIn: '2026-12-01' },
  });
  expect(response.statusCode, response.body).toBe(201);
  return { id: response.json<RunDto>().id, householdId, dwellingId };
}

let foreignRun: string | undefined;
/** A run stored in the other municipality (inserted directly). */
async function otherRun(): Promise<string> {
  if (foreignRun) return foreignRun;
  const tenantId = fx.b.tenantId;
  foreignRun = await withTenant(fx.db.app, { tenantId }, async (trx) => {
    await trx
      .insertInto('app.allocation_criteria_version')
      .values({ tenant_id: tenantId, version: 1, criteria: JSON.stringify(DEFAULT_ALLOCATION_CRITERIA), note: 'test' })
      .onConflict((oc) => oc.columns(['tenant_id', 'version']).doNothing())
      .execute();
    const row = await trx
      .insertInto('app.allocation_run')
      .values({
        tenant_id: tenantId,
        criteria_version: 1,
        planned_move_in: '2026-12-01',
        input: JSON.stringify({ kind: 'husly.matching.domain', households: [], dwellings: [], buildings: [], areas: [], locks: [] }),
        result: JSON.stringify({ proposals: [], unassigned: [], dwellings: [], buildings: [], quality: {} }),
        households: 0,
        dwellings: 0,
        objective: 0,
        bound: 0,
        millis: 0,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  });
  return foreignRun;
}

async function currentVersion(): Promise<number> {
  return withTenant(fx.db.app, { tenantId: fx.a.tenantId }, async (trx) => {
    const row = await trx.selectFrom('app.allocation_criteria_version').select('version').orderBy('version', 'desc').executeTakeFirst();
    return row?.version ?? 1;
  });
}

const endpoints: AuthzEndpoint[] = [
  { name: 'GET /api/allocation/criteria', permission: 'read:allocation:any', own: () => ({ method: 'GET', url: '/api/allocation/criteria' }) },
  { name: 'GET /api/allocation/criteria/:version', permission: 'read:allocation:any', own: () => ({ method: 'GET', url: '/api/allocation/criteria/1' }) },
  {
    name: 'POST /api/allocation/criteria',
    permission: 'write:allocation:any',
    own: async () => ({ method: 'POST', url: '/api/allocation/criteria', payload: { basedOn: await currentVersion(), criteria: DEFAULT_ALLOCATION_CRITERIA, note: 'Test' } }),
  },
  { name: 'GET /api/allocation/settings', permission: 'read:allocation:any', own: () => ({ method: 'GET', url: '/api/allocation/settings' }) },
  {
    name: 'PUT /api/allocation/settings',
    permission: 'write:allocation:any',
    own: () => ({ method: PUT, url: '/api/allocation/settings', payload: { offerAnswerDays: 8 }, etagFrom: '/api/allocation/settings', headers: { 'if-match': '"1"' } }),
  },
  { name: 'GET /api/allocation/candidates', permission: 'read:allocation:any', own: () => ({ method: 'GET', url: '/api/allocation/candidates' }) },
  {
    name: 'POST /api/allocation/runs',
    permission: 'write:allocation:any',
    own: async () => {
      const { householdId, dwellingId } = await batch();
      return { method: 'POST', url: '/api/allocation/runs', payload: { householdIds: [householdId], dwellingIds: [dwellingId], plannedMoveIn: '2026-12-01' } };
    },
  },
  { name: 'GET /api/allocation/runs', permission: 'read:allocation:any', own: () => ({ method: 'GET', url: '/api/allocation/runs' }) },
  {
    name: 'GET /api/allocation/runs/:id',
    permission: 'read:allocation:any',
    own: async () => ({ method: 'GET', url: `/api/allocation/runs/${(await ownRun()).id}` }),
    other: async () => ({ method: 'GET', url: `/api/allocation/runs/${await otherRun()}` }),
  },
  {
    name: 'GET /api/allocation/runs/:id/instance',
    permission: 'read:allocation:any',
    own: async () => ({ method: 'GET', url: `/api/allocation/runs/${(await ownRun()).id}/instance` }),
    other: async () => ({ method: 'GET', url: `/api/allocation/runs/${await otherRun()}/instance` }),
  },
  {
    name: 'POST /api/allocation/runs/:id/reserve',
    permission: 'write:allocation:any',
    own: async () => {
      const run = await ownRun();
      return { method: 'POST', url: `/api/allocation/runs/${run.id}/reserve`, payload: { pairs: [{ householdId: run.householdId, dwellingId: run.dwellingId }] } };
    },
    other: async () => {
      const { householdId, dwellingId } = await batch();
      return { method: 'POST', url: `/api/allocation/runs/${await otherRun()}/reserve`, payload: { pairs: [{ householdId, dwellingId }] } };
    },
  },
];

describeAuthzMatrix('the role × allocation criteria, settings, runs and reservation matrix', { fixture: fx, endpoints, reader: 'bosetter' }, () => {
  it('refuses a write without the CSRF token', async () => {
    const { householdId, dwellingId } = await batch();
    const response = await sendAs(
      fx,
      fx.sessions.bosetter,
      { method: 'POST', url: '/api/allocation/runs', payload: { householdIds: [householdId], dwellingIds: [dwellingId], plannedMoveIn: '2026-12-01' } },
      { csrf: false },
    );
    expect(response.statusCode).toBe(403);
  });
});
