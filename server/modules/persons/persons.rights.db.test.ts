import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { personExportDto } from '../../../shared/api/persons';
import { withTenant } from '../../db/tenant';
import { createTestApp, injectorFor, login, type LoggedIn, type TestApp } from '../../test/app';
import { createTestDatabase, type TestDatabase } from '../../test/database';
import { createTenantFixture, TEST_PASSWORD, type TenantFixture } from '../../test/fixtures';
import { readPdfItems } from '../contact-card/contact-card.test-support';
import { insertDwelling } from '../leases/leases.test-support';
import { anonymiseExpired } from './retention';
import { insertPerson } from './persons.write';
import { auditEntries, dufNumber, insertHousehold, syntheticFnr } from './persons.test-support';

// Data-subject rights (issue 5 item 9): the export (JSON and PDF) and anonymisation after the
// retention period, both with the test app's injected clock (2026-11-21 unless moved).

let db: TestDatabase;
let t: TestApp;
let a: TenantFixture;
let worker: LoggedIn;
const call = injectorFor(() => t.app);
const START = new Date('2026-11-21T09:00:00Z');

beforeAll(async () => {
  db = await createTestDatabase();
  a = await createTenantFixture(db.app, { kommunenummer: '1506', slug: 'molde', roles: ['admin', 'bosetter'] });
  t = await createTestApp(db);
  worker = await login(t.app, a.users.bosetter.email, TEST_PASSWORD);
}, 120_000);
afterAll(async () => {
  await t.app.close();
  await db.destroy();
});

async function create(payload: Record<string, unknown>): Promise<{ id: string; version: number }> {
  const response = await call(worker, 'POST', '/api/persons', payload);
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

async function insertLease(personId: string, state: 'active' | 'ended') {
  const dwellingId = await insertDwelling(db.app, a.tenantId);
  await withTenant(db.app, { tenantId: a.tenantId }, (trx) =>
    trx
      .insertInto('app.lease')
      .values({
        tenant_id: a.tenantId,
        reference: `UTL-T-${Math.random().toString(36).slice(2, 8)}`,
        kind: 'direct',
        dwelling_id: dwellingId,
        tenant_person_id: personId,
        start_date: '2016-01-01',
        end_date: '2019-01-01',
        legal_basis: 'hl_9_3',
        rent_ore: 900_000,
        state,
      })
      .execute(),
  );
}

describe('export of everything stored about a person', () => {
  it('JSON: person, languages, identity history, special categories, households, leases, tasks, access log; audited', async () => {
    const fnr = syntheticFnr('1984-04-14');
    const person = await create({
      fullName: 'Олександр Петренко',
      transliteration: 'Oleksandr Petrenko',
      identityNumber: fnr,
      dufNumber: dufNumber(2022),
      languages: [{ code: 'uk', interpreterNeeded: true, preferredForLetters: true }],
    });
    await call(worker, 'POST', `/api/persons/${person.id}/special-categories`, {
      category: 'health',
      details: 'Hørselshemmet, trenger skriftlig informasjon',
      legalBasis: 'consent',
      consentGivenOn: '2026-11-01',
    });
    const household = await insertHousehold(db.app, a.tenantId, {
      unitId: a.unitId,
      members: [{ personId: person.id }],
    });
    await insertLease(person.id, 'ended');
    await withTenant(db.app, { tenantId: a.tenantId }, (trx) =>
      trx
        .insertInto('app.task')
        .values({
          tenant_id: a.tenantId,
          kind: 'move_in.keys',
          title: 'Nøkler utlevert',
          subject_type: 'household',
          subject_id: household.id,
          due_on: '2026-12-01',
          assignee_unit_id: a.unitId,
        })
        .execute(),
    );
    await call(worker, 'GET', `/api/persons/${person.id}`);

    const response = await call(worker, 'GET', `/api/persons/${person.id}/export`);
    expect(response.statusCode, response.body).toBe(200);
    const data = personExportDto.parse(response.json());
    expect(data.municipality.kommunenummer).toBe('1506');
    expect(data.person).toMatchObject({ fullName: 'Олександр Петренко', identityNumber: fnr });
    expect(data.languages).toEqual([{ code: 'uk', interpreterNeeded: true, preferredForLetters: true }]);
    expect(data.identityHistory.map((e) => e.field)).toEqual(['identity_number', 'duf_number']);
    expect(data.specialCategories.map((r) => r.category)).toEqual(['health']);
    expect(data.households).toHaveLength(1);
    expect(data.households[0]).toMatchObject({ reference: household.reference, relation: 'main' });
    expect((data.households[0]!.pipelineHistory as unknown[]).length).toBe(1);
    expect(data.leases).toHaveLength(1);
    expect(data.tasks.map((task) => task.title)).toEqual(['Nøkler utlevert']);
    expect(data.accessLog.map((e) => e.action)).toEqual(expect.arrayContaining(['create', 'display']));

    const audit = await auditEntries(db.app, a.tenantId, person.id);
    expect(audit.at(-1)).toMatchObject({ action: 'export', entity: 'person', purpose: 'insight_request' });
  });

  it('PDF: readable text (Latin and Cyrillic extractable), Arabic and Ethiopic names embedded; audited', async () => {
    const person = await create({ fullName: 'Мирослава Шевченко', transliteration: 'Myroslava Shevchenko' });
    const response = await call(worker, 'GET', `/api/persons/${person.id}/export.pdf`);
    expect(response.statusCode, response.body.slice(0, 200)).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    const text = (await readPdfItems(response.rawPayload)).map((i) => i.str).join(' ');
    expect(text).toContain('Innsyn');
    expect(text).toContain('Мирослава Шевченко');
    expect(text).toContain('Myroslava Shevchenko');
    expect(text).toContain('Logg over oppslag');

    const arabic = await create({ fullName: 'فاطمة الزهراء', transliteration: 'Fatima Al-Zahra' });
    const ethiopic = await create({ fullName: 'ዮሃንስ ተስፋይ' });
    for (const id of [arabic.id, ethiopic.id]) {
      const pdf = await call(worker, 'GET', `/api/persons/${id}/export.pdf`);
      expect(pdf.statusCode).toBe(200);
      const raw = pdf.rawPayload.toString('latin1');
      expect(raw).toMatch(id === arabic.id ? /NotoSansArabic/ : /NotoSansEthiopic/);
    }
    const audit = await auditEntries(db.app, a.tenantId, person.id);
    expect(audit.at(-1)).toMatchObject({ action: 'export', entity: 'person_pdf' });
  });
});

describe('anonymisation after the retention period', () => {
  it('refused while a household is open, while the period runs, or while a lease is active; allowed after (clock)', async () => {
    try {
      const open = await create({ fullName: 'Åpen Sak' });
      await insertHousehold(db.app, a.tenantId, {
        unitId: a.unitId,
        members: [{ personId: open.id }],
        state: 'accepted',
        lastEventAt: new Date('2012-01-01'),
      });
      const person = await create({
        fullName: 'Amal Hassan',
        identityNumber: syntheticFnr('1975-05-05'),
        birthDate: { date: '1975-05-05', precision: 'exact' },
        nationality: 'SOM',
        languages: [{ code: 'so', interpreterNeeded: true, preferredForLetters: true }],
      });
      await call(worker, 'POST', `/api/persons/${person.id}/special-categories`, {
        category: 'disability',
        details: 'Synshemmet',
        legalBasis: 'integration_act',
      });
      await insertHousehold(db.app, a.tenantId, {
        unitId: a.unitId,
        members: [{ personId: person.id }],
        state: 'moved_away',
        lastEventAt: new Date('2020-03-01T12:00:00Z'),
      });
      const leaseHolder = await create({ fullName: 'Leietaker Fortsatt' });
      await insertHousehold(db.app, a.tenantId, {
        unitId: a.unitId,
        members: [{ personId: leaseHolder.id }],
        state: 'moved_on',
        lastEventAt: new Date('2012-01-01'),
      });
      await insertLease(leaseHolder.id, 'active');
      const noHousehold = await create({ fullName: 'Uten Husstand' });

      const anonymise = (id: string) =>
        call(worker, 'POST', `/api/persons/${id}/anonymise`, { reason: 'Sletteanmodning 2030/7' });
      for (const id of [open.id, person.id, leaseHolder.id, noHousehold.id]) {
        const refused = await anonymise(id);
        expect(refused.statusCode, refused.body).toBe(409);
        expect(refused.json().code).toBe('person.retention_not_elapsed');
      }
      // Ten years (120 months, the default) after 2020-03-01: still refused the day before, allowed after.
      t.clock.now = new Date('2030-02-28T12:00:00Z');
      worker = await login(t.app, a.users.bosetter.email, TEST_PASSWORD); // the old session has expired
      expect((await anonymise(person.id)).statusCode).toBe(409);
      t.clock.now = new Date('2030-03-02T12:00:00Z');
      worker = await login(t.app, a.users.bosetter.email, TEST_PASSWORD);
      const done = await anonymise(person.id);
      expect(done.statusCode, done.body).toBe(200);
      // The others stay refused (open household, active lease).
      for (const id of [open.id, leaseHolder.id]) expect((await anonymise(id)).statusCode).toBe(409);

      const shown = (await call(worker, 'GET', `/api/persons/${person.id}`)).json<Record<string, unknown>>();
      expect(shown).toMatchObject({
        fullName: 'Anonymisert',
        transliteration: null,
        identityNumber: null,
        nationality: null,
        birthDate: { date: '1975-01-01', precision: 'year' },
        languages: [],
        identityHistory: [],
      });
      expect(shown.anonymisedAt).toBe('2030-03-02T12:00:00.000Z');
      const special = (await call(worker, 'GET', `/api/persons/${person.id}/special-categories`)).json<{
        items: unknown[];
      }>();
      expect(special.items).toEqual([]);
      const again = await anonymise(person.id);
      expect(again.json().code).toBe('person.anonymised');
      const patch = await call(
        worker,
        'PATCH',
        `/api/persons/${person.id}`,
        { fullName: 'Igjen' },
        { 'if-match': `"${String(shown.version)}"` },
      );
      expect(patch.json().code).toBe('person.anonymised');
      const audit = await auditEntries(db.app, a.tenantId, person.id);
      expect(audit.find((e) => String(e.action) === 'anonymise')).toMatchObject({
        purpose_ref: 'Sletteanmodning 2030/7',
        actor_user_id: a.users.bosetter.id,
      });
      // Not found by search any more.
      const search = await call(worker, 'GET', '/api/persons?query=Amal');
      expect(search.json<{ total: number }>().total).toBe(0);
    } finally {
      t.clock.now = START;
      worker = await login(t.app, a.users.bosetter.email, TEST_PASSWORD);
    }
  });

  it('anonymiseExpired (the scheduler) follows the municipality retention_months and audits each person', async () => {
    // A municipality of its own, so that no other test's persons count.
    const c = await createTenantFixture(db.app, { kommunenummer: '3201', slug: 'baerum', roles: ['admin'] });
    const tenantId = c.tenantId;
    const add = (fullName: string, extra: Record<string, unknown> = {}) =>
      withTenant(db.app, { tenantId }, async (trx) =>
        insertPerson(trx, {
          tenantId,
          actorUserId: null,
          input: { fullName, ...extra },
          environment: 'test',
          today: '2026-11-21',
        }),
      );
    const due = await add('Utløpt Retensjon', { dufNumber: dufNumber(2019) });
    await insertHousehold(db.app, tenantId, {
      unitId: c.unitId,
      members: [{ personId: due.id }],
      state: 'declined',
      lastEventAt: new Date('2024-06-01T10:00:00Z'),
    });
    const notYet = await add('Ikke Utløpt');
    await insertHousehold(db.app, tenantId, {
      unitId: c.unitId,
      members: [{ personId: notYet.id }],
      state: 'declined',
      lastEventAt: new Date('2025-06-01T10:00:00Z'),
    });
    const open = await add('Åpen Sak');
    await insertHousehold(db.app, tenantId, {
      unitId: c.unitId,
      members: [{ personId: open.id }],
      state: 'accepted',
      lastEventAt: new Date('2012-06-01T10:00:00Z'),
    });

    const run = (now: Date) => withTenant(db.app, { tenantId }, (trx) => anonymiseExpired(trx, { tenantId, now }));
    expect(await run(START)).toBe(0); // default 120 months
    await withTenant(db.app, { tenantId }, (trx) =>
      trx.insertInto('app.settlement_settings').values({ tenant_id: tenantId, retention_months: 24 }).execute(),
    );
    expect(await run(START)).toBe(1); // 2024-06-01 + 24 months < 2026-11-21 < 2025-06-01 + 24 months
    const audit = await auditEntries(db.app, tenantId, due.id);
    expect(audit.at(-1)).toMatchObject({ action: 'anonymise', actor_user_id: null, purpose_ref: 'retention elapsed' });
    expect(await run(START)).toBe(0);
    expect(await run(new Date('2027-06-02T00:00:00Z'))).toBe(1);
    const rows = await withTenant(db.app, { tenantId }, (trx) =>
      trx.selectFrom('app.person').select(['id', 'full_name', 'duf_number']).orderBy('full_name').execute(),
    );
    expect(rows.map((r) => [r.id, r.full_name])).toEqual(
      expect.arrayContaining([
        [due.id, 'Anonymisert'],
        [notYet.id, 'Anonymisert'],
        [open.id, 'Åpen Sak'],
      ]),
    );
    expect(rows.every((r) => r.duf_number === null)).toBe(true);
  });
});
