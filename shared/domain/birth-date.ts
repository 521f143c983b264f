// Birth dates that may be approximate (RELIABILITY.md §6.2: persons "with unknown exact birth
// date" must be accepted; issue 5 item 1).
//
// Precision:
// - exact            the day is known ('YYYY-MM-DD').
// - jan1_convention  the official documents (UDI, and the Folkeregister after it) record
//                    1 January because only the year is known. That date is the person's
//                    registered birth date, and legal age follows the registered date, so ages
//                    are counted from 1 January; the precision only tells the UI to show it as
//                    approximate ("01.01.2008 (fastsatt)").
// - year             only the year is known to us and nothing official fixes a day (e.g. an IMDi
//                    proposal with "born 2008"). Stored as 'YYYY-01-01'.
//
// Conservative rule for 'year' (stated here because several rules depend on it): the age is the
// YOUNGEST the person can be, as if born on 31 December. Someone born "in 2008" is therefore a
// minor until the end of 2026, not from 1 January 2026. Erring towards "still a minor" keeps the
// protections that depend on age (guardian, EM deadlines, age-out follow-up) instead of
// dropping them early; `ageOn` also returns the oldest possible age for rules that need the
// other bound.
//
// Anniversaries use calendar-date addMonths (12 months a year): someone born 29 February turns a
// year older on 28 February in common years. No Norwegian rule we could cite says otherwise, and
// an earlier date errs towards earlier warnings.

import { addMonths, isCalendarDate, type CalendarDate } from './calendar-date';

export type BirthDatePrecision = 'exact' | 'year' | 'jan1_convention';

export type BirthDate = { date: CalendarDate; precision: BirthDatePrecision };

/** The age of majority (vergemålsloven § 2: "mindreårig" is under 18). */
export const AGE_OF_MAJORITY = 18;

/** Oldest plausible age; a birth date earlier than this is a keying error. */
export const MAX_PLAUSIBLE_AGE = 125;

export type BirthDateProblem = 'format' | 'not_first_of_january' | 'in_future' | 'implausibly_old';

export type BirthDateValidation =
  { ok: true; value: BirthDate } | { ok: false; code: 'person.birth_date_invalid'; reason: BirthDateProblem };

/**
 * Validates and normalises a birth date. For precision 'year' the input may be a year
 * ('2008') or any date in that year; it is stored as 'YYYY-01-01'. For 'jan1_convention' the
 * date must be 1 January (that is the convention). A birth date after `today` or more than
 * 125 years before it is refused.
 */
export function validateBirthDate({
  date,
  precision,
  today,
}: {
  date: string;
  precision: BirthDatePrecision;
  today: CalendarDate;
}): BirthDateValidation {
  const fail = (reason: BirthDateProblem) => ({ ok: false, code: 'person.birth_date_invalid', reason }) as const;
  const input = date.trim();
  let normalised: CalendarDate;
  if (precision === 'year') {
    const year = /^[0-9]{4}$/.test(input) ? input : isCalendarDate(input) ? input.slice(0, 4) : undefined;
    if (year === undefined || year === '0000') return fail('format');
    normalised = `${year}-01-01`;
  } else {
    if (!isCalendarDate(input)) return fail('format');
    if (precision === 'jan1_convention' && input.slice(5) !== '01-01') return fail('not_first_of_january');
    normalised = input;
  }
  // For 'year' the normalised date is 1 January: a child born earlier this year is accepted.
  if (normalised > today) return fail('in_future');
  if (addMonths({ date: today, months: -12 * MAX_PLAUSIBLE_AGE }) > normalised) return fail('implausibly_old');
  return { ok: true, value: { date: normalised, precision } };
}

/** The latest day the person can have been born: the date itself, or 31 December for 'year'. */
function youngestPossible(birth: BirthDate): CalendarDate {
  return birth.precision === 'year' ? `${birth.date.slice(0, 4)}-12-31` : birth.date;
}

function mustBeDate(date: CalendarDate, what: string): void {
  if (!isCalendarDate(date)) throw new RangeError(`${what} must be YYYY-MM-DD: ${JSON.stringify(date)}`);
}

/** Whole years from `born` to `on` (anniversaries by addMonths); negative before birth. */
function completedYears(born: CalendarDate, on: CalendarDate): number {
  let years = Number(on.slice(0, 4)) - Number(born.slice(0, 4));
  if (addMonths({ date: born, months: 12 * years }) > on) years--;
  return years;
}

export type Age = {
  /** The age rules use: exact, or for 'year' the youngest possible (see the header). */
  years: number;
  /** The youngest and oldest the person can be on that date. Equal unless precision is 'year'. */
  min: number;
  max: number;
  approximate: boolean;
};

/** The age on `date`. Before the birth date the years are negative; callers validate first. */
export function ageOn(birth: BirthDate, date: CalendarDate): Age {
  mustBeDate(birth.date, 'birth date');
  mustBeDate(date, 'date');
  if (birth.precision === 'year') {
    const min = completedYears(youngestPossible(birth), date);
    const max = completedYears(`${birth.date.slice(0, 4)}-01-01`, date);
    return { years: min, min, max, approximate: true };
  }
  const years = completedYears(birth.date, date);
  return { years, min: years, max: years, approximate: birth.precision !== 'exact' };
}

/** Under 18 on `date`, by the conservative rule for year-only birth dates. */
export function isMinorOn(birth: BirthDate, date: CalendarDate): boolean {
  return ageOn(birth, date).years < AGE_OF_MAJORITY;
}

/**
 * The first day on which the person is `age` years old by the same rule as ageOn: the
 * anniversary, or for 'year' 31 December of the year they turn `age` (the youngest possible
 * birthday). Thus `ageOn(birth, dateOfAge(birth, n)).years === n` and the day before is n − 1.
 */
export function dateOfAge(birth: BirthDate, age: number): CalendarDate {
  if (!Number.isInteger(age) || age < 0) throw new RangeError(`age must be a whole number ≥ 0: ${age}`);
  mustBeDate(birth.date, 'birth date');
  return addMonths({ date: youngestPossible(birth), months: 12 * age });
}
