import { beforeAll, expect, it } from 'vitest';
import { staffRoles, type StaffRole } from '../../../shared/domain/roles';
import { login, type LoggedIn } from '../../test/app';
import { describeAuthzMatrix, onBoth, pick, rolesWith, useAuthzFixture, type AuthzEndpoint } from '../../test/authz';
import { TEST_PASSWORD } from '../../test/fixtures';

// Role × endpoint for the housing register (dwellings and buildings). The expectation comes from
// the permission matrix: allowed → 2xx, denied → 403, another municipality's object → 404 for
// those allowed. Reading needs read:dwelling at unit scope or wider (a unit-scoped reader sees the
// dwellings its units dispose of; the own-tenant dwelling here belongs to the fixture's unit).

const fx = useAuthzFixture({ otherRoles: ['eiendom'] });
let ownDwelling: string;
let otherDwelling: string;
let ownBuilding: string;
let otherBuilding: string;
const emptyBuildings = {} as Record<StaffRole, string>;

let counter = 0;
const unique = () => `${Date.now().toString(36)}${counter++}`;

const dwellingBody = (unitId: string, kommunenummer = '1506', postnummer = '6413') => ({
  reference: `AZ-${unique()}`,
  street: 'Storgata 1',
  postnummer,
  kommunenummer,
  type: 'flat',
  rooms: 2,
  bedrooms: 1,
  capacity: 2,
  disposalForm: 'municipal',
  disposingUnitId: unitId,
});
const buildingBody = (kommunenummer = '1506', postnummer = '6413') => ({
  name: `Bygg ${unique()}`,
  kind: 'modular',
  street: 'Byggvegen 1',
  postnummer,
  kommunenummer,
});

async function post(session: LoggedIn, url: string, payload: object) {
  const response = await fx.t.app.inject({
    method: 'POST',
    url,
    headers: { cookie: session.cookie, 'x-csrf-token': session.csrf },
    payload,
  });
  if (response.statusCode !== 201) throw new Error(`${url}: ${response.statusCode} ${response.body}`);
  return response.json();
}

beforeAll(async () => {
  const { a, b, sessions } = fx;
  const bodo = await login(fx.t.app, b.users.eiendom.email, TEST_PASSWORD);
  ownDwelling = (await post(sessions.eiendom, '/api/dwellings', dwellingBody(a.unitId))).dwelling.id;
  otherDwelling = (await post(bodo, '/api/dwellings', dwellingBody(b.unitId, '1804', '8006'))).dwelling.id;
  ownBuilding = (await post(sessions.eiendom, '/api/buildings', buildingBody())).building.id;
  otherBuilding = (await post(bodo, '/api/buildings', buildingBody('1804', '8006'))).building.id;
  for (const role of staffRoles)
    emptyBuildings[role] = (await post(sessions.eiendom, '/api/buildings', buildingBody())).building.id;
}, 120_000);

const endpoints: AuthzEndpoint[] = [
  {
    name: 'GET /api/dwellings',
    permission: 'read:dwelling:unit',
    own: () => ({ method: 'GET', url: '/api/dwellings?status=ready&sort=vacancyDays&dir=desc' }),
  },
  {
    name: 'POST /api/dwellings',
    permission: 'write:dwelling:any',
    own: () => ({ method: 'POST', url: '/api/dwellings', payload: dwellingBody(fx.a.unitId) }),
  },
  {
    name: 'GET /api/dwellings/:id',
    permission: 'read:dwelling:unit',
    ...onBoth((target) => ({ method: 'GET', url: `/api/dwellings/${pick(target, ownDwelling, otherDwelling)}` })),
  },
  {
    name: 'PATCH /api/dwellings/:id',
    permission: 'write:dwelling:any',
    ...onBoth((target) => {
      const url = `/api/dwellings/${pick(target, ownDwelling, otherDwelling)}`;
      return {
        method: 'PATCH',
        url,
        payload: { notes: `Merknad ${unique()}` },
        headers: { 'if-match': '"1"' },
        etagFrom: url,
      };
    }),
  },
  {
    name: 'POST /api/dwellings/:id/status',
    permission: 'write:dwelling:any',
    ...onBoth((target) => ({
      method: 'POST',
      url: `/api/dwellings/${pick(target, ownDwelling, otherDwelling)}/status`,
      payload: { status: 'vacant', validFrom: '2026-11-01' },
    })),
  },
  {
    name: 'GET /api/buildings',
    permission: 'read:dwelling:unit',
    own: () => ({ method: 'GET', url: '/api/buildings' }),
  },
  {
    name: 'POST /api/buildings',
    permission: 'write:dwelling:any',
    own: () => ({ method: 'POST', url: '/api/buildings', payload: buildingBody() }),
  },
  {
    name: 'GET /api/buildings/:id',
    permission: 'read:dwelling:unit',
    ...onBoth((target) => ({ method: 'GET', url: `/api/buildings/${pick(target, ownBuilding, otherBuilding)}` })),
  },
  {
    name: 'PATCH /api/buildings/:id',
    permission: 'write:dwelling:any',
    ...onBoth((target) => {
      const url = `/api/buildings/${pick(target, ownBuilding, otherBuilding)}`;
      return {
        method: 'PATCH',
        url,
        payload: { neighbourhoodNotes: `Notat ${unique()}` },
        headers: { 'if-match': '"1"' },
        etagFrom: url,
      };
    }),
  },
  {
    name: 'DELETE /api/buildings/:id',
    permission: 'write:dwelling:any',
    ...onBoth((target, role) => ({
      method: 'DELETE',
      url: `/api/buildings/${pick(target, emptyBuildings[role], otherBuilding)}`,
    })),
  },
];

describeAuthzMatrix('dwellings and buildings: role × endpoint', { fixture: fx, endpoints, reader: 'eiendom' }, () => {
  it('the matrix gives some roles read and write, some read only, and some nothing', () => {
    const read = rolesWith('read:dwelling:unit');
    const write = rolesWith('write:dwelling:any');
    expect(write.length).toBeGreaterThan(0);
    expect(read.length).toBeGreaterThan(write.length);
    expect(read.length).toBeLessThan(staffRoles.length);
  });
});
