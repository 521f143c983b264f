import { beforeAll, expect, it } from 'vitest';
import { permissionsFor } from '../shared/domain/permissions';
import { staffRoles } from '../shared/domain/roles';
import { withTenant } from './db/tenant';
import { describeAuthzMatrix, onBoth, pick, useAuthzFixture, type AuthzEndpoint } from './test/authz';

// ASVS 8.2.1/8.2.2, RELIABILITY S5: every role × every endpoint. Allowed → 2xx, denied → 403,
// another municipality's object → 404 (no existence oracle). The expectation is computed from the
// permission matrix, so the test follows shared/domain/permissions.ts and fails if the server
// enforces anything else.

const fx = useAuthzFixture({
  env: {
    OIDC_PROVIDERS: [
      {
        id: 'entra',
        kind: 'entra',
        label: 'Microsoft Entra ID',
        issuer: 'https://login.example/tenant/v2.0',
        clientId: 'husly',
        allowedTenantIds: ['tenant'],
      },
    ] as never,
  },
});
let identityId: string;
let linkedUserId: string;

beforeAll(async () => {
  const { a } = fx;
  // A staff member with an OIDC identity, whose sessions the unlink cell may end.
  const linked = await withTenant(fx.db.app, { tenantId: a.tenantId }, async (trx) => {
    const user = await trx
      .insertInto('app.staff_user')
      .values({
        tenant_id: a.tenantId,
        email: 'oidc@molde.kommune.example',
        display_name: 'OIDC-bruker',
        roles: ['bosetter'],
        password_hash: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const identity = await trx
      .insertInto('app.staff_identity')
      .values({
        tenant_id: a.tenantId,
        user_id: user.id,
        issuer: 'https://login.example/tenant/v2.0',
        subject: 'oidc-sub',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return { userId: user.id, identityId: identity.id };
  });
  linkedUserId = linked.userId;
  identityId = linked.identityId;
}, 120_000);

let counter = 0;
const unique = () => `${Date.now().toString(36)}${counter++}`;

/** The unit's current version as If-Match (units have no single-unit GET to take an ETag from). */
async function unitVersion(unitId: string): Promise<string> {
  const list = await fx.t.app.inject({
    method: 'GET',
    url: '/api/units',
    headers: { cookie: fx.sessions.admin.cookie },
  });
  const unit = list.json<{ items: { id: string; version: number }[] }>().items.find((u) => u.id === unitId);
  return `"${unit!.version}"`;
}

const endpoints: AuthzEndpoint[] = [
  { name: 'GET /api/overview', permission: null, own: () => ({ method: 'GET', url: '/api/overview' }) },
  { name: 'GET /api/units', permission: 'read:unit:any', own: () => ({ method: 'GET', url: '/api/units' }) },
  {
    name: 'POST /api/units',
    permission: 'write:unit:any',
    own: () => ({ method: 'POST', url: '/api/units', payload: { name: `Enhet ${unique()}`, kind: 'annet' } }),
  },
  {
    name: 'PATCH /api/units/:id',
    permission: 'write:unit:any',
    own: async () => ({
      method: 'PATCH',
      url: `/api/units/${fx.a.unitId}`,
      payload: { kind: 'flyktningtjeneste' },
      headers: { 'if-match': await unitVersion(fx.a.unitId) },
    }),
    other: () => ({
      method: 'PATCH',
      url: `/api/units/${fx.b.unitId}`,
      payload: { kind: 'flyktningtjeneste' },
      headers: { 'if-match': 'W/"1"' },
    }),
  },
  { name: 'GET /api/users', permission: 'read:staff:any', own: () => ({ method: 'GET', url: '/api/users' }) },
  {
    name: 'GET /api/users/:id',
    permission: 'read:staff:any',
    // someone else's record (own record is always allowed and tested separately)
    ...onBoth((target, role) => ({
      method: 'GET',
      url: `/api/users/${pick(target, fx.a.users[role === 'admin' ? 'bosetter' : 'admin'].id, fx.b.users.admin.id)}`,
    })),
  },
  {
    name: 'POST /api/users',
    permission: 'write:staff:any',
    own: () => ({
      method: 'POST',
      url: '/api/users',
      payload: {
        email: `ny-${unique()}@molde.kommune.example`,
        displayName: 'Ny Ansatt',
        roles: ['bosetter'],
        unitIds: [fx.a.unitId],
        password: 'et-langt-passord-1',
      },
    }),
  },
  {
    name: 'PATCH /api/users/:id',
    permission: 'write:staff:any',
    ...onBoth((target) => {
      const url = `/api/users/${pick(target, fx.a.users.leder.id, fx.b.users.admin.id)}`;
      return {
        method: 'PATCH',
        url,
        payload: { displayName: `Leder ${unique()}` },
        headers: { 'if-match': '"999999"' },
        etagFrom: url,
      };
    }),
  },
  {
    name: 'GET /api/users/:id/identities',
    permission: 'read:staff:any',
    ...onBoth((target) => ({
      method: 'GET',
      url: `/api/users/${pick(target, fx.a.users.leder.id, fx.b.users.admin.id)}/identities`,
    })),
  },
  {
    name: 'POST /api/users/:id/enrolments',
    permission: 'write:staff:any',
    ...onBoth((target) => ({
      method: 'POST',
      url: `/api/users/${pick(target, fx.a.users.leder.id, fx.b.users.admin.id)}/enrolments`,
      payload: { providerId: 'entra' },
    })),
  },
  {
    name: 'DELETE /api/users/:id/identities/:identityId',
    permission: 'write:staff:any',
    ...onBoth((target) => ({
      method: 'DELETE',
      url: `/api/users/${pick(target, linkedUserId, fx.b.users.admin.id)}/identities/${identityId}`,
    })),
  },
  { name: 'GET /api/audit', permission: 'read:audit:any', own: () => ({ method: 'GET', url: '/api/audit' }) },
  {
    name: 'GET /api/audit/export.csv',
    permission: 'export:audit:any',
    own: () => ({ method: 'GET', url: '/api/audit/export.csv' }),
  },
  {
    name: 'GET /api/insight/staff_user/:id',
    permission: 'read:insight:any',
    ...onBoth((target) => ({
      method: 'GET',
      url: `/api/insight/staff_user/${pick(target, fx.a.users.bosetter.id, fx.b.users.admin.id)}`,
    })),
  },
  {
    name: 'GET /api/insight/staff_user/:id/pdf',
    permission: 'read:insight:any',
    ...onBoth((target) => ({
      method: 'GET',
      url: `/api/insight/staff_user/${pick(target, fx.a.users.bosetter.id, fx.b.users.admin.id)}/pdf?lang=nn`,
    })),
  },
];

describeAuthzMatrix('the role × endpoint matrix', { fixture: fx, endpoints }, () => {
  it('every staff member may read their own staff record', async () => {
    for (const role of staffRoles) {
      const response = await fx.t.app.inject({
        method: 'GET',
        url: `/api/users/${fx.a.users[role].id}`,
        headers: { cookie: fx.sessions[role].cookie },
      });
      expect(response.statusCode, role).toBe(200);
    }
  });

  it('the session tells the client exactly the permissions the server enforces', async () => {
    for (const role of staffRoles) {
      const response = await fx.t.app.inject({
        method: 'GET',
        url: '/api/session',
        headers: { cookie: fx.sessions[role].cookie },
      });
      expect(response.json().permissions).toEqual(permissionsFor([role]));
    }
  });
});
