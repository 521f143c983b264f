import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withTenant } from '../../db/tenant';
import { AppError } from '../../http/errors';
import { createTestApp, injectorFor, login, type LoggedIn, type TestApp } from '../../test/app';
import { createTestDatabase, type TestDatabase } from '../../test/database';
import { createTenantFixture, TEST_PASSWORD, type TenantFixture } from '../../test/fixtures';
import { insertPerson } from './persons.write';
import {
  auditEntries,
  badChecksumFnr,
  badDateFnr,
  dufNumber,
  hNumber,
  insertHousehold,
  personWrites,
  syntheticFnr,
} from './persons.test-support';

// Registering, finding and changing persons end to end (HTTP → use case → PostgreSQL/PGlite).
// The test clock stands on 2026-11-21. Every refusal is checked to have written nothing.

let db: TestDatabase;
let t: TestApp;
let a: TenantFixture;
let b: TenantFixture;
let worker: LoggedIn;
let workerB: LoggedIn;
const call = injectorFor(() => t.app);

beforeAll(async () => {
  db = await createTestDatabase({ poolSize: 8 });
  a = await createTenantFixture(db.app, { kommunenummer: '1506', slug: 'molde', roles: ['admin', 'bosetter'] });
  b = await createTenantFixture(db.app, { kommunenummer: '1804', slug: 'bodo', roles: ['admin', 'bosetter'] });
  t = await createTestApp(db);
  worker = await login(t.app, a.users.bosetter.email, TEST_PASSWORD);
  workerB = await login(t.app, b.users.bosetter.email, TEST_PASSWORD);
}, 120_000);
afterAll(async () => {
  await t.app.close();
  await db.destroy();
});

type Person = { id: string; fullName: string; version: number } & Record<string, unknown>;

async function create(payload: Record<string, unknown>, session = worker): Promise<Person> {
  const response = await call(session, 'POST', '/api/persons', payload);
  expect(response.statusCode, response.body).toBe(201);
  return response.json<Person>();
}

async function refused(payload: Record<string, unknown>, status: number, code: string, pointer?: string) {
  const before = await personWrites(db.app, a.tenantId);
  const response = await call(worker, 'POST', '/api/persons', payload);
  expect(response.statusCode, response.body).toBe(status);
  const problem = response.json<{ code: string; errors?: { pointer: string; code: string }[]; conflict?: unknown }>();
  expect(problem.code).toBe(code);
  expect(response.headers['content-type']).toContain('application/problem+json');
  if (pointer) expect(problem.errors?.map((e) => e.pointer)).toContain(pointer);
  expect(await personWrites(db.app, a.tenantId)).toEqual(before);
  return problem;
}

describe('registering a person: accepted', () => {
  it.each([
    ['Arabic with a hyphen', 'محمد عبد-الله', 'Mohammed Abd-Allah'],
    ['Tigrinya (Ge’ez)', 'ዮሃንስ ተስፋይ', 'Yohannes Tesfay'],
    ['Cyrillic with an apostrophe', 'Олександра Дар’я Ковальчук', "Oleksandra Dar'ia Kovalchuk"],
    ['a single name', 'Amanullah', null],
    ['Latin with apostrophe and hyphen', "N'Golo Kanté-O'Neil", null],
  ])('%s', async (_label, fullName, transliteration) => {
    const person = await create({ fullName, transliteration });
    expect(person.fullName).toBe(fullName.normalize('NFC'));
    expect(person.transliteration).toBe(transliteration);
    expect(person).not.toHaveProperty('gender');
  });

  it('stores names NFC and finds them by the search key in any script and by transliteration', async () => {
    const decomposed = 'Zoe\u0308 Ålesund-Brække'.normalize('NFD');
    const person = await create({ fullName: decomposed });
    expect(person.fullName).toBe(decomposed.normalize('NFC'));
    const arabic = await create({ fullName: 'فاطمة الزهراء', transliteration: 'Fatima Al-Zahra' });
    for (const q of ['fatima', 'al zahra', 'الزهراء', 'FATIMA']) {
      const found = await call(worker, 'GET', `/api/persons?query=${encodeURIComponent(q)}`);
      expect(found.statusCode, found.body).toBe(200);
      expect(
        found.json<{ items: { id: string }[] }>().items.map((i) => i.id),
        q,
      ).toContain(arabic.id);
    }
    const zoe = await call(worker, 'GET', `/api/persons?query=${encodeURIComponent('zoe alesund')}`);
    expect(zoe.json<{ items: { id: string }[] }>().items.map((i) => i.id)).toContain(person.id);
  });

  it('approximate birth dates: a year only is stored as 1 January with precision year', async () => {
    const year = await create({ fullName: 'Amina Yusuf', birthDate: { date: '2008', precision: 'year' } });
    expect(year.birthDate).toEqual({ date: '2008-01-01', precision: 'year' });
    // Born "in 2008": the youngest possible age on 2026-11-21 is 17 (still a minor).
    expect(year.age).toBe(17);
    const jan1 = await create({
      fullName: 'Omar Yusuf',
      birthDate: { date: '2010-01-01', precision: 'jan1_convention' },
    });
    expect(jan1.birthDate).toEqual({ date: '2010-01-01', precision: 'jan1_convention' });
  });

  it('no identity number yet, or a synthetic one and a DUF number outside production (with history)', async () => {
    const none = await create({ fullName: 'Sara Haile' });
    expect(none.identityNumber).toBeNull();
    expect(none.identityHistory).toEqual([]);
    const fnr = syntheticFnr('1991-02-03');
    const duf = dufNumber(2023);
    const person = await create({
      fullName: 'Dawit Haile',
      identityNumber: `${fnr.slice(0, 6)} ${fnr.slice(6)}`,
      dufNumber: duf,
      languages: [
        { code: 'ti', interpreterNeeded: true, preferredForLetters: true },
        { code: 'en', interpreterNeeded: false, preferredForLetters: false },
      ],
      arrivalDate: '2026-10-01',
      settlementDate: '2026-10-01',
    });
    expect(person.identityNumber).toBe(fnr);
    expect(person.identityNumberKind).toBe('synthetic');
    expect(person.dufNumber).toBe(duf);
    expect(person.identityHistory).toMatchObject([
      { field: 'identity_number', oldValue: null, newValue: fnr },
      { field: 'duf_number', oldValue: null, newValue: duf },
    ]);
    expect((person.languages as unknown[]).length).toBe(2);
  });
});

describe('registering a person: refused with a code, nothing written', () => {
  it.each([
    ['format', () => '1234567', 'identity_number'],
    ['date', badDateFnr, 'identity_number'],
    ['checksum', badChecksumFnr, 'identity_number'],
    ['H-number', hNumber, 'identity_number'],
  ])('identity number: %s', async (_label, number) => {
    await refused(
      { fullName: 'Test Person', identityNumber: number() },
      422,
      'person.identity_number_invalid',
      '/identityNumber',
    );
  });

  it('a bad DUF number, a bad name, a bad birth date, settlement before arrival, programme dates, two letter languages', async () => {
    const duf = dufNumber(2022);
    await refused(
      { fullName: 'Test Person', dufNumber: `${duf.slice(0, 11)}${(Number(duf[11]) + 1) % 10}` },
      422,
      'person.duf_invalid',
      '/dufNumber',
    );
    await refused({ fullName: 'Test Person', dufNumber: '12345' }, 422, 'person.duf_invalid', '/dufNumber');
    await refused({ fullName: 'R2-D2' }, 422, 'person.name_invalid', '/fullName');
    await refused({ fullName: '   ' }, 422, 'person.name_invalid', '/fullName');
    await refused({ fullName: 'Ali', transliteration: 'علي' }, 422, 'person.name_invalid', '/transliteration');
    await refused(
      { fullName: 'Ali', birthDate: { date: '2030-01-01', precision: 'exact' } },
      422,
      'person.birth_date_invalid',
      '/birthDate',
    );
    await refused(
      { fullName: 'Ali', birthDate: { date: '2010-05-05', precision: 'jan1_convention' } },
      422,
      'person.birth_date_invalid',
    );
    await refused(
      { fullName: 'Ali', arrivalDate: '2026-10-01', settlementDate: '2026-09-30' },
      422,
      'pipeline.settlement_date_invalid',
      '/settlementDate',
    );
    await refused(
      { fullName: 'Ali', introProgrammeStart: '2026-10-01', introProgrammeEnd: '2026-09-01' },
      422,
      'person.dates_invalid',
      '/introProgrammeEnd',
    );
    await refused(
      {
        fullName: 'Ali',
        languages: [
          { code: 'ar', interpreterNeeded: true, preferredForLetters: true },
          { code: 'en', interpreterNeeded: false, preferredForLetters: true },
        ],
      },
      400,
      'request.invalid',
      '/languages/1/preferredForLetters',
    );
  });

  it('a synthetic number in production is refused (insertPerson with environment production)', async () => {
    const before = await personWrites(db.app, a.tenantId);
    const attempt = withTenant(db.app, { tenantId: a.tenantId }, (trx) =>
      insertPerson(trx, {
        tenantId: a.tenantId,
        actorUserId: a.users.bosetter.id,
        input: { fullName: 'Test Produksjon', identityNumber: syntheticFnr('1970-07-07') },
        environment: 'production',
        today: '2026-11-21',
        pointer: '/members/2/person',
      }),
    );
    const error = await attempt.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('person.identity_number_invalid');
    expect((error as AppError).detail).toBe('synthetic_in_production');
    expect((error as AppError).errors).toEqual([
      { pointer: '/members/2/person/identityNumber', code: 'person.identity_number_invalid' },
    ]);
    expect(await personWrites(db.app, a.tenantId)).toEqual(before);
  });
});

describe('duplicates', () => {
  it('the same identity number or DUF in this municipality → 409 with a link to the household', async () => {
    const fnr = syntheticFnr('1988-08-08');
    const duf = dufNumber(2021);
    const first = await create({ fullName: 'Hana Ali', identityNumber: fnr, dufNumber: duf });
    const household = await insertHousehold(db.app, a.tenantId, {
      unitId: a.unitId,
      members: [{ personId: first.id }],
    });
    const p1 = await refused(
      { fullName: 'Hana A.', identityNumber: fnr },
      409,
      'person.identity_number_taken',
      '/identityNumber',
    );
    expect(p1.conflict).toEqual({ id: first.id, reference: household.reference });
    const p2 = await refused({ fullName: 'Hana A.', dufNumber: duf }, 409, 'person.duf_taken', '/dufNumber');
    expect(p2.conflict).toEqual({ id: first.id, reference: household.reference });
  });

  it('without a household the link is P- and the id prefix', async () => {
    const fnr = syntheticFnr('1977-07-17');
    const first = await create({ fullName: 'Yonas Ali', identityNumber: fnr });
    const problem = await refused({ fullName: 'Yonas', identityNumber: fnr }, 409, 'person.identity_number_taken');
    expect(problem.conflict).toEqual({ id: first.id, reference: `P-${first.id.slice(0, 8)}` });
  });

  it('the same number in another municipality does not conflict and is never revealed', async () => {
    const fnr = syntheticFnr('1966-06-16');
    const duf = dufNumber(2020);
    const inB = await create({ fullName: 'Leyla Bodø', identityNumber: fnr, dufNumber: duf }, workerB);
    const inA = await create({ fullName: 'Leyla Molde', identityNumber: fnr, dufNumber: duf });
    expect(inA.id).not.toBe(inB.id);
    const search = await call(worker, 'GET', `/api/persons?query=${fnr}`);
    const ids = search.json<{ items: { id: string }[] }>().items.map((i) => i.id);
    expect(ids).toEqual([inA.id]);
    expect(search.body).not.toContain('Bodø');
    expect((await call(worker, 'GET', `/api/persons/${inB.id}`)).statusCode).toBe(404);
  });

  it('two concurrent registrations of the same number: one 201 and one 409 with the conflict', async () => {
    const fnr = syntheticFnr('1999-09-09');
    const responses = await Promise.all(
      [1, 2, 3].map((n) =>
        call(worker, 'POST', '/api/persons', { fullName: `Samtidig ${'I'.repeat(n)}`, identityNumber: fnr }),
      ),
    );
    const statuses = responses.map((r) => r.statusCode).sort();
    expect(statuses).toEqual([201, 409, 409]);
    const created = responses.find((r) => r.statusCode === 201)!.json<Person>();
    for (const r of responses.filter((r) => r.statusCode === 409)) {
      expect(r.json<{ conflict: { id: string } }>().conflict.id).toBe(created.id);
    }
    const search = await call(worker, 'GET', `/api/persons?query=${fnr}`);
    expect(search.json<{ total: number }>().total).toBe(1);
  });
});

describe('reading and changing a person', () => {
  it('GET is audited with the fields shown; search by DUF; no gender, no special categories', async () => {
    const duf = dufNumber(2025);
    const person = await create({ fullName: 'Mariam Said', dufNumber: duf, nationality: 'SYR' });
    const search = await call(worker, 'GET', `/api/persons?query=${duf}`);
    expect(search.json<{ items: { id: string }[] }>().items.map((i) => i.id)).toEqual([person.id]);
    const response = await call(worker, 'GET', `/api/persons/${person.id}`, undefined, {
      'x-husly-purpose': 'settlement:H-2026-1',
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers.etag).toBe(`"${person.version}"`);
    const body = response.json<Record<string, unknown>>();
    expect(body).not.toHaveProperty('gender');
    expect(body).not.toHaveProperty('specialCategories');
    const audit = await auditEntries(db.app, a.tenantId, person.id);
    const display = audit.filter((e) => e.action === 'display');
    expect(display).toHaveLength(1);
    expect(display[0]).toMatchObject({
      entity: 'person',
      actor_user_id: a.users.bosetter.id,
      purpose: 'settlement',
      purpose_ref: 'H-2026-1',
    });
    expect(display[0]!.fields).toEqual(expect.arrayContaining(['full_name', 'duf_number', 'nationality']));
  });

  it('PATCH needs If-Match; identity changes keep the history with the reason', async () => {
    const first = syntheticFnr('1980-01-20', 'dnr');
    const second = syntheticFnr('1980-01-20');
    const person = await create({ fullName: 'Kidane Tesfay', identityNumber: first });
    expect((await call(worker, 'PATCH', `/api/persons/${person.id}`, { fullName: 'Kidane T.' })).statusCode).toBe(428);
    t.clock.now = new Date(t.clock.now.getTime() + 60_000); // the change comes a minute later
    const noReason = await call(
      worker,
      'PATCH',
      `/api/persons/${person.id}`,
      { identityNumber: second },
      { 'if-match': `"${person.version}"` },
    );
    expect(noReason.statusCode, noReason.body).toBe(400);
    expect(noReason.json<{ errors: { pointer: string }[] }>().errors[0]!.pointer).toBe('/identityChangeReason');
    const changed = await call(
      worker,
      'PATCH',
      `/api/persons/${person.id}`,
      { identityNumber: second, identityChangeReason: 'Fødselsnummer tildelt av Folkeregisteret' },
      { 'if-match': `"${person.version}"` },
    );
    expect(changed.statusCode, changed.body).toBe(200);
    const dto = changed.json<Person>();
    expect(dto.identityNumber).toBe(second);
    expect(dto.identityHistory).toMatchObject([
      { field: 'identity_number', oldValue: null, newValue: first },
      {
        field: 'identity_number',
        oldValue: first,
        newValue: second,
        reason: 'Fødselsnummer tildelt av Folkeregisteret',
        changedBy: 'Test bosetter',
      },
    ]);
    const stale = await call(
      worker,
      'PATCH',
      `/api/persons/${person.id}`,
      { fullName: 'X' },
      { 'if-match': `"${person.version}"` },
    );
    expect(stale.statusCode).toBe(412);
    // Taking another person's number is refused with the link.
    const other = await create({ fullName: 'Other Person', identityNumber: syntheticFnr('1981-02-21') });
    const taken = await call(
      worker,
      'PATCH',
      `/api/persons/${other.id}`,
      { identityNumber: second, identityChangeReason: 'feil' },
      { 'if-match': `"${other.version}"` },
    );
    expect(taken.statusCode).toBe(409);
    expect(taken.json<{ conflict: { id: string } }>().conflict.id).toBe(person.id);
  });
});
