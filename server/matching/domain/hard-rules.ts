import type { AllocationCriteria, HardRuleCode } from '../../../shared/domain/allocation-criteria';
import type { HardRuleResult, MatchingDwelling, MatchingHousehold } from '../../../shared/api/allocation';

// HARD RULES (issue 6 item 1; requirements §4.1, P5; docs/decisions/014-allocation-matching.md).
// A pair (household, dwelling) that fails one of them is not eligible at all. Each rule returns
// {rule, passed, detail}; the detail holds the plain facts the explanation shows (no names).

/** Statuses in which a dwelling can be allocated ('reserved', 'let', 'notice_given' … cannot). */
export const ALLOCATABLE_STATUSES: readonly string[] = ['ready', 'vacant'];

/** Dwelling types that are shared housing (bofellesskap): a room or a place in a shared dwelling. */
export const SHARED_TYPES: readonly string[] = ['shared_room', 'shared_housing'];

/** What the rules need about a household, computed once per household. */
export type HouseholdFacts = {
  /** Bedrooms needed under the configured occupancy rule (with reunification when configured). */
  bedroomsNeeded: number;
  /** Persons the dwelling must hold (with reunification when configured). */
  persons: number;
  /** One adult, no children, now and after the expected reunification. */
  singleAdult: boolean;
  /** What the household can carry in rent after the allowance (øre a month), by the criteria's estimate. */
  ownShareOre: number;
  /** The household's own share in the allowance formula (egenandel, øre a month). */
  allowanceOwnShareOre: number;
};

export function householdFacts(household: MatchingHousehold, criteria: AllocationCriteria): HouseholdFacts {
  const withReunification = criteria.occupancy.includeReunification;
  const persons = withReunification ? household.personsWithReunification : household.persons;
  const affordability = criteria.affordability;
  const income = household.adults * affordability.incomePerAdultOre + household.children * affordability.incomePerChildOre;
  return {
    bedroomsNeeded: withReunification ? household.bedroomsNeededWithReunification : household.bedroomsNeeded,
    persons,
    singleAdult: household.adults === 1 && household.children === 0 && persons === 1,
    ownShareOre: Math.floor((income * affordability.rentShareOfIncomePercent) / 100),
    allowanceOwnShareOre: Math.floor((income * (affordability.allowanceOwnSharePercent ?? 20)) / 100),
  };
}

/**
 * Bedrooms of a dwelling as the occupancy rule counts them for this household: a bedsit or any
 * dwelling with 0 bedrooms counts as 1 for a single adult (the National Occupancy Standard, on
 * which household-composition.ts builds, lets a single person live in a studio).
 */
export function effectiveBedrooms(dwelling: MatchingDwelling, facts: HouseholdFacts): number {
  return dwelling.bedrooms === 0 && facts.singleAdult ? 1 : dwelling.bedrooms;
}

/**
 * Estimated housing allowance (statlig bostøtte) at a given rent: the allowance covers
 * `allowanceCoveragePercent` of the rent above the household's own share in the allowance
 * formula (egenandel, `allowanceOwnSharePercent` of income), up to a monthly ceiling. The rent
 * is affordable when what is left after the allowance is within what the household can carry
 * (`rentShareOfIncomePercent` of income).
 * A simplification of Husbanken's formula (see decision 014 for the figures and their sources).
 */
export function estimatedAllowanceOre(rentOre: number, ownShareOre: number, criteria: AllocationCriteria): number {
  const a = criteria.affordability;
  return Math.min(a.allowanceCeilingOre, Math.floor((Math.max(0, rentOre - ownShareOre) * a.allowanceCoveragePercent) / 100));
}

export type RuleContext = {
  household: MatchingHousehold;
  facts: HouseholdFacts;
  dwelling: MatchingDwelling;
  criteria: AllocationCriteria;
  plannedMoveIn: string;
};

type Rule = (ctx: RuleContext) => HardRuleResult;

const status: Rule = ({ dwelling }) => ({
  rule: 'status',
  passed: ALLOCATABLE_STATUSES.includes(dwelling.status),
  detail: { status: dwelling.status },
});

// ISO calendar dates compare correctly as strings.
const availability: Rule = ({ dwelling, plannedMoveIn }) => ({
  rule: 'availability',
  passed: dwelling.availableFrom === null || dwelling.availableFrom <= plannedMoveIn,
  detail: { availableFrom: dwelling.availableFrom, plannedMoveIn },
});

const earmarking: Rule = ({ dwelling, criteria }) => ({
  rule: 'earmarking',
  passed: criteria.earmarkingsForSettlement.includes(dwelling.earmarking),
  detail: { earmarking: dwelling.earmarking },
});

const bedrooms: Rule = ({ dwelling, facts, criteria }) => {
  const have = effectiveBedrooms(dwelling, facts);
  const need = facts.bedroomsNeeded;
  const { allowFewerBedrooms, maxExtraBedrooms } = criteria.occupancy;
  return {
    rule: 'bedrooms',
    passed: need - allowFewerBedrooms <= have && have <= need + maxExtraBedrooms,
    detail: { bedrooms: dwelling.bedrooms, needed: need, min: Math.max(0, need - allowFewerBedrooms), max: need + maxExtraBedrooms },
  };
};

const capacity: Rule = ({ dwelling, facts }) => ({
  rule: 'capacity',
  passed: dwelling.capacity >= facts.persons,
  detail: { capacity: dwelling.capacity, persons: facts.persons },
});

// Wheelchair: the dwelling is registered as wheelchair accessible. Step-free: a step-free
// entrance or a wheelchair-accessible dwelling; a low floor alone is not enough (the entrance
// may still have steps).
const accessibility: Rule = ({ household, dwelling }) => {
  const need = household.accessibility;
  const passed =
    need === 'none' ||
    (need === 'wheelchair' && dwelling.wheelchairAccessible) ||
    (need === 'step_free' && (dwelling.stepFreeEntrance || dwelling.wheelchairAccessible));
  return {
    rule: 'accessibility',
    passed,
    detail: {
      need,
      wheelchairAccessible: dwelling.wheelchairAccessible,
      stepFreeEntrance: dwelling.stepFreeEntrance,
      floor: dwelling.floor,
      lift: dwelling.lift,
    },
  };
};

// Recorded maximum rent when there is one; otherwise the estimate: the household's own share
// (income × rentShareOfIncomePercent) plus the estimated allowance must cover the rent.
const affordability: Rule = ({ household, facts, dwelling, criteria }): HardRuleResult => {
  const rent = dwelling.rentOre;
  if (!criteria.affordability.enabled) return { rule: 'affordability', passed: true, detail: { enabled: false, rentOre: rent } };
  if (rent === null) return { rule: 'affordability', passed: true, detail: { enabled: true, rentOre: null } };
  if (household.maxRentOre !== null) {
    return { rule: 'affordability', passed: rent <= household.maxRentOre, detail: { method: 'recorded', rentOre: rent, maxRentOre: household.maxRentOre } };
  }
  const allowance = estimatedAllowanceOre(rent, facts.allowanceOwnShareOre, criteria);
  return {
    rule: 'affordability',
    passed: rent - allowance <= facts.ownShareOre,
    detail: { method: 'estimate', rentOre: rent, ownShareOre: facts.ownShareOre, allowanceOre: allowance, afterAllowanceOre: rent - allowance },
  };
};

// §4.2: shared housing (bofellesskap) for single adults marked for it; such a household may
// also get an ordinary dwelling.
const sharedHousing: Rule = ({ household, facts, dwelling }) => {
  const shared = SHARED_TYPES.includes(dwelling.type);
  return {
    rule: 'shared_housing',
    passed: !shared || (household.sharedHousing && facts.singleAdult),
    detail: { dwellingType: dwelling.type, sharedHousing: household.sharedHousing, singleAdult: facts.singleAdult },
  };
};

export const hardRules: readonly (readonly [HardRuleCode, Rule])[] = [
  ['status', status],
  ['availability', availability],
  ['earmarking', earmarking],
  ['bedrooms', bedrooms],
  ['capacity', capacity],
  ['accessibility', accessibility],
  ['affordability', affordability],
  ['shared_housing', sharedHousing],
];

/** Every hard rule's result for a pair, in the order of hardRuleCodes. */
export function checkHardRules(ctx: RuleContext): HardRuleResult[] {
  return hardRules.map(([, rule]) => rule(ctx));
}

/**
 * Whether a pair passes every hard rule: the same tests as the rules above without building
 * their details (it runs for every pair of the batch; hard-rules.test.ts checks that it agrees
 * with checkHardRules on random pairs).
 */
export function isEligible({ household, facts, dwelling, criteria, plannedMoveIn }: RuleContext): boolean {
  if (!ALLOCATABLE_STATUSES.includes(dwelling.status)) return false;
  if (dwelling.availableFrom !== null && dwelling.availableFrom > plannedMoveIn) return false;
  if (!criteria.earmarkingsForSettlement.includes(dwelling.earmarking)) return false;
  const have = effectiveBedrooms(dwelling, facts);
  const { allowFewerBedrooms, maxExtraBedrooms } = criteria.occupancy;
  if (have < facts.bedroomsNeeded - allowFewerBedrooms || have > facts.bedroomsNeeded + maxExtraBedrooms) return false;
  if (dwelling.capacity < facts.persons) return false;
  const need = household.accessibility;
  if (need === 'wheelchair' && !dwelling.wheelchairAccessible) return false;
  if (need === 'step_free' && !dwelling.stepFreeEntrance && !dwelling.wheelchairAccessible) return false;
  const rent = dwelling.rentOre;
  if (criteria.affordability.enabled && rent !== null) {
    if (household.maxRentOre !== null) {
      if (rent > household.maxRentOre) return false;
    } else if (rent - estimatedAllowanceOre(rent, facts.allowanceOwnShareOre, criteria) > facts.ownShareOre) return false;
  }
  if (SHARED_TYPES.includes(dwelling.type) && !(household.sharedHousing && facts.singleAdult)) return false;
  return true;
}
