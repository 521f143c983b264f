import { describe, expect, it } from 'vitest';
import { appealStates, offerStates } from '../../../shared/api/allocation';
import { refusalConsequences, softCriterionCodes } from '../../../shared/domain/allocation-criteria';
import { translate, type MessageKey, type MessageParams } from '../../../shared/i18n';
import { en } from '../../../shared/i18n/en';
import { nb } from '../../../shared/i18n/nb';
import { nn } from '../../../shared/i18n/nn';
import { defaultLeaseEnd } from './components/DecisionCreateForm';
import { detailText } from './components/OfferExplanation';
import { summaryLanguages } from './components/OfferForms';
import { kronerToOre, oreToKroner } from './offers.api';

const t = (key: MessageKey, params?: MessageParams) => translate('nb', key, params);

describe('money typed in kroner', () => {
  it('reads whole and decimal kroner with spaces and a comma as øre', () => {
    expect(kronerToOre('9 500')).toBe(950_000);
    expect(kronerToOre('9\u00a0500,50')).toBe(950_050);
    expect(kronerToOre('12000.5')).toBe(1_200_050);
  });
  it('treats an empty field as no amount and anything else as invalid', () => {
    expect(kronerToOre('  ')).toBeNull();
    expect(kronerToOre('ni tusen')).toBeUndefined();
    expect(kronerToOre('-100')).toBeUndefined();
    expect(kronerToOre('1,234')).toBeUndefined();
  });
  it('prefills øre as kroner the field reads back unchanged', () => {
    for (const ore of [0, 950_000, 950_050, 1_234_567]) expect(kronerToOre(oreToKroner(ore))).toBe(ore);
    expect(oreToKroner(null)).toBe('');
  });
});

describe('the default lease end', () => {
  it('is three years after the start, the end day excluded ([start, end))', () => {
    expect(defaultLeaseEnd('2025-09-01')).toBe('2028-09-01');
    // 29 February has no namesake three years on: the last day of February.
    expect(defaultLeaseEnd('2024-02-29')).toBe('2027-02-28');
  });
  it('is empty while the start is not a whole date', () => {
    expect(defaultLeaseEnd('')).toBe('');
    expect(defaultLeaseEnd('2025-02-30')).toBe('');
  });
});

describe('the explanation in plain words', () => {
  it('says the known facts in Norwegian and leaves out false and missing ones', () => {
    expect(detailText(t, { minutes: 12, lift: false, floor: null })).toBe('gangtid 12 min');
    expect(detailText(t, { extraBedrooms: 1, lift: true })).toBe('1 soverom mer enn behovet, heis');
    expect(detailText(t, { extraBedrooms: 0 })).toBe('like mange soverom som behovet');
    expect(detailText(t, { waitingDays: 1200 })).toBe('1\u00a0200 dager siden vedtak om opphold');
  });
  it('still shows a fact it has no words for', () => {
    expect(detailText(t, { area: 'Sentrum' })).toBe('area: Sentrum');
  });
});

describe('texts for every code the server sends', () => {
  it('has a label for every criterion, state, consequence and summary language in all three languages', () => {
    for (const dict of [nb, nn, en]) {
      const s = dict.allocationOffers;
      for (const code of [...softCriterionCodes, 'base' as const]) expect(s.criteria[code]).toBeTruthy();
      for (const state of offerStates) expect(s.states[state]).toBeTruthy();
      for (const state of appealStates) expect(s.appeals.states[state]).toBeTruthy();
      for (const c of refusalConsequences) expect(s.consequences[c]).toBeTruthy();
      for (const l of summaryLanguages) expect(s.send.summaryLanguages[l]).toBeTruthy();
    }
  });
});
