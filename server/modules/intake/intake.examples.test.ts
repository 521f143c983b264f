import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseIntake, type ParsedCase } from '../../../shared/intake/imdi-intake';
import { casesInFile } from './intake.usecases';

// The documented example proposal (docs/examples/imdi-intake-example.{json,csv}) is what the
// browser test imports and what a municipality copies: it must parse without a single problem,
// and the two formats must carry the same data.

const read = (name: string) => readFileSync(new URL(`../../../docs/examples/${name}`, import.meta.url), 'utf8');
const json = read('imdi-intake-example.json');
const csv = read('imdi-intake-example.csv');
const TODAY = '2026-11-21';

const withoutPaths = (cases: readonly ParsedCase[]) =>
  cases.map(({ path: _case, persons, ...c }) => ({ ...c, persons: persons.map(({ path: _person, ...p }) => p) }));

describe('the IMDi intake example files', () => {
  it.each(['development', 'test'])('parse with no problem in %s (JSON and CSV)', (environment) => {
    for (const [text, format] of [
      [json, 'json'],
      [csv, 'csv'],
    ] as const) {
      const result = parseIntake(text, { format, today: TODAY, environment });
      expect(result.problems, format).toEqual([]);
      expect(result.cases).toHaveLength(5);
      expect(result.cases.flatMap((c) => c.persons)).toHaveLength(12);
    }
  });

  it('carry the same cases and persons in both formats', () => {
    const fromJson = parseIntake(json, { format: 'json', today: TODAY, environment: 'test' });
    const fromCsv = parseIntake(csv, { format: 'csv', today: TODAY, environment: 'test' });
    expect(withoutPaths(fromCsv.cases)).toEqual(withoutPaths(fromJson.cases));
  });

  it('show what the format must accept: every category but one, scripts, approximate dates, persons without numbers', () => {
    const { cases } = parseIntake(json, { format: 'json', today: TODAY, environment: 'test' });
    const persons = cases.flatMap((c) => c.persons);
    expect(new Set(cases.map((c) => c.category))).toEqual(
      new Set(['resettlement_refugee', 'from_reception_centre', 'unaccompanied_minor']),
    );
    expect(persons.some((p) => /\p{Script=Arabic}/u.test(p.fullName))).toBe(true);
    expect(persons.some((p) => /\p{Script=Ethiopic}/u.test(p.fullName))).toBe(true);
    expect(persons.some((p) => /\p{Script=Cyrillic}/u.test(p.fullName) && p.fullName.includes("'"))).toBe(true);
    expect(persons.some((p) => p.birthDate.precision === 'year')).toBe(true);
    expect(persons.some((p) => p.birthDate.precision === 'jan1_convention')).toBe(true);
    expect(persons.some((p) => p.identityNumber === null && p.dufNumber === null)).toBe(true);
    expect(persons.filter((p) => p.identityNumber !== null).every((p) => p.identityNumberSynthetic)).toBe(true);
    expect(cases.filter((c) => c.mappingNotes !== null)).toHaveLength(2);
  });

  it('use synthetic identity numbers only: in production they are refused', () => {
    const result = parseIntake(json, { format: 'json', today: TODAY, environment: 'production' });
    expect(result.problems.length).toBeGreaterThan(0);
    expect(new Set(result.problems.map((p) => `${p.code}:${p.reason}`))).toEqual(
      new Set(['person.identity_number_invalid:synthetic_in_production']),
    );
  });

  it('list every case of the file in order with its number of persons (JSON and CSV alike)', () => {
    const expected = [
      { ref: 'IMDI-2026-004711', persons: 5 },
      { ref: 'IMDI-2026-004712', persons: 1 },
      { ref: 'IMDI-2026-004713', persons: 1 },
      { ref: 'IMDI-2026-004714', persons: 3 },
      { ref: 'IMDI-2026-004715', persons: 2 },
    ];
    expect(casesInFile(json, 'json')).toEqual(expected);
    expect(casesInFile(csv, 'csv')).toEqual(expected);
    expect(casesInFile('not json', 'json')).toEqual([]);
    expect(casesInFile('"unterminated', 'csv')).toEqual([]);
  });

  it('name cases without an id as the parser does (#n)', () => {
    const doc = JSON.stringify({
      format: 'husly.imdi-intake.v1',
      cases: [{ persons: [{}, {}] }, { imdiCaseId: 'A-1' }],
    });
    expect(casesInFile(doc, 'json')).toEqual([
      { ref: '#1', persons: 2 },
      { ref: 'A-1', persons: 0 },
    ]);
    const problems = parseIntake(doc, { format: 'json', today: TODAY, environment: 'test' }).problems;
    expect(problems.some((p) => p.caseRef === '#1')).toBe(true);
  });
});
