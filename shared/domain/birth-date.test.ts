import { describe, expect, it } from 'vitest';
import { addDays } from './calendar-date';
import { ageOn, dateOfAge, isMinorOn, validateBirthDate, type BirthDate } from './birth-date';

const today = '2026-05-10';

describe('validateBirthDate', () => {
  it('accepts an exact date, a year only and the 01.01 convention', () => {
    expect(validateBirthDate({ date: '2008-05-17', precision: 'exact', today })).toEqual({
      ok: true,
      value: { date: '2008-05-17', precision: 'exact' },
    });
    expect(validateBirthDate({ date: '2008', precision: 'year', today })).toEqual({
      ok: true,
      value: { date: '2008-01-01', precision: 'year' },
    });
    expect(validateBirthDate({ date: '2008-01-01', precision: 'jan1_convention', today })).toEqual({
      ok: true,
      value: { date: '2008-01-01', precision: 'jan1_convention' },
    });
  });

  it('normalises a year-only birth date given as any date in the year to 1 January', () => {
    expect(validateBirthDate({ date: '2008-07-01', precision: 'year', today })).toMatchObject({
      value: { date: '2008-01-01', precision: 'year' },
    });
  });

  it('accepts a baby born this year with a year-only birth date', () => {
    expect(validateBirthDate({ date: '2026', precision: 'year', today })).toMatchObject({ ok: true });
  });

  it.each([
    ['17.05.2008', 'exact', 'format'],
    ['2023-02-29', 'exact', 'format'],
    ['08', 'year', 'format'],
    ['0000', 'year', 'format'],
    ['2008-07-01', 'jan1_convention', 'not_first_of_january'],
    ['2026-05-11', 'exact', 'in_future'],
    ['2027', 'year', 'in_future'],
    ['1900-01-01', 'exact', 'implausibly_old'],
  ] as const)('rejects %s (%s) with %s', (date, precision, reason) => {
    expect(validateBirthDate({ date, precision, today })).toEqual({
      ok: false,
      code: 'person.birth_date_invalid',
      reason,
    });
  });
});

describe('ageOn', () => {
  const exact: BirthDate = { date: '2008-05-17', precision: 'exact' };

  it('counts completed years for an exact date', () => {
    expect(ageOn(exact, '2026-05-16')).toEqual({ years: 17, min: 17, max: 17, approximate: false });
    expect(ageOn(exact, '2026-05-17')).toEqual({ years: 18, min: 18, max: 18, approximate: false });
  });

  it('someone born 29 February has a birthday on 28 February in common years', () => {
    const leap: BirthDate = { date: '2008-02-29', precision: 'exact' };
    expect(ageOn(leap, '2026-02-27').years).toBe(17);
    expect(ageOn(leap, '2026-02-28').years).toBe(18);
    expect(ageOn(leap, '2028-02-28').years).toBe(19);
    expect(ageOn(leap, '2028-02-29').years).toBe(20);
  });

  it('01.01 convention: the registered date counts, but the age is marked approximate', () => {
    const jan1: BirthDate = { date: '2008-01-01', precision: 'jan1_convention' };
    expect(ageOn(jan1, '2025-12-31')).toEqual({ years: 17, min: 17, max: 17, approximate: true });
    expect(ageOn(jan1, '2026-01-01')).toEqual({ years: 18, min: 18, max: 18, approximate: true });
  });

  it('year only: the youngest possible age is used, with the range', () => {
    const year: BirthDate = { date: '2008-01-01', precision: 'year' };
    expect(ageOn(year, '2026-05-10')).toEqual({ years: 17, min: 17, max: 18, approximate: true });
    expect(ageOn(year, '2026-12-30')).toEqual({ years: 17, min: 17, max: 18, approximate: true });
    expect(ageOn(year, '2026-12-31')).toEqual({ years: 18, min: 18, max: 18, approximate: true });
    expect(ageOn(year, '2027-01-01')).toEqual({ years: 18, min: 18, max: 19, approximate: true });
  });

  it('refuses non-dates (a programming error: input is validated at the edge)', () => {
    expect(() => ageOn(exact, '10.05.2026')).toThrow(RangeError);
    expect(() => ageOn({ date: '2008-13-01', precision: 'exact' }, today)).toThrow(RangeError);
  });
});

describe('isMinorOn', () => {
  it('exact: a minor until the 18th birthday', () => {
    const birth: BirthDate = { date: '2008-05-17', precision: 'exact' };
    expect(isMinorOn(birth, '2026-05-16')).toBe(true);
    expect(isMinorOn(birth, '2026-05-17')).toBe(false);
  });

  it('year only: a minor until 31 December of the year they turn 18 (conservative)', () => {
    const birth: BirthDate = { date: '2008-01-01', precision: 'year' };
    expect(isMinorOn(birth, '2026-01-01')).toBe(true);
    expect(isMinorOn(birth, '2026-12-30')).toBe(true);
    expect(isMinorOn(birth, '2026-12-31')).toBe(false);
  });

  it('01.01 convention: an adult from 1 January of the year they turn 18', () => {
    const birth: BirthDate = { date: '2008-01-01', precision: 'jan1_convention' };
    expect(isMinorOn(birth, '2025-12-31')).toBe(true);
    expect(isMinorOn(birth, '2026-01-01')).toBe(false);
  });
});

describe('dateOfAge', () => {
  it('is the first day of the given age, for every precision', () => {
    const cases: BirthDate[] = [
      { date: '2008-05-17', precision: 'exact' },
      { date: '2008-02-29', precision: 'exact' },
      { date: '2008-01-01', precision: 'jan1_convention' },
      { date: '2008-01-01', precision: 'year' },
    ];
    for (const birth of cases) {
      for (const age of [1, 18, 20, 23]) {
        const day = dateOfAge(birth, age);
        expect(ageOn(birth, day).years).toBe(age);
        expect(ageOn(birth, addDays({ date: day, days: -1 })).years).toBe(age - 1);
      }
    }
    expect(dateOfAge({ date: '2008-05-17', precision: 'exact' }, 18)).toBe('2026-05-17');
    expect(dateOfAge({ date: '2008-01-01', precision: 'year' }, 18)).toBe('2026-12-31');
    expect(dateOfAge({ date: '2008-02-29', precision: 'exact' }, 18)).toBe('2026-02-28');
  });

  it('refuses a negative or fractional age', () => {
    expect(() => dateOfAge({ date: '2008-05-17', precision: 'exact' }, -1)).toThrow(RangeError);
    expect(() => dateOfAge({ date: '2008-05-17', precision: 'exact' }, 1.5)).toThrow(RangeError);
  });
});
