import { describe, expect, it } from 'vitest';
import { DEFAULT_MOVE_IN_CHECKLIST } from '../../../shared/domain/move-in-checklist';
import { staffRoles } from '../../../shared/domain/roles';
import { withTenant } from '../../db/tenant';
import { describeAuthzMatrix, roleMay, useAuthzFixture } from '../../test/authz';
import { injectorFor } from '../../test/app';
import { readSettlementSettings } from './settlement-settings.usecases';

// The municipality's settlement settings (issue 5): the default checklist until one is stored,
// validation with a pointer per problem, If-Match, and nothing written on bad input.

const fixture = useAuthzFixture();
const call = injectorFor(() => fixture.t.app);
const url = '/api/settlement-settings';

async function current() {
  const response = await call(fixture.sessions.admin, 'GET', url);
  expect(response.statusCode, response.body).toBe(200);
  return { body: response.json(), etag: String(response.headers.etag) };
}

async function put(payload: unknown, etag?: string) {
  return fixture.t.app.inject({
    method: 'PUT',
    url,
    headers: {
      cookie: fixture.sessions.admin.cookie,
      'x-csrf-token': fixture.sessions.admin.csrf,
      ...(etag ? { 'if-match': etag } : {}),
    },
    payload: payload as object,
  });
}

const stored = () => withTenant(fixture.db.app, { tenantId: fixture.a.tenantId }, (trx) => readSettlementSettings(trx));

describe('settlement settings', () => {
  it('gives the default checklist, no agreed target, 120 months retention and no emergency phone until changed', async () => {
    const { body, etag } = await current();
    expect(body).toMatchObject({
      agreedTargetDays: null,
      checklistIsDefault: true,
      unitForRole: {},
      retentionMonths: 120,
      emergencyPhone: '',
      actions: { update: true },
    });
    expect(body.checklist).toEqual(DEFAULT_MOVE_IN_CHECKLIST);
    expect(etag).toBe(`"${body.version}"`);
  });

  it('stores the agreed target, owners, retention, a normalised emergency phone and its own checklist', async () => {
    const { etag } = await current();
    const checklist = [
      { ...DEFAULT_MOVE_IN_CHECKLIST[0]!, offsetDays: -5 },
      {
        key: 'neighbours_informed',
        label: ' Naboene er informert ',
        offsetDays: 1,
        ownerRole: 'miljoarbeider',
        sourceRef: null,
      },
    ];
    const response = await put(
      {
        agreedTargetDays: 30,
        unitForRole: { bosetter: fixture.a.unitId, boligkontor: fixture.a.unitId },
        retentionMonths: 60,
        emergencyPhone: '+47 ٩٠٠ 00 000',
        checklist,
      },
      etag,
    );
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({
      agreedTargetDays: 30,
      checklistIsDefault: false,
      unitForRole: { bosetter: fixture.a.unitId, boligkontor: fixture.a.unitId },
      retentionMonths: 60,
      emergencyPhone: '+47 900 00 000',
    });
    expect(body.checklist[1]).toEqual({ ...checklist[1], label: 'Naboene er informert' });
    expect(response.headers.etag).toBe(`"${body.version}"`);
    expect((await stored()).checklist).toEqual(body.checklist);

    // Fields left out are kept; null takes the default checklist back.
    const back = await put({ checklist: null }, String(response.headers.etag));
    expect(back.statusCode, back.body).toBe(200);
    expect(back.json()).toMatchObject({ checklistIsDefault: true, agreedTargetDays: 30, retentionMonths: 60 });
    expect(back.json().checklist).toEqual(DEFAULT_MOVE_IN_CHECKLIST);
  });

  it('refuses a bad checklist with a pointer per problem, and writes nothing', async () => {
    const before = await current();
    const response = await put(
      {
        agreedTargetDays: 45,
        checklist: [
          { key: 'Keys', offsetDays: 500, ownerRole: 'boligkontor', sourceRef: 'R6.1' },
          { key: 'own_item', offsetDays: 0, ownerRole: 'vaktmester', sourceRef: null },
          'not an item',
        ],
      },
      before.etag,
    );
    expect(response.statusCode).toBe(422);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json()).toMatchObject({
      code: 'checklist.template_invalid',
      errors: [
        { pointer: '/checklist/0/key', code: 'key_invalid' },
        { pointer: '/checklist/0/offsetDays', code: 'offset_out_of_range' },
        { pointer: '/checklist/1/ownerRole', code: 'role_unknown' },
        { pointer: '/checklist/1/label', code: 'label_required' },
        { pointer: '/checklist/2', code: 'item_invalid' },
      ],
    });
    expect((await current()).body).toEqual(before.body);
  });

  it('refuses an unknown unit, another municipality’s unit and a phone that is not one (settings.settlement_invalid)', async () => {
    const before = await current();
    const response = await put(
      {
        unitForRole: {
          eiendom: '00000000-0000-4000-8000-000000000000',
          bosetter: fixture.b.unitId,
          nav_veileder: fixture.a.unitId,
        },
        emergencyPhone: 'ring vakta',
      },
      before.etag,
    );
    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({
      code: 'settings.settlement_invalid',
      errors: [
        { pointer: '/unitForRole/eiendom', code: 'settings.settlement_invalid' },
        { pointer: '/unitForRole/bosetter', code: 'settings.settlement_invalid' },
        { pointer: '/emergencyPhone', code: 'invalid_format' },
      ],
    });
    expect((await current()).body).toEqual(before.body);
  });

  it('refuses out-of-range numbers and unknown roles at the edge (request.invalid)', async () => {
    const { etag } = await current();
    for (const payload of [
      { agreedTargetDays: 0 },
      { retentionMonths: 11 },
      { unitForRole: { vaktmester: fixture.a.unitId } },
    ]) {
      const response = await put(payload, etag);
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
    }
  });

  it('needs If-Match: missing → 428, stale → 412', async () => {
    const { body, etag } = await current();
    expect((await put({ retentionMonths: 24 })).statusCode).toBe(428);
    expect((await put({ retentionMonths: 24 }, `"${body.version - 1}"`)).statusCode).toBe(412);
    const ok = await put({ retentionMonths: 24 }, etag);
    expect(ok.statusCode).toBe(200);
    expect((await put({ retentionMonths: 25 }, etag)).statusCode).toBe(412);
  });
});

describeAuthzMatrix('settlement settings: role × endpoint', {
  fixture,
  endpoints: [{ name: 'GET settings', permission: 'read:housing_settings:any', own: () => ({ method: 'GET', url }) }],
});

describe('settlement settings PUT: role × endpoint', () => {
  it.each(staffRoles)('%s', async (role) => {
    const { etag } = await current();
    const session = fixture.sessions[role];
    const response = await fixture.t.app.inject({
      method: 'PUT',
      url,
      headers: { cookie: session.cookie, 'x-csrf-token': session.csrf, 'if-match': etag },
      payload: { agreedTargetDays: 60 },
    });
    if (roleMay(role, 'write:housing_settings:any')) expect(response.statusCode, response.body).toBe(200);
    else {
      expect(response.statusCode).toBe(403);
      expect(response.json().code).toBe('auth.forbidden');
    }
    // Without a CSRF token nobody changes anything.
    const noCsrf = await fixture.t.app.inject({
      method: 'PUT',
      url,
      headers: { cookie: session.cookie, 'if-match': etag },
      payload: { agreedTargetDays: 61 },
    });
    expect(noCsrf.statusCode).toBe(403);
  });
});
