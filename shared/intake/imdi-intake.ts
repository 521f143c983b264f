// Intake of the persons IMDi proposes for settlement (issue 5 item 5; requirements P3 R3.1:
// "Information on each person arrives via IMDinett"). Pure: no database, no I/O.
//
// IMDi publishes no schema for what IMDinett hands a municipality, so Husly defines its own
// versioned file format, `husly.imdi-intake.v1`, as JSON and as an equivalent CSV (one row per
// person, case columns repeated). docs/imdi-intake-format.md documents both.
//
// parseIntake validates a file with the pure person rules (names, identity numbers, DUF numbers,
// birth dates, household members) and finds duplicates INSIDE the file (the same identity number
// or DUF number on two persons). It returns the cases that have no problem at all; a case with
// any problem is left out whole, so a family is never imported in part. findExistingMatches
// compares the parsed persons with persons already registered (the server passes the
// municipality's own persons only, never another municipality's).
//
// Problems carry no personal data: a case reference (IMDi's case id, or `#n` when it has none),
// a person reference (the file's `ref`), a path and a code — never the offending value.

import { z } from 'zod';
import { isMinorOn, validateBirthDate, type BirthDate, type BirthDatePrecision } from '../domain/birth-date';
import { isCalendarDate, type CalendarDate } from '../domain/calendar-date';
import { validateDufNumber } from '../domain/duf';
import { validateMembers, type Relation } from '../domain/household-composition';
import { validateIdentityNumberForRegistration, type Environment } from '../domain/identity-rules';
import { validateName, validateTransliteration } from '../domain/person-names';

export const IMDI_INTAKE_FORMAT = 'husly.imdi-intake.v1';

/** Refugee categories (issue 5 item 1). */
export const refugeeCategories = [
  'resettlement_refugee',
  'from_reception_centre',
  'unaccompanied_minor',
  'family_reunification',
  'self_settled_by_agreement',
] as const;
export type RefugeeCategory = (typeof refugeeCategories)[number];

/** Relation to the case's main person; the same values as household-composition.ts. */
export const intakeRelations = [
  'main',
  'spouse',
  'child',
  'parent',
  'sibling',
  'grandchild',
  'other',
] as const satisfies readonly Relation[];

export const birthDatePrecisions = [
  'exact',
  'year',
  'jan1_convention',
] as const satisfies readonly BirthDatePrecision[];

// Plausibility limits (Husly's, not IMDi's): a large multi-generation household fits easily.
export const MAX_INTAKE_CASES = 2_000;
export const MAX_PERSONS_PER_CASE = 40;
export const MAX_INTAKE_PERSONS = 10_000;
export const MAX_MAPPING_NOTES_LENGTH = 8_000;

/**
 * Every code a problem can have. Codes the person rules use elsewhere keep their code
 * (person.*, household.*); problems only a file can have are import.*.
 */
export const intakeProblemCodes = [
  'import.file_invalid',
  'import.format_unsupported',
  'import.columns_missing',
  'import.too_many_rows',
  'import.value_required',
  'import.choice_invalid',
  'import.date_invalid',
  'import.boolean_invalid',
  'import.too_long',
  'import.field_unknown',
  'import.value_invalid',
  'import.date_in_future',
  'import.duplicate_case',
  'import.duplicate_person_ref',
  'import.duplicate_identity_number',
  'import.duplicate_duf_number',
  'import.case_columns_inconsistent',
  'import.main_person_inconsistent',
  'import.relation_inconsistent',
  'import.category_inconsistent',
  'import.language_inconsistent',
  'person.name_invalid',
  'person.identity_number_invalid',
  'person.duf_invalid',
  'person.birth_date_invalid',
  'household.members_invalid',
] as const;
export type IntakeProblemCode = (typeof intakeProblemCodes)[number];

export type IntakeProblem = {
  /** IMDi's case id, or `#n` (1-based position in the file) when the case has none. */
  caseRef: string;
  personRef?: string;
  /** JSON Pointer into the JSON document, or `/rows/<line>/<column>` into the CSV file. */
  path: string;
  code: IntakeProblemCode;
  /** The rule's reason where it gives one (e.g. 'synthetic_in_production', 'check_digits'). */
  reason?: string;
};

// ---------------------------------------------------------------------------------------------
// Zod schemas (structure only; the person rules run after)

// A zod custom message that is one of our codes becomes the problem's code.
const isoDate = z.string().refine(isCalendarDate, 'import.date_invalid');
const text = (max: number) => z.string().trim().min(1, 'import.value_required').max(max, 'import.too_long');

export const intakeLanguage = z.strictObject({
  /** ISO 639-1 (two letters) or ISO 639-3 (three letters, e.g. 'tir', 'prs'), lower case. */
  code: z.string().regex(/^[a-z]{2,3}$/, 'import.value_invalid'),
  interpreterNeeded: z.boolean(),
  preferredForLetters: z.boolean(),
});

export const intakePerson = z.strictObject({
  /** The person's reference inside the case (unique within the case), e.g. 'P1'. */
  ref: text(64),
  fullName: z.string().max(1_000, 'import.too_long'),
  transliteration: z.string().max(1_000, 'import.too_long').nullish(),
  birthDate: z.strictObject({
    /** 'YYYY-MM-DD', or for precision 'year' 'YYYY'. */
    date: z.string().max(10, 'import.date_invalid'),
    precision: z.enum(birthDatePrecisions),
  }),
  identityNumber: z.string().max(20, 'import.too_long').nullish(),
  dufNumber: z.string().max(20, 'import.too_long').nullish(),
  /** ISO 3166-1 alpha-3, upper case ('SYR', 'ERI'; 'XXA' stateless, 'XXX' unknown as on travel documents). */
  nationality: z.string().regex(/^[A-Z]{3}$/, 'import.value_invalid'),
  languages: z.array(intakeLanguage).max(20, 'import.too_long'),
  relation: z.enum(intakeRelations),
  isMainPerson: z.boolean(),
});
export type IntakePerson = z.infer<typeof intakePerson>;

export const intakeCase = z.strictObject({
  imdiCaseId: text(64).regex(/^[A-Za-z0-9][A-Za-z0-9._/-]*$/, 'import.value_invalid'),
  proposedOn: isoDate,
  category: z.enum(refugeeCategories),
  residencePermitDate: isoDate,
  /** The reception centre (mottak) the persons live in; null when none (e.g. resettlement, self-settled). */
  receptionCentre: text(200).nullish(),
  persons: z.array(intakePerson).min(1, 'import.value_required').max(MAX_PERSONS_PER_CASE, 'import.too_long'),
  /**
   * The mapping information IMDi may share (kartlegging). May hold special-category data
   * (health, functional needs): the shell stores it only in the special-category store.
   */
  mappingNotes: z.string().max(MAX_MAPPING_NOTES_LENGTH, 'import.too_long').nullish(),
});
export type IntakeCase = z.infer<typeof intakeCase>;

export const intakeFile = z.strictObject({
  format: z.literal(IMDI_INTAKE_FORMAT),
  cases: z.array(intakeCase).min(1).max(MAX_INTAKE_CASES),
});
export type IntakeFile = z.infer<typeof intakeFile>;

/** CSV headers, in the documented order. All are required in the header row; values may be empty where the doc says so. */
export const intakeCsvHeaders = [
  'imdi_case_id',
  'proposed_on',
  'category',
  'residence_permit_date',
  'reception_centre',
  'mapping_notes',
  'person_ref',
  'full_name',
  'transliteration',
  'birth_date',
  'birth_date_precision',
  'identity_number',
  'duf_number',
  'nationality',
  'languages',
  'interpreter_languages',
  'letter_language',
  'relation',
  'is_main_person',
] as const;
export type IntakeCsvHeader = (typeof intakeCsvHeaders)[number];

const CASE_COLUMNS = [
  'imdi_case_id',
  'proposed_on',
  'category',
  'residence_permit_date',
  'reception_centre',
  'mapping_notes',
] as const satisfies readonly IntakeCsvHeader[];

/** One CSV row as read (every header present, values as text). */
export const intakeCsvRow = z.strictObject(
  Object.fromEntries(intakeCsvHeaders.map((h) => [h, z.string()])) as Record<IntakeCsvHeader, z.ZodString>,
);
export type IntakeCsvRow = z.infer<typeof intakeCsvRow>;

// ---------------------------------------------------------------------------------------------
// Result types

export type ParsedLanguage = { code: string; interpreterNeeded: boolean; preferredForLetters: boolean };

export type ParsedPerson = {
  ref: string;
  /** Where the person is in the file (for messages about matches). */
  path: string;
  fullName: string;
  transliteration: string | null;
  birthDate: BirthDate;
  identityNumber: string | null;
  /** Whether the identity number is a synthetic test number (never in production). */
  identityNumberSynthetic: boolean;
  dufNumber: string | null;
  nationality: string;
  languages: ParsedLanguage[];
  relation: Relation;
  isMainPerson: boolean;
};

export type ParsedCase = {
  imdiCaseId: string;
  path: string;
  proposedOn: CalendarDate;
  category: RefugeeCategory;
  residencePermitDate: CalendarDate;
  receptionCentre: string | null;
  mappingNotes: string | null;
  persons: ParsedPerson[];
};

export type IntakeResult = { cases: ParsedCase[]; problems: IntakeProblem[] };

export type ParseIntakeOptions = { format: 'json' | 'csv'; today: CalendarDate; environment: Environment | string };

// ---------------------------------------------------------------------------------------------
// Paths: one case as a structure plus a function giving the path of any field in the file.

type Located = {
  value: unknown;
  /** The path of a field, given as its path in the JSON shape of one case. */
  pathOf: (jsonPath: readonly PropertyKey[]) => string;
  /** Problems found while reading (CSV only). */
  readProblems: IntakeProblem[];
  fallbackRef: string;
};

const pointerEscape = (s: string) => s.replace(/~/g, '~0').replace(/\//g, '~1');
const pointer = (parts: readonly PropertyKey[]) =>
  parts.map((p) => `/${pointerEscape(typeof p === 'symbol' ? '' : String(p))}`).join('');

function codeOfIssue(issue: z.core.$ZodIssue, input: unknown): IntakeProblemCode {
  if ((intakeProblemCodes as readonly string[]).includes(issue.message)) return issue.message as IntakeProblemCode;
  switch (issue.code) {
    case 'invalid_type':
      return input === undefined || input === null ? 'import.value_required' : 'import.value_invalid';
    case 'invalid_value':
      return 'import.choice_invalid';
    case 'unrecognized_keys':
      return 'import.field_unknown';
    case 'too_big':
      return 'import.too_long';
    case 'too_small':
      return 'import.value_required';
    default:
      return 'import.value_invalid';
  }
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = root;
  for (const key of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return v;
}

function refOf(value: unknown, key: string): string | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  const ref = (value as Record<string, unknown>)[key];
  return typeof ref === 'string' && ref.trim() !== '' ? ref.trim() : undefined;
}

// ---------------------------------------------------------------------------------------------
// Validation of one structurally valid case with the person rules

function validateCase(
  c: IntakeCase,
  loc: Located,
  { today, environment }: Omit<ParseIntakeOptions, 'format'>,
): { parsed: ParsedCase; problems: IntakeProblem[] } {
  const caseRef = c.imdiCaseId;
  const problems: IntakeProblem[] = [];
  const add = (path: readonly PropertyKey[], code: IntakeProblemCode, personRef?: string, reason?: string) =>
    problems.push({
      caseRef,
      ...(personRef !== undefined ? { personRef } : {}),
      path: loc.pathOf(path),
      code,
      ...(reason !== undefined ? { reason } : {}),
    });

  if (c.proposedOn > today) add(['proposedOn'], 'import.date_in_future');
  // The permit comes first: IMDi proposes settlement of persons who have a permit.
  if (c.residencePermitDate > today) add(['residencePermitDate'], 'import.date_in_future');

  const persons: ParsedPerson[] = [];
  const refs = new Set<string>();
  c.persons.forEach((p, i) => {
    const at = (...rest: PropertyKey[]) => ['persons', i, ...rest];
    const ref = p.ref;
    if (refs.has(ref)) add(at('ref'), 'import.duplicate_person_ref', ref);
    refs.add(ref);

    const name = validateName(p.fullName);
    if (!name.ok) add(at('fullName'), name.code, ref, name.reason);
    let transliteration: string | null = null;
    if (p.transliteration != null && p.transliteration.trim() !== '') {
      const t = validateTransliteration(p.transliteration);
      if (t.ok) transliteration = t.value;
      else add(at('transliteration'), t.code, ref, t.reason);
    }
    const birth = validateBirthDate({ date: p.birthDate.date, precision: p.birthDate.precision, today });
    if (!birth.ok) add(at('birthDate', 'date'), birth.code, ref, birth.reason);

    let identityNumber: string | null = null;
    let identityNumberSynthetic = false;
    if (p.identityNumber != null && p.identityNumber.trim() !== '') {
      const id = validateIdentityNumberForRegistration(p.identityNumber, { environment });
      if (id.ok) {
        identityNumber = id.value;
        identityNumberSynthetic = id.synthetic !== false;
      } else add(at('identityNumber'), id.code, ref, id.reason);
    }
    let dufNumber: string | null = null;
    if (p.dufNumber != null && p.dufNumber.trim() !== '') {
      const duf = validateDufNumber(p.dufNumber, { today });
      if (duf.ok) dufNumber = duf.value;
      else add(at('dufNumber'), duf.code, ref, duf.reason);
    }

    const codes = new Set<string>();
    p.languages.forEach((l, j) => {
      if (codes.has(l.code)) add(at('languages', j, 'code'), 'import.language_inconsistent', ref, 'duplicate');
      codes.add(l.code);
    });
    if (p.languages.filter((l) => l.preferredForLetters).length > 1) {
      add(at('languages'), 'import.language_inconsistent', ref, 'several_letter_languages');
    }

    if (p.isMainPerson !== (p.relation === 'main')) add(at('isMainPerson'), 'import.main_person_inconsistent', ref);

    persons.push({
      ref,
      path: loc.pathOf(at()),
      fullName: name.ok ? name.value : p.fullName,
      transliteration,
      birthDate: birth.ok ? birth.value : { date: p.birthDate.date, precision: p.birthDate.precision },
      identityNumber,
      identityNumberSynthetic,
      dufNumber,
      nationality: p.nationality,
      languages: p.languages.map((l) => ({ ...l })),
      relation: p.relation,
      isMainPerson: p.isMainPerson,
    });
  });

  // Household: exactly one main person, at most one spouse (household-composition.ts).
  const members = validateMembers(c.persons.map((p) => ({ relation: p.relation, birthDate: null })));
  if (!members.ok) add(['persons'], members.code, undefined, members.reason);

  // Relations against birth dates, where both are valid: a child is younger than the main
  // person, a parent older. Year-only dates compare by year (equal years prove nothing).
  const mainIndex = c.persons.findIndex((p) => p.relation === 'main');
  const validBirth = (i: number) => {
    const p = c.persons[i];
    if (!p) return undefined;
    const b = validateBirthDate({ date: p.birthDate.date, precision: p.birthDate.precision, today });
    return b.ok ? b.value : undefined;
  };
  const mainBirth = mainIndex >= 0 ? validBirth(mainIndex) : undefined;
  if (mainBirth) {
    c.persons.forEach((p, i) => {
      const b = validBirth(i);
      if (!b || i === mainIndex) return;
      const approx = b.precision === 'year' || mainBirth.precision === 'year';
      const key = (d: BirthDate) => (approx ? d.date.slice(0, 4) : d.date);
      const wrong =
        ((p.relation === 'child' || p.relation === 'grandchild') &&
          key(b) <= key(mainBirth) &&
          !(approx && key(b) === key(mainBirth))) ||
        (p.relation === 'parent' && key(b) >= key(mainBirth) && !(approx && key(b) === key(mainBirth)));
      if (wrong) add(['persons', i, 'relation'], 'import.relation_inconsistent', p.ref);
    });
    // An EM case (enslig mindreårig) has a minor as its main person on the proposal date.
    if (c.category === 'unaccompanied_minor' && !isMinorOn(mainBirth, c.proposedOn)) {
      add(['category'], 'import.category_inconsistent');
    }
  }

  return {
    parsed: {
      imdiCaseId: c.imdiCaseId,
      path: loc.pathOf([]),
      proposedOn: c.proposedOn,
      category: c.category,
      residencePermitDate: c.residencePermitDate,
      receptionCentre: c.receptionCentre ?? null,
      mappingNotes: c.mappingNotes != null && c.mappingNotes.trim() !== '' ? c.mappingNotes : null,
      persons,
    },
    problems,
  };
}

// ---------------------------------------------------------------------------------------------
// Reading JSON

function readJson(input: string): { located: Located[]; problems: IntakeProblem[] } {
  const fileProblem = (code: IntakeProblemCode, path = ''): { located: Located[]; problems: IntakeProblem[] } => ({
    located: [],
    problems: [{ caseRef: '', path, code }],
  });
  let doc: unknown;
  try {
    doc = JSON.parse(input.replace(/^\uFEFF/, ''));
  } catch {
    return fileProblem('import.file_invalid');
  }
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) return fileProblem('import.file_invalid');
  const { format, cases, ...rest } = doc as Record<string, unknown>;
  if (format !== IMDI_INTAKE_FORMAT) return fileProblem('import.format_unsupported', '/format');
  const unknown = Object.keys(rest);
  if (unknown.length > 0) return fileProblem('import.field_unknown', `/${pointerEscape(unknown[0] ?? '')}`);
  if (!Array.isArray(cases) || cases.length === 0) return fileProblem('import.value_required', '/cases');
  if (cases.length > MAX_INTAKE_CASES) return fileProblem('import.too_many_rows', '/cases');
  return {
    located: cases.map((value, i) => ({
      value,
      pathOf: (p) => pointer(['cases', i, ...p]),
      readProblems: [],
      fallbackRef: `#${i + 1}`,
    })),
    problems: [],
  };
}

// ---------------------------------------------------------------------------------------------
// Reading CSV (RFC 4180 with ';' as the delimiter; a small reader, since shared/ has no node:*)

/** Splits CSV text into records of fields. Quotes may hold ';', '"' (doubled) and line breaks. */
export function splitCsv(input: string, delimiter = ';'): { records: string[][]; lines: number[] } | undefined {
  const textIn = input.replace(/^\uFEFF/, '');
  const records: string[][] = [];
  const lines: number[] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  let fieldStarted = false;
  for (let i = 0; i < textIn.length; i++) {
    const ch = textIn[i] ?? '';
    if (quoted) {
      if (ch === '"') {
        if (textIn[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else {
        if (ch === '\n') line++;
        field += ch;
      }
      continue;
    }
    if (ch === '"' && !fieldStarted) {
      quoted = true;
      fieldStarted = true;
    } else if (ch === delimiter) {
      record.push(field);
      field = '';
      fieldStarted = false;
    } else if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && textIn[i + 1] === '\n') i++;
      record.push(field);
      if (!(record.length === 1 && record[0] === '')) {
        records.push(record);
        lines.push(recordLine);
      }
      record = [];
      field = '';
      fieldStarted = false;
      line++;
      recordLine = line;
    } else {
      if (ch === '"') return undefined; // a quote inside an unquoted field
      field += ch;
      fieldStarted = true;
    }
  }
  if (quoted) return undefined;
  record.push(field);
  if (!(record.length === 1 && record[0] === '')) {
    records.push(record);
    lines.push(recordLine);
  }
  return { records, lines };
}

// Which CSV column holds a field of the JSON shape.
const PERSON_COLUMN: Record<string, IntakeCsvHeader> = {
  ref: 'person_ref',
  fullName: 'full_name',
  transliteration: 'transliteration',
  birthDate: 'birth_date',
  identityNumber: 'identity_number',
  dufNumber: 'duf_number',
  nationality: 'nationality',
  languages: 'languages',
  relation: 'relation',
  isMainPerson: 'is_main_person',
};
const CASE_COLUMN: Record<string, IntakeCsvHeader> = {
  imdiCaseId: 'imdi_case_id',
  proposedOn: 'proposed_on',
  category: 'category',
  residencePermitDate: 'residence_permit_date',
  receptionCentre: 'reception_centre',
  mappingNotes: 'mapping_notes',
};

const TRUE = new Set(['true', 'ja', 'yes', '1']);
const FALSE = new Set(['false', 'nei', 'no', '0', '']);

const codeList = (s: string) =>
  s
    .split(',')
    .map((x) => x.trim())
    .filter((x) => x !== '');

function readCsv(input: string): { located: Located[]; problems: IntakeProblem[] } {
  const fileProblem = (code: IntakeProblemCode, path = '') => ({
    located: [] as Located[],
    problems: [{ caseRef: '', path, code }] as IntakeProblem[],
  });
  const split = splitCsv(input);
  if (!split || split.records.length === 0) return fileProblem('import.file_invalid');
  const [headerRow = [], ...rows] = split.records;
  const headers = headerRow.map((h) => h.trim().toLowerCase());
  const missing = intakeCsvHeaders.filter((h) => !headers.includes(h));
  if (missing.length > 0) {
    return {
      located: [],
      problems: missing.map((h) => ({ caseRef: '', path: `/rows/1/${h}`, code: 'import.columns_missing' as const })),
    };
  }
  const unknown = headers.find((h) => !(intakeCsvHeaders as readonly string[]).includes(h));
  if (unknown !== undefined) return fileProblem('import.field_unknown', `/rows/1/${pointerEscape(unknown)}`);
  if (rows.length === 0) return fileProblem('import.value_required', '/rows');
  if (rows.length > MAX_INTAKE_PERSONS) return fileProblem('import.too_many_rows', '/rows');

  // Group rows by case id, in file order.
  type Row = { line: number; cells: Record<IntakeCsvHeader, string> };
  const groups = new Map<string, Row[]>();
  rows.forEach((r, i) => {
    const line = split.lines[i + 1] ?? i + 2;
    const cells = Object.fromEntries(intakeCsvHeaders.map((h) => [h, r[headers.indexOf(h)] ?? ''])) as Record<
      IntakeCsvHeader,
      string
    >;
    const key = cells.imdi_case_id.trim() || `#line${line}`;
    const group = groups.get(key) ?? [];
    group.push({ line, cells });
    groups.set(key, group);
  });

  const located: Located[] = [];
  let n = 0;
  for (const [, group] of groups) {
    n++;
    const first = group[0];
    if (!first) continue;
    const caseRef = first.cells.imdi_case_id.trim() || `#${n}`;
    const readProblems: IntakeProblem[] = [];
    for (const column of CASE_COLUMNS) {
      for (const row of group.slice(1)) {
        if (row.cells[column].trim() !== first.cells[column].trim()) {
          readProblems.push({ caseRef, path: `/rows/${row.line}/${column}`, code: 'import.case_columns_inconsistent' });
        }
      }
    }
    const optional = (s: string) => (s.trim() === '' ? null : s);
    const bool = (s: string): boolean | string => {
      const v = s.trim().toLowerCase();
      return TRUE.has(v) ? true : FALSE.has(v) ? false : s;
    };
    const persons = group.map((row) => {
      const c = row.cells;
      const ref = c.person_ref.trim();
      const codes = codeList(c.languages);
      const interpreter = codeList(c.interpreter_languages);
      const letter = c.letter_language.trim();
      for (const x of interpreter) {
        if (!codes.includes(x)) {
          readProblems.push({
            caseRef,
            personRef: ref,
            path: `/rows/${row.line}/interpreter_languages`,
            code: 'import.language_inconsistent',
          });
        }
      }
      if (letter !== '' && !codes.includes(letter)) {
        readProblems.push({
          caseRef,
          personRef: ref,
          path: `/rows/${row.line}/letter_language`,
          code: 'import.language_inconsistent',
        });
      }
      const main = bool(c.is_main_person);
      if (typeof main === 'string') {
        readProblems.push({
          caseRef,
          personRef: ref,
          path: `/rows/${row.line}/is_main_person`,
          code: 'import.boolean_invalid',
        });
      }
      return {
        ref,
        fullName: c.full_name,
        transliteration: optional(c.transliteration),
        birthDate: { date: c.birth_date.trim(), precision: c.birth_date_precision.trim() },
        identityNumber: optional(c.identity_number),
        dufNumber: optional(c.duf_number),
        nationality: c.nationality.trim(),
        languages: codes.map((code) => ({
          code,
          interpreterNeeded: interpreter.includes(code),
          preferredForLetters: code === letter,
        })),
        relation: c.relation.trim(),
        isMainPerson: typeof main === 'string' ? false : main,
      };
    });
    const fc = first.cells;
    located.push({
      value: {
        imdiCaseId: fc.imdi_case_id.trim(),
        proposedOn: fc.proposed_on.trim(),
        category: fc.category.trim(),
        residencePermitDate: fc.residence_permit_date.trim(),
        receptionCentre: optional(fc.reception_centre),
        mappingNotes: optional(fc.mapping_notes),
        persons,
      },
      pathOf: (p) => {
        const [head, index, field, sub] = p;
        if (head === 'persons' && typeof index === 'number') {
          const row = group[index];
          const column =
            field === 'birthDate' && sub === 'precision'
              ? 'birth_date_precision'
              : typeof field === 'string'
                ? PERSON_COLUMN[field]
                : undefined;
          return row ? `/rows/${row.line}${column ? `/${column}` : ''}` : `/rows/${first.line}`;
        }
        const column = typeof head === 'string' ? CASE_COLUMN[head] : undefined;
        return `/rows/${first.line}${column ? `/${column}` : ''}`;
      },
      readProblems,
      fallbackRef: `#${n}`,
    });
  }
  return { located, problems: [] };
}

// ---------------------------------------------------------------------------------------------
// The entry point

/**
 * Parses and validates an IMDi intake file. `today` is the shell's Europe/Oslo date;
 * `environment` decides whether synthetic identity numbers are accepted (identity-rules.ts).
 */
export function parseIntake(input: string, options: ParseIntakeOptions): IntakeResult {
  const { format, today, environment } = options;
  const read = format === 'json' ? readJson(input) : readCsv(input);
  const problems: IntakeProblem[] = [...read.problems];
  const valid: { parsed: ParsedCase; clean: boolean }[] = [];

  for (const loc of read.located) {
    const caseRef = refOf(loc.value, 'imdiCaseId') ?? loc.fallbackRef;
    const result = intakeCase.safeParse(loc.value);
    if (!result.success) {
      for (const issue of result.error.issues) {
        const personIndex = issue.path[0] === 'persons' ? issue.path[1] : undefined;
        const personRef =
          typeof personIndex === 'number' ? refOf(valueAt(loc.value, ['persons', personIndex]), 'ref') : undefined;
        // For unknown keys, point at the key itself.
        const path =
          issue.code === 'unrecognized_keys' && issue.keys[0] !== undefined
            ? [...issue.path, issue.keys[0]]
            : issue.path;
        problems.push({
          caseRef,
          ...(personRef !== undefined ? { personRef } : {}),
          path: loc.pathOf(path),
          code: codeOfIssue(issue, valueAt(loc.value, issue.path)),
        });
      }
      problems.push(...loc.readProblems);
      continue;
    }
    const { parsed, problems: caseProblems } = validateCase(result.data, loc, { today, environment });
    problems.push(...loc.readProblems, ...caseProblems);
    valid.push({ parsed, clean: loc.readProblems.length === 0 && caseProblems.length === 0 });
  }

  // Duplicates inside the file: the same case id twice, the same identity or DUF number on two persons.
  const dirty = new Set<ParsedCase>();
  const seenCase = new Map<string, ParsedCase>();
  for (const { parsed } of valid) {
    const earlier = seenCase.get(parsed.imdiCaseId);
    if (earlier) {
      problems.push({
        caseRef: parsed.imdiCaseId,
        path: `${parsed.path}${format === 'json' ? '/imdiCaseId' : ''}`,
        code: 'import.duplicate_case',
      });
      dirty.add(parsed).add(earlier);
    } else seenCase.set(parsed.imdiCaseId, parsed);
  }
  const duplicates = (
    key: 'identityNumber' | 'dufNumber',
    code: 'import.duplicate_identity_number' | 'import.duplicate_duf_number',
  ) => {
    const seen = new Map<string, { c: ParsedCase; p: ParsedPerson }[]>();
    for (const { parsed } of valid) {
      for (const p of parsed.persons) {
        const v = p[key];
        if (v === null) continue;
        seen.set(v, [...(seen.get(v) ?? []), { c: parsed, p }]);
      }
    }
    for (const group of seen.values()) {
      if (group.length < 2) continue;
      for (const { c, p } of group) {
        const column = format === 'json' ? `/${key}` : key === 'identityNumber' ? '/identity_number' : '/duf_number';
        problems.push({ caseRef: c.imdiCaseId, personRef: p.ref, path: `${p.path}${column}`, code });
        dirty.add(c);
      }
    }
  };
  duplicates('identityNumber', 'import.duplicate_identity_number');
  duplicates('dufNumber', 'import.duplicate_duf_number');

  return { cases: valid.filter((v) => v.clean && !dirty.has(v.parsed)).map((v) => v.parsed), problems };
}

export type ExistingPerson = { id: string; identityNumber?: string | null; dufNumber?: string | null };

export type ExistingMatch = {
  caseRef: string;
  personRef: string;
  path: string;
  existingId: string;
  on: 'identity_number' | 'duf_number';
};

/**
 * Which parsed persons are already registered: the same identity number or the same DUF
 * number. One entry per (person, existing person, key). The caller passes the municipality's
 * own persons only.
 */
export function findExistingMatches(
  parsed: readonly ParsedCase[],
  existing: readonly ExistingPerson[],
): ExistingMatch[] {
  const byIdentity = new Map<string, string[]>();
  const byDuf = new Map<string, string[]>();
  const index = (map: Map<string, string[]>, value: string | null | undefined, id: string) => {
    const v = value?.trim();
    if (v) map.set(v, [...(map.get(v) ?? []), id]);
  };
  for (const e of existing) {
    index(byIdentity, e.identityNumber, e.id);
    index(byDuf, e.dufNumber, e.id);
  }
  const matches: ExistingMatch[] = [];
  for (const c of parsed) {
    for (const p of c.persons) {
      const base = { caseRef: c.imdiCaseId, personRef: p.ref, path: p.path };
      if (p.identityNumber !== null) {
        for (const id of byIdentity.get(p.identityNumber) ?? [])
          matches.push({ ...base, existingId: id, on: 'identity_number' });
      }
      if (p.dufNumber !== null) {
        for (const id of byDuf.get(p.dufNumber) ?? []) matches.push({ ...base, existingId: id, on: 'duf_number' });
      }
    }
  }
  return matches;
}
