import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { intakeResponse, MAX_INTAKE_BYTES, type IntakeResponse } from '../../../shared/api/intake';
import { generateDufNumber } from '../../../shared/domain/duf';
import { generateSyntheticIdentityNumber } from '../../../shared/domain/identity';
import { intakeCsvHeaders } from '../../../shared/intake/imdi-intake';
import { createRng } from '../../../shared/synthetic/rng';
import { withTenant } from '../../db/tenant';
import { createTestApp, injectorFor, login, type LoggedIn, type TestApp } from '../../test/app';
import { createTestDatabase, tableRowCount, type TestDatabase } from '../../test/database';
import { createTenantFixture, TEST_PASSWORD, type TenantFixture } from '../../test/fixtures';
import { insertPerson } from '../persons/persons.write';

// POST /api/intake/imdi end to end on a real database: validate writes nothing, commit is all or
// nothing, duplicates inside the file and against this municipality's persons are reported with
// codes and paths (never names or numbers), 'link' reuses an existing person, a re-import is
// idempotent, and another municipality's persons are neither matched nor revealed.

const URL_ = '/api/intake/imdi';
const example = (name: string) => readFileSync(new URL(`../../../docs/examples/${name}`, import.meta.url), 'utf8');
const exampleJson = example('imdi-intake-example.json');
const exampleCsv = example('imdi-intake-example.csv');

let db: TestDatabase;
let t: TestApp;
let a: TenantFixture;
let b: TenantFixture;
let session: LoggedIn;
let call: ReturnType<typeof injectorFor>;

beforeAll(async () => {
  db = await createTestDatabase();
  a = await createTenantFixture(db.app, { kommunenummer: '1506', slug: 'molde', roles: ['bosetter', 'admin'] });
  b = await createTenantFixture(db.app, { kommunenummer: '1804', slug: 'bodo', roles: ['bosetter'] });
  t = await createTestApp(db);
  session = await login(t.app, a.users.bosetter.email, TEST_PASSWORD);
  call = injectorFor(() => t.app);
}, 120_000);
afterAll(async () => {
  await t.app.close();
  await db.destroy();
});

// ---- Building files ---------------------------------------------------------------------------

const rng = createRng(90_210);
const fnr = (birthDate: string) => generateSyntheticIdentityNumber({ rng, birthDate, kind: 'fnr', scheme: 'tenor' });
const duf = (year = 2025) => generateDufNumber({ rng, year });

type PersonSpec = {
  ref: string;
  fullName: string;
  transliteration?: string | null;
  birthDate: { date: string; precision: string };
  identityNumber?: string | null;
  dufNumber?: string | null;
  nationality: string;
  languages: { code: string; interpreterNeeded: boolean; preferredForLetters: boolean }[];
  relation: string;
  isMainPerson: boolean;
};
type CaseSpec = {
  imdiCaseId: string;
  proposedOn: string;
  category: string;
  residencePermitDate: string;
  receptionCentre?: string | null;
  mappingNotes?: string | null;
  persons: PersonSpec[];
};

const adult = (ref: string, patch: Partial<PersonSpec> = {}): PersonSpec => ({
  ref,
  fullName: 'ሰላም ተስፋይ',
  transliteration: 'Selam Tesfay',
  birthDate: { date: '1990-04-04', precision: 'exact' },
  identityNumber: null,
  dufNumber: null,
  nationality: 'ERI',
  languages: [{ code: 'ti', interpreterNeeded: true, preferredForLetters: true }],
  relation: 'main',
  isMainPerson: true,
  ...patch,
});
const aCase = (imdiCaseId: string, persons: PersonSpec[], patch: Partial<CaseSpec> = {}): CaseSpec => ({
  imdiCaseId,
  proposedOn: '2026-11-10',
  category: 'from_reception_centre',
  residencePermitDate: '2026-08-01',
  receptionCentre: 'Fjellro asylmottak',
  mappingNotes: null,
  persons,
  ...patch,
});
const jsonFile = (cases: CaseSpec[]) => JSON.stringify({ format: 'husly.imdi-intake.v1', cases });

function csvFile(cases: CaseSpec[]): string {
  const q = (v: unknown) => {
    const s = v === null || v === undefined ? '' : String(v);
    return /[;"\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const rows = cases.flatMap((c) =>
    c.persons.map((p) =>
      [
        c.imdiCaseId,
        c.proposedOn,
        c.category,
        c.residencePermitDate,
        c.receptionCentre,
        c.mappingNotes,
        p.ref,
        p.fullName,
        p.transliteration,
        p.birthDate.date,
        p.birthDate.precision,
        p.identityNumber,
        p.dufNumber,
        p.nationality,
        p.languages.map((l) => l.code).join(','),
        p.languages
          .filter((l) => l.interpreterNeeded)
          .map((l) => l.code)
          .join(','),
        p.languages.find((l) => l.preferredForLetters)?.code ?? '',
        p.relation,
        String(p.isMainPerson),
      ]
        .map(q)
        .join(';'),
    ),
  );
  return [intakeCsvHeaders.join(';'), ...rows].join('\n') + '\n';
}

const post = (
  content: string,
  {
    format = 'json',
    mode = 'validate',
    onExisting,
    as = session,
  }: {
    format?: 'json' | 'csv';
    mode?: 'validate' | 'commit';
    onExisting?: 'refuse' | 'link';
    as?: LoggedIn;
  } = {},
) =>
  call(as, 'POST', URL_, {
    fileName: `forslag.${format}`,
    content,
    format,
    mode,
    ...(onExisting ? { onExisting } : {}),
  });

async function counts(tenantId: string) {
  return withTenant(db.app, { tenantId }, async (trx) => {
    const count = (table: string) => tableRowCount(trx, table);
    return {
      households: await count('app.household'),
      persons: await count('app.person'),
      members: await count('app.household_member'),
      events: await count('app.pipeline_event'),
      languages: await count('app.person_language'),
      identityEvents: await count('app.person_identity_event'),
      special: await count('app.special_category_record'),
      batches: await count('app.intake_batch'),
    };
  });
}

const parseOk = (body: string): IntakeResponse => intakeResponse.parse(JSON.parse(body));

// ---- The tests --------------------------------------------------------------------------------

describe('validating the example proposal', () => {
  it('reports every case ready and writes nothing', async () => {
    const before = await counts(a.tenantId);
    const response = await post(exampleJson);
    expect(response.statusCode, response.body).toBe(200);
    const report = parseOk(response.body);
    expect(report).toMatchObject({ mode: 'validate', batchId: null, problems: [], matches: [], created: 0 });
    expect(report.cases.map((c) => [c.imdiCaseId, c.persons, c.outcome, c.household])).toEqual([
      ['IMDI-2026-004711', 5, 'ready', null],
      ['IMDI-2026-004712', 1, 'ready', null],
      ['IMDI-2026-004713', 1, 'ready', null],
      ['IMDI-2026-004714', 3, 'ready', null],
      ['IMDI-2026-004715', 2, 'ready', null],
    ]);
    expect(await counts(a.tenantId)).toEqual(before);
  });
});

describe('committing the example proposal', () => {
  let report: IntakeResponse;

  it('creates a proposed household per case with its persons, members, first event, mapping notes and batch', async () => {
    const response = await post(exampleJson, { mode: 'commit' });
    expect(response.statusCode, response.body).toBe(200);
    report = parseOk(response.body);
    expect(report.created).toBe(5);
    expect(report.batchId).not.toBeNull();
    expect(report.cases.every((c) => c.outcome === 'created' && c.household !== null)).toBe(true);
    expect(new Set(report.cases.map((c) => c.household!.reference)).size).toBe(5);
    for (const c of report.cases) expect(c.household!.reference).toMatch(/^H-2026-\d{4}$/);

    expect(await counts(a.tenantId)).toMatchObject({
      households: 5,
      persons: 12,
      members: 12,
      events: 5,
      special: 2,
      batches: 1,
    });

    await withTenant(db.app, { tenantId: a.tenantId }, async (trx) => {
      const households = await trx.selectFrom('app.household').selectAll().orderBy('imdi_case_id').execute();
      expect(
        households.map((h) => [h.imdi_case_id, h.category, h.pipeline_state, h.proposed_on, h.residence_permit_date]),
      ).toEqual([
        ['IMDI-2026-004711', 'resettlement_refugee', 'proposed', '2026-11-02', '2026-09-15'],
        ['IMDI-2026-004712', 'from_reception_centre', 'proposed', '2026-11-04', '2026-07-01'],
        ['IMDI-2026-004713', 'unaccompanied_minor', 'proposed', '2026-11-05', '2026-10-01'],
        ['IMDI-2026-004714', 'from_reception_centre', 'proposed', '2026-11-06', '2026-08-20'],
        ['IMDI-2026-004715', 'from_reception_centre', 'proposed', '2026-11-09', '2026-06-12'],
      ]);
      expect(households.every((h) => h.responsible_unit_id === a.unitId && h.created_by === a.users.bosetter.id)).toBe(
        true,
      );
      expect(households[0]!.reception_centre).toBeNull();
      expect(households[1]!.reception_centre).toBe('Fjellro asylmottak');
      // The EM is proposed without a guardian: the guardian is appointed later.
      expect(households[2]!.guardian_name).toBeNull();

      const events = await trx.selectFrom('app.pipeline_event').selectAll().execute();
      expect(
        events.every((e) => e.from_state === null && e.to_state === 'proposed' && e.reason === 'IMDi-forslag'),
      ).toBe(true);
      expect(events.every((e) => e.actor_user_id === a.users.bosetter.id)).toBe(true);
      const byHousehold = new Map(households.map((h) => [h.id, h]));
      expect(events.every((e) => e.effective_on === byHousehold.get(e.household_id)!.proposed_on)).toBe(true);

      // The Syrian family: main person, spouse and three children, names as written, NFC.
      const syrian = households[0]!;
      const members = await trx
        .selectFrom('app.household_member as m')
        .innerJoin('app.person as p', (j) =>
          j.onRef('p.tenant_id', '=', 'm.tenant_id').onRef('p.id', '=', 'm.person_id'),
        )
        .select([
          'm.relation',
          'm.joined_on',
          'm.left_on',
          'p.id',
          'p.full_name',
          'p.transliteration',
          'p.birth_date',
          'p.birth_date_precision',
          'p.refugee_category',
          'p.nationality',
          'p.identity_number',
          'p.duf_number',
        ])
        .where('m.household_id', '=', syrian.id)
        .orderBy('p.birth_date')
        .execute();
      expect(members.map((m) => [m.relation, m.transliteration, m.birth_date, m.birth_date_precision])).toEqual([
        ['main', 'Ahmad Al-Khatib', '1984-05-12', 'exact'],
        ['spouse', 'Rana Al-Halabi', '1988-01-01', 'jan1_convention'],
        ['child', 'Layan Al-Khatib', '2011-08-30', 'exact'],
        ['child', 'Omar Al-Khatib', '2014-03-03', 'exact'],
        ['child', 'Yusuf Al-Khatib', '2019-01-01', 'year'],
      ]);
      expect(members[0]!.full_name).toBe('أحمد الخطيب'.normalize('NFC'));
      expect(members.every((m) => m.refugee_category === 'resettlement_refugee' && m.nationality === 'SYR')).toBe(true);
      expect(members.every((m) => m.joined_on === '2026-11-02' && m.left_on === null)).toBe(true);
      // The youngest has neither identity number nor DUF yet.
      expect(members[4]!.identity_number).toBeNull();
      expect(members[4]!.duf_number).toBeNull();

      const languages = await trx
        .selectFrom('app.person_language')
        .selectAll()
        .where('person_id', '=', members[0]!.id)
        .orderBy('code')
        .execute();
      expect(languages.map((l) => [l.code, l.interpreter_needed, l.preferred_for_letters])).toEqual([
        ['ar', true, true],
        ['en', false, false],
      ]);

      // IMDi's kartlegging: special-category store, for the main person, with its legal basis.
      const records = await trx.selectFrom('app.special_category_record').selectAll().execute();
      const mainOfSyrian = records.find((r) => r.person_id === members[0]!.id);
      expect(mainOfSyrian).toMatchObject({
        category: 'functional_needs',
        legal_basis: 'integration_act',
        source: 'imdi_intake',
        recorded_by: a.users.bosetter.id,
      });
      expect(mainOfSyrian!.details).toContain('rullestol');

      const batch = await trx.selectFrom('app.intake_batch').selectAll().executeTakeFirstOrThrow();
      expect(batch).toMatchObject({
        id: report.batchId,
        file_name: 'forslag.json',
        format: 'json',
        cases_total: 5,
        cases_created: 5,
        problems: 0,
        imported_by: a.users.bosetter.id,
        file_sha256: createHash('sha256').update(exampleJson).digest('hex'),
      });

      const audit = await trx.selectFrom('app.audit_log').select(['action', 'entity', 'subject_type']).execute();
      expect(audit.filter((e) => e.action === 'import' && e.entity === 'imdi_intake')).toHaveLength(1);
      expect(audit.filter((e) => e.action === 'create' && e.subject_type === 'household')).toHaveLength(5);
      expect(audit.filter((e) => e.action === 'create' && e.subject_type === 'person')).toHaveLength(12);
    });
  });

  it('logs no name, number or mapping note', () => {
    const logs = t.logs.join('\n');
    for (const secret of ['Ahmad', 'الخطيب', 'rullestol', 'Kovalenko', ...exampleJson.match(/[0-9]{11,12}/g)!]) {
      expect(logs).not.toContain(secret);
    }
  });

  it('a re-import of the same file is refused case by case as existing, and nothing is duplicated', async () => {
    const before = await counts(a.tenantId);
    const validated = parseOk((await post(exampleJson)).body);
    expect(validated.cases.every((c) => c.outcome === 'existing')).toBe(true);
    expect(validated.cases.map((c) => c.household?.reference)).toEqual(report.cases.map((c) => c.household!.reference));
    expect(validated.problems.map((p) => [p.caseRef, p.path, p.code])).toEqual(
      report.cases.map((c, i) => [c.imdiCaseId, `/cases/${i}/imdiCaseId`, 'intake.case_exists']),
    );

    const committed = await post(exampleJson, { mode: 'commit' });
    expect(committed.statusCode, committed.body).toBe(422);
    expect(committed.headers['content-type']).toMatch(/^application\/problem\+json/);
    const problem = committed.json();
    expect(problem.code).toBe('intake.cases_invalid');
    expect(problem.errors).toEqual(
      report.cases.map((_c, i) => ({ pointer: `/cases/${i}/imdiCaseId`, code: 'intake.case_exists' })),
    );
    // Also as CSV: the same cases, reported on their rows.
    const csv = await post(exampleCsv, { format: 'csv', mode: 'commit', onExisting: 'link' });
    expect(csv.statusCode, csv.body).toBe(422);
    expect(csv.json().errors.map((e: { pointer: string }) => e.pointer)).toEqual([
      '/rows/2/imdi_case_id',
      '/rows/7/imdi_case_id',
      '/rows/8/imdi_case_id',
      '/rows/9/imdi_case_id',
      '/rows/12/imdi_case_id',
    ]);
    expect(await counts(a.tenantId)).toEqual(before);
  });
});

describe('a file with bad rows and duplicates', () => {
  const sharedFnr = fnr('1992-02-02');
  const goodDuf = duf();
  const bad = () =>
    jsonFile([
      aCase('BAD-1', [adult('P1', { identityNumber: sharedFnr })]),
      aCase('BAD-2', [adult('P1', { identityNumber: sharedFnr, fullName: 'Dawit' })]),
      aCase('BAD-3', [adult('P1', { identityNumber: '12345678901' })]),
      aCase('BAD-4', [adult('P1', { dufNumber: `${goodDuf.slice(0, 11)}${(Number(goodDuf[11]) + 1) % 10}` })]),
      aCase('BAD-5', [adult('P1')], { proposedOn: '2026-12-24', residencePermitDate: '2027-01-01' }),
      aCase('BAD-6', [adult('P1')], { category: 'economic_migrant' }),
      aCase('BAD-7', [adult('P1', { relation: 'spouse', isMainPerson: false })]),
      aCase('GOOD-1', [adult('P1', { dufNumber: goodDuf })]),
    ]);

  it('validate reports each problem with its code and path, no personal data, and writes nothing', async () => {
    const before = await counts(a.tenantId);
    const response = await post(bad());
    expect(response.statusCode, response.body).toBe(200);
    const report = parseOk(response.body);
    const problems = report.problems.map((p) => `${p.caseRef} ${p.path} ${p.code}`);
    expect(problems).toEqual(
      expect.arrayContaining([
        'BAD-1 /cases/0/persons/0/identityNumber import.duplicate_identity_number',
        'BAD-2 /cases/1/persons/0/identityNumber import.duplicate_identity_number',
        'BAD-3 /cases/2/persons/0/identityNumber person.identity_number_invalid',
        'BAD-4 /cases/3/persons/0/dufNumber person.duf_invalid',
        'BAD-5 /cases/4/proposedOn import.date_in_future',
        'BAD-5 /cases/4/residencePermitDate import.date_in_future',
        'BAD-6 /cases/5/category import.choice_invalid',
        'BAD-7 /cases/6/persons household.members_invalid',
      ]),
    );
    expect(report.problems.find((p) => p.caseRef === 'BAD-4')!.reason).toBe('check_digits');
    expect(report.problems.find((p) => p.caseRef === 'BAD-7')!.reason).toBe('no_main_person');
    expect(report.cases.map((c) => [c.imdiCaseId, c.outcome])).toEqual([
      ['BAD-1', 'invalid'],
      ['BAD-2', 'invalid'],
      ['BAD-3', 'invalid'],
      ['BAD-4', 'invalid'],
      ['BAD-5', 'invalid'],
      ['BAD-6', 'invalid'],
      ['BAD-7', 'invalid'],
      ['GOOD-1', 'ready'],
    ]);
    expect(response.body).not.toContain(sharedFnr);
    expect(response.body).not.toContain(goodDuf);
    expect(response.body).not.toContain('Selam');
    expect(await counts(a.tenantId)).toEqual(before);
  });

  it('commit refuses the whole file with 422 intake.cases_invalid and the report; not even the good case is written', async () => {
    const before = await counts(a.tenantId);
    const response = await post(bad(), { mode: 'commit' });
    expect(response.statusCode, response.body).toBe(422);
    const problem = response.json();
    expect(problem.code).toBe('intake.cases_invalid');
    expect(problem.errors).toEqual(
      expect.arrayContaining([
        { pointer: '/cases/2/persons/0/identityNumber', code: 'person.identity_number_invalid' },
        { pointer: '/cases/6/persons', code: 'household.members_invalid' },
      ]),
    );
    expect(response.body).not.toContain(sharedFnr);
    expect(await counts(a.tenantId)).toEqual(before);
  });

  it('the same problems come from the CSV version, on its rows and columns', async () => {
    const cases = [
      aCase('CSV-BAD', [adult('P1', { identityNumber: '12345678901' })]),
      aCase('CSV-GOOD', [adult('P1', { dufNumber: duf() })]),
    ];
    const report = parseOk((await post(csvFile(cases), { format: 'csv' })).body);
    expect(report.problems.map((p) => [p.caseRef, p.path, p.code])).toEqual([
      ['CSV-BAD', '/rows/2/identity_number', 'person.identity_number_invalid'],
    ]);
    expect(report.cases.map((c) => c.outcome)).toEqual(['invalid', 'ready']);
  });

  it('a file that is not JSON, or not the format, is one problem for the whole file', async () => {
    const notJson = parseOk((await post('{nope')).body);
    expect(notJson.problems).toEqual([{ caseRef: '', path: '', code: 'import.file_invalid' }]);
    expect(notJson.cases).toEqual([]);
    const other = await post(JSON.stringify({ format: 'imdi.v9', cases: [] }), { mode: 'commit' });
    expect(other.statusCode).toBe(422);
    expect(other.json().errors).toEqual([{ pointer: '/format', code: 'import.format_unsupported' }]);
  });

  it('a request that is not the contract is 400 request.invalid', async () => {
    const response = await call(session, 'POST', URL_, {
      fileName: 'x.json',
      content: '{}',
      format: 'xml',
      mode: 'commit',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe('request.invalid');
  });
});

describe('persons already registered in this municipality', () => {
  const knownFnr = fnr('1985-05-05');
  const knownDuf = duf(2024);
  let loneId: string;
  let tenantOfDuf: string;

  beforeAll(async () => {
    // A person with an fnr and no household (e.g. a lease party), and one with a DUF in a household.
    await withTenant(db.app, { tenantId: a.tenantId }, async (trx) => {
      loneId = (
        await insertPerson(trx, {
          tenantId: a.tenantId,
          actorUserId: null,
          environment: 'test',
          today: '2026-11-21',
          input: { fullName: 'Olena Shevchenko', identityNumber: knownFnr },
        })
      ).id;
    });
    const first = await post(jsonFile([aCase('KNOWN-1', [adult('P1', { dufNumber: knownDuf })])]), { mode: 'commit' });
    expect(first.statusCode, first.body).toBe(200);
    tenantOfDuf = parseOk(first.body).cases[0]!.household!.reference;
  });

  const file = () =>
    jsonFile([
      aCase('NEW-1', [
        adult('P1', { identityNumber: knownFnr }),
        adult('P2', { relation: 'child', isMainPerson: false, birthDate: { date: '2015', precision: 'year' } }),
      ]),
      aCase('NEW-2', [adult('P1', { dufNumber: knownDuf })]),
      aCase('NEW-3', [adult('P1')]),
    ]);

  it('validate lists the matches (same fnr, same DUF) with the household link, and the cases as existing', async () => {
    const report = parseOk((await post(file())).body);
    expect(report.problems).toEqual([]);
    expect(report.matches).toEqual([
      {
        caseRef: 'NEW-1',
        personRef: 'P1',
        path: '/cases/0/persons/0/identityNumber',
        existingPersonId: loneId,
        on: 'identity_number',
        household: null,
      },
      expect.objectContaining({
        caseRef: 'NEW-2',
        personRef: 'P1',
        path: '/cases/1/persons/0/dufNumber',
        on: 'duf_number',
        household: expect.objectContaining({ reference: tenantOfDuf }),
      }),
    ]);
    expect(report.cases.map((c) => c.outcome)).toEqual(['existing', 'existing', 'ready']);
  });

  it('commit with the default (refuse) is 409 intake.persons_exist with a link, and writes nothing', async () => {
    const before = await counts(a.tenantId);
    const response = await post(file(), { mode: 'commit' });
    expect(response.statusCode, response.body).toBe(409);
    const problem = response.json();
    expect(problem.code).toBe('intake.persons_exist');
    expect(problem.errors).toEqual([
      { pointer: '/cases/0/persons/0/identityNumber', code: 'person.identity_number_taken' },
      { pointer: '/cases/1/persons/0/dufNumber', code: 'person.duf_taken' },
    ]);
    expect(problem.conflict).toEqual({ id: loneId, reference: `P-${loneId.slice(0, 8)}` });
    expect(response.body).not.toContain(knownFnr);
    expect(await counts(a.tenantId)).toEqual(before);
  });

  it("'link' refuses a person who is in another active household (422 intake.person_in_other_household)", async () => {
    const before = await counts(a.tenantId);
    const validated = parseOk((await post(file(), { onExisting: 'link' })).body);
    expect(validated.problems).toEqual([
      { caseRef: 'NEW-2', personRef: 'P1', path: '/cases/1/persons/0', code: 'intake.person_in_other_household' },
    ]);
    expect(validated.cases.map((c) => c.outcome)).toEqual(['ready', 'invalid', 'ready']);
    const response = await post(file(), { mode: 'commit', onExisting: 'link' });
    expect(response.statusCode, response.body).toBe(422);
    expect(response.json().errors).toEqual([
      { pointer: '/cases/1/persons/0', code: 'intake.person_in_other_household' },
    ]);
    expect(await counts(a.tenantId)).toEqual(before);
  });

  it("'link' uses the existing person: no second person, the household gets them as a member", async () => {
    const before = await counts(a.tenantId);
    const content = jsonFile([
      aCase('NEW-1', [
        adult('P1', { identityNumber: knownFnr }),
        adult('P2', { relation: 'child', isMainPerson: false, birthDate: { date: '2015', precision: 'year' } }),
      ]),
    ]);
    const response = await post(content, { mode: 'commit', onExisting: 'link' });
    expect(response.statusCode, response.body).toBe(200);
    const report = parseOk(response.body);
    expect(report.cases[0]).toMatchObject({ outcome: 'created' });
    expect(report.matches.map((m) => m.existingPersonId)).toEqual([loneId]);
    const after = await counts(a.tenantId);
    expect(after.persons).toBe(before.persons + 1);
    expect(after.members).toBe(before.members + 2);
    const member = await withTenant(db.app, { tenantId: a.tenantId }, (trx) =>
      trx.selectFrom('app.household_member').selectAll().where('person_id', '=', loneId).executeTakeFirstOrThrow(),
    );
    expect(member).toMatchObject({ household_id: report.cases[0]!.household!.id, relation: 'main', left_on: null });
    // The existing record is kept as it was.
    const person = await withTenant(db.app, { tenantId: a.tenantId }, (trx) =>
      trx
        .selectFrom('app.person')
        .select(['full_name', 'refugee_category'])
        .where('id', '=', loneId)
        .executeTakeFirstOrThrow(),
    );
    expect(person).toEqual({ full_name: 'Olena Shevchenko', refugee_category: null });
  });

  it('a withdrawn case may be proposed again; linked persons leave the closed household', async () => {
    const withdrawn = await withTenant(db.app, { tenantId: a.tenantId }, (trx) =>
      trx
        .updateTable('app.household')
        .set({ pipeline_state: 'withdrawn' })
        .where('imdi_case_id', '=', 'KNOWN-1')
        .returning('id')
        .executeTakeFirstOrThrow(),
    );
    const content = jsonFile([aCase('KNOWN-1', [adult('P1', { dufNumber: knownDuf })])]);
    expect(parseOk((await post(content)).body).cases[0]!.outcome).toBe('existing');
    const response = await post(content, { mode: 'commit', onExisting: 'link' });
    expect(response.statusCode, response.body).toBe(200);
    const created = parseOk(response.body).cases[0]!.household!;
    expect(created.id).not.toBe(withdrawn.id);
    const memberships = await withTenant(db.app, { tenantId: a.tenantId }, (trx) =>
      trx
        .selectFrom('app.household_member as m')
        .innerJoin('app.person as p', (j) =>
          j.onRef('p.tenant_id', '=', 'm.tenant_id').onRef('p.id', '=', 'm.person_id'),
        )
        .select(['m.household_id', 'm.left_on'])
        .where('p.duf_number', '=', knownDuf)
        .orderBy('m.created_at')
        .execute(),
    );
    expect(memberships).toEqual([
      { household_id: withdrawn.id, left_on: '2026-11-21' },
      { household_id: created.id, left_on: null },
    ]);
  });
});

describe('another municipality', () => {
  it('its person with the same fnr is neither matched nor revealed; the person is registered here anew', async () => {
    const shared = fnr('1977-07-07');
    const foreign = await withTenant(db.app, { tenantId: b.tenantId }, (trx) =>
      insertPerson(trx, {
        tenantId: b.tenantId,
        actorUserId: null,
        environment: 'test',
        today: '2026-11-21',
        input: { fullName: 'Bodø-person', identityNumber: shared },
      }),
    );
    const content = jsonFile([aCase('CROSS-1', [adult('P1', { identityNumber: shared })])]);
    const validated = await post(content);
    expect(parseOk(validated.body)).toMatchObject({ matches: [], problems: [], cases: [{ outcome: 'ready' }] });
    const committed = await post(content, { mode: 'commit' });
    expect(committed.statusCode, committed.body).toBe(200);
    expect(committed.body).not.toContain(foreign.id);
    expect(committed.body).not.toContain(b.tenantId);
    const mine = await withTenant(db.app, { tenantId: a.tenantId }, (trx) =>
      trx.selectFrom('app.person').select('id').where('identity_number', '=', shared).execute(),
    );
    expect(mine).toHaveLength(1);
    expect(mine[0]!.id).not.toBe(foreign.id);
    // And B's import of the same case is B's own: A's household does not block it.
    const sessionB = await login(t.app, b.users.bosetter.email, TEST_PASSWORD);
    const fromB = parseOk((await post(content, { as: sessionB })).body);
    expect(fromB.cases[0]!.outcome).toBe('existing'); // B's own person with that fnr
    expect(fromB.problems).toEqual([]);
    expect(fromB.matches.map((m) => m.existingPersonId)).toEqual([foreign.id]);
  });
});

describe('CSV commit', () => {
  it('imports the CSV version of a proposal like the JSON one', async () => {
    const content = csvFile([
      aCase(
        'CSV-1',
        [
          adult('P1', {
            fullName: 'Cabdi Xasan',
            transliteration: null,
            nationality: 'SOM',
            languages: [{ code: 'so', interpreterNeeded: true, preferredForLetters: true }],
            dufNumber: duf(),
          }),
          adult('P2', {
            fullName: 'Faadumo Cali-Nuur',
            transliteration: null,
            nationality: 'SOM',
            relation: 'spouse',
            isMainPerson: false,
            languages: [],
          }),
        ],
        { mappingNotes: 'Trenger bolig på bakkeplan; "kne-operasjon" planlagt;\nflere linjer' },
      ),
    ]);
    const response = await post(content, { format: 'csv', mode: 'commit' });
    expect(response.statusCode, response.body).toBe(200);
    const report = parseOk(response.body);
    expect(report.created).toBe(1);
    await withTenant(db.app, { tenantId: a.tenantId }, async (trx) => {
      const names = await trx
        .selectFrom('app.household_member as m')
        .innerJoin('app.person as p', (j) =>
          j.onRef('p.tenant_id', '=', 'm.tenant_id').onRef('p.id', '=', 'm.person_id'),
        )
        .select(['p.full_name', 'm.relation'])
        .where('m.household_id', '=', report.cases[0]!.household!.id)
        .orderBy('m.relation')
        .execute();
      expect(names).toEqual([
        { full_name: 'Cabdi Xasan', relation: 'main' },
        { full_name: 'Faadumo Cali-Nuur', relation: 'spouse' },
      ]);
      const note = await trx
        .selectFrom('app.special_category_record as r')
        .innerJoin('app.household_member as m', (j) =>
          j.onRef('m.tenant_id', '=', 'r.tenant_id').onRef('m.person_id', '=', 'r.person_id'),
        )
        .select(['r.details', 'm.relation'])
        .where('m.household_id', '=', report.cases[0]!.household!.id)
        .executeTakeFirstOrThrow();
      expect(note).toEqual({
        details: 'Trenger bolig på bakkeplan; "kne-operasjon" planlagt;\nflere linjer',
        relation: 'main',
      });
      const batch = await trx
        .selectFrom('app.intake_batch')
        .selectAll()
        .where('id', '=', report.batchId!)
        .executeTakeFirstOrThrow();
      expect(batch).toMatchObject({ format: 'csv', cases_total: 1, cases_created: 1 });
    });
  });
});

describe('file size', () => {
  it('a file over the 1 MB default body limit is accepted; a body over the intake limit is 413 request.too_large', async () => {
    const padded = jsonFile([aCase('BIG-1', [adult('P1')])]) + ' '.repeat(1_500_000);
    const response = await post(padded);
    expect(response.statusCode, response.body.slice(0, 300)).toBe(200);
    expect(parseOk(response.body).cases).toEqual([
      { imdiCaseId: 'BIG-1', persons: 1, outcome: 'ready', household: null },
    ]);
    const tooBig = await post(
      jsonFile([aCase('BIG-2', [adult('P1')])]) + ' '.repeat(MAX_INTAKE_BYTES + 2 * 1024 * 1024),
    );
    expect(tooBig.statusCode).toBe(413);
    expect(tooBig.json().code).toBe('request.too_large');
  });
});
