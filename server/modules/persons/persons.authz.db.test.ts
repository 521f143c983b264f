import { describe, expect, it } from 'vitest';
import type { StaffRole } from '../../../shared/domain/roles';
import { staffRoles } from '../../../shared/domain/roles';
import { withTenant } from '../../db/tenant';
import {
  describeAuthzMatrix,
  onBoth,
  pick,
  roleMay,
  sendAs,
  tenantOf,
  useAuthzFixture,
  type AuthzEndpoint,
} from '../../test/authz';
import { insertSpecialCategory } from './persons.repository';
import { auditEntries, insertHousehold } from './persons.test-support';
import { insertPerson } from './persons.write';

// Every persons endpoint × every role, expectations from shared/domain/permissions.ts; and the
// special-category rule: health data never reaches a role without read:health, and every
// display of a person's record is in the audit log.

const fx = useAuthzFixture({ otherRoles: ['admin', 'bosetter'] });

async function newPerson(tenantId: string, fullName: string, unitId?: string): Promise<string> {
  const id = await withTenant(
    fx.db.app,
    { tenantId },
    async (trx) =>
      (
        await insertPerson(trx, {
          tenantId,
          actorUserId: null,
          input: { fullName },
          environment: 'test',
          today: '2026-11-21',
        })
      ).id,
  );
  // In a household of the unit, so that unit-scoped roles (miljøarbeider) see the person.
  if (unitId) await insertHousehold(fx.db.app, tenantId, { unitId, members: [{ personId: id }] });
  return id;
}

const unitOf = (target: 'own-tenant' | 'other-tenant') => pick(target, fx.a.unitId, fx.b.unitId);

const persons = new Map<string, string>();
async function person(target: 'own-tenant' | 'other-tenant'): Promise<string> {
  let id = persons.get(target);
  if (!id) {
    id = await newPerson(tenantOf(fx, target), 'Nadia Rahimi', unitOf(target));
    persons.set(target, id);
  }
  return id;
}

async function newRecord(
  target: 'own-tenant' | 'other-tenant',
  category: 'health' | 'functional_needs' = 'functional_needs',
) {
  const tenantId = tenantOf(fx, target);
  const personId = await person(target);
  const recordId = await withTenant(fx.db.app, { tenantId }, (trx) =>
    insertSpecialCategory(trx, {
      tenant_id: tenantId,
      person_id: personId,
      category,
      details: `Trenger trinnfri inngang (${category})`,
      legal_basis: 'integration_act',
      legal_basis_note: '',
      consent_given_on: null,
      recorded_by: null,
      recorded_at: new Date('2026-11-01T10:00:00Z'),
    }),
  );
  return { personId, recordId };
}

/** A person whose only household was withdrawn long ago: anonymisation is allowed. */
async function expiredPerson(target: 'own-tenant' | 'other-tenant') {
  const tenantId = tenantOf(fx, target);
  const id = await newPerson(tenantId, 'Gammel Sak');
  await insertHousehold(fx.db.app, tenantId, {
    unitId: unitOf(target),
    members: [{ personId: id }],
    state: 'withdrawn',
    lastEventAt: new Date('2014-01-01T10:00:00Z'),
  });
  return id;
}

const endpoints: AuthzEndpoint[] = [
  {
    name: 'GET /api/persons',
    permission: 'read:person:unit',
    own: () => ({ method: 'GET', url: '/api/persons?query=Nadia' }),
  },
  {
    name: 'POST /api/persons',
    permission: 'write:person:any',
    own: (role) => ({ method: 'POST', url: '/api/persons', payload: { fullName: `Ny Person ${role}` } }),
  },
  {
    name: 'GET /api/persons/:id',
    permission: 'read:person:unit',
    ...onBoth(async (target) => ({ method: 'GET', url: `/api/persons/${await person(target)}` })),
  },
  {
    name: 'PATCH /api/persons/:id',
    permission: 'write:person:any',
    ...onBoth(async (target) => {
      const url = `/api/persons/${await person(target)}`;
      return {
        method: 'PATCH',
        url,
        payload: { receptionCentre: 'Råde mottak' },
        etagFrom: url,
        headers: { 'if-match': '"999"' },
      };
    }),
  },
  {
    name: 'GET /api/persons/:id/special-categories',
    permission: 'read:functional_needs:any',
    ...onBoth(async (target) => ({ method: 'GET', url: `/api/persons/${await person(target)}/special-categories` })),
  },
  {
    name: 'POST /api/persons/:id/special-categories',
    permission: 'write:functional_needs:any',
    ...onBoth(async (target) => ({
      method: 'POST',
      url: `/api/persons/${await person(target)}/special-categories`,
      payload: {
        category: 'universal_design',
        details: 'Rullestol',
        legalBasis: 'consent',
        consentGivenOn: '2026-11-20',
      },
    })),
  },
  {
    name: 'PATCH /api/persons/:id/special-categories/:recordId',
    permission: 'write:functional_needs:any',
    ...onBoth(async (target) => {
      const { personId, recordId } = await newRecord(target);
      return {
        method: 'PATCH',
        url: `/api/persons/${personId}/special-categories/${recordId}`,
        payload: { details: 'Trenger heis' },
        headers: { 'if-match': '"1"' },
      };
    }),
  },
  {
    name: 'DELETE /api/persons/:id/special-categories/:recordId',
    permission: 'write:functional_needs:any',
    ...onBoth(async (target) => {
      const { personId, recordId } = await newRecord(target);
      return { method: 'DELETE', url: `/api/persons/${personId}/special-categories/${recordId}` };
    }),
  },
  {
    name: 'GET /api/persons/:id/export',
    permission: 'export:person:any',
    ...onBoth(async (target) => ({ method: 'GET', url: `/api/persons/${await person(target)}/export` })),
  },
  {
    name: 'GET /api/persons/:id/export.pdf',
    permission: 'export:person:any',
    ...onBoth(async (target) => ({ method: 'GET', url: `/api/persons/${await person(target)}/export.pdf` })),
  },
  {
    name: 'POST /api/persons/:id/anonymise',
    permission: 'write:person:any',
    ...onBoth(async (target) => ({
      method: 'POST',
      url: `/api/persons/${await expiredPerson(target)}/anonymise`,
      payload: { reason: 'Sletteanmodning 2026/123' },
    })),
  },
];

describeAuthzMatrix('the role × person endpoint matrix', { fixture: fx, endpoints, reader: 'bosetter' }, () => {
  it('covers at least one allowed and one denied role for every endpoint', () => {
    for (const endpoint of endpoints) {
      const verdicts = staffRoles.map((role) => roleMay(role, endpoint.permission));
      expect(verdicts, endpoint.name).toContain(true);
      expect(verdicts, endpoint.name).toContain(false);
    }
  });

  it('miljøarbeider sees only persons in households of their units', async () => {
    const outside = await newPerson(fx.a.tenantId, 'Utenfor Enhet');
    const inside = await person('own-tenant');
    const session = fx.sessions.miljoarbeider;
    expect((await sendAs(fx, session, { method: 'GET', url: `/api/persons/${outside}` })).statusCode).toBe(404);
    expect((await sendAs(fx, session, { method: 'GET', url: `/api/persons/${inside}` })).statusCode).toBe(200);
    const list = await sendAs(fx, session, { method: 'GET', url: '/api/persons?query=Enhet' });
    expect(list.json<{ total: number }>().total).toBe(0);
    const bosetterList = await sendAs(fx, fx.sessions.bosetter, { method: 'GET', url: '/api/persons?query=Enhet' });
    expect(bosetterList.json<{ total: number }>().total).toBeGreaterThan(0);
  });
});

describe('special categories: health data only with read:health, every display audited', () => {
  const HEALTH = 'Diabetes type 1, insulin daglig';
  const FUNCTION = 'Bruker rullestol innendørs';

  it('nav_veileder, miljøarbeider and boligkontor get no health data; bosetter gets all; all audited', async () => {
    const tenantId = fx.a.tenantId;
    const personId = await newPerson(tenantId, 'Helse Testperson', fx.a.unitId);
    const writer = fx.sessions.bosetter;
    const created = await sendAs(fx, writer, {
      method: 'POST',
      url: `/api/persons/${personId}/special-categories`,
      payload: { category: 'health', details: HEALTH, legalBasis: 'consent', consentGivenOn: '2026-11-01' },
    });
    expect(created.statusCode, created.body).toBe(201);
    await sendAs(fx, writer, {
      method: 'POST',
      url: `/api/persons/${personId}/special-categories`,
      payload: { category: 'functional_needs', details: FUNCTION, legalBasis: 'integration_act' },
    });

    const as = (role: StaffRole, url: string) => sendAs(fx, fx.sessions[role], { method: 'GET', url });
    const bosetter = await as('bosetter', `/api/persons/${personId}/special-categories`);
    expect(
      bosetter
        .json<{ items: { category: string }[] }>()
        .items.map((i) => i.category)
        .sort(),
    ).toEqual(['functional_needs', 'health']);

    const office = await as('boligkontor', `/api/persons/${personId}/special-categories`);
    expect(office.statusCode).toBe(200);
    expect(office.body).not.toContain(HEALTH);
    expect(office.body).toContain(FUNCTION);
    expect(office.json<{ readable: string[] }>().readable).not.toContain('health');

    for (const role of ['nav_veileder', 'miljoarbeider'] as const) {
      const response = await as(role, `/api/persons/${personId}/special-categories`);
      expect(response.statusCode, role).toBe(403);
      expect(response.body).not.toContain(HEALTH);
    }
    // The person record itself never carries special-category data, for any role.
    for (const role of ['bosetter', 'boligkontor', 'nav_veileder', 'miljoarbeider'] as const) {
      const response = await as(role, `/api/persons/${personId}`);
      expect(response.statusCode, role).toBe(200);
      expect(response.body).not.toContain(HEALTH);
      expect(response.body).not.toContain(FUNCTION);
    }

    const audit = await auditEntries(fx.db.app, tenantId, personId);
    const displays = audit.filter((e) => e.action === 'display');
    const byUser = (role: StaffRole, entity: string) =>
      displays.filter((e) => e.actor_user_id === fx.a.users[role].id && e.entity === entity);
    for (const role of ['bosetter', 'boligkontor', 'nav_veileder', 'miljoarbeider'] as const) {
      expect(byUser(role, 'person'), role).toHaveLength(1);
    }
    expect(byUser('bosetter', 'special_category')[0]!.fields.sort()).toEqual([
      'disability',
      'functional_needs',
      'health',
      'universal_design',
    ]);
    expect(byUser('boligkontor', 'special_category')[0]!.fields).not.toContain('health');
    expect(byUser('nav_veileder', 'special_category')).toHaveLength(0);
    expect(audit.filter((e) => e.action === 'create' && e.entity === 'special_category').map((e) => e.fields)).toEqual([
      ['health'],
      ['functional_needs'],
    ]);
  });

  it('legal basis required; consent needs its date; withdrawal deletes the record, audited', async () => {
    const personId = await newPerson(fx.a.tenantId, 'Samtykke Testperson');
    const url = `/api/persons/${personId}/special-categories`;
    const count = async () =>
      withTenant(
        fx.db.app,
        { tenantId: fx.a.tenantId },
        async (trx) =>
          (await trx.selectFrom('app.special_category_record').select('id').where('person_id', '=', personId).execute())
            .length,
      );
    const noBasis = await sendAs(fx, fx.sessions.bosetter, {
      method: 'POST',
      url,
      payload: { category: 'health', details: 'x', legalBasis: null },
    });
    expect(noBasis.statusCode).toBe(422);
    expect(noBasis.json().code).toBe('special_category.legal_basis_required');
    const noDate = await sendAs(fx, fx.sessions.bosetter, {
      method: 'POST',
      url,
      payload: { category: 'health', details: 'x', legalBasis: 'consent' },
    });
    expect(noDate.statusCode).toBe(422);
    expect(noDate.json().code).toBe('special_category.consent_date_required');
    expect(await count()).toBe(0);
    // boligkontor may read functional needs but not write them.
    const officeWrite = await sendAs(fx, fx.sessions.boligkontor, {
      method: 'POST',
      url,
      payload: { category: 'functional_needs', details: 'x', legalBasis: 'integration_act' },
    });
    expect(officeWrite.statusCode).toBe(403);

    const created = await sendAs(fx, fx.sessions.bosetter, {
      method: 'POST',
      url,
      payload: { category: 'health', details: 'Astma', legalBasis: 'consent', consentGivenOn: '2026-10-01' },
    });
    expect(created.statusCode, created.body).toBe(201);
    const record = created.json<{ id: string; version: number }>();
    const withdrawn = await sendAs(fx, fx.sessions.bosetter, {
      method: 'PATCH',
      url: `${url}/${record.id}`,
      payload: { consentWithdrawnOn: '2026-11-20' },
      headers: { 'if-match': `"${record.version}"` },
    });
    expect(withdrawn.statusCode, withdrawn.body).toBe(204);
    expect(await count()).toBe(0);
    const audit = await auditEntries(fx.db.app, fx.a.tenantId, personId);
    expect(audit.at(-1)).toMatchObject({
      action: 'update',
      entity: 'special_category',
      fields: ['health', 'consent_withdrawn'],
    });
  });
});
