import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { HardRuleCode } from '../../../shared/domain/allocation-criteria';
import type { MatchingDwelling, MatchingHousehold } from '../../../shared/api/allocation';
import { batchArb, criteriaWith, dwelling, household } from './domain.test-support';
import { checkHardRules, estimatedAllowanceOre, householdFacts, isEligible } from './hard-rules';

const criteria = criteriaWith();

function rule(code: HardRuleCode, h: MatchingHousehold, d: MatchingDwelling, c = criteria) {
  const results = checkHardRules({ household: h, facts: householdFacts(h, c), dwelling: d, criteria: c, plannedMoveIn: '2026-03-01' });
  return results.find((r) => r.rule === code)!;
}

const family = household('f', {
  memberAges: [38, 35, 9, 4],
  adults: 2,
  children: 2,
  persons: 4,
  personsWithReunification: 5,
  bedroomsNeeded: 2,
  bedroomsNeededWithReunification: 3,
});

describe('hard rules', () => {
  it('lists every rule in order, and a plain pair passes them all', () => {
    const h = household('a');
    const d = dwelling('x');
    const results = checkHardRules({ household: h, facts: householdFacts(h, criteria), dwelling: d, criteria, plannedMoveIn: '2026-03-01' });
    expect(results.map((r) => r.rule)).toEqual(['status', 'availability', 'earmarking', 'bedrooms', 'capacity', 'accessibility', 'affordability', 'shared_housing']);
    expect(results.every((r) => r.passed)).toBe(true);
    expect(isEligible({ household: h, facts: householdFacts(h, criteria), dwelling: d, criteria, plannedMoveIn: '2026-03-01' })).toBe(true);
  });

  it('status: ready and vacant pass, reserved and let fail', () => {
    expect(rule('status', household('a'), dwelling('x', { status: 'vacant' })).passed).toBe(true);
    expect(rule('status', household('a'), dwelling('x', { status: 'reserved' })).passed).toBe(false);
    expect(rule('status', household('a'), dwelling('x', { status: 'let' })).passed).toBe(false);
  });

  it('availability: free on the move-in date passes, a day later fails', () => {
    expect(rule('availability', household('a'), dwelling('x', { availableFrom: '2026-03-01' })).passed).toBe(true);
    expect(rule('availability', household('a'), dwelling('x', { availableFrom: '2026-03-02' })).passed).toBe(false);
  });

  it('earmarking: welfare dwellings are not for first settlement by default', () => {
    expect(rule('earmarking', household('a'), dwelling('x', { earmarking: 'welfare' })).passed).toBe(false);
    expect(rule('earmarking', household('a'), dwelling('x', { earmarking: 'none' })).passed).toBe(true);
    const welfareToo = criteriaWith({ earmarkingsForSettlement: ['first_settlement', 'welfare'] });
    expect(rule('earmarking', household('a'), dwelling('x', { earmarking: 'welfare' }), welfareToo).passed).toBe(true);
  });

  it('bedrooms: the need with reunification, at most one extra, fewer only when allowed', () => {
    expect(rule('bedrooms', family, dwelling('x', { bedrooms: 3, capacity: 6 })).passed).toBe(true);
    expect(rule('bedrooms', family, dwelling('x', { bedrooms: 4, capacity: 6 })).passed).toBe(true);
    expect(rule('bedrooms', family, dwelling('x', { bedrooms: 5, capacity: 8 })).passed).toBe(false);
    expect(rule('bedrooms', family, dwelling('x', { bedrooms: 2, capacity: 6 })).passed).toBe(false);
    const now = criteriaWith({ occupancy: { ...criteria.occupancy, includeReunification: false } });
    expect(rule('bedrooms', family, dwelling('x', { bedrooms: 2, capacity: 6 }), now).passed).toBe(true);
    const fewer = criteriaWith({ occupancy: { ...criteria.occupancy, allowFewerBedrooms: 1 } });
    expect(rule('bedrooms', family, dwelling('x', { bedrooms: 2, capacity: 6 }), fewer).passed).toBe(true);
  });

  it('bedrooms: a bedsit counts as one bedroom for a single adult, not for a couple', () => {
    expect(rule('bedrooms', household('a'), dwelling('x', { type: 'bedsit', bedrooms: 0 })).passed).toBe(true);
    const couple = household('c', { memberAges: [30, 29], adults: 2, persons: 2, personsWithReunification: 2 });
    expect(rule('bedrooms', couple, dwelling('x', { type: 'bedsit', bedrooms: 0 })).passed).toBe(false);
  });

  it('capacity: counts the expected reunification when configured', () => {
    expect(rule('capacity', family, dwelling('x', { capacity: 4 })).passed).toBe(false);
    expect(rule('capacity', family, dwelling('x', { capacity: 5 })).passed).toBe(true);
    const now = criteriaWith({ occupancy: { ...criteria.occupancy, includeReunification: false } });
    expect(rule('capacity', family, dwelling('x', { capacity: 4 }), now).passed).toBe(true);
  });

  it('accessibility: a wheelchair user does not get a 2nd-floor flat without lift', () => {
    const user = household('w', { accessibility: 'wheelchair' });
    expect(rule('accessibility', user, dwelling('x', { floor: 2, lift: false, stepFreeEntrance: false })).passed).toBe(false);
    expect(rule('accessibility', user, dwelling('x', { floor: 0, stepFreeEntrance: true })).passed).toBe(false);
    expect(rule('accessibility', user, dwelling('x', { wheelchairAccessible: true })).passed).toBe(true);
  });

  it('accessibility: step-free needs a step-free entrance or a wheelchair-accessible dwelling; a low floor alone is not enough', () => {
    const user = household('s', { accessibility: 'step_free' });
    expect(rule('accessibility', user, dwelling('x', { floor: 0 })).passed).toBe(false);
    expect(rule('accessibility', user, dwelling('x', { stepFreeEntrance: true })).passed).toBe(true);
    expect(rule('accessibility', user, dwelling('x', { wheelchairAccessible: true })).passed).toBe(true);
  });

  it('affordability: a recorded maximum rent is the limit', () => {
    const h = household('a', { maxRentOre: 900_000 });
    expect(rule('affordability', h, dwelling('x', { rentOre: 900_000 })).passed).toBe(true);
    expect(rule('affordability', h, dwelling('x', { rentOre: 900_100 })).passed).toBe(false);
    expect(rule('affordability', h, dwelling('x', { rentOre: null })).passed).toBe(true);
  });

  it('affordability: without a recorded maximum the housing allowance is estimated', () => {
    // One adult: income 21 700 kr; can carry 35 % = 7 595 kr; egenandel 20 % = 4 340 kr.
    // At 10 000 kr: allowance 0.73 × (10 000 − 4 340) = 4 131.80 → 4 131 kr; 10 000 − 4 131 = 5 869 ≤ 7 595 → passes.
    // The ceiling (7 000 kr) binds from 13 929 kr; break-even: rent − 7 000 ≤ 7 595 ⇔ rent ≤ 14 595 kr.
    const h = household('a');
    const facts = householdFacts(h, criteria);
    expect(facts.ownShareOre).toBe(759_500);
    expect(facts.allowanceOwnShareOre).toBe(434_000);
    expect(estimatedAllowanceOre(1_000_000, facts.allowanceOwnShareOre, criteria)).toBe(413_180);
    expect(rule('affordability', h, dwelling('x', { rentOre: 1_000_000 })).passed).toBe(true);
    expect(rule('affordability', h, dwelling('x', { rentOre: 1_459_500 })).passed).toBe(true);
    expect(rule('affordability', h, dwelling('x', { rentOre: 1_459_501 })).passed).toBe(false);
    expect(rule('affordability', h, dwelling('x', { rentOre: 1_000_000 })).detail).toMatchObject({ method: 'estimate', ownShareOre: 759_500, allowanceOre: 413_180 });
    // Without any allowance the household carries only its own 35 %.
    const none = criteriaWith({ affordability: { ...criteria.affordability, allowanceCoveragePercent: 0 } });
    expect(rule('affordability', h, dwelling('x', { rentOre: 759_500 }), none).passed).toBe(true);
    expect(rule('affordability', h, dwelling('x', { rentOre: 759_501 }), none).passed).toBe(false);
    // With full coverage the allowance's ceiling decides: own share + 7 000 kr.
    const full = criteriaWith({ affordability: { ...criteria.affordability, allowanceCoveragePercent: 100 } });
    expect(rule('affordability', h, dwelling('x', { rentOre: 759_500 + 700_000 }), full).passed).toBe(true);
    expect(rule('affordability', h, dwelling('x', { rentOre: 759_500 + 700_001 }), full).passed).toBe(false);
    const off = criteriaWith({ affordability: { ...criteria.affordability, enabled: false } });
    expect(rule('affordability', h, dwelling('x', { rentOre: 5_000_000 }), off).passed).toBe(true);
  });

  it('shared housing: only single adults marked for it; they may also get an ordinary dwelling', () => {
    const marked = household('s', { sharedHousing: true });
    expect(rule('shared_housing', marked, dwelling('x', { type: 'shared_room' })).passed).toBe(true);
    expect(rule('shared_housing', marked, dwelling('x', { type: 'flat' })).passed).toBe(true);
    expect(rule('shared_housing', household('a'), dwelling('x', { type: 'shared_housing' })).passed).toBe(false);
    const markedFamily = household('p', { sharedHousing: true, adults: 1, children: 1, memberAges: [30, 3], persons: 2, personsWithReunification: 2 });
    expect(rule('shared_housing', markedFamily, dwelling('x', { type: 'shared_room' })).passed).toBe(false);
  });
});

describe('isEligible', () => {
  it('agrees with checkHardRules on every pair of random batches', () => {
    fc.assert(
      fc.property(batchArb, (input) => {
        for (const h of input.households) {
          const facts = householdFacts(h, input.criteria);
          for (const d of input.dwellings) {
            const ctx = { household: h, facts, dwelling: d, criteria: input.criteria, plannedMoveIn: input.plannedMoveIn };
            expect(isEligible(ctx)).toBe(checkHardRules(ctx).every((r) => r.passed));
          }
        }
      }),
      { numRuns: 500, seed: 5 },
    );
  });
});
