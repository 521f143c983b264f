import { describe, expect, it } from 'vitest';
import { createRng } from '../synthetic/rng';
import { DUF_EARLIEST_YEAR, dufControlDigits, generateDufNumber, validateDufNumber } from './duf';

const today = '2026-05-10';

describe('validateDufNumber: the examples the sources give', () => {
  it.each([
    ['200205705502', 'oyms/NorwegianTypes DufNummerTests.cs'],
    ['200900595509', 'oyms/NorwegianTypes DufNummerTests.cs'],
    ['200112345609', 'FHIDev/Fhi.NINCheck ValidationTests.cs'],
    ['201017238203', 'FHIDev/Fhi.NINCheck ValidationTests.cs'],
    ['200816832910', 'FHIDev/Fhi.NINCheck ValidationTests.cs (remainder 10 → "10")'],
  ])('accepts %s (%s)', (input) => {
    expect(validateDufNumber(input, { today })).toEqual({ ok: true, value: input, year: Number(input.slice(0, 4)) });
  });

  it('works the weighted sum by hand for one example', () => {
    // 2·4 + 0·6 + 0·3 + 2·2 + 0·4 + 5·6 + 7·3 + 0·2 + 5·7 + 5·5 = 123; 123 mod 11 = 2 → "02"
    expect(dufControlDigits('2002057055')).toBe('02');
  });
});

describe('validateDufNumber: rejected', () => {
  it.each([
    ['', 'format'],
    ['20020570550', 'format'], // eleven digits
    ['2002057055020', 'format'], // thirteen digits
    ['2002 057055 02', 'format'],
    ['2002-057055-02', 'format'],
    ['٢٠٠٢٠٥٧٠٥٥٠٢', 'format'], // Arabic-Indic digits
    ['２００２０５７０５５０２', 'format'], // full-width digits
    ['200205705503', 'check_digits'],
    ['200205705520', 'check_digits'], // control digits swapped
    ['200250705502', 'check_digits'], // two serial digits swapped
    ['202705705502', 'year'], // after the current year
    ['197905705502', 'year'],
    ['020105705502', 'year'], // year keyed wrongly
  ])('%j → %s', (input, reason) => {
    expect(validateDufNumber(input, { today })).toEqual({ ok: false, code: 'person.duf_invalid', reason });
  });

  it('ignores surrounding whitespace from copy-paste', () => {
    expect(validateDufNumber(' 200205705502\n', { today })).toMatchObject({ ok: true, value: '200205705502' });
  });

  it('the earliest accepted year is DUF_EARLIEST_YEAR, the latest the current year', () => {
    const first = generateDufNumber({ rng: createRng(1), year: DUF_EARLIEST_YEAR });
    expect(validateDufNumber(first, { today })).toMatchObject({ ok: true });
    const current = generateDufNumber({ rng: createRng(1), year: 2026 });
    expect(validateDufNumber(current, { today })).toMatchObject({ ok: true });
    expect(validateDufNumber(current, { today: '2025-12-31' })).toMatchObject({ reason: 'year' });
  });
});

describe('generated DUF numbers', () => {
  it('every generated number is valid, and every one-digit change in it is caught', () => {
    const rng = createRng(1988);
    let mutationsCaught = 0;
    let mutations = 0;
    for (let i = 0; i < 2_000; i++) {
      const number = generateDufNumber({ rng, year: rng.int(1990, 2026) });
      expect(validateDufNumber(number, { today })).toMatchObject({ ok: true });
      // Change one of the serial digits (positions 4–9): mod 11 with weights coprime to 11
      // detects every single-digit error there.
      const position = rng.int(4, 9);
      const digit = (Number(number[position]) + rng.int(1, 9)) % 10;
      const mutated = `${number.slice(0, position)}${digit}${number.slice(position + 1)}`;
      mutations++;
      if (!validateDufNumber(mutated, { today }).ok) mutationsCaught++;
    }
    expect(mutationsCaught).toBe(mutations);
  });

  it('each ten-digit prefix has exactly one valid completion', () => {
    const prefix = '2019123456';
    const valid = [];
    for (let k = 0; k <= 99; k++) {
      const candidate = `${prefix}${String(k).padStart(2, '0')}`;
      if (validateDufNumber(candidate, { today }).ok) valid.push(candidate);
    }
    expect(valid).toEqual([`${prefix}${dufControlDigits(prefix)}`]);
  });

  it('refuses a year that is not four digits', () => {
    expect(() => generateDufNumber({ rng: createRng(1), year: 99 })).toThrow(RangeError);
    expect(() => dufControlDigits('123')).toThrow(RangeError);
  });
});
