import { fnr as referenceValidate } from '@navikt/fnrvalidator';
import { describe, expect, it } from 'vitest';
import { createRng } from '../synthetic/rng';
import { generateSyntheticIdentityNumber, validateIdentityNumber } from './identity';
import { withControlDigits } from './identity.test-support';

// Most example numbers use birth dates in the 2030s (individnummer 500–999): they are
// checksum-valid and not synthetic, yet cannot have been issued to anyone. Older examples use
// dates (1 January 1900, 1855) whose holders cannot be alive.

const production = { allowSynthetic: false };
const testEnvironment = { allowSynthetic: true };


describe('validateIdentityNumber: accepted numbers', () => {
  it('accepts a fødselsnummer and derives the birth date, without any gender', () => {
    const result = validateIdentityNumber('15033551247', production);
    expect(result).toEqual({ ok: true, kind: 'fnr', synthetic: false, birthDate: '2035-03-15' });
  });

  it('accepts a D-nummer (first digit + 4) and reads the day without the offset', () => {
    expect(validateIdentityNumber('55033551230', production)).toEqual({
      ok: true,
      kind: 'dnr',
      synthetic: false,
      birthDate: '2035-03-15',
    });
  });

  it.each([
    ['01010012356', '1900-01-01', 'individnummer 000–499 → 1900–1999'],
    ['01015560041', '1855-01-01', 'individnummer 500–749 with year 54–99 → 1854–1899'],
    ['15033575022', '2035-03-15', 'individnummer 500–999 with year 00–39 → 2000–2039'],
    ['15034590009', '1945-03-15', 'individnummer 900–999 with year 40–99 → 1940–1999'],
  ])('derives the century from the individnummer: %s → %s (%s)', (input, birthDate) => {
    expect(validateIdentityNumber(input, production)).toMatchObject({ ok: true, birthDate });
  });

  it('accepts 29 February in a leap year of the derived century (2000, 2032)', () => {
    expect(validateIdentityNumber('29020050088', production)).toMatchObject({ ok: true, birthDate: '2000-02-29' });
    expect(validateIdentityNumber('29023251211', production)).toMatchObject({ ok: true, birthDate: '2032-02-29' });
  });

  it('ignores surrounding whitespace from copy-paste', () => {
    expect(validateIdentityNumber('  15033551247\n', production)).toMatchObject({ ok: true });
    expect(validateIdentityNumber('\t15033551247 ', production)).toMatchObject({ ok: true });
  });

  it('accepts first control digits under the 2032 rule (remainder 1, 2 or 3) as well as the old rule', () => {
    // Old rule: k1 = 4 for 150335512. The 2032 rule also allows k1 = 5, 6, 7 (remainders 1–3).
    for (const [remainder, expected] of [
      [0, '15033551247'],
      [1, '15033551255'],
      [2, '15033551263'],
      [3, '15033551271'],
    ] as const) {
      expect(withControlDigits('150335512', remainder)).toBe(expected);
      expect(validateIdentityNumber(expected, production)).toMatchObject({ ok: true, kind: 'fnr' });
    }
  });

  it('never returns anything but kind, synthetic flag and birth date for a valid number', () => {
    const result = validateIdentityNumber('15033551247', production);
    expect(Object.keys(result).sort()).toEqual(['birthDate', 'kind', 'ok', 'synthetic']);
  });
});

describe('validateIdentityNumber: person_id.format', () => {
  it.each([
    ['', 'empty'],
    ['1503355124', 'ten digits'],
    ['150335512470', 'twelve digits'],
    ['150335 51247', 'a space inside'],
    ['150335-51247', 'a hyphen inside'],
    ['1503355124a', 'a letter'],
    ['١٥٠٣٣٥٥١٢٤٧', 'Arabic-Indic digits'],
    ['۱۵۰۳۳۵۵۱۲۴۷', 'Extended Arabic-Indic (Persian) digits'],
    ['１５０３３５５１２４７', 'full-width digits'],
    ['15033551247\u200b', 'a trailing zero-width space'],
  ])('rejects %j (%s)', (input) => {
    expect(validateIdentityNumber(input, production)).toEqual({ ok: false, code: 'person_id.format' });
  });
});

describe('validateIdentityNumber: person_id.checksum_invalid', () => {
  it('rejects a number whose second control digit is wrong', () => {
    expect(validateIdentityNumber('15033551248', production)).toEqual({
      ok: false,
      code: 'person_id.checksum_invalid',
    });
  });

  it('rejects a first control digit outside the 2032 rule (remainder 4 or more)', () => {
    expect(validateIdentityNumber('15033551280', production)).toEqual({
      ok: false,
      code: 'person_id.checksum_invalid',
    });
  });

  it('rejects a transposition of two digits', () => {
    expect(validateIdentityNumber('15033515247', production)).toEqual({
      ok: false,
      code: 'person_id.checksum_invalid',
    });
  });

  it('rejects every second control digit when the computed one would be 10', () => {
    // 150335500 with k1 = 2: 11 − (Σ mod 11) = 10, so no k2 completes it.
    for (let k2 = 0; k2 <= 9; k2++) {
      expect(validateIdentityNumber(`1503355002${k2}`, production)).toEqual({
        ok: false,
        code: 'person_id.checksum_invalid',
      });
    }
  });
});

describe('validateIdentityNumber: person_id.date_invalid', () => {
  it.each([
    ['29020012380', '29 February 1900 (1900 is not a leap year)'],
    ['29023551274', '29 February 2035'],
    ['31023551252', '31 February'],
    ['15133551295', 'month 13'],
    ['00013551200', 'day 00'],
    ['15034575050', 'individnummer 750–899 with year 40–99: no century is issued'],
    ['15034560010', 'individnummer 500–749 with year 40–53: no century is issued'],
  ])('rejects %s (%s)', (input) => {
    expect(validateIdentityNumber(input, production)).toEqual({ ok: false, code: 'person_id.date_invalid' });
  });

  it('rejects a month outside every synthetic range even when synthetic numbers are allowed', () => {
    expect(validateIdentityNumber('15933551250', testEnvironment)).toEqual({
      ok: false,
      code: 'person_id.date_invalid',
    });
  });
});

describe('validateIdentityNumber: numbers that are not for this domain', () => {
  it('rejects an FH-nummer (first digit 8 or 9) with person_id.type_not_allowed', () => {
    for (const input of ['85033551253', '91033551288']) {
      expect(validateIdentityNumber(input, production)).toEqual({ ok: false, code: 'person_id.type_not_allowed' });
      expect(validateIdentityNumber(input, testEnvironment)).toEqual({
        ok: false,
        code: 'person_id.type_not_allowed',
      });
    }
  });

  it('rejects month + 40 in production as an H-nummer (person_id.type_not_allowed)', () => {
    expect(validateIdentityNumber('15433551300', production)).toEqual({
      ok: false,
      code: 'person_id.type_not_allowed',
    });
    expect(validateIdentityNumber('55433551213', production)).toEqual({
      ok: false,
      code: 'person_id.type_not_allowed',
    });
  });

  it('accepts month + 40 as a NAV Dolly test number only when synthetic numbers are allowed', () => {
    expect(validateIdentityNumber('15433551300', testEnvironment)).toEqual({
      ok: true,
      kind: 'fnr',
      synthetic: 'dolly',
      birthDate: '2035-03-15',
    });
    expect(validateIdentityNumber('55433551213', testEnvironment)).toMatchObject({
      ok: true,
      kind: 'dnr',
      synthetic: 'dolly',
    });
  });

  it.each([
    ['15833551202', 'tenor', 'fnr', '2035-03-15'],
    ['55833551387', 'tenor', 'dnr', '2035-03-15'],
    ['15693551266', 'syntpop', 'fnr', '2035-04-15'],
  ] as const)(
    'treats %s as a %s test number: person_id.test_number in production, accepted in test',
    (input, synthetic, kind, birthDate) => {
      expect(validateIdentityNumber(input, production)).toEqual({ ok: false, code: 'person_id.test_number' });
      expect(validateIdentityNumber(input, testEnvironment)).toEqual({ ok: true, kind, synthetic, birthDate });
    },
  );
});

describe('generateSyntheticIdentityNumber', () => {
  const birthDates = ['1855-06-30', '1900-01-01', '1945-12-31', '1999-02-28', '2000-02-29', '2024-07-01', '2039-12-31'];

  it('produces checksum-valid Tenor numbers (month + 80) that validate only when synthetic numbers are allowed', () => {
    const rng = createRng(42);
    for (const birthDate of birthDates) {
      for (const kind of ['fnr', 'dnr'] as const) {
        for (let i = 0; i < 50; i++) {
          const number = generateSyntheticIdentityNumber({ rng, birthDate, kind, scheme: 'tenor' });
          expect(number).toMatch(/^[0-9]{11}$/);
          expect(Number(number.slice(2, 4))).toBeGreaterThan(80);
          expect(validateIdentityNumber(number, testEnvironment)).toEqual({
            ok: true,
            kind,
            synthetic: 'tenor',
            birthDate,
          });
          expect(validateIdentityNumber(number, production)).toEqual({ ok: false, code: 'person_id.test_number' });
          // Valid under the pre-2032 rule too, which NAV's validator checks as a Tenor number.
          expect(referenceValidate(number)).toMatchObject({ status: 'valid' });
        }
      }
    }
  });

  it('is deterministic for a given seed', () => {
    const a = generateSyntheticIdentityNumber({
      rng: createRng(7),
      birthDate: '1990-05-17',
      kind: 'fnr',
      scheme: 'tenor',
    });
    const b = generateSyntheticIdentityNumber({
      rng: createRng(7),
      birthDate: '1990-05-17',
      kind: 'fnr',
      scheme: 'tenor',
    });
    expect(a).toBe(b);
  });

  it('refuses birth dates that no individnummer series covers, and non-dates', () => {
    const rng = createRng(1);
    for (const birthDate of ['1853-12-31', '2040-01-01', '2023-02-29', '17.05.1990']) {
      expect(() => generateSyntheticIdentityNumber({ rng, birthDate, kind: 'fnr', scheme: 'tenor' })).toThrow(
        RangeError,
      );
    }
  });
});

// Differential test against NAV's validator (@navikt/fnrvalidator, `fnr` = `idnr`). It checks
// control digits (including the 2032 rule) and day/month, but derives no century. The only
// deliberate differences, both places where we reject and it accepts:
// 1. the individnummer/year combination has no century in Skatteetaten's table (never issued);
// 2. 29 February "00" with individnummer 000–499, i.e. 1900, which was not a leap year
//    (the reference assumes 2000).
// SyntPop numbers (month + 65) are not compared: the reference reads them as H-numbers with
// month 26–37 and rejects them.
function documentedDifference(input: string): string | undefined {
  const individnummer = Number(input.slice(6, 9));
  const year = Number(input.slice(4, 6));
  if (individnummer >= 500 && individnummer <= 749 && year >= 40 && year <= 53) return 'no century';
  if (individnummer >= 750 && individnummer <= 899 && year >= 40) return 'no century';
  const day = Number(input.slice(0, 2)) % 40;
  const month = Number(input.slice(2, 4)) % 40;
  if (day === 29 && month === 2 && year === 0 && individnummer <= 499) return '29 February 1900';
  return undefined;
}

type Disagreement = { input: string; ours: string; reference: string };

function compare(inputs: Iterable<string>): { compared: number; accepted: number; unexplained: Disagreement[] } {
  let compared = 0;
  let accepted = 0;
  const unexplained: Disagreement[] = [];
  for (const input of inputs) {
    const third = Number(input[2]);
    if (third === 6 || third === 7) continue; // SyntPop, see above
    // Real fnr/dnr (third digit 0–3) are compared as in production; Dolly/H (4–5) and
    // Tenor (8–9) as in a test environment, where the reference accepts them too.
    const ours = validateIdentityNumber(input, { allowSynthetic: third >= 4 });
    const reference = referenceValidate(input);
    compared++;
    if (ours.ok) accepted++;
    const agree = ours.ok === (reference.status === 'valid');
    const explained = !ours.ok && ours.code === 'person_id.date_invalid' && documentedDifference(input) !== undefined;
    if (!agree && !explained) {
      unexplained.push({
        input,
        ours: ours.ok ? 'valid' : ours.code,
        reference: reference.status === 'valid' ? 'valid' : reference.reasons.join(', '),
      });
    }
  }
  return { compared, accepted, unexplained };
}

describe('validateIdentityNumber against @navikt/fnrvalidator', () => {
  it('agrees on 200 000 random 11-digit strings, apart from the documented differences', () => {
    const rng = createRng(2024_01_01);
    function* randomStrings(): Generator<string> {
      for (let i = 0; i < 200_000; i++) {
        let s = '';
        for (let j = 0; j < 11; j++) s += String(rng.int(0, 9));
        yield s;
      }
    }
    const { compared, unexplained } = compare(randomStrings());
    expect(compared).toBeGreaterThan(150_000);
    expect(unexplained).toEqual([]);
  });

  it('agrees on generated valid numbers (every century, fnr and dnr, every k1 remainder) and their one-digit mutations', () => {
    const rng = createRng(2032);
    const numbers: string[] = [];
    const centuries: readonly (readonly [number, number, number, number])[] = [
      // [first year, last year, lowest individnummer, highest individnummer]
      [1854, 1899, 500, 749],
      [1900, 1999, 0, 499],
      [1940, 1999, 900, 999],
      [2000, 2039, 500, 999],
    ];
    while (numbers.length < 20_000) {
      const [firstYear, lastYear, low, high] = rng.pick(centuries);
      const year = rng.int(firstYear, lastYear);
      const month = rng.int(1, 12);
      const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
      const days = month === 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
      const day = rng.int(1, days) + (rng.chance(0.3) ? 40 : 0);
      const monthField = month + rng.pick([0, 0, 0, 40, 80]);
      const nine =
        String(day).padStart(2, '0') +
        String(monthField).padStart(2, '0') +
        String(year % 100).padStart(2, '0') +
        String(rng.int(low, high)).padStart(3, '0');
      const complete = withControlDigits(nine, rng.int(0, 3));
      if (complete !== undefined) numbers.push(complete);
    }

    const valid = compare(numbers);
    expect(valid.accepted).toBe(numbers.length);
    expect(valid.unexplained).toEqual([]);

    const mutations = numbers.map((n) => {
      const position = rng.int(0, 10);
      const digit = (Number(n[position]) + rng.int(1, 9)) % 10;
      return `${n.slice(0, position)}${digit}${n.slice(position + 1)}`;
    });
    expect(compare(mutations).unexplained).toEqual([]);
  });
});
