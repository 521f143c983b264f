import { describe, expect, it } from 'vitest';
import { intakeProblemDto, type IntakeResponse } from '../../../shared/api/intake';
import { translate, type Language } from '../../../shared/i18n';
import { canCommit, intakeFormat, knownReason, problemKey, reportCounts } from './intake-report';

const problemCodes = intakeProblemDto.shape.code.options;

describe('the IMDi file', () => {
  it('is read as JSON or CSV by its extension, any case', () => {
    expect(intakeFormat('forslag.json')).toBe('json');
    expect(intakeFormat('FORSLAG.CSV')).toBe('csv');
    expect(intakeFormat('forslag.xlsx')).toBeNull();
    expect(intakeFormat('json')).toBeNull();
  });
});

describe('the problems in a report', () => {
  it('have a text for every code the server can send, in every language', () => {
    for (const lang of ['nb', 'nn', 'en'] as const satisfies readonly Language[]) {
      for (const code of problemCodes) {
        const key = problemKey(code);
        expect(translate(lang, key), `${lang} ${code}`).not.toBe(key);
      }
    }
  });
  it('name a rule’s reason when the UI knows it, and leave others as sent', () => {
    expect(knownReason('synthetic_in_production')).toBe('synthetic_in_production');
    expect(knownReason('check_digits')).toBe('check_digits');
    expect(knownReason('something_new')).toBeNull();
    expect(knownReason(undefined)).toBeNull();
    expect(knownReason('toString')).toBeNull();
  });
});

const report = (cases: IntakeResponse['cases'], problems: IntakeResponse['problems'] = []): IntakeResponse => ({
  batchId: null,
  mode: 'validate',
  cases,
  problems,
  matches: [],
  created: 0,
});
const intakeCase = (outcome: IntakeResponse['cases'][number]['outcome'], persons = 2) => ({
  imdiCaseId: `IMDI-${outcome}`,
  persons,
  outcome,
  household: null,
});

describe('a checked file', () => {
  it('is counted by outcome', () => {
    expect(reportCounts(report([intakeCase('ready', 5), intakeCase('invalid', 1), intakeCase('existing', 3)]))).toEqual(
      {
        cases: 3,
        persons: 9,
        ready: 1,
        invalid: 1,
        existing: 1,
      },
    );
  });
  it('can be imported only with no problem at all and something to create', () => {
    expect(canCommit(report([intakeCase('ready')]))).toBe(true);
    expect(canCommit(report([intakeCase('existing')]))).toBe(true);
    expect(canCommit(report([]))).toBe(false);
    expect(
      canCommit(
        report([intakeCase('ready')], [{ caseRef: 'X', path: '/cases/0/category', code: 'import.choice_invalid' }]),
      ),
    ).toBe(false);
  });
});
