import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HouseholdDto, HouseholdListResponse } from '../../../shared/api/households';
import { generateDufNumber } from '../../../shared/domain/duf';
import { generateSyntheticIdentityNumber } from '../../../shared/domain/identity';
import { withTenant } from '../../db/tenant';
import { createTestApp, login, type LoggedIn, type TestApp } from '../../test/app';
import { createTestDatabase, type TestDatabase } from '../../test/database';
import { createTenantFixture, TEST_PASSWORD, type TenantFixture } from '../../test/fixtures';
import { api, householdWrites, insertHouseholdInState, insertTestPerson } from './households.test-support';

// Households through the HTTP API on a real database: creation rules (members, guardian, one
// household per person), large and multi-generation households, search in any script and by
// identity numbers, the household page (composition, bedrooms, clock, history, audit), field-level
// hiding of accessibility, the miljøarbeider's unit scope, and If-Match. The test clock stands on
// 2026-11-21. Every refusal is checked to have written nothing.

let db: TestDatabase;
let t: TestApp;
let a: TenantFixture;
let b: TenantFixture;
let worker: LoggedIn;
let nav: LoggedIn;
let onSite: LoggedIn;
let call: ReturnType<typeof api>;
let otherUnitId: string;

const rng = { int: (min: number, max: number) => min + Math.floor(Math.random() * (max - min + 1)) };

beforeAll(async () => {
  db = await createTestDatabase();
  a = await createTenantFixture(db.app, {
    kommunenummer: '1506',
    slug: 'molde',
    roles: ['admin', 'bosetter', 'nav_veileder', 'miljoarbeider', 'leder'],
  });
  b = await createTenantFixture(db.app, { kommunenummer: '1804', slug: 'bodo', roles: ['admin', 'bosetter'] });
  otherUnitId = await withTenant(db.app, { tenantId: a.tenantId }, async (trx) =>
    (
      await trx
        .insertInto('app.unit')
        .values({ tenant_id: a.tenantId, name: 'Bofellesskap Nord', kind: 'flyktningtjeneste', parent_id: null })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id,
  );
  t = await createTestApp(db);
  worker = await login(t.app, a.users.bosetter.email, TEST_PASSWORD);
  nav = await login(t.app, a.users.nav_veileder.email, TEST_PASSWORD);
  onSite = await login(t.app, a.users.miljoarbeider.email, TEST_PASSWORD);
  call = api(() => t.app, worker);
}, 120_000);
afterAll(async () => {
  await t.app.close();
  await db.destroy();
});

const person = (p: Parameters<typeof insertTestPerson>[2] = {}) => insertTestPerson(db.app, a.tenantId, p);

async function create(payload: Record<string, unknown>) {
  return call('POST', '/api/households', { category: 'resettlement_refugee', ...payload });
}

async function expectRefused(payload: Record<string, unknown>, status: number, code: string, pointer?: string) {
  const before = await householdWrites(db.app, a.tenantId);
  const response = await create(payload);
  expect(response.statusCode, response.body).toBe(status);
  expect(response.headers['content-type']).toContain('application/problem+json');
  expect(response.json().code).toBe(code);
  if (pointer) expect(response.json().errors).toContainEqual({ pointer, code });
  expect(await householdWrites(db.app, a.tenantId)).toEqual(before);
  return response;
}

describe('creating a household', () => {
  it('registers existing persons as members, starts the pipeline at proposed and audits the creation', async () => {
    const main = await person({ fullName: 'Yonas Tesfay', birthDate: '1985-03-01', residencePermitDate: '2026-08-01' });
    const spouse = await person({ fullName: 'Selam Tesfay', birthDate: '1988-07-12' });
    const child = await person({ fullName: 'Abel Tesfay', birthDate: '2018', precision: 'year' });
    const response = await create({
      proposedOn: '2026-09-01',
      members: [
        { personId: main, relation: 'main' },
        { personId: spouse, relation: 'spouse' },
        { personId: child, relation: 'child' },
      ],
    });
    expect(response.statusCode, response.body).toBe(201);
    const h = response.json<HouseholdDto>();
    expect(response.headers.etag).toBe('"1"');
    expect(h.reference).toMatch(/^H-2026-\d{4}$/);
    expect(h.state).toBe('proposed');
    expect(h.responsibleUnit.id).toBe(a.unitId);
    expect(h.composition).toMatchObject({ size: 3, adults: 2, children: 1, kind: 'family_with_children' });
    expect(h.bedrooms).toEqual({ now: 2, withReunification: 2 });
    // The permit date is the earliest member's: 6 months → 2027-02-01.
    expect(h.clock).toMatchObject({ dueDate: '2027-02-01', basis: 'national_adult_6_months', overdue: false, stopped: false });
    expect(h.history).toHaveLength(1);
    expect(h.history[0]).toMatchObject({ fromState: null, toState: 'proposed', effectiveOn: '2026-09-01', actorName: 'Test bosetter' });
    expect(h.actions.transition.map((x) => x.to)).toEqual(['accepted', 'declined', 'withdrawn']);
    const audit = await withTenant(db.app, { tenantId: a.tenantId }, (trx) =>
      trx.selectFrom('app.audit_log').selectAll().where('subject_id', '=', h.id).execute(),
    );
    expect(audit.map((e) => [e.action, e.subject_type, e.actor_user_id])).toEqual([['create', 'household', a.users.bosetter.id]]);
  });

  it('accepts a large multi-generation household of 40 persons', async () => {
    const ids = [await person({ fullName: 'Bestefar Nur', birthDate: '1950-01-01', precision: 'jan1_convention' })];
    const relations: ('main' | 'parent' | 'spouse' | 'child' | 'grandchild' | 'sibling' | 'other')[] = ['main'];
    ids.push(await person({ fullName: 'Bestemor Nur', birthDate: '1952', precision: 'year' }));
    relations.push('spouse');
    for (let i = 0; i < 38; i++) {
      ids.push(await person({ fullName: `Barn ${i} Nur`, birthDate: i < 10 ? '1980-02-02' : '2015-02-02' }));
      relations.push(i < 10 ? 'child' : i < 30 ? 'grandchild' : 'other');
    }
    const response = await create({ members: ids.map((personId, i) => ({ personId, relation: relations[i] })) });
    expect(response.statusCode, response.body).toBe(201);
    const h = response.json<HouseholdDto>();
    expect(h.members).toHaveLength(40);
    expect(h.composition).toMatchObject({ size: 40, isLargeFamily: true, isMultiGeneration: true, kind: 'multi_generation' });
  });

  it('refuses no main person or two main persons with household.members_invalid, writing nothing', async () => {
    const p1 = await person();
    const p2 = await person();
    await expectRefused({ members: [{ personId: p1, relation: 'child' }] }, 422, 'household.members_invalid', '/members');
    await expectRefused(
      { members: [{ personId: p1, relation: 'main' }, { personId: p2, relation: 'main' }] },
      422,
      'household.members_invalid',
    );
    await expectRefused(
      { members: [{ personId: p1, relation: 'main' }, { personId: p1, relation: 'child' }] },
      422,
      'household.members_invalid',
    );
  });

  it('refuses a person of another municipality as a member (not found, nothing written)', async () => {
    const foreign = await insertTestPerson(db.app, b.tenantId, { fullName: 'Annen Kommune' });
    const response = await expectRefused({ members: [{ personId: foreign, relation: 'main' }] }, 404, 'resource.not_found');
    expect(response.body).not.toContain(b.tenantId);
  });

  it('refuses a person already in another active household with 409 and the household', async () => {
    const existing = await insertHouseholdInState(db.app, { tenantId: a.tenantId, unitId: a.unitId }, 'accepted');
    const response = await expectRefused(
      { members: [{ personId: await person(), relation: 'main' }, { personId: existing.personId, relation: 'spouse' }] },
      409,
      'household.person_in_other_household',
      '/members/1/personId',
    );
    expect(response.json().conflict).toEqual({ id: existing.id, reference: existing.reference });
  });

  it('requires a guardian when the main person is a minor, and accepts one with a guardian', async () => {
    const minor = await person({ fullName: 'Mahdi Rezai', birthDate: '2010-04-04' });
    await expectRefused(
      { category: 'unaccompanied_minor', members: [{ personId: minor, relation: 'main' }] },
      422,
      'household.guardian_required',
      '/guardianName',
    );
    // A year-only birth date in the year the person turns 18 still counts as a minor (birth-date.ts).
    const yearOnly = await person({ fullName: 'Farid Ahmadi', birthDate: '2008', precision: 'year' });
    await expectRefused({ members: [{ personId: yearOnly, relation: 'main' }] }, 422, 'household.guardian_required');
    // An EM household whose main person has no birth date yet needs one too.
    const unknown = await person({ fullName: 'Zahra' });
    await expectRefused(
      { category: 'unaccompanied_minor', members: [{ personId: unknown, relation: 'main' }] },
      422,
      'household.guardian_required',
    );
    const ok = await create({
      category: 'unaccompanied_minor',
      guardianName: 'Kari Verge',
      guardianPhone: '+47 900 00 000',
      members: [{ personId: minor, relation: 'main' }],
    });
    expect(ok.statusCode, ok.body).toBe(201);
    const h = ok.json<HouseholdDto>();
    expect(h.guardian?.name).toBe('Kari Verge');
    expect(h.composition.kind).toBe('unaccompanied_minor');
    expect(h.ageOut).toEqual([
      { age: 18, date: '2028-04-04' },
      { age: 20, date: '2030-04-04' },
      { age: 23, date: '2033-04-04' },
    ]);
    // Removing the guardian later is refused by the same rule.
    const patch = await call('PATCH', `/api/households/${h.id}`, { guardianName: null }, { 'if-match': '"1"' });
    expect(patch.statusCode, patch.body).toBe(422);
    expect(patch.json().code).toBe('household.guardian_required');
  });

  it('refuses an unknown responsible unit and a taken IMDi case id', async () => {
    await expectRefused(
      { responsibleUnitId: b.unitId, members: [{ personId: await person(), relation: 'main' }] },
      422,
      'household.unit_invalid',
      '/responsibleUnitId',
    );
    const first = await create({ imdiCaseId: 'IMDI-2026-77', members: [{ personId: await person(), relation: 'main' }] });
    expect(first.statusCode, first.body).toBe(201);
    const response = await expectRefused(
      { imdiCaseId: 'IMDI-2026-77', members: [{ personId: await person(), relation: 'main' }] },
      409,
      'household.imdi_case_taken',
      '/imdiCaseId',
    );
    expect(response.json().conflict.id).toBe(first.json().id);
  });

  it('registers new persons given inline (insertPerson), with field errors pointing into the member', async () => {
    const response = await create({
      members: [
        { person: { fullName: 'أحمد الحسن', transliteration: 'Ahmad al-Hasan', birthDate: { date: '1979-01-01', precision: 'jan1_convention' } }, relation: 'main' },
        { person: { fullName: "Ma'ali O'Neil-Hasan", birthDate: { date: '2019', precision: 'year' } }, relation: 'child' },
      ],
    });
    expect(response.statusCode, response.body).toBe(201);
    const h = response.json<HouseholdDto>();
    expect(h.members.map((m) => m.fullName)).toEqual(['أحمد الحسن', "Ma'ali O'Neil-Hasan"]);
    await expectRefused(
      { members: [{ person: { fullName: 'Ny Person', identityNumber: '12345678901' }, relation: 'main' }] },
      422,
      'person.identity_number_invalid',
      '/members/0/person/identityNumber',
    );
  });
});

describe('the list and search', () => {
  let arabic: string;
  let fnr: string;
  let duf: string;
  let reference: string;
  beforeAll(async () => {
    fnr = generateSyntheticIdentityNumber({ rng, birthDate: '1991-02-03', kind: 'fnr', scheme: 'tenor' });
    duf = generateDufNumber({ rng, year: 2024 });
    const main = await person({ fullName: 'محمد الأحمد', transliteration: 'Mohammed al-Ahmad', identityNumber: fnr, birthDate: '1991-02-03' });
    const spouse = await person({ fullName: 'فاطمة الأحمد', dufNumber: duf, birthDate: '1993-03-03' });
    const response = await create({ members: [{ personId: main, relation: 'main' }, { personId: spouse, relation: 'spouse' }] });
    expect(response.statusCode, response.body).toBe(201);
    arabic = response.json().id;
    reference = response.json().reference;
  });

  const search = async (q: string) => {
    const response = await call('GET', `/api/households?search=${encodeURIComponent(q)}&pageSize=200`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json<HouseholdListResponse>().items.map((i) => i.id);
  };

  it('finds a household by an Arabic name, with a spelling variant (hamza, alef) and in any order', async () => {
    expect(await search('محمد')).toContain(arabic);
    expect(await search('الاحمد محمد')).toContain(arabic);
    expect(await search('فاطمة')).toContain(arabic);
  });

  it('finds it by the transliteration, case- and hyphen-insensitively', async () => {
    expect(await search('mohammed al ahmad')).toContain(arabic);
    expect(await search('AL-AHMAD')).toContain(arabic);
    expect(await search('Mohammad Hassan')).not.toContain(arabic);
  });

  it('finds it by fødselsnummer, DUF-nummer and household reference', async () => {
    expect(await search(fnr)).toEqual([arabic]);
    expect(await search(`${fnr.slice(0, 6)} ${fnr.slice(6)}`)).toEqual([arabic]);
    expect(await search(duf)).toEqual([arabic]);
    expect(await search(reference)).toEqual([arabic]);
  });

  it('shows the main person’s name to staff who read persons, and writes no audit entry for a list', async () => {
    const before = await householdWrites(db.app, a.tenantId);
    const response = await call('GET', `/api/households?search=${encodeURIComponent(fnr)}`);
    expect(response.json<HouseholdListResponse>().items[0]!.mainPersonName).toBe('محمد الأحمد');
    expect((await householdWrites(db.app, a.tenantId)).audit_log).toBe(before.audit_log);
  });

  it('filters by state and category, and refuses an unknown sort key', async () => {
    const response = await call('GET', '/api/households?state=proposed&category=resettlement_refugee&pageSize=200');
    const body = response.json<HouseholdListResponse>();
    expect(body.items.every((i) => i.state === 'proposed' && i.category === 'resettlement_refugee')).toBe(true);
    expect(body.items.map((i) => i.id)).toContain(arabic);
    const bad = await call('GET', '/api/households?sort=name');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('request.invalid');
  });
});

describe('the household page', () => {
  it('is an audited display, with accessibility hidden from roles without functional_needs', async () => {
    const main = await person({ fullName: 'Olena Kovalenko', birthDate: '1980-10-10' });
    const created = await create({ accessibility: 'wheelchair', members: [{ personId: main, relation: 'main' }] });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id;
    const asWorker = await call('GET', `/api/households/${id}`);
    expect(asWorker.json<HouseholdDto>().needs.accessibility).toBe('wheelchair');
    const asNav = await api(() => t.app, nav)('GET', `/api/households/${id}`);
    expect(asNav.statusCode, asNav.body).toBe(200);
    const body = asNav.json<HouseholdDto>();
    expect(body.needs.accessibility).toBeNull();
    expect(asNav.body).not.toContain('wheelchair');
    expect(body.actions).toMatchObject({ update: false, transition: [], readFunctionalNeeds: false });
    const displays = await withTenant(db.app, { tenantId: a.tenantId }, (trx) =>
      trx
        .selectFrom('app.audit_log')
        .select(['actor_user_id', 'fields', 'purpose'])
        .where('subject_id', '=', id)
        .where('action', '=', 'display')
        .orderBy('seq')
        .execute(),
    );
    expect(displays).toHaveLength(2);
    expect(displays[0]!.fields).toContain('accessibility');
    expect(displays[1]!.actor_user_id).toBe(a.users.nav_veileder.id);
    expect(displays[1]!.fields).not.toContain('accessibility');
    expect(displays[1]!.purpose).toBe('settlement');
  });

  it('stores the need for support or health follow-up, shown only with functional_needs', async () => {
    const main = await person({ fullName: 'Amina Yusuf', birthDate: '1979-04-04' });
    const created = await create({ supportNeed: true, members: [{ personId: main, relation: 'main' }] });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json<HouseholdDto>().id;
    expect(created.json<HouseholdDto>().needs.supportNeed).toBe(true);
    const asNav = await api(() => t.app, nav)('GET', `/api/households/${id}`);
    expect(asNav.json<HouseholdDto>().needs.supportNeed).toBeNull();
    const changed = await call('PATCH', `/api/households/${id}`, { supportNeed: false }, { 'if-match': `"${created.json<HouseholdDto>().version}"` });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json<HouseholdDto>().needs.supportNeed).toBe(false);
    const stored = await withTenant(db.app, { tenantId: a.tenantId }, (trx) =>
      trx.selectFrom('app.household').select('support_need').where('id', '=', id).executeTakeFirstOrThrow(),
    );
    expect(stored.support_need).toBe(false);
  });

  it('counts expected family reunification in the bedroom need', async () => {
    const main = await person({ fullName: 'Hamid Karimi', birthDate: '1984-01-01' });
    const response = await create({
      reunificationAdults: 1,
      reunificationChildren: 3,
      reunificationExpectedOn: '2027-03-01',
      members: [{ personId: main, relation: 'main' }],
    });
    const h = response.json<HouseholdDto>();
    // Main + spouse share one room; three children: two share, one alone.
    expect(h.bedrooms).toEqual({ now: 1, withReunification: 3 });
  });

  it('is 404 for another municipality’s household', async () => {
    const foreign = await insertHouseholdInState(db.app, { tenantId: b.tenantId, unitId: b.unitId }, 'proposed');
    const response = await call('GET', `/api/households/${foreign.id}`);
    expect(response.statusCode).toBe(404);
  });
});

describe('the miljøarbeider’s unit scope', () => {
  it('sees households of their own unit only, in the list and on the page', async () => {
    const own = await insertHouseholdInState(db.app, { tenantId: a.tenantId, unitId: a.unitId }, 'accepted');
    const other = await insertHouseholdInState(db.app, { tenantId: a.tenantId, unitId: otherUnitId }, 'accepted');
    const onSiteCall = api(() => t.app, onSite);
    const list = await onSiteCall('GET', '/api/households?pageSize=200');
    expect(list.statusCode, list.body).toBe(200);
    const ids = list.json<HouseholdListResponse>().items.map((i) => i.id);
    expect(ids).toContain(own.id);
    expect(ids).not.toContain(other.id);
    expect((await onSiteCall('GET', `/api/households/${own.id}`)).statusCode).toBe(200);
    expect((await onSiteCall('GET', `/api/households/${other.id}`)).statusCode).toBe(404);
    const boardBody = (await onSiteCall('GET', '/api/pipeline/board')).json<{ columns: { items: { id: string }[] }[] }>();
    const onBoard = boardBody.columns.flatMap((c) => c.items.map((i) => i.id));
    expect(onBoard).toContain(own.id);
    expect(onBoard).not.toContain(other.id);
  });
});

describe('changing a household', () => {
  it('needs If-Match: 428 without, 412 with a stale version, and writes nothing', async () => {
    const h = (await create({ members: [{ personId: await person(), relation: 'main' }] })).json<HouseholdDto>();
    const before = await householdWrites(db.app, a.tenantId);
    const missing = await call('PATCH', `/api/households/${h.id}`, { nearSchool: true });
    expect(missing.statusCode).toBe(428);
    expect(missing.json().code).toBe('resource.version_required');
    const ok = await call('PATCH', `/api/households/${h.id}`, { nearSchool: true }, { 'if-match': '"1"' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.headers.etag).toBe('"2"');
    expect(ok.json<HouseholdDto>().needs.nearSchool).toBe(true);
    const afterOk = await householdWrites(db.app, a.tenantId);
    const stale = await call('PATCH', `/api/households/${h.id}`, { nearSchool: false }, { 'if-match': '"1"' });
    expect(stale.statusCode).toBe(412);
    expect(stale.json().code).toBe('resource.version_conflict');
    expect(await householdWrites(db.app, a.tenantId)).toEqual(afterOk);
    expect(afterOk.household_versions).toBe(before.household_versions + 1);
  });

  it('keeps the arrival date of a settled household and refuses one after the settlement date', async () => {
    const settled = await insertHouseholdInState(db.app, { tenantId: a.tenantId, unitId: a.unitId }, 'settled', { settlementDate: '2026-10-01' });
    const cleared = await call('PATCH', `/api/households/${settled.id}`, { arrivalDate: null }, { 'if-match': '"1"' });
    expect(cleared.statusCode).toBe(422);
    expect(cleared.json().code).toBe('household.arrival_date_required');
    const late = await call('PATCH', `/api/households/${settled.id}`, { arrivalDate: '2026-10-02' }, { 'if-match': '"1"' });
    expect(late.statusCode).toBe(422);
    expect(late.json().code).toBe('pipeline.settlement_date_invalid');
    expect(late.json().errors).toEqual([{ pointer: '/arrivalDate', code: 'pipeline.settlement_date_invalid' }]);
    const earlier = await call('PATCH', `/api/households/${settled.id}`, { arrivalDate: '2026-09-20' }, { 'if-match': '"1"' });
    expect(earlier.statusCode, earlier.body).toBe(200);
  });
});

describe('members', () => {
  it('adds a member, changes a relation and records that a member left', async () => {
    const main = await person({ fullName: 'Aster Kidane', birthDate: '1990-01-01' });
    const h = (await create({ members: [{ personId: main, relation: 'main' }] })).json<HouseholdDto>();
    const child = await person({ fullName: 'Liya Kidane', birthDate: '2020-01-01' });
    const added = await call('POST', `/api/households/${h.id}/members`, { personId: child, relation: 'child' });
    expect(added.statusCode, added.body).toBe(201);
    expect(added.json<HouseholdDto>().composition).toMatchObject({ size: 2, kind: 'single_parent_family' });
    expect(added.json<HouseholdDto>().version).toBe(2);

    const second = await call('POST', `/api/households/${h.id}/members`, { personId: await person(), relation: 'main' });
    expect(second.statusCode).toBe(422);
    expect(second.json().code).toBe('household.members_invalid');

    // Joined today (the proposal date): leaving before that is refused.
    const tooEarly = await call('PATCH', `/api/households/${h.id}/members/${child}`, { leftOn: '2026-11-01' });
    expect(tooEarly.statusCode).toBe(422);
    expect(tooEarly.json().errors).toEqual([{ pointer: '/leftOn', code: 'household.members_invalid' }]);
    const left = await call('PATCH', `/api/households/${h.id}/members/${child}`, { leftOn: '2026-11-21' });
    expect(left.statusCode, left.body).toBe(200);
    const afterLeaving = left.json<HouseholdDto>();
    expect(afterLeaving.composition.size).toBe(1);
    expect(afterLeaving.members.find((m) => m.personId === child)?.leftOn).toBe('2026-11-21');

    // The person who left may join another household now.
    const elsewhere = await create({ members: [{ personId: child, relation: 'main' }], guardianName: 'Verge Vergesen' });
    expect(elsewhere.statusCode, elsewhere.body).toBe(201);

    const mainLeaves = await call('PATCH', `/api/households/${h.id}/members/${main}`, { leftOn: '2026-11-21' });
    expect(mainLeaves.statusCode).toBe(422);
    expect(mainLeaves.json().code).toBe('household.members_invalid');
  });

  it('hands the main role over: the former main person becomes other, and may then leave', async () => {
    const main = await person({ fullName: 'Gammel Hovedperson', birthDate: '1960-01-01' });
    const adult = await person({ fullName: 'Ny Hovedperson', birthDate: '1990-01-01' });
    const h = (
      await create({ members: [{ personId: main, relation: 'main' }, { personId: adult, relation: 'child' }] })
    ).json<HouseholdDto>();
    const demote = await call('PATCH', `/api/households/${h.id}/members/${main}`, { relation: 'other' });
    expect(demote.statusCode).toBe(422);
    const handover = await call('PATCH', `/api/households/${h.id}/members/${adult}`, { relation: 'main' });
    expect(handover.statusCode, handover.body).toBe(200);
    const relations = Object.fromEntries(handover.json<HouseholdDto>().members.map((m) => [m.personId, m.relation]));
    expect(relations).toEqual({ [adult]: 'main', [main]: 'other' });
    const leaves = await call('PATCH', `/api/households/${h.id}/members/${main}`, { leftOn: '2026-11-21' });
    expect(leaves.statusCode, leaves.body).toBe(200);
    expect(leaves.json<HouseholdDto>().composition).toMatchObject({ size: 1, kind: 'single_adult' });
  });

  it('refuses a member who is in another household', async () => {
    const h = (await create({ members: [{ personId: await person(), relation: 'main' }] })).json<HouseholdDto>();
    const other = await insertHouseholdInState(db.app, { tenantId: a.tenantId, unitId: a.unitId }, 'proposed');
    const response = await call('POST', `/api/households/${h.id}/members`, { personId: other.personId, relation: 'other' });
    expect(response.statusCode).toBe(409);
    expect(response.json().code).toBe('household.person_in_other_household');
    expect(response.json().conflict).toEqual({ id: other.id, reference: other.reference });
  });
});
