// Vacancy and internal rent (internhusleie), requirements R4.12–R4.13 and §3.3 "vacancy start
// date (for the 2-month internal-rent rule)".
//
// R4.13 (002:3234-3246): the unit that disposes of a dwelling pays internal rent when it stands
// vacant; in one municipality the boligkontor pays when a dwelling has been empty more than
// 2 months, which stopped it keeping dwellings ready (standing empty). The threshold is a local
// choice, so it is a parameter with 2 months as the default.
//
// Dates are calendar dates; `vacantSince` is the first day the dwelling stood empty, and a
// vacancy is the half-open period [vacantSince, the day it is let again).

import { MAX_MONTHLY_RENT_ORE } from './lease-rules';
import {
  addMonths,
  daysBetween,
  daysInMonth,
  isCalendarDate,
  startOfNextMonth,
  type CalendarDate,
} from './calendar-date';

export const DEFAULT_INTERNAL_RENT_THRESHOLD_MONTHS = 2;

/**
 * Whole days the dwelling has stood empty before `today`: vacant since today is 0 days, since
 * yesterday 1. A vacancy that starts in the future is 0 days, not negative.
 */
export function vacancyDays({ vacantSince, today }: { vacantSince: CalendarDate; today: CalendarDate }): number {
  return Math.max(0, daysBetween({ from: vacantSince, to: today }));
}

/**
 * The first day internal rent accrues: `vacantSince` plus the threshold in whole months (clamped
 * to a shorter month's last day). Vacant since 1 January → 1 March: January and February are
 * the two free months, and from 1 March the dwelling has stood empty more than 2 months.
 */
export function internalRentAccrualStart({
  vacantSince,
  thresholdMonths = DEFAULT_INTERNAL_RENT_THRESHOLD_MONTHS,
}: {
  vacantSince: CalendarDate;
  thresholdMonths?: number;
}): CalendarDate {
  if (!Number.isInteger(thresholdMonths) || thresholdMonths < 0) {
    throw new RangeError(`threshold must be a whole number of months ≥ 0: ${thresholdMonths}`);
  }
  return addMonths({ date: vacantSince, months: thresholdMonths });
}

/** Whether, on `today`, the dwelling has stood empty long enough for internal rent to accrue. */
export function internalRentAccrues({
  vacantSince,
  today,
  thresholdMonths = DEFAULT_INTERNAL_RENT_THRESHOLD_MONTHS,
}: {
  vacantSince: CalendarDate;
  today: CalendarDate;
  thresholdMonths?: number;
}): boolean {
  return today >= internalRentAccrualStart({ vacantSince, thresholdMonths });
}

export type AccruedInternalRent =
  | { ok: true; amountOre: number; accruedDays: number; accrualStart: CalendarDate }
  | { ok: false; code: 'vacancy.period_invalid' | 'vacancy.rent_invalid' };

/**
 * Internal rent accrued over the billing period [from, to) for a dwelling vacant since
 * `vacantSince` (and still vacant on `to`; the shell ends the period when it is let).
 *
 * Only the days from the accrual start count. Pro rata by days, month by month: each calendar
 * month contributes monthlyRentOre × (days accrued in it) / (days in that month), rounded to
 * the nearest øre with halves rounded up, and the months are summed. So a whole month is always
 * exactly the monthly rent whatever its length, and splitting a billing period at month
 * boundaries never changes the total. (Splitting inside a month may move a rounding øre.)
 */
export function accruedInternalRent({
  vacantSince,
  from,
  to,
  monthlyRentOre,
  thresholdMonths = DEFAULT_INTERNAL_RENT_THRESHOLD_MONTHS,
}: {
  vacantSince: CalendarDate;
  from: CalendarDate;
  to: CalendarDate;
  monthlyRentOre: number;
  thresholdMonths?: number;
}): AccruedInternalRent {
  if (![vacantSince, from, to].every(isCalendarDate) || to < from) return { ok: false, code: 'vacancy.period_invalid' };
  if (!Number.isSafeInteger(monthlyRentOre) || monthlyRentOre < 0 || monthlyRentOre > MAX_MONTHLY_RENT_ORE)
    return { ok: false, code: 'vacancy.rent_invalid' };

  const accrualStart = internalRentAccrualStart({ vacantSince, thresholdMonths });
  let cursor = from > accrualStart ? from : accrualStart;
  let amountOre = 0;
  let accruedDays = 0;
  while (cursor < to) {
    const monthEnd = startOfNextMonth(cursor);
    const segmentEnd = monthEnd < to ? monthEnd : to;
    const days = daysBetween({ from: cursor, to: segmentEnd });
    const [year, month] = cursor.split('-').map(Number) as [number, number];
    // Integer arithmetic until the single rounding: rent ≤ MAX_MONTHLY_RENT_ORE (10⁸) × 31 days × 2
    // stays far below 2⁵³, so the division is the only inexact step and Math.floor does the rounding.
    amountOre += Math.floor(
      (monthlyRentOre * days * 2 + daysInMonth({ year, month })) / (2 * daysInMonth({ year, month })),
    );
    accruedDays += days;
    cursor = segmentEnd;
  }
  return { ok: true, amountOre, accruedDays, accrualStart };
}
