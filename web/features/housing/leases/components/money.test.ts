import { describe, expect, it } from 'vitest';
import { kronerToOre, oreToKronerText } from './money';

describe('kroner typed in a form', () => {
  it('become integer øre without float rounding', () => {
    expect(kronerToOre('12 500')).toBe(1_250_000);
    expect(kronerToOre('12500,50')).toBe(1_250_050);
    expect(kronerToOre('0,1')).toBe(10);
    expect(kronerToOre('1 234 567,89')).toBe(123_456_789);
    expect(kronerToOre('-5')).toBe(-500);
  });
  it('are refused when not an amount with at most two decimals', () => {
    expect(kronerToOre('')).toBeNull();
    expect(kronerToOre('12,345')).toBeNull();
    expect(kronerToOre('tolv')).toBeNull();
    expect(kronerToOre('1e5')).toBeNull();
  });
  it('round-trip to the text a form shows', () => {
    for (const ore of [0, 10, 1_250_000, 1_250_050, 123_456_789]) expect(kronerToOre(oreToKronerText(ore))).toBe(ore);
  });
});
