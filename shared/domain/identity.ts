// Norwegian national identity numbers: fødselsnummer (fnr) and D-nummer (dnr).
//
// Layout (Skatteetaten, "Fødselsnummer" and "D-nummer"; RELIABILITY.md §1):
//   D D M M Y Y I I I K1 K2
//   date of birth · individnummer · two mod-11 control digits
// - D-nummer: 4 is added to the first digit (day 41–71).
// - H-nummer (health-sector help number): 4 is added to the third digit (month 41–52).
//   FH-nummer (felles hjelpenummer): first digit 8 or 9, no date. Neither identifies a person
//   to a municipality, so both are rejected (`person_id.type_not_allowed`).
// - Synthetic test numbers never belong to a real person: month +40 (NAV Dolly), +65 (SyntPop),
//   +80 (Skatteetaten's Tenor test data). They are accepted only with `allowSynthetic`.
//   Month +40 is the same pattern as an H-nummer: without `allowSynthetic` it is treated as an
//   H-nummer (no Dolly number exists in production), with it as a Dolly number.
//
// Gender is never derived (RELIABILITY.md §6.1): numbers issued from 2032 are gender-neutral,
// and gender is a separate Folkeregister field.

export type IdentityKind = 'fnr' | 'dnr';
export type SyntheticScheme = 'dolly' | 'tenor' | 'syntpop';

export type IdentityErrorCode =
  | 'person_id.format'
  | 'person_id.date_invalid'
  | 'person_id.checksum_invalid'
  | 'person_id.test_number'
  | 'person_id.type_not_allowed';

export type IdentityValidation =
  | {
      ok: true;
      kind: IdentityKind;
      synthetic: false | SyntheticScheme;
      /** YYYY-MM-DD, derived from the number. Prefer the Folkeregister's date where known. */
      birthDate: string;
    }
  | { ok: false; code: IdentityErrorCode };

// Control digit weights (Skatteetaten; RELIABILITY.md §1).
const K1_WEIGHTS = [3, 7, 6, 1, 8, 9, 4, 5, 2] as const;
const K2_WEIGHTS = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2] as const;

// Month offsets of the synthetic schemes (RELIABILITY.md §1).
const SYNTHETIC_MONTH_OFFSET = { dolly: 40, syntpop: 65, tenor: 80 } as const;

// Exactly eleven ASCII digits. \d is not used on purpose: the input must not contain
// Arabic-Indic, full-width or other Unicode digits (RELIABILITY.md §6.1, PERSON_ID_FORMAT).
const ELEVEN_ASCII_DIGITS = /^[0-9]{11}$/;

function weightedSum(digits: readonly number[], weights: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < weights.length; i++) sum += (weights[i] ?? 0) * (digits[i] ?? 0);
  return sum;
}

/**
 * Both control digits, accepting the old and the 2032 rule in parallel.
 *
 * Old rule (Skatteetaten): k = 11 − (Σ wᵢ·dᵢ mod 11), 11 → 0, 10 → the number cannot exist.
 * Equivalently: (Σ wᵢ·dᵢ + k) mod 11 = 0.
 *
 * 2032 rule (Skatteetaten, "Nytt fødselsnummer fra 2032",
 * skatteetaten.github.io/folkeregisteret-api-dokumentasjon/nytt-fodselsnummer-fra-2032/):
 * "Ny kontrollberegning vil akseptere 0, 1, 2 og 3 som gyldige verdier" for the first control
 * digit, i.e. (Σ w1ᵢ·dᵢ + k1) mod 11 ∈ {0, 1, 2, 3}; the second control digit is unchanged.
 * Remainder 0 is the old rule, so one test covers both. Numbers valid only under the new rule
 * are issued from 1 January 2032; systems must accept them before then.
 */
function controlDigitsValid(digits: readonly number[]): boolean {
  const k1Remainder = (weightedSum(digits, K1_WEIGHTS) + (digits[9] ?? 0)) % 11;
  if (k1Remainder > 3) return false;
  const k2Remainder = (weightedSum(digits, K2_WEIGHTS) + (digits[10] ?? 0)) % 11;
  return k2Remainder === 0;
}

/**
 * The century of a birth year, from the individnummer (Skatteetaten's table):
 *   000–499            → 1900–1999
 *   500–749, year 54–99 → 1854–1899
 *   500–999, year 00–39 → 2000–2039
 *   900–999, year 40–99 → 1940–1999
 * Other combinations (500–749 with 40–53, 750–899 with 40–99) are never issued: undefined.
 */
function centuryOf({ individnummer, year }: { individnummer: number; year: number }): number | undefined {
  if (individnummer <= 499) return 1900;
  if (individnummer <= 749 && year >= 54) return 1800;
  if (year <= 39) return 2000;
  if (individnummer >= 900) return 1900;
  return undefined;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth({ year, month }: { year: number; month: number }): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

export function validateIdentityNumber(input: string, opts: { allowSynthetic: boolean }): IdentityValidation {
  // Surrounding whitespace is a copy-paste artefact; anything inside is not (RELIABILITY.md §6.1).
  const value = input.trim();
  if (!ELEVEN_ASCII_DIGITS.test(value)) return { ok: false, code: 'person_id.format' };
  const digits = Array.from(value, (ch) => ch.charCodeAt(0) - 48);
  const d = (i: number): number => digits[i] ?? 0;

  if (!controlDigitsValid(digits)) return { ok: false, code: 'person_id.checksum_invalid' };

  // FH-nummer: first digit 8 or 9 and no date of birth.
  if (d(0) >= 8) return { ok: false, code: 'person_id.type_not_allowed' };

  const kind: IdentityKind = d(0) >= 4 ? 'dnr' : 'fnr';
  const day = (kind === 'dnr' ? d(0) - 4 : d(0)) * 10 + d(1);
  const monthField = d(2) * 10 + d(3);

  let month = monthField;
  let synthetic: false | SyntheticScheme = false;
  if (monthField >= 41 && monthField <= 52) {
    if (!opts.allowSynthetic) return { ok: false, code: 'person_id.type_not_allowed' };
    synthetic = 'dolly';
  } else if (monthField >= 66 && monthField <= 77) {
    synthetic = 'syntpop';
  } else if (monthField >= 81 && monthField <= 92) {
    synthetic = 'tenor';
  }
  if (synthetic !== false) {
    if (!opts.allowSynthetic) return { ok: false, code: 'person_id.test_number' };
    month = monthField - SYNTHETIC_MONTH_OFFSET[synthetic];
  }

  const yearInCentury = d(4) * 10 + d(5);
  const individnummer = d(6) * 100 + d(7) * 10 + d(8);
  const century = centuryOf({ individnummer, year: yearInCentury });
  if (century === undefined) return { ok: false, code: 'person_id.date_invalid' };
  const year = century + yearInCentury;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth({ year, month })) {
    return { ok: false, code: 'person_id.date_invalid' };
  }

  return {
    ok: true,
    kind,
    synthetic,
    birthDate: `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`,
  };
}

/** The individnummer range to draw from for a birth year, per the century table above. */
function individnummerRange(year: number): readonly [number, number] {
  if (year >= 1854 && year <= 1899) return [500, 749];
  if (year >= 1900 && year <= 1999) return [0, 499];
  if (year >= 2000 && year <= 2039) return [500, 999];
  throw new RangeError(`no individnummer series covers birth year ${year} (1854–2039)`);
}

/** The old-rule control digit for a prefix, or undefined when it would be 10. */
function oldRuleControlDigit(prefix: readonly number[], weights: readonly number[]): number | undefined {
  const k = (11 - (weightedSum(prefix, weights) % 11)) % 11;
  return k === 10 ? undefined : k;
}

/**
 * A checksum-valid synthetic number in Skatteetaten's Tenor range (month + 80), for test and
 * demo data. It can never be a real person's number: no real number has a month above 12
 * (or above 52 for H-numbers). The control digits follow the old rule, so the number is also
 * valid for systems that do not yet know the 2032 rule.
 */
export function generateSyntheticIdentityNumber({
  rng,
  birthDate,
  kind,
  scheme,
}: {
  rng: { int(min: number, max: number): number };
  birthDate: string;
  kind: IdentityKind;
  scheme: 'tenor';
}): string {
  const match = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/.exec(birthDate);
  if (!match) throw new RangeError(`birthDate must be YYYY-MM-DD, got ${birthDate}`);
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth({ year, month })) {
    throw new RangeError(`birthDate is not a calendar date: ${birthDate}`);
  }
  const [low, high] = individnummerRange(year);
  const dayField = kind === 'dnr' ? day + 40 : day;
  const monthField = month + SYNTHETIC_MONTH_OFFSET[scheme];
  const datePart = `${pad(dayField, 2)}${pad(monthField, 2)}${pad(year % 100, 2)}`;

  // About 2 in 11 individnumre give a control digit of 10 and are skipped; the bound only
  // guards against an rng that keeps returning the same value.
  for (let attempt = 0; attempt < 1000; attempt++) {
    const prefix = Array.from(`${datePart}${pad(rng.int(low, high), 3)}`, (ch) => ch.charCodeAt(0) - 48);
    const k1 = oldRuleControlDigit(prefix, K1_WEIGHTS);
    if (k1 === undefined) continue;
    const k2 = oldRuleControlDigit([...prefix, k1], K2_WEIGHTS);
    if (k2 === undefined) continue;
    return [...prefix, k1, k2].join('');
  }
  throw new Error('could not find a valid individnummer; is the rng constant?');
}
