import { describe, expect, it } from 'vitest';
import { accruedInternalRent, internalRentAccrualStart, internalRentAccrues, vacancyDays } from './vacancy';

describe('vacancyDays', () => {
  it('counts the whole days the dwelling has stood empty before today', () => {
    expect(vacancyDays({ vacantSince: '2024-01-01', today: '2024-01-01' })).toBe(0);
    expect(vacancyDays({ vacantSince: '2024-01-01', today: '2024-01-02' })).toBe(1);
    expect(vacancyDays({ vacantSince: '2024-01-01', today: '2024-03-01' })).toBe(60);
  });

  it('a vacancy that starts in the future counts as 0 days', () => {
    expect(vacancyDays({ vacantSince: '2024-02-01', today: '2024-01-15' })).toBe(0);
  });
});

describe('internalRentAccrues (R4.13: more than 2 months empty)', () => {
  it('does not accrue during the first two months of vacancy', () => {
    expect(internalRentAccrues({ vacantSince: '2024-01-01', today: '2024-01-01' })).toBe(false);
    expect(internalRentAccrues({ vacantSince: '2024-01-01', today: '2024-02-29' })).toBe(false);
  });

  it('accrues from the day two whole months have passed', () => {
    expect(internalRentAccrualStart({ vacantSince: '2024-01-01' })).toBe('2024-03-01');
    expect(internalRentAccrues({ vacantSince: '2024-01-01', today: '2024-03-01' })).toBe(true);
  });

  it('when the day does not exist two months later, accrual starts on that month’s last day', () => {
    expect(internalRentAccrualStart({ vacantSince: '2023-12-31' })).toBe('2024-02-29');
    expect(internalRentAccrues({ vacantSince: '2023-12-31', today: '2024-02-28' })).toBe(false);
    expect(internalRentAccrues({ vacantSince: '2023-12-31', today: '2024-02-29' })).toBe(true);
  });

  it('takes a local threshold instead of 2 months', () => {
    expect(internalRentAccrues({ vacantSince: '2024-01-01', today: '2024-03-01', thresholdMonths: 3 })).toBe(false);
    expect(internalRentAccrues({ vacantSince: '2024-01-01', today: '2024-01-01', thresholdMonths: 0 })).toBe(true);
    expect(() => internalRentAccrues({ vacantSince: '2024-01-01', today: '2024-01-01', thresholdMonths: -1 })).toThrow(
      RangeError,
    );
  });
});

describe('accruedInternalRent', () => {
  const rent = 1_000_000; // NOK 10 000 a month

  it('nothing accrues in a billing period that ends before the accrual start', () => {
    expect(
      accruedInternalRent({ vacantSince: '2024-01-01', from: '2024-01-01', to: '2024-03-01', monthlyRentOre: rent }),
    ).toEqual({
      ok: true,
      amountOre: 0,
      accruedDays: 0,
      accrualStart: '2024-03-01',
    });
  });

  it('a whole calendar month of accrual is exactly the monthly rent, whatever the month’s length', () => {
    for (const [from, to] of [
      ['2024-03-01', '2024-04-01'],
      ['2024-04-01', '2024-05-01'],
      ['2025-02-01', '2025-03-01'],
    ] as const) {
      expect(accruedInternalRent({ vacantSince: '2023-01-01', from, to, monthlyRentOre: rent })).toMatchObject({
        ok: true,
        amountOre: rent,
      });
    }
  });

  it('counts only the days from the accrual start, pro rata within the month', () => {
    // Vacant since 16 January → accrues from 16 March; March 16–31 is 16 of 31 days.
    // 1 000 000 × 16 / 31 = 516 129.03… → 516 129 øre.
    expect(
      accruedInternalRent({ vacantSince: '2024-01-16', from: '2024-03-01', to: '2024-04-01', monthlyRentOre: rent }),
    ).toEqual({
      ok: true,
      amountOre: 516_129,
      accruedDays: 16,
      accrualStart: '2024-03-16',
    });
  });

  it('sums month by month across month boundaries', () => {
    // 15 June–15 July: 16/30 of June + 14/31 of July = 533 333.33 + 451 612.90 → 533 333 + 451 613.
    expect(
      accruedInternalRent({ vacantSince: '2024-01-01', from: '2024-06-15', to: '2024-07-15', monthlyRentOre: rent }),
    ).toMatchObject({
      amountOre: 533_333 + 451_613,
      accruedDays: 30,
    });
  });

  it('rounds halves up, to an integer number of øre', () => {
    // 1 øre a month for 15 of 30 days is half an øre → 1.
    expect(
      accruedInternalRent({ vacantSince: '2024-01-01', from: '2024-06-01', to: '2024-06-16', monthlyRentOre: 1 }),
    ).toMatchObject({ amountOre: 1 });
    expect(
      accruedInternalRent({ vacantSince: '2024-01-01', from: '2024-06-01', to: '2024-06-15', monthlyRentOre: 1 }),
    ).toMatchObject({ amountOre: 0 });
  });

  it('splitting a billing period at a month boundary does not change the total', () => {
    const base = { vacantSince: '2024-01-10', monthlyRentOre: 987_654 };
    const whole = accruedInternalRent({ ...base, from: '2024-03-01', to: '2024-09-01' });
    const parts = [
      accruedInternalRent({ ...base, from: '2024-03-01', to: '2024-06-01' }),
      accruedInternalRent({ ...base, from: '2024-06-01', to: '2024-09-01' }),
    ];
    const sum = parts.reduce((total, p) => total + (p.ok ? p.amountOre : Number.NaN), 0);
    expect(whole.ok && whole.amountOre).toBe(sum);
  });

  it('an empty billing period accrues nothing', () => {
    expect(
      accruedInternalRent({ vacantSince: '2024-01-01', from: '2024-06-01', to: '2024-06-01', monthlyRentOre: rent }),
    ).toMatchObject({ ok: true, amountOre: 0 });
  });

  it('rejects a reversed or malformed period with vacancy.period_invalid, and a bad rent with vacancy.rent_invalid', () => {
    expect(
      accruedInternalRent({ vacantSince: '2024-01-01', from: '2024-06-02', to: '2024-06-01', monthlyRentOre: rent }),
    ).toEqual({
      ok: false,
      code: 'vacancy.period_invalid',
    });
    expect(
      accruedInternalRent({ vacantSince: '2024-02-30', from: '2024-06-01', to: '2024-07-01', monthlyRentOre: rent }),
    ).toMatchObject({
      code: 'vacancy.period_invalid',
    });
    expect(
      accruedInternalRent({ vacantSince: '2024-01-01', from: '2024-06-01', to: '2024-07-01', monthlyRentOre: -1 }),
    ).toEqual({
      ok: false,
      code: 'vacancy.rent_invalid',
    });
    expect(
      accruedInternalRent({ vacantSince: '2024-01-01', from: '2024-06-01', to: '2024-07-01', monthlyRentOre: 10.5 }),
    ).toMatchObject({
      code: 'vacancy.rent_invalid',
    });
    expect(
      accruedInternalRent({
        vacantSince: '2024-01-01',
        from: '2024-06-01',
        to: '2024-07-01',
        monthlyRentOre: 100_000_001,
      }),
    ).toMatchObject({
      code: 'vacancy.rent_invalid',
    });
  });
});
