// Rules for head leases (innleie: the municipality as tenant) and leases to households
// (leieforhold, including fremleie: the municipality sublets), requirements §3.3–3.4, R4.11,
// R4.14, R8.1–R8.2 and R9.9.
//
// Periods are half-open [start, end) of calendar dates; `end: null` is open-ended
// (tidsubestemt). A lease ending on 2025-01-01 covers 31 December 2024 but not 1 January 2025,
// so a lease that starts on 2025-01-01 touches it without overlapping.

import { addMonths, isCalendarDate, type CalendarDate } from './calendar-date';

export type Period = { start: CalendarDate; end: CalendarDate | null };

export type PeriodProblem =
  'start_invalid' | 'end_invalid' | 'end_not_after_start' | 'open_ended_with_end' | 'fixed_term_without_end';

export type PeriodInvalid = { ok: false; code: 'lease.period_invalid'; reason: PeriodProblem };

/** Start and end are real dates and the period is not empty: end must be after start. */
export function validateLeasePeriod({ start, end }: Period): { ok: true } | PeriodInvalid {
  if (!isCalendarDate(start)) return { ok: false, code: 'lease.period_invalid', reason: 'start_invalid' };
  if (end === null) return { ok: true };
  if (!isCalendarDate(end)) return { ok: false, code: 'lease.period_invalid', reason: 'end_invalid' };
  if (end <= start) return { ok: false, code: 'lease.period_invalid', reason: 'end_not_after_start' };
  return { ok: true };
}

/** Whether two half-open periods share at least one day. Touching periods do not overlap. */
export function periodsOverlap(a: Period, b: Period): boolean {
  const aStartsBeforeBEnds = b.end === null || a.start < b.end;
  const bStartsBeforeAEnds = a.end === null || b.start < a.end;
  return aStartsBeforeBEnds && bStartsBeforeAEnds;
}

// Upper bound on a monthly rent: NOK 1 000 000 (100 000 000 øre). No law sets it; it is a
// plausibility guard against keying errors (an amount typed in øre where NOK was meant, extra
// zeros) and keeps every sum of a few hundred years of rent well inside Number.MAX_SAFE_INTEGER.
export const MAX_MONTHLY_RENT_ORE = 100_000_000;

export type RentProblem =
  'not_integer' | 'negative' | 'above_limit' | 'zero_without_reason' | 'free_of_charge_with_rent';

/**
 * Monthly rent in integer øre. A rent of 0 is allowed only when the lease is recorded as free
 * of charge with a reason (so that an empty field is never mistaken for a deliberate decision),
 * and a free-of-charge lease must have rent 0.
 */
export function validateRent({
  monthlyRentOre,
  freeOfCharge,
}: {
  monthlyRentOre: number;
  freeOfCharge?: { reason: string } | undefined;
}): { ok: true } | { ok: false; code: 'lease.rent_invalid'; reason: RentProblem } {
  const fail = (reason: RentProblem) => ({ ok: false, code: 'lease.rent_invalid', reason }) as const;
  if (!Number.isSafeInteger(monthlyRentOre)) return fail('not_integer');
  if (monthlyRentOre < 0) return fail('negative');
  if (monthlyRentOre > MAX_MONTHLY_RENT_ORE) return fail('above_limit');
  if (monthlyRentOre === 0 && !freeOfCharge?.reason.trim()) return fail('zero_without_reason');
  if (monthlyRentOre > 0 && freeOfCharge) return fail('free_of_charge_with_rent');
  return { ok: true };
}

// husleieloven § 3-5 second paragraph: the landlord cannot require a deposit above an amount
// equal to six months' rent.
export const MAX_DEPOSIT_MONTHS = 6;

export type DepositValidation =
  | { ok: true }
  | { ok: false; code: 'lease.deposit_invalid'; reason: 'not_integer' | 'negative' }
  | { ok: false; code: 'lease.deposit_exceeds_limit'; limitOre: number };

/** Deposit (depositum) in integer øre, at most six months' rent (husleieloven § 3-5). */
export function validateDeposit({
  depositOre,
  monthlyRentOre,
}: {
  depositOre: number;
  monthlyRentOre: number;
}): DepositValidation {
  if (!Number.isSafeInteger(depositOre)) return { ok: false, code: 'lease.deposit_invalid', reason: 'not_integer' };
  if (depositOre < 0) return { ok: false, code: 'lease.deposit_invalid', reason: 'negative' };
  const limitOre = MAX_DEPOSIT_MONTHS * monthlyRentOre;
  if (depositOre > limitOre) return { ok: false, code: 'lease.deposit_exceeds_limit', limitOre };
  return { ok: true };
}

export type SubleaseValidation =
  | { ok: true }
  | PeriodInvalid
  | { ok: false; code: 'lease.sublease_before_head_lease' | 'lease.sublease_outlives_head_lease' };

/**
 * A sublease (fremleie, R4.14) must lie within the head lease it is carved out of: the
 * municipality cannot let a household a dwelling for longer than it holds it itself. An
 * open-ended sublease under a fixed-term head lease runs past it. When the sublease both starts
 * too early and ends too late, the start is reported first.
 */
export function validateSublease({ sublease, headLease }: { sublease: Period; headLease: Period }): SubleaseValidation {
  for (const period of [sublease, headLease]) {
    const valid = validateLeasePeriod(period);
    if (!valid.ok) return valid;
  }
  if (sublease.start < headLease.start) return { ok: false, code: 'lease.sublease_before_head_lease' };
  if (headLease.end !== null && (sublease.end === null || sublease.end > headLease.end)) {
    return { ok: false, code: 'lease.sublease_outlives_head_lease' };
  }
  return { ok: true };
}

/**
 * The legal basis of a lease's term (requirements §3.4 "Lease contract"):
 * - 'hl_9_3': fixed term (tidsbestemt) under husleieloven § 9-3, the main rule;
 * - 'hl_11_1': fixed term under § 11-1, dwellings the public sector lets to the disadvantaged
 *   on the housing market (vanskeligstilte), which may be shorter than three years;
 * - 'open_ended': tidsubestemt, no end date.
 */
export type TermBasis = 'hl_9_3' | 'hl_11_1' | 'open_ended';

export type TermWarning =
  | { code: 'lease.term_shorter_than_3_years'; minimumEnd: CalendarDate }
  | { code: 'lease.basis_11_1_requires_municipal_landlord' };

// husleieloven § 9-3 first paragraph: a fixed-term lease of a dwelling cannot be made for less
// than three years. (The one-year minimum when the landlord lives in the same house, and the
// exceptions in letters a and b, are out of scope: a municipality is not such a landlord.)
export const MIN_FIXED_TERM_MONTHS = 36;

/**
 * Warnings about a lease's term. They do not block saving: the caseworker decides.
 *
 * - § 9-3: a fixed term shorter than three years. § 9-3 last paragraph: a fixed-term lease made
 *   against the section counts as open-ended, so the municipality would not get the end date it
 *   wrote down.
 * - § 11-1: shorter terms are allowed only when the public sector lets (or has decided that the
 *   dwelling is reserved for) the disadvantaged; so the basis is flagged when the landlord is
 *   recorded as not municipal. When it is unknown (undefined), nothing is said.
 * - An open-ended lease with an end date, or a fixed-term basis without one, is contradictory
 *   and is an error (`lease.period_invalid`), not a warning.
 */
export function termWarnings({
  start,
  end,
  basis,
  municipalLandlord,
}: Period & { basis: TermBasis; municipalLandlord?: boolean | undefined }):
  { ok: true; warnings: TermWarning[] } | PeriodInvalid {
  if (basis === 'open_ended' && end !== null)
    return { ok: false, code: 'lease.period_invalid', reason: 'open_ended_with_end' };
  if (basis !== 'open_ended' && end === null)
    return { ok: false, code: 'lease.period_invalid', reason: 'fixed_term_without_end' };
  const valid = validateLeasePeriod({ start, end });
  if (!valid.ok) return valid;

  const warnings: TermWarning[] = [];
  if (basis === 'hl_9_3' && end !== null) {
    // Three years from 29 February end on 28 February (month arithmetic clamps).
    const minimumEnd = addMonths({ date: start, months: MIN_FIXED_TERM_MONTHS });
    if (end < minimumEnd) warnings.push({ code: 'lease.term_shorter_than_3_years', minimumEnd });
  }
  if (basis === 'hl_11_1' && municipalLandlord === false) {
    warnings.push({ code: 'lease.basis_11_1_requires_municipal_landlord' });
  }
  return { ok: true, warnings };
}

/** The outcome of the needs assessment (behovsvurdering) made before a renewal (R8.2–R8.3). */
export type NeedsAssessment = {
  /** 'need_continues': keep the lease; 'need_ended': move on (private market, startlån, …). */
  outcome: 'need_continues' | 'need_ended';
  reason: string;
};

/**
 * A lease to a household may be renewed only on a recorded needs assessment that found a
 * continued need, with its reason. Requirements R8.2 (the 2011 NTNU report, 002:4898-4902):
 * routines must stop 3-year contracts being renewed automatically without an assessment of
 * need; R9.9 (002:3224-3228): leases that are not followed up are extended more or less
 * automatically and become permanent; R8.3: keep the lease if still needed.
 */
export function canRenew({
  needsAssessment,
}: {
  needsAssessment: NeedsAssessment | null | undefined;
}):
  | { ok: true }
  | { ok: false; code: 'lease.renewal_requires_needs_assessment' | 'lease.renewal_not_supported_by_assessment' } {
  if (!needsAssessment || !needsAssessment.reason.trim()) {
    return { ok: false, code: 'lease.renewal_requires_needs_assessment' };
  }
  if (needsAssessment.outcome !== 'need_continues')
    return { ok: false, code: 'lease.renewal_not_supported_by_assessment' };
  return { ok: true };
}
