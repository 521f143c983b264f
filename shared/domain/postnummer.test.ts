import { describe, expect, it } from 'vitest';
import { findPoststed, isPostnummer, isPostnummerFormat, postnummerCount } from './postnummer';

describe('postnummer', () => {
  it('accepts issued postnummer and gives their poststed', () => {
    expect(findPoststed('0001')).toBe('OSLO');
    expect(findPoststed('6413')).toBe('MOLDE');
    expect(findPoststed('8006')).toBe('BODØ');
    expect(findPoststed('1337')).toBe('SANDVIKA');
    expect(findPoststed('9170')).toBe('LONGYEARBYEN');
    expect(findPoststed('9991')).toBe('BÅTSFJORD');
    // inside an a-b range and at its ends
    expect(findPoststed('3021')).toBe('DRAMMEN');
    expect(findPoststed('3048')).toBe('DRAMMEN');
    expect(isPostnummer('5020')).toBe(true);
  });

  it('refuses four digits that Posten has not issued', () => {
    for (const n of ['0000', '0002', '3020', '3266', '4030', '9999', '1370']) expect(isPostnummer(n)).toBe(false);
    expect(findPoststed('3020')).toBeUndefined();
  });

  it('refuses anything but exactly four digits', () => {
    for (const v of ['641', '64130', ' 6413', '6413 ', '64a3', '', 6413, null, undefined]) {
      expect(isPostnummerFormat(v)).toBe(false);
      expect(isPostnummer(v)).toBe(false);
    }
  });

  it('holds the whole register (about 5,100 numbers), each mapped once', () => {
    expect(postnummerCount()).toBeGreaterThan(5000);
    expect(postnummerCount()).toBeLessThan(5300);
  });
});
