import { describe, expect, it } from 'vitest';
import { DEFAULT_ALLOCATION_CRITERIA } from '../../../shared/domain/allocation-criteria';
import { fromForm, kronerToOre, oreToKroner, toForm } from './criteria-form';

describe('the criteria form', () => {
  it('round-trips Husly’s defaults unchanged', () => {
    const form = toForm(DEFAULT_ALLOCATION_CRITERIA);
    expect(form.numbers.incomePerAdultOre).toBe('21700');
    expect(form.numbers.ageBandPerBuildingMaxPercent).toBe('');
    expect(fromForm(form)).toEqual({ criteria: DEFAULT_ALLOCATION_CRITERIA });
  });

  it('stores kroner as øre and an empty limit as no limit', () => {
    const form = toForm(DEFAULT_ALLOCATION_CRITERIA);
    const edited = {
      ...form,
      numbers: { ...form.numbers, incomePerChildOre: '1 968,50', supportPerBuildingMax: '', weight_school: '9' },
    };
    const result = fromForm(edited);
    expect('criteria' in result && result.criteria.affordability.incomePerChildOre).toBe(196_850);
    expect('criteria' in result && result.criteria.composition.supportPerBuildingMax).toBeNull();
    expect('criteria' in result && result.criteria.weights.school).toBe(9);
  });

  it('shows each bad value at its field', () => {
    const form = toForm(DEFAULT_ALLOCATION_CRITERIA);
    const result = fromForm({
      ...form,
      numbers: { ...form.numbers, weight_urgency: '11', baseScore: 'tusen', incomePerAdultOre: '21 700,555', maxMinutes: '5' },
      earmarkings: [],
    });
    expect(result).toEqual({
      problems: {
        weight_urgency: { code: 'numberRange', min: 0, max: 10 },
        baseScore: { code: 'numberInvalid' },
        incomePerAdultOre: { code: 'moneyInvalid' },
        maxMinutes: { code: 'maxBelowGood' },
        earmarkings: { code: 'earmarkingRequired' },
      },
    });
  });

  it('reads kroner as typed in Norway', () => {
    expect(kronerToOre('21 700')).toBe(2_170_000);
    expect(kronerToOre('21\u00a0700,5')).toBe(2_170_050);
    expect(kronerToOre('7000 kr')).toBe(700_000);
    expect(kronerToOre('-5')).toBeNull();
    expect(kronerToOre('')).toBeNull();
    expect(oreToKroner(2_170_050)).toBe('21700,50');
    expect(kronerToOre(oreToKroner(123_456))).toBe(123_456);
  });
});
