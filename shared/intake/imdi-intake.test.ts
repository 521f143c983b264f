import { describe, expect, it } from 'vitest';
import { generateDufNumber } from '../domain/duf';
import { generateSyntheticIdentityNumber } from '../domain/identity';
import { createRng } from '../synthetic/rng';
import {
  findExistingMatches,
  IMDI_INTAKE_FORMAT,
  intakeCsvHeaders,
  intakeFile,
  parseIntake,
  splitCsv,
  type IntakeFile,
  type IntakePerson,
} from './imdi-intake';

// Synthetic data only: Tenor test numbers (month + 80) and generated DUF numbers. No real person.
const rng = createRng(20261122);
const tenor = (birthDate: string) => generateSyntheticIdentityNumber({ rng, birthDate, kind: 'fnr', scheme: 'tenor' });
const tenorDnr = (birthDate: string) =>
  generateSyntheticIdentityNumber({ rng, birthDate, kind: 'dnr', scheme: 'tenor' });
const duf = (year: number) => generateDufNumber({ rng, year });

const today = '2026-11-20';
const opts = { today, environment: 'test' } as const;

const lang = (code: string, interpreterNeeded = false, preferredForLetters = false) => ({
  code,
  interpreterNeeded,
  preferredForLetters,
});

function person(over: Partial<IntakePerson> & Pick<IntakePerson, 'ref' | 'fullName' | 'relation'>): IntakePerson {
  return {
    birthDate: { date: '1990-05-17', precision: 'exact' },
    nationality: 'SYR',
    languages: [lang('ar', true, true)],
    isMainPerson: over.relation === 'main',
    ...over,
  };
}

// A realistic proposal: a Syrian family (Arabic script, one year-only birth date), an Eritrean
// unaccompanied minor (Tigrinya, Ge'ez script, DUF only), a Latin-script single adult from
// Ukraine with an apostrophe in the name, and a family-reunification case (Dari, ZWNJ).
function realisticFile(): IntakeFile {
  return {
    format: IMDI_INTAKE_FORMAT,
    cases: [
      {
        imdiCaseId: 'IMDI-2026-000101',
        proposedOn: '2026-11-02',
        category: 'resettlement_refugee',
        residencePermitDate: '2026-09-15',
        receptionCentre: null,
        mappingNotes: 'Familien ønsker nærhet til skole.',
        persons: [
          person({
            ref: 'P1',
            fullName: 'محمد الأحمد',
            transliteration: 'Mohammad Al-Ahmad',
            birthDate: { date: '1985-03-04', precision: 'exact' },
            identityNumber: tenor('1985-03-04'),
            dufNumber: duf(2024),
            relation: 'main',
          }),
          person({
            ref: 'P2',
            fullName: 'فاطمة الأحمد',
            transliteration: 'Fatima Al-Ahmad',
            birthDate: { date: '1988', precision: 'year' },
            dufNumber: duf(2024),
            relation: 'spouse',
          }),
          person({
            ref: 'P3',
            fullName: 'ليلى',
            birthDate: { date: '2015-01-01', precision: 'jan1_convention' },
            identityNumber: tenorDnr('2015-01-01'),
            relation: 'child',
            languages: [lang('ar'), lang('nb')],
          }),
        ],
      },
      {
        imdiCaseId: 'IMDI-2026-000102',
        proposedOn: '2026-11-05',
        category: 'unaccompanied_minor',
        residencePermitDate: '2026-10-01',
        receptionCentre: 'Eidsvoll mottak',
        persons: [
          person({
            ref: 'P1',
            fullName: 'ዮሃንስ ተስፋይ',
            transliteration: 'Yohannes Tesfay',
            birthDate: { date: '2010', precision: 'year' },
            dufNumber: duf(2025),
            nationality: 'ERI',
            languages: [lang('ti', true, true)],
            relation: 'main',
          }),
        ],
      },
      {
        imdiCaseId: 'IMDI-2026-000103',
        proposedOn: '2026-11-10',
        category: 'from_reception_centre',
        residencePermitDate: '2026-08-30',
        receptionCentre: 'Råde mottak',
        persons: [
          person({
            ref: 'A',
            fullName: "Olena O'Brien-Kovalenko",
            birthDate: { date: '1979-12-31', precision: 'exact' },
            identityNumber: tenor('1979-12-31'),
            nationality: 'UKR',
            languages: [lang('uk', false, true), lang('en')],
            relation: 'main',
          }),
        ],
      },
      {
        imdiCaseId: 'IMDI-2026-000104',
        proposedOn: '2026-11-12',
        category: 'family_reunification',
        residencePermitDate: '2026-10-20',
        receptionCentre: null,
        persons: [
          person({
            ref: 'M',
            fullName: 'زهرا محمدی',
            transliteration: 'Zahra Mohammadi',
            birthDate: { date: '1992-07-08', precision: 'exact' },
            identityNumber: tenor('1992-07-08'),
            nationality: 'AFG',
            languages: [lang('prs', true, true)],
            relation: 'main',
          }),
          person({
            ref: 'C1',
            // ZWNJ between letters, as Dari writes it.
            fullName: 'علی‌رضا محمدی',
            birthDate: { date: '2019-02-11', precision: 'exact' },
            nationality: 'AFG',
            languages: [lang('prs')],
            relation: 'child',
          }),
          person({
            ref: 'G',
            fullName: 'فاطمه',
            birthDate: { date: '1950', precision: 'year' },
            nationality: 'AFG',
            languages: [lang('prs', true)],
            relation: 'parent',
          }),
        ],
      },
    ],
  };
}

const CSV_COLUMNS = intakeCsvHeaders;

function toCsv(file: IntakeFile): string {
  const quote = (s: string) => (/[;"\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const rows = file.cases.flatMap((c) =>
    c.persons.map((p) => {
      const cells: Record<(typeof CSV_COLUMNS)[number], string> = {
        imdi_case_id: c.imdiCaseId,
        proposed_on: c.proposedOn,
        category: c.category,
        residence_permit_date: c.residencePermitDate,
        reception_centre: c.receptionCentre ?? '',
        mapping_notes: c.mappingNotes ?? '',
        person_ref: p.ref,
        full_name: p.fullName,
        transliteration: p.transliteration ?? '',
        birth_date: p.birthDate.date,
        birth_date_precision: p.birthDate.precision,
        identity_number: p.identityNumber ?? '',
        duf_number: p.dufNumber ?? '',
        nationality: p.nationality,
        languages: p.languages.map((l) => l.code).join(','),
        interpreter_languages: p.languages
          .filter((l) => l.interpreterNeeded)
          .map((l) => l.code)
          .join(','),
        letter_language: p.languages.find((l) => l.preferredForLetters)?.code ?? '',
        relation: p.relation,
        is_main_person: p.isMainPerson ? 'true' : 'false',
      };
      return CSV_COLUMNS.map((h) => quote(cells[h])).join(';');
    }),
  );
  return [CSV_COLUMNS.join(';'), ...rows].join('\r\n') + '\r\n';
}

describe('a realistic synthetic IMDi file', () => {
  it('is valid against the JSON schema', () => {
    expect(intakeFile.safeParse(realisticFile()).success).toBe(true);
  });

  it('parses cleanly as JSON, names stored NFC and dates normalised', () => {
    const result = parseIntake(JSON.stringify(realisticFile()), { format: 'json', ...opts });
    expect(result.problems).toEqual([]);
    expect(result.cases.map((c) => c.imdiCaseId)).toEqual([
      'IMDI-2026-000101',
      'IMDI-2026-000102',
      'IMDI-2026-000103',
      'IMDI-2026-000104',
    ]);
    const [family, em, , reunification] = result.cases;
    expect(family?.persons.map((p) => p.relation)).toEqual(['main', 'spouse', 'child']);
    expect(family?.persons[1]?.birthDate).toEqual({ date: '1988-01-01', precision: 'year' });
    expect(family?.persons[0]?.identityNumberSynthetic).toBe(true);
    expect(family?.mappingNotes).toBe('Familien ønsker nærhet til skole.');
    expect(em?.category).toBe('unaccompanied_minor');
    expect(em?.persons[0]?.fullName).toBe('ዮሃንስ ተስፋይ');
    expect(em?.persons[0]?.identityNumber).toBeNull();
    expect(reunification?.persons[1]?.fullName).toBe('علی‌رضا محمدی'.normalize('NFC'));
    expect(family?.persons[0]?.path).toBe('/cases/0/persons/0');
  });

  it('parses the equivalent CSV to the same cases (apart from paths)', () => {
    const file = realisticFile();
    const json = parseIntake(JSON.stringify(file), { format: 'json', ...opts });
    const csv = parseIntake(toCsv(file), { format: 'csv', ...opts });
    expect(csv.problems).toEqual([]);
    const withoutPaths = (cases: typeof json.cases) =>
      cases.map(({ path: _p, persons, ...c }) => ({ ...c, persons: persons.map(({ path: _q, ...p }) => p) }));
    expect(withoutPaths(csv.cases)).toEqual(withoutPaths(json.cases));
    expect(csv.cases[0]?.persons[2]?.path).toBe('/rows/4');
  });

  it('reads CSV with a byte-order mark, quoted delimiters and a line break inside quotes', () => {
    const file = realisticFile();
    const first = file.cases[0];
    if (!first) throw new Error('fixture');
    first.mappingNotes = 'Linje 1; med semikolon\nLinje 2 med "sitat"';
    const result = parseIntake(`\uFEFF${toCsv(file)}`, { format: 'csv', ...opts });
    expect(result.problems).toEqual([]);
    expect(result.cases[0]?.mappingNotes).toBe('Linje 1; med semikolon\nLinje 2 med "sitat"');
    // Line numbers count physical lines: the note spans two lines in each of the family's three rows.
    expect(result.cases[1]?.path).toBe('/rows/8');
  });
});

describe('a file with duplicates and bad rows', () => {
  function badFile(): IntakeFile {
    const sharedId = tenor('1980-06-01');
    const sharedDuf = duf(2023);
    return {
      format: IMDI_INTAKE_FORMAT,
      cases: [
        {
          imdiCaseId: 'C1',
          proposedOn: '2026-11-01',
          category: 'resettlement_refugee',
          residencePermitDate: '2026-12-24', // in the future
          receptionCentre: null,
          persons: [
            person({ ref: 'P1', fullName: 'Ali', identityNumber: sharedId, relation: 'main' }),
            person({ ref: 'P2', fullName: 'Ali2', relation: 'spouse' }), // digit in name
            person({
              ref: 'P3',
              fullName: 'Sara',
              relation: 'child',
              birthDate: { date: '1970-01-01', precision: 'exact' },
            }),
          ],
        },
        {
          imdiCaseId: 'C2',
          proposedOn: '2026-11-01',
          category: 'from_reception_centre',
          residencePermitDate: '2026-10-01',
          receptionCentre: 'Mottak',
          persons: [
            person({ ref: 'X', fullName: 'Amina', identityNumber: sharedId, dufNumber: sharedDuf, relation: 'main' }),
            person({ ref: 'Y', fullName: 'Omar', dufNumber: sharedDuf, relation: 'main' }), // two main persons
          ],
        },
        {
          imdiCaseId: 'C3',
          proposedOn: '2026-11-01',
          category: 'unaccompanied_minor',
          residencePermitDate: '2026-10-01',
          receptionCentre: 'Mottak',
          persons: [
            person({
              ref: 'E',
              fullName: 'Hassan',
              birthDate: { date: '1999-01-01', precision: 'exact' }, // an adult: not an EM case
              dufNumber: '202312345600', // wrong check digits (valid ones are never 00 here by chance? checked below)
              relation: 'main',
            }),
          ],
        },
        {
          imdiCaseId: 'C4',
          proposedOn: '2026-11-01',
          category: 'self_settled_by_agreement',
          residencePermitDate: '2026-10-01',
          receptionCentre: null,
          persons: [person({ ref: 'Q', fullName: 'Nour', identityNumber: '12345678901', relation: 'main' })],
        },
        {
          imdiCaseId: 'OK',
          proposedOn: '2026-11-01',
          category: 'self_settled_by_agreement',
          residencePermitDate: '2026-10-01',
          receptionCentre: null,
          persons: [person({ ref: 'Z', fullName: 'Rami', relation: 'main' })],
        },
      ],
    };
  }

  const codesOf = (problems: { caseRef: string; personRef?: string; path: string; code: string }[]) =>
    problems.map(({ caseRef, personRef, path, code }) => ({ caseRef, personRef, path, code }));

  it('reports each problem with its path, and returns only the clean cases', () => {
    const result = parseIntake(JSON.stringify(badFile()), { format: 'json', ...opts });
    expect(result.cases.map((c) => c.imdiCaseId)).toEqual(['OK']);
    expect(codesOf(result.problems)).toEqual(
      expect.arrayContaining([
        { caseRef: 'C1', personRef: undefined, path: '/cases/0/residencePermitDate', code: 'import.date_in_future' },
        { caseRef: 'C1', personRef: 'P2', path: '/cases/0/persons/1/fullName', code: 'person.name_invalid' },
        { caseRef: 'C1', personRef: 'P3', path: '/cases/0/persons/2/relation', code: 'import.relation_inconsistent' },
        { caseRef: 'C2', personRef: undefined, path: '/cases/1/persons', code: 'household.members_invalid' },
        { caseRef: 'C3', personRef: 'E', path: '/cases/2/persons/0/dufNumber', code: 'person.duf_invalid' },
        { caseRef: 'C3', personRef: undefined, path: '/cases/2/category', code: 'import.category_inconsistent' },
        {
          caseRef: 'C4',
          personRef: 'Q',
          path: '/cases/3/persons/0/identityNumber',
          code: 'person.identity_number_invalid',
        },
        // The duplicates inside the file: both persons are named.
        {
          caseRef: 'C1',
          personRef: 'P1',
          path: '/cases/0/persons/0/identityNumber',
          code: 'import.duplicate_identity_number',
        },
        {
          caseRef: 'C2',
          personRef: 'X',
          path: '/cases/1/persons/0/identityNumber',
          code: 'import.duplicate_identity_number',
        },
        { caseRef: 'C2', personRef: 'X', path: '/cases/1/persons/0/dufNumber', code: 'import.duplicate_duf_number' },
        { caseRef: 'C2', personRef: 'Y', path: '/cases/1/persons/1/dufNumber', code: 'import.duplicate_duf_number' },
      ]),
    );
    expect(result.problems.find((p) => p.code === 'household.members_invalid')?.reason).toBe('several_main_persons');
    expect(result.problems.find((p) => p.code === 'person.duf_invalid')?.reason).toBe('check_digits');
    // Nothing about the clean case, and no personal data in any problem.
    expect(result.problems.filter((p) => p.caseRef === 'OK')).toEqual([]);
    expect(JSON.stringify(result.problems)).not.toMatch(/Ali|Amina|[0-9]{11}/);
  });

  it('reports the same problems in CSV, pointing at line and column', () => {
    const result = parseIntake(toCsv(badFile()), { format: 'csv', ...opts });
    expect(result.cases.map((c) => c.imdiCaseId)).toEqual(['OK']);
    expect(codesOf(result.problems)).toEqual(
      expect.arrayContaining([
        { caseRef: 'C1', personRef: undefined, path: '/rows/2/residence_permit_date', code: 'import.date_in_future' },
        { caseRef: 'C1', personRef: 'P2', path: '/rows/3/full_name', code: 'person.name_invalid' },
        { caseRef: 'C2', personRef: 'X', path: '/rows/5/identity_number', code: 'import.duplicate_identity_number' },
        { caseRef: 'C2', personRef: 'Y', path: '/rows/6/duf_number', code: 'import.duplicate_duf_number' },
        { caseRef: 'C4', personRef: 'Q', path: '/rows/8/identity_number', code: 'person.identity_number_invalid' },
      ]),
    );
  });

  it('reports structural problems per field and keeps the other cases', () => {
    const file = realisticFile() as unknown as { cases: Record<string, unknown>[] };
    const bad = file.cases[0] as { category: string; persons: Record<string, unknown>[] };
    bad.category = 'tourist';
    delete bad.persons[1]?.birthDate;
    (bad.persons[2] as Record<string, unknown>).gender = 'f';
    const result = parseIntake(JSON.stringify(file), { format: 'json', ...opts });
    expect(result.cases).toHaveLength(3);
    expect(codesOf(result.problems)).toEqual([
      { caseRef: 'IMDI-2026-000101', personRef: undefined, path: '/cases/0/category', code: 'import.choice_invalid' },
      {
        caseRef: 'IMDI-2026-000101',
        personRef: 'P2',
        path: '/cases/0/persons/1/birthDate',
        code: 'import.value_required',
      },
      { caseRef: 'IMDI-2026-000101', personRef: 'P3', path: '/cases/0/persons/2/gender', code: 'import.field_unknown' },
    ]);
  });

  it('finds a case id used twice, and CSV rows of one case that disagree on case columns', () => {
    const file = realisticFile();
    const [a, b] = file.cases;
    if (!a || !b) throw new Error('fixture');
    b.imdiCaseId = a.imdiCaseId;
    const json = parseIntake(JSON.stringify(file), { format: 'json', ...opts });
    expect(json.problems.map((p) => [p.path, p.code])).toEqual([['/cases/1/imdiCaseId', 'import.duplicate_case']]);
    expect(json.cases.map((c) => c.imdiCaseId)).toEqual(['IMDI-2026-000103', 'IMDI-2026-000104']);

    const lines = toCsv(realisticFile()).split('\r\n');
    lines[2] = (lines[2] ?? '').replace('2026-09-15', '2026-09-16');
    const csv = parseIntake(lines.join('\r\n'), { format: 'csv', ...opts });
    expect(csv.problems.map((p) => [p.path, p.code])).toEqual([
      ['/rows/3/residence_permit_date', 'import.case_columns_inconsistent'],
    ]);
  });

  it('refuses a file that is not the format, and a CSV without the documented headers', () => {
    expect(parseIntake('{not json', { format: 'json', ...opts }).problems).toEqual([
      { caseRef: '', path: '', code: 'import.file_invalid' },
    ]);
    expect(
      parseIntake(JSON.stringify({ format: 'husly.imdi-intake.v0', cases: [] }), { format: 'json', ...opts })
        .problems[0]?.code,
    ).toBe('import.format_unsupported');
    const noNationality = toCsv(realisticFile()).replace(';nationality;', ';land;');
    const result = parseIntake(noNationality, { format: 'csv', ...opts });
    expect(result.cases).toEqual([]);
    expect(result.problems).toEqual([{ caseRef: '', path: '/rows/1/nationality', code: 'import.columns_missing' }]);
  });

  it('refuses an interpreter or letter language the person does not have (CSV)', () => {
    const lines = toCsv(realisticFile()).split('\r\n');
    lines[1] = (lines[1] ?? '').replace(';ar;ar;ar;', ';ar;ti;ar;');
    const result = parseIntake(lines.join('\r\n'), { format: 'csv', ...opts });
    expect(result.problems.map((p) => [p.path, p.code])).toEqual([
      ['/rows/2/interpreter_languages', 'import.language_inconsistent'],
    ]);
  });
});

describe('person and household rules inside a case', () => {
  it('refuses a repeated person ref, isMainPerson against relation, and a 01.01 date that is not 1 January', () => {
    const file = realisticFile();
    const family = file.cases[0];
    if (!family) throw new Error('fixture');
    const [p1, p2, p3] = family.persons;
    if (!p1 || !p2 || !p3) throw new Error('fixture');
    p2.ref = 'P1';
    p3.isMainPerson = true;
    p3.birthDate = { date: '2015-03-01', precision: 'jan1_convention' };
    const result = parseIntake(JSON.stringify(file), { format: 'json', ...opts });
    expect(result.problems.map((p) => [p.personRef, p.path, p.code, p.reason])).toEqual([
      ['P1', '/cases/0/persons/1/ref', 'import.duplicate_person_ref', undefined],
      ['P3', '/cases/0/persons/2/birthDate/date', 'person.birth_date_invalid', 'not_first_of_january'],
      ['P3', '/cases/0/persons/2/isMainPerson', 'import.main_person_inconsistent', undefined],
    ]);
    expect(result.cases.map((c) => c.imdiCaseId)).not.toContain('IMDI-2026-000101');
  });

  it('accepts a large multi-generation household', () => {
    const file = realisticFile();
    const reunification = file.cases[3];
    if (!reunification) throw new Error('fixture');
    for (let i = 0; i < 9; i++) {
      reunification.persons.push(
        person({
          ref: `K${i}`,
          fullName: `رضا-${'ابجدهوزحطي'[i] ?? ''}`,
          birthDate: { date: `20${10 + i}`, precision: 'year' },
          relation: i < 7 ? 'child' : 'grandchild',
          nationality: 'AFG',
          languages: [],
        }),
      );
    }
    const result = parseIntake(JSON.stringify(file), { format: 'json', ...opts });
    expect(result.problems).toEqual([]);
    expect(result.cases[3]?.persons).toHaveLength(12);
  });
});

describe('environment', () => {
  it('production refuses synthetic (Tenor) numbers; persons without a number are accepted', () => {
    const result = parseIntake(JSON.stringify(realisticFile()), { format: 'json', today, environment: 'production' });
    const refused = result.problems.filter((p) => p.code === 'person.identity_number_invalid');
    expect(refused.map((p) => [p.caseRef, p.personRef, p.reason])).toEqual([
      ['IMDI-2026-000101', 'P1', 'synthetic_in_production'],
      ['IMDI-2026-000101', 'P3', 'synthetic_in_production'],
      ['IMDI-2026-000103', 'A', 'synthetic_in_production'],
      ['IMDI-2026-000104', 'M', 'synthetic_in_production'],
    ]);
    expect(result.problems).toHaveLength(4);
    // The EM case has a DUF number only and is accepted in production too.
    expect(result.cases.map((c) => c.imdiCaseId)).toEqual(['IMDI-2026-000102']);
  });

  it('an unknown environment name gets the production rule (fails closed)', () => {
    const result = parseIntake(JSON.stringify(realisticFile()), { format: 'json', today, environment: 'staging' });
    expect(result.problems.some((p) => p.reason === 'synthetic_in_production')).toBe(true);
  });
});

describe('findExistingMatches', () => {
  it('matches on the same identity number or the same DUF number, and nothing else', () => {
    const file = realisticFile();
    const { cases } = parseIntake(JSON.stringify(file), { format: 'json', ...opts });
    const family = file.cases[0]?.persons ?? [];
    const matches = findExistingMatches(cases, [
      { id: 'e1', identityNumber: family[0]?.identityNumber ?? null },
      { id: 'e2', dufNumber: ` ${family[1]?.dufNumber ?? ''} ` },
      { id: 'e3', identityNumber: tenor('1960-01-01'), dufNumber: duf(2020) },
      { id: 'e4' },
    ]);
    expect(matches).toEqual([
      {
        caseRef: 'IMDI-2026-000101',
        personRef: 'P1',
        path: '/cases/0/persons/0',
        existingId: 'e1',
        on: 'identity_number',
      },
      { caseRef: 'IMDI-2026-000101', personRef: 'P2', path: '/cases/0/persons/1', existingId: 'e2', on: 'duf_number' },
    ]);
  });
});

describe('splitCsv', () => {
  it('refuses an unterminated quote and a stray quote', () => {
    expect(splitCsv('a;"b')).toBeUndefined();
    expect(splitCsv('a;b"c')).toBeUndefined();
    expect(splitCsv('a;"b;c"\n\n1;2')).toEqual({
      records: [
        ['a', 'b;c'],
        ['1', '2'],
      ],
      lines: [1, 3],
    });
  });
});
