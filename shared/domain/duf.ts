// DUF-nummer: UDI's 12-digit person number (DUF = Datasystemet for utlendings- og
// flyktningsaker), which a refugee has long before a fødselsnummer or D-nummer
// (RELIABILITY.md §1, §6.1 DUF_CHECKSUM_INVALID; issue 5 item 1).
//
// Layout: YYYY NNNNNN KK
//   YYYY    the year the person was registered in DUF
//   NNNNNN  a serial number
//   KK      two control digits
//
// Control digits: KK = (Σ dᵢ·wᵢ for the first ten digits) mod 11, written with two digits
// ('00'–'10'), weights 4 6 3 2 4 6 3 2 7 5.
//
// SOURCE AND ITS LIMITS. UDI has not published the rule; the Norwegian Institute of Public
// Health says the algorithm is confidential (FHIDev/Fhi.NINCheck, README.md: "For DufNummer er
// gyldighetsalgoritmen konfidensiell … Dersom den sier at nummeret ikke er gyldig, er det
// korrekt, men om den sier nummeret er gyldig skal det tolkes som sannsynligvis korrekt").
// The rule above is the one implemented identically by three independent public sources:
//   - Statistics Norway's KOSTRA control program, which checks DUF numbers in municipalities'
//     statutory reports: statisticsnorway/kostra-kontrollprogram,
//     kontroller/src/main/kotlin/no/ssb/kostra/program/util/SsnValidationUtils.kt (validateDUF)
//   - FHIDev/Fhi.NINCheck (FHI), with example numbers in Fhi.NINCheck.Test/ValidationTests.cs
//   - oyms/NorwegianTypes, src/Skaar.Fodselsnummer/Utils/ValueParser.cs (IsDufNummer), with
//     examples in tests/Skaar.Fodselsnummer.Tests/DufNummerTests.cs
// The tests use the examples these sources give. Because the rule comes from reporting controls
// rather than from UDI, the result separates a wrong check digit (`check_digits`) from a wrong
// format, so the shell can decide how hard to enforce it; by FHI's reading above, a number that
// fails the check is wrong.
//
// The year is checked for plausibility only: not after the current year and not before
// DUF_EARLIEST_YEAR. That bound is Husly's rule, not a documented one: UDI was set up in 1988
// and DUF is its case register; 1980 leaves room for numbers migrated from older registers
// while still catching keying errors such as a year typed as '0201'.

import type { CalendarDate } from './calendar-date';

const WEIGHTS = [4, 6, 3, 2, 4, 6, 3, 2, 7, 5] as const;

export const DUF_EARLIEST_YEAR = 1980;

// Exactly twelve ASCII digits; \d is avoided on purpose (no Arabic-Indic or full-width digits),
// as in identity.ts.
const TWELVE_ASCII_DIGITS = /^[0-9]{12}$/;

/** The two control digits for the first ten digits of a DUF number. */
export function dufControlDigits(firstTen: string): string {
  if (!/^[0-9]{10}$/.test(firstTen)) throw new RangeError('expected exactly ten ASCII digits');
  let sum = 0;
  for (let i = 0; i < WEIGHTS.length; i++) sum += (firstTen.charCodeAt(i) - 48) * (WEIGHTS[i] ?? 0);
  return String(sum % 11).padStart(2, '0');
}

export type DufProblem = 'format' | 'year' | 'check_digits';

export type DufValidation =
  { ok: true; value: string; year: number } | { ok: false; code: 'person.duf_invalid'; reason: DufProblem };

/**
 * Validates a DUF number. Surrounding whitespace (copy-paste) is ignored; anything inside is
 * not. `today` is the shell's date, for the year check.
 */
export function validateDufNumber(input: string, { today }: { today: CalendarDate }): DufValidation {
  const fail = (reason: DufProblem) => ({ ok: false, code: 'person.duf_invalid', reason }) as const;
  const value = input.trim();
  if (!TWELVE_ASCII_DIGITS.test(value)) return fail('format');
  const year = Number(value.slice(0, 4));
  if (year < DUF_EARLIEST_YEAR || year > Number(today.slice(0, 4))) return fail('year');
  if (dufControlDigits(value.slice(0, 10)) !== value.slice(10)) return fail('check_digits');
  return { ok: true, value, year };
}

/** A valid DUF number for synthetic data and tests: the given year, a random serial. */
export function generateDufNumber({
  rng,
  year,
}: {
  rng: { int(min: number, max: number): number };
  year: number;
}): string {
  if (!Number.isInteger(year) || year < 1000 || year > 9999)
    throw new RangeError(`year must have four digits: ${year}`);
  const firstTen = `${year}${String(rng.int(0, 999_999)).padStart(6, '0')}`;
  return `${firstTen}${dufControlDigits(firstTen)}`;
}
