// Calendar dates without time ('YYYY-MM-DD'), as used for leases, deadlines and vacancies
// (STYLE.md: "Calendar dates without time for leases and deadlines ([start, end))").
//
// A calendar date names a day, not an instant, so the arithmetic here runs on UTC midnights
// and never sees a time zone or a daylight-saving shift. Which day "today" is in Europe/Oslo is
// the shell's business (it owns the clock); the rules below only compare and count days.
//
// Valid ISO dates compare correctly as strings ('2024-02-29' < '2024-03-01'), which the rule
// modules rely on.

/** 'YYYY-MM-DD', year 0001–9999. */
export type CalendarDate = string;

const osloDay = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Oslo', year: 'numeric', month: '2-digit', day: '2-digit' });

/**
 * The calendar date it is in Norway at `now` (leases, vacancies, deadlines and overdue are Oslo
 * days). The shell passes its clock's instant; the rules below never read a clock themselves.
 */
export function osloToday(now: Date): CalendarDate {
  return osloDay.format(now);
}

const ISO_DATE = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/;
const MS_PER_DAY = 86_400_000;

type Ymd = { year: number; month: number; day: number };

function parts(date: string): Ymd | undefined {
  const match = ISO_DATE.exec(date);
  if (!match) return undefined;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth({ year, month })) return undefined;
  return { year, month, day };
}

/** Strict: exactly 'YYYY-MM-DD' naming a day that exists (no 2023-02-29, no time part). */
export function isCalendarDate(value: unknown): value is CalendarDate {
  return typeof value === 'string' && parts(value) !== undefined;
}

function mustParse(date: string): Ymd {
  const ymd = parts(date);
  // A malformed date reaching a rule is a programming error (input is validated at the edge).
  if (!ymd) throw new RangeError(`not a calendar date (YYYY-MM-DD): ${JSON.stringify(date)}`);
  return ymd;
}

function format({ year, month, day }: Ymd): CalendarDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function toEpochDay({ year, month, day }: Ymd): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  return Math.round(d.getTime() / MS_PER_DAY);
}

function fromEpochDay(epochDay: number): Ymd {
  const d = new Date(epochDay * MS_PER_DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** Days in a month (1–12), Gregorian leap years. */
export function daysInMonth({ year, month }: { year: number; month: number }): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/**
 * `date` moved by whole months (negative moves back). A day that does not exist in the target
 * month is clamped to that month's last day: 31 August − 6 months = 28 (or 29) February.
 */
export function addMonths({ date, months }: { date: CalendarDate; months: number }): CalendarDate {
  if (!Number.isInteger(months)) throw new RangeError(`months must be an integer: ${months}`);
  const { year, month, day } = mustParse(date);
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = index - targetYear * 12 + 1;
  const last = daysInMonth({ year: targetYear, month: targetMonth });
  return format({ year: targetYear, month: targetMonth, day: Math.min(day, last) });
}

/** `date` moved by whole days (negative moves back). */
export function addDays({ date, days }: { date: CalendarDate; days: number }): CalendarDate {
  if (!Number.isInteger(days)) throw new RangeError(`days must be an integer: ${days}`);
  return format(fromEpochDay(toEpochDay(mustParse(date)) + days));
}

/** Whole days from `from` to `to`: the length of [from, to). Negative when `to` is earlier. */
export function daysBetween({ from, to }: { from: CalendarDate; to: CalendarDate }): number {
  return toEpochDay(mustParse(to)) - toEpochDay(mustParse(from));
}

/** The first day of the month after the one `date` is in. */
export function startOfNextMonth(date: CalendarDate): CalendarDate {
  const { year, month } = mustParse(date);
  return month === 12 ? format({ year: year + 1, month: 1, day: 1 }) : format({ year, month: month + 1, day: 1 });
}
