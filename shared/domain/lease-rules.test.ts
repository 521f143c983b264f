import { describe, expect, it } from 'vitest';
import {
  MAX_MONTHLY_RENT_ORE,
  canRenew,
  periodsOverlap,
  termWarnings,
  validateDeposit,
  validateLeasePeriod,
  validateRent,
  validateSublease,
} from './lease-rules';

describe('validateLeasePeriod', () => {
  it('accepts a fixed period whose end is after its start, and an open-ended one', () => {
    expect(validateLeasePeriod({ start: '2024-01-01', end: '2027-01-01' })).toEqual({ ok: true });
    expect(validateLeasePeriod({ start: '2024-01-01', end: '2024-01-02' })).toEqual({ ok: true });
    expect(validateLeasePeriod({ start: '2024-01-01', end: null })).toEqual({ ok: true });
  });

  it('when the end is on or before the start, the period fails with lease.period_invalid', () => {
    expect(validateLeasePeriod({ start: '2024-01-01', end: '2024-01-01' })).toEqual({
      ok: false,
      code: 'lease.period_invalid',
      reason: 'end_not_after_start',
    });
    expect(validateLeasePeriod({ start: '2024-01-02', end: '2024-01-01' })).toMatchObject({
      ok: false,
      code: 'lease.period_invalid',
    });
  });

  it('when a date does not exist, the period fails with lease.period_invalid and says which', () => {
    expect(validateLeasePeriod({ start: '2023-02-29', end: null })).toMatchObject({
      code: 'lease.period_invalid',
      reason: 'start_invalid',
    });
    expect(validateLeasePeriod({ start: '2024-01-01', end: '2024-13-01' })).toMatchObject({
      code: 'lease.period_invalid',
      reason: 'end_invalid',
    });
  });
});

describe('periodsOverlap', () => {
  it('periods that only touch do not overlap (the end day is not part of the period)', () => {
    const first = { start: '2024-01-01', end: '2025-01-01' };
    const next = { start: '2025-01-01', end: '2026-01-01' };
    expect(periodsOverlap(first, next)).toBe(false);
    expect(periodsOverlap(next, first)).toBe(false);
  });

  it('periods that share a day overlap, in either order, including containment', () => {
    const a = { start: '2024-01-01', end: '2025-01-01' };
    expect(periodsOverlap(a, { start: '2024-12-31', end: '2026-01-01' })).toBe(true);
    expect(periodsOverlap({ start: '2024-12-31', end: '2026-01-01' }, a)).toBe(true);
    expect(periodsOverlap(a, { start: '2024-06-01', end: '2024-07-01' })).toBe(true);
  });

  it('an open-ended period overlaps everything from its start on', () => {
    const open = { start: '2024-06-01', end: null };
    expect(periodsOverlap(open, { start: '2030-01-01', end: '2031-01-01' })).toBe(true);
    expect(periodsOverlap(open, { start: '2024-01-01', end: '2024-06-01' })).toBe(false);
    expect(periodsOverlap(open, { start: '2020-01-01', end: null })).toBe(true);
  });
});

describe('validateRent', () => {
  it('accepts a positive whole number of øre up to NOK 1 000 000 a month', () => {
    expect(validateRent({ monthlyRentOre: 1_250_000 })).toEqual({ ok: true });
    expect(validateRent({ monthlyRentOre: MAX_MONTHLY_RENT_ORE })).toEqual({ ok: true });
  });

  it('rejects negative, fractional and implausibly large rents with lease.rent_invalid', () => {
    expect(validateRent({ monthlyRentOre: -1 })).toEqual({ ok: false, code: 'lease.rent_invalid', reason: 'negative' });
    expect(validateRent({ monthlyRentOre: 100.5 })).toEqual({
      ok: false,
      code: 'lease.rent_invalid',
      reason: 'not_integer',
    });
    expect(validateRent({ monthlyRentOre: Number.NaN })).toMatchObject({ reason: 'not_integer' });
    expect(validateRent({ monthlyRentOre: MAX_MONTHLY_RENT_ORE + 1 })).toEqual({
      ok: false,
      code: 'lease.rent_invalid',
      reason: 'above_limit',
    });
  });

  it('a rent of zero is accepted only when the lease is recorded as free of charge with a reason', () => {
    expect(validateRent({ monthlyRentOre: 0 })).toEqual({
      ok: false,
      code: 'lease.rent_invalid',
      reason: 'zero_without_reason',
    });
    expect(validateRent({ monthlyRentOre: 0, freeOfCharge: { reason: '  ' } })).toMatchObject({
      reason: 'zero_without_reason',
    });
    expect(validateRent({ monthlyRentOre: 0, freeOfCharge: { reason: 'Nødbolig første uke' } })).toEqual({ ok: true });
  });

  it('a lease marked free of charge cannot also have a rent', () => {
    expect(validateRent({ monthlyRentOre: 500_000, freeOfCharge: { reason: 'x' } })).toEqual({
      ok: false,
      code: 'lease.rent_invalid',
      reason: 'free_of_charge_with_rent',
    });
  });
});

describe('validateDeposit (husleieloven § 3-5)', () => {
  it('accepts a deposit of up to six months rent, and no deposit at all', () => {
    expect(validateDeposit({ depositOre: 6 * 1_000_000, monthlyRentOre: 1_000_000 })).toEqual({ ok: true });
    expect(validateDeposit({ depositOre: 0, monthlyRentOre: 1_000_000 })).toEqual({ ok: true });
  });

  it('when the deposit is more than six months rent, it fails with lease.deposit_exceeds_limit and the limit', () => {
    expect(validateDeposit({ depositOre: 6_000_001, monthlyRentOre: 1_000_000 })).toEqual({
      ok: false,
      code: 'lease.deposit_exceeds_limit',
      limitOre: 6_000_000,
    });
  });

  it('a free-of-charge lease allows no deposit', () => {
    expect(validateDeposit({ depositOre: 1, monthlyRentOre: 0 })).toMatchObject({
      code: 'lease.deposit_exceeds_limit',
      limitOre: 0,
    });
  });

  it('rejects negative or fractional deposits with lease.deposit_invalid', () => {
    expect(validateDeposit({ depositOre: -100, monthlyRentOre: 1_000_000 })).toEqual({
      ok: false,
      code: 'lease.deposit_invalid',
      reason: 'negative',
    });
    expect(validateDeposit({ depositOre: 0.5, monthlyRentOre: 1_000_000 })).toEqual({
      ok: false,
      code: 'lease.deposit_invalid',
      reason: 'not_integer',
    });
  });
});

describe('validateSublease', () => {
  const headLease = { start: '2024-01-01', end: '2027-01-01' };

  it('accepts a sublease inside the head lease, including one that ends exactly when it ends', () => {
    expect(validateSublease({ sublease: { start: '2024-02-01', end: '2026-01-01' }, headLease })).toEqual({ ok: true });
    expect(validateSublease({ sublease: { start: '2024-01-01', end: '2027-01-01' }, headLease })).toEqual({ ok: true });
  });

  it('when the sublease runs past the end of the head lease, it fails with lease.sublease_outlives_head_lease', () => {
    expect(validateSublease({ sublease: { start: '2024-02-01', end: '2027-01-02' }, headLease })).toEqual({
      ok: false,
      code: 'lease.sublease_outlives_head_lease',
    });
  });

  it('an open-ended sublease under a fixed-term head lease outlives it', () => {
    expect(validateSublease({ sublease: { start: '2024-02-01', end: null }, headLease })).toEqual({
      ok: false,
      code: 'lease.sublease_outlives_head_lease',
    });
  });

  it('under an open-ended head lease, any sublease from its start on is fine', () => {
    const openHead = { start: '2024-01-01', end: null };
    expect(validateSublease({ sublease: { start: '2024-02-01', end: null }, headLease: openHead })).toEqual({
      ok: true,
    });
    expect(validateSublease({ sublease: { start: '2024-02-01', end: '2040-01-01' }, headLease: openHead })).toEqual({
      ok: true,
    });
  });

  it('when the sublease starts before the head lease, it fails with lease.sublease_before_head_lease (reported before outliving)', () => {
    expect(validateSublease({ sublease: { start: '2023-12-31', end: '2026-01-01' }, headLease })).toEqual({
      ok: false,
      code: 'lease.sublease_before_head_lease',
    });
    expect(validateSublease({ sublease: { start: '2023-12-31', end: null }, headLease })).toMatchObject({
      code: 'lease.sublease_before_head_lease',
    });
  });

  it('an invalid period on either side fails with lease.period_invalid', () => {
    expect(validateSublease({ sublease: { start: '2025-01-01', end: '2025-01-01' }, headLease })).toMatchObject({
      code: 'lease.period_invalid',
    });
    expect(
      validateSublease({
        sublease: { start: '2025-01-01', end: null },
        headLease: { start: '2024-01-01', end: '2023-01-01' },
      }),
    ).toMatchObject({
      code: 'lease.period_invalid',
    });
  });
});

describe('termWarnings', () => {
  it('under § 9-3, a fixed term of exactly three years gives no warning', () => {
    expect(termWarnings({ start: '2024-03-01', end: '2027-03-01', basis: 'hl_9_3' })).toEqual({
      ok: true,
      warnings: [],
    });
    // From 29 February, three years end on 28 February.
    expect(termWarnings({ start: '2024-02-29', end: '2027-02-28', basis: 'hl_9_3' })).toEqual({
      ok: true,
      warnings: [],
    });
  });

  it('under § 9-3, a term one day short of three years warns lease.term_shorter_than_3_years with the earliest lawful end', () => {
    expect(termWarnings({ start: '2024-03-01', end: '2027-02-28', basis: 'hl_9_3' })).toEqual({
      ok: true,
      warnings: [{ code: 'lease.term_shorter_than_3_years', minimumEnd: '2027-03-01' }],
    });
  });

  it('under § 11-1, a one-year term gives no warning when the landlord is municipal or not recorded', () => {
    expect(termWarnings({ start: '2024-03-01', end: '2025-03-01', basis: 'hl_11_1', municipalLandlord: true })).toEqual(
      { ok: true, warnings: [] },
    );
    expect(termWarnings({ start: '2024-03-01', end: '2025-03-01', basis: 'hl_11_1' })).toEqual({
      ok: true,
      warnings: [],
    });
  });

  it('under § 11-1, a landlord recorded as not municipal gives the hint lease.basis_11_1_requires_municipal_landlord', () => {
    expect(
      termWarnings({ start: '2024-03-01', end: '2025-03-01', basis: 'hl_11_1', municipalLandlord: false }),
    ).toEqual({
      ok: true,
      warnings: [{ code: 'lease.basis_11_1_requires_municipal_landlord' }],
    });
  });

  it('an open-ended lease gives no warning, but an open-ended lease with an end date is an error', () => {
    expect(termWarnings({ start: '2024-03-01', end: null, basis: 'open_ended' })).toEqual({ ok: true, warnings: [] });
    expect(termWarnings({ start: '2024-03-01', end: '2030-01-01', basis: 'open_ended' })).toEqual({
      ok: false,
      code: 'lease.period_invalid',
      reason: 'open_ended_with_end',
    });
  });

  it('a fixed-term basis without an end date, or with an end before the start, is an error', () => {
    expect(termWarnings({ start: '2024-03-01', end: null, basis: 'hl_9_3' })).toMatchObject({
      code: 'lease.period_invalid',
      reason: 'fixed_term_without_end',
    });
    expect(termWarnings({ start: '2024-03-01', end: null, basis: 'hl_11_1' })).toMatchObject({
      code: 'lease.period_invalid',
      reason: 'fixed_term_without_end',
    });
    expect(termWarnings({ start: '2024-03-01', end: '2024-03-01', basis: 'hl_11_1' })).toMatchObject({
      code: 'lease.period_invalid',
      reason: 'end_not_after_start',
    });
  });
});

describe('canRenew (R8.2, R9.9)', () => {
  it('without a recorded needs assessment, renewal fails with lease.renewal_requires_needs_assessment', () => {
    expect(canRenew({ needsAssessment: null })).toEqual({ ok: false, code: 'lease.renewal_requires_needs_assessment' });
    expect(canRenew({ needsAssessment: undefined })).toEqual({
      ok: false,
      code: 'lease.renewal_requires_needs_assessment',
    });
  });

  it('an assessment without a reason does not count', () => {
    expect(canRenew({ needsAssessment: { outcome: 'need_continues', reason: ' \n ' } })).toEqual({
      ok: false,
      code: 'lease.renewal_requires_needs_assessment',
    });
  });

  it('with an assessment that found a continued need and says why, renewal is allowed', () => {
    expect(
      canRenew({
        needsAssessment: { outcome: 'need_continues', reason: 'Ingen inntekt ennå; i introduksjonsprogram' },
      }),
    ).toEqual({ ok: true });
  });

  it('when the assessment found that the need has ended, renewal fails with lease.renewal_not_supported_by_assessment', () => {
    expect(canRenew({ needsAssessment: { outcome: 'need_ended', reason: 'Fast jobb; kan leie privat' } })).toEqual({
      ok: false,
      code: 'lease.renewal_not_supported_by_assessment',
    });
  });
});
