import { describe, expect, it } from 'vitest';
import { addDays, addMonths, daysBetween, daysInMonth, isCalendarDate, startOfNextMonth } from './calendar-date';

describe('isCalendarDate', () => {
  it('accepts a real day written YYYY-MM-DD, including 29 February in a leap year', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2000-02-29')).toBe(true);
  });

  it('rejects days that do not exist, other layouts, times and non-strings', () => {
    for (const value of [
      '2023-02-29',
      '1900-02-29',
      '2024-04-31',
      '2024-13-01',
      '2024-00-10',
      '2024-1-01',
      '01.02.2024',
      '2024-01-01T00:00',
      ' 2024-01-01',
      '0000-01-01',
      20240101,
      null,
    ]) {
      expect(isCalendarDate(value), String(value)).toBe(false);
    }
  });
});

describe('addMonths', () => {
  it('when the day does not exist in the target month, it clamps to the last day of that month', () => {
    expect(addMonths({ date: '2024-08-31', months: -6 })).toBe('2024-02-29');
    expect(addMonths({ date: '2025-08-31', months: -6 })).toBe('2025-02-28');
    expect(addMonths({ date: '2024-01-31', months: 1 })).toBe('2024-02-29');
    expect(addMonths({ date: '2024-05-31', months: -1 })).toBe('2024-04-30');
  });

  it('crosses year boundaries in both directions', () => {
    expect(addMonths({ date: '2024-02-15', months: -3 })).toBe('2023-11-15');
    expect(addMonths({ date: '2024-11-15', months: 3 })).toBe('2025-02-15');
    expect(addMonths({ date: '2024-02-29', months: 36 })).toBe('2027-02-28');
  });

  it('refuses a malformed date or a fractional month count (a programming error, not user input)', () => {
    expect(() => addMonths({ date: '2024-02-30', months: 1 })).toThrow(RangeError);
    expect(() => addMonths({ date: '2024-02-01', months: 1.5 })).toThrow(RangeError);
  });
});

describe('addDays, daysBetween, daysInMonth, startOfNextMonth', () => {
  it('counts the days of a half-open period [from, to)', () => {
    expect(daysBetween({ from: '2024-01-01', to: '2024-01-01' })).toBe(0);
    expect(daysBetween({ from: '2024-01-01', to: '2025-01-01' })).toBe(366);
    expect(daysBetween({ from: '2024-03-30', to: '2024-04-01' })).toBe(2); // across the DST change in Oslo
    expect(daysBetween({ from: '2024-01-10', to: '2024-01-01' })).toBe(-9);
  });

  it('moves by days across month and year ends', () => {
    expect(addDays({ date: '2024-02-28', days: 1 })).toBe('2024-02-29');
    expect(addDays({ date: '2024-12-31', days: 1 })).toBe('2025-01-01');
    expect(addDays({ date: '2024-03-01', days: -1 })).toBe('2024-02-29');
  });

  it('knows the length of each month', () => {
    expect(daysInMonth({ year: 2024, month: 2 })).toBe(29);
    expect(daysInMonth({ year: 2100, month: 2 })).toBe(28);
    expect(daysInMonth({ year: 2023, month: 4 })).toBe(30);
    expect(daysInMonth({ year: 2023, month: 12 })).toBe(31);
  });

  it('finds the first day of the next month', () => {
    expect(startOfNextMonth('2024-02-10')).toBe('2024-03-01');
    expect(startOfNextMonth('2024-12-31')).toBe('2025-01-01');
  });
});
