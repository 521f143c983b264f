import { fnr as referenceValidate } from '@navikt/fnrvalidator';
import { describe, expect, it } from 'vitest';
import { createRng, type Rng } from '../synthetic/rng';
import * as identityRules from './identity-rules';
import {
  classifyIdentityNumber,
  validateIdentityNumberForRegistration,
  type IdentityClassification,
} from './identity-rules';
import { withControlDigits } from './identity.test-support';

// Example numbers: birth dates in the 2030s (checksum-valid, never issued to anyone) as in
// identity.test.ts, and FH-numbers built from the 800 000 000–999 999 999 series.

describe('classifyIdentityNumber', () => {
  it.each([
    ['15033551247', { valid: true, type: 'fnr', value: '15033551247', birthDate: '2035-03-15' }],
    ['55033551230', { valid: true, type: 'dnr', value: '55033551230', birthDate: '2035-03-15' }],
    ['15433551300', { valid: true, type: 'hnr', value: '15433551300' }],
    ['55433551213', { valid: true, type: 'hnr', value: '55433551213' }],
    ['85033551253', { valid: true, type: 'fhnr', value: '85033551253' }],
    ['91033551288', { valid: true, type: 'fhnr', value: '91033551288' }],
    [
      '15833551202',
      { valid: true, type: 'synthetic', scheme: 'tenor', base: 'fnr', value: '15833551202', birthDate: '2035-03-15' },
    ],
    [
      '55833551387',
      { valid: true, type: 'synthetic', scheme: 'tenor', base: 'dnr', value: '55833551387', birthDate: '2035-03-15' },
    ],
    [
      '15693551266',
      { valid: true, type: 'synthetic', scheme: 'syntpop', base: 'fnr', value: '15693551266', birthDate: '2035-04-15' },
    ],
    ['1503355124', { valid: false, problem: 'format' }],
    ['15033551248', { valid: false, problem: 'checksum' }],
    ['29020012380', { valid: false, problem: 'date' }],
  ] as const)('%s → %o', (input, expected) => {
    expect(classifyIdentityNumber(input)).toEqual(expected);
  });

  it('trims surrounding whitespace and returns the number to store', () => {
    expect(classifyIdentityNumber(' 15033551247\n')).toMatchObject({ valid: true, value: '15033551247' });
  });
});

describe('validateIdentityNumberForRegistration', () => {
  const refused = (reason: string) => ({ ok: false, code: 'person.identity_number_invalid', reason });

  it('accepts fødselsnummer and D-nummer in every environment', () => {
    for (const environment of ['production', 'test', 'development']) {
      expect(validateIdentityNumberForRegistration('15033551247', { environment })).toEqual({
        ok: true,
        value: '15033551247',
        type: 'fnr',
        synthetic: false,
        birthDate: '2035-03-15',
      });
      expect(validateIdentityNumberForRegistration('55033551230', { environment })).toMatchObject({
        ok: true,
        type: 'dnr',
      });
    }
  });

  it('refuses H- and FH-numbers in every environment, with the reason', () => {
    for (const environment of ['production', 'test', 'development']) {
      expect(validateIdentityNumberForRegistration('15433551300', { environment })).toEqual(refused('h_number'));
      expect(validateIdentityNumberForRegistration('55433551213', { environment })).toEqual(refused('h_number'));
      expect(validateIdentityNumberForRegistration('85033551253', { environment })).toEqual(refused('fh_number'));
    }
  });

  it('refuses synthetic (Tenor, SyntPop) numbers in production and accepts them in test and development', () => {
    for (const input of ['15833551202', '55833551387', '15693551266']) {
      expect(validateIdentityNumberForRegistration(input, { environment: 'production' })).toEqual(
        refused('synthetic_in_production'),
      );
      expect(validateIdentityNumberForRegistration(input, { environment: 'test' })).toMatchObject({ ok: true });
      expect(validateIdentityNumberForRegistration(input, { environment: 'development' })).toMatchObject({ ok: true });
    }
    expect(validateIdentityNumberForRegistration('55833551387', { environment: 'test' })).toEqual({
      ok: true,
      value: '55833551387',
      type: 'dnr',
      synthetic: 'tenor',
      birthDate: '2035-03-15',
    });
  });

  it('an unknown environment name gets the production rule (fails closed)', () => {
    expect(validateIdentityNumberForRegistration('15833551202', { environment: 'prod' })).toEqual(
      refused('synthetic_in_production'),
    );
    expect(validateIdentityNumberForRegistration('15833551202', { environment: '' })).toEqual(
      refused('synthetic_in_production'),
    );
  });

  it.each([
    ['', 'format'],
    ['150335 51247', 'format'],
    ['١٥٠٣٣٥٥١٢٤٧', 'format'],
    ['15033551248', 'checksum'],
    ['31043551232', 'date'], // 31 April
  ])('refuses %j with reason %s', (input, reason) => {
    expect(validateIdentityNumberForRegistration(input, { environment: 'test' })).toEqual(refused(reason));
  });
});

describe('never derives gender', () => {
  it('no export is about gender, and no result carries one', () => {
    expect(Object.keys(identityRules).filter((name) => /gender|sex|kj[oø]nn/i.test(name))).toEqual([]);
    const results: unknown[] = [
      classifyIdentityNumber('15033551247'),
      classifyIdentityNumber('15833551202'),
      validateIdentityNumberForRegistration('15033551247', { environment: 'production' }),
      validateIdentityNumberForRegistration('55833551387', { environment: 'test' }),
    ];
    for (const result of results) expect(JSON.stringify(result)).not.toMatch(/gender|sex|kj[oø]nn|female|male/i);
  });
});

// ---------------------------------------------------------------------------------------------
// Differential test against NAV's validator (@navikt/fnrvalidator), extended from
// identity.test.ts to D-numbers, H-numbers, FH-numbers and synthetic (Tenor, SyntPop) numbers.
// The question compared: is this a structurally valid 11-digit identity number (control digits
// and date)? Whether it may be registered is a separate rule the reference does not have.
//
// Documented differences, all of one kind, where the reference cannot know what we know:
// 1. individnummer/year combinations with no century in Skatteetaten's table (never issued):
//    we say date invalid, the reference (which derives no century) says valid;
// 2. 29 February "00" with individnummer 000–499, i.e. 1900, not a leap year: same;
// 3. SyntPop numbers (month + 65): the reference reads them as H-numbers with month 26–37 and
//    rejects them; we recognise them;
// 4. FH-numbers (first digit 8 or 9, no date): the reference reads them as D-numbers with day
//    40–59 and rejects them; we recognise them.


type Generated = { kind: 'fnr' | 'dnr' | 'hnr' | 'tenor' | 'syntpop' | 'fhnr'; number: string };

const CENTURIES: readonly (readonly [number, number, number, number])[] = [
  // [first year, last year, lowest individnummer, highest individnummer]
  [1854, 1899, 500, 749],
  [1900, 1999, 0, 499],
  [1940, 1999, 900, 999],
  [2000, 2039, 500, 999],
];

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function generate(rng: Rng, kind: Generated['kind']): string | undefined {
  if (kind === 'fhnr') return withControlDigits(String(rng.int(800_000_000, 999_999_999)), rng.int(0, 3));
  const [firstYear, lastYear, low, high] = rng.pick(CENTURIES);
  const year = rng.int(firstYear, lastYear);
  const month = rng.int(1, 12);
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = month === 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
  const dnrBase = kind === 'dnr' || (kind !== 'fnr' && rng.chance(0.3));
  const day = rng.int(1, days) + (dnrBase ? 40 : 0);
  const monthOffset = { fnr: 0, dnr: 0, hnr: 40, tenor: 80, syntpop: 65 }[kind];
  const nine = `${pad(day)}${pad(month + monthOffset)}${pad(year % 100)}${pad(rng.int(low, high), 3)}`;
  return withControlDigits(nine, rng.int(0, 3));
}

function expectedDifference(input: string, ours: IdentityClassification): string | undefined {
  if (ours.valid && ours.type === 'synthetic' && ours.scheme === 'syntpop') return 'syntpop';
  if (ours.valid && ours.type === 'fhnr') return 'fh-number';
  if (!ours.valid && ours.problem === 'date') {
    const individnummer = Number(input.slice(6, 9));
    const year = Number(input.slice(4, 6));
    if (individnummer >= 500 && individnummer <= 749 && year >= 40 && year <= 53) return 'no century';
    if (individnummer >= 750 && individnummer <= 899 && year >= 40) return 'no century';
    const day = Number(input.slice(0, 2)) % 40;
    const month = Number(input.slice(2, 4)) % 40;
    if (day === 29 && month === 2 && year === 0 && individnummer <= 499) return '29 February 1900';
  }
  return undefined;
}

function compare(inputs: readonly string[]) {
  const unexplained: { input: string; ours: IdentityClassification; reference: string }[] = [];
  const acceptedByType = new Map<string, number>();
  for (const input of inputs) {
    const ours = classifyIdentityNumber(input);
    const reference = referenceValidate(input);
    if (ours.valid) {
      const label = ours.type === 'synthetic' ? `${ours.scheme}-${ours.base}` : ours.type;
      acceptedByType.set(label, (acceptedByType.get(label) ?? 0) + 1);
    }
    const agree = ours.valid === (reference.status === 'valid');
    if (!agree && expectedDifference(input, ours) === undefined) {
      unexplained.push({
        input,
        ours,
        reference: reference.status === 'valid' ? 'valid' : reference.reasons.join(', '),
      });
    }
  }
  return { unexplained, acceptedByType };
}

describe('classifyIdentityNumber against @navikt/fnrvalidator', () => {
  it('agrees on 60 000 generated valid numbers of every type and their 60 000 one-digit mutations', () => {
    const rng = createRng(2026_05_10);
    const kinds: Generated['kind'][] = ['fnr', 'dnr', 'hnr', 'tenor', 'syntpop', 'fhnr'];
    const numbers: string[] = [];
    while (numbers.length < 60_000) {
      const number = generate(rng, kinds[numbers.length % kinds.length] ?? 'fnr');
      if (number !== undefined) numbers.push(number);
    }
    const valid = compare(numbers);
    expect(valid.unexplained).toEqual([]);
    const accepted = Object.fromEntries(valid.acceptedByType);
    // Every generated number is recognised, each type in good numbers.
    expect(Object.values(accepted).reduce((a, b) => a + b, 0)).toBe(numbers.length);
    for (const label of ['fnr', 'dnr', 'hnr', 'fhnr', 'tenor-fnr', 'tenor-dnr', 'syntpop-fnr', 'syntpop-dnr']) {
      expect(accepted[label] ?? 0, label).toBeGreaterThan(2_000);
    }

    const mutations = numbers.map((n) => {
      const position = rng.int(0, 10);
      const digit = (Number(n[position]) + rng.int(1, 9)) % 10;
      return `${n.slice(0, position)}${digit}${n.slice(position + 1)}`;
    });
    expect(compare(mutations).unexplained).toEqual([]);
  });

  it('agrees on 40 000 random 11-digit strings', () => {
    const rng = createRng(40_000);
    const inputs = Array.from({ length: 40_000 }, () => Array.from({ length: 11 }, () => rng.int(0, 9)).join(''));
    expect(compare(inputs).unexplained).toEqual([]);
  });

  it('registration accepts exactly the fnr/D-numbers (and outside production the synthetic ones) that the reference accepts', () => {
    const rng = createRng(77);
    let checked = 0;
    for (let i = 0; i < 6_000; i++) {
      const number = generate(rng, rng.pick(['fnr', 'dnr', 'hnr', 'tenor'] as const));
      if (number === undefined) continue;
      checked++;
      const type = referenceValidate(number);
      expect(type.status).toBe('valid');
      const inProduction = validateIdentityNumberForRegistration(number, { environment: 'production' });
      const inTest = validateIdentityNumberForRegistration(number, { environment: 'test' });
      const referenceType = type.status === 'valid' ? type.type : undefined;
      if (referenceType === 'fnr' || referenceType === 'dnr') {
        expect(inProduction).toMatchObject({ ok: true, type: referenceType });
      } else if (referenceType === 'tnr' || referenceType === 'dnr-and-tnr') {
        expect(inProduction).toMatchObject({ ok: false, reason: 'synthetic_in_production' });
        expect(inTest).toMatchObject({ ok: true, synthetic: 'tenor' });
      } else {
        expect(inProduction).toMatchObject({ ok: false, reason: 'h_number' });
        expect(inTest).toMatchObject({ ok: false, reason: 'h_number' });
      }
    }
    expect(checked).toBeGreaterThan(4_000);
  });
});
