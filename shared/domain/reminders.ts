// When reminders about the end of a lease fall due (requirements §3.4 "notice / letter dates",
// R8.2, R8.5–R8.6, R9.9).
//
// - Household leases (the municipality lets or sublets to a household): the needs assessment
//   and follow-up must start *before* the 3 years run out (R8.2, 002:4898-4902); Bodø sends
//   every settled refugee a letter calling them to a meeting before the tenancy runs out
//   (R8.5, 002:3194-3220), and the letter is the start of the work (R8.6). Hence 6 and 3 months.
// - Head leases (the municipality as tenant of a private landlord): the same 6 and 3 months to
//   decide whether to renew or to find another dwelling for the subtenant, plus 1 month as a
//   last call, since an unnoticed expiry leaves a household without a lawful lease.
//
// The shell's scheduler creates each reminder once: `key` is stable for a given lead time, so
// (lease id, lease end date, key) is a natural unique key. Renewing a lease changes its end
// date and so yields a fresh set of reminders.

import { addMonths, type CalendarDate } from './calendar-date';

/** 'head': innleie, the municipality is the tenant. 'sub': a lease or sublease to a household. */
export type LeaseKind = 'head' | 'sub';

export const DEFAULT_LEAD_TIMES_MONTHS: Readonly<Record<LeaseKind, readonly number[]>> = {
  sub: [6, 3],
  head: [6, 3, 1],
};

export type LeaseReminder = { key: `lease-end:${number}m`; monthsBefore: number; dueDate: CalendarDate };

/**
 * The reminders for a lease ending on `end` (the first day the lease no longer covers), earliest
 * first. A due date is `end` minus the lead time in whole months, clamped to the last day of a
 * shorter month (ending 31 August, 6 months before is 28 or 29 February). Open-ended leases have
 * no end and so no reminders. Due dates in the past are returned too: whether to send a late
 * reminder is the scheduler's decision.
 *
 * Lead times are whole months ≥ 1; duplicates are ignored. Anything else is a programming error
 * and throws.
 */
export function leaseReminderDates({
  lease,
  leadTimes,
}: {
  lease: { kind: LeaseKind; end: CalendarDate | null };
  leadTimes?: readonly number[] | undefined;
}): LeaseReminder[] {
  if (lease.end === null) return [];
  const end = lease.end;
  const months = leadTimes ?? DEFAULT_LEAD_TIMES_MONTHS[lease.kind];
  for (const m of months) {
    if (!Number.isInteger(m) || m < 1) throw new RangeError(`lead time must be a whole number of months ≥ 1: ${m}`);
  }
  return [...new Set(months)]
    .sort((a, b) => b - a)
    .map((monthsBefore) => ({
      key: `lease-end:${monthsBefore}m` as const,
      monthsBefore,
      dueDate: addMonths({ date: end, months: -monthsBefore }),
    }));
}
