import type { AllocationCriteria, SoftCriterionCode } from '../../../shared/domain/allocation-criteria';
import type { Contribution, MatchingDwelling, MatchingHousehold } from '../../../shared/api/allocation';
import { effectiveBedrooms, SHARED_TYPES, type HouseholdFacts } from './hard-rules';

// SOFT CRITERIA (issue 6 item 1; requirements §4.1–4.2; decision 014). Each eligible pair gets,
// per criterion, round(weight × pointsPerWeight × fit) points with fit ∈ [0, 1] as documented
// below; the score is baseScore + the sum. Every criterion is always listed (0 points when it
// does not apply or its weight is 0), so the explanation has the same shape for every pair and
// its points add up to the score exactly.

/** School age 6–15 (grunnskole, opplæringslova § 2-1: from the year one turns 6, ten years). */
const SCHOOL_AGE = [6, 15] as const;
/** Kindergarten age 1–5 (barnehageloven § 16: right to a place from age 1). */
const KINDERGARTEN_AGE = [1, 5] as const;
/** A member this old or older makes floor / lift matter (the age of retirement pension, 67). */
export const SENIOR_AGE = 67;

/** A ground floor: floor unknown or at most 1 (Norwegian numbering: 1. etasje is street level). */
export function isGroundFloor(dwelling: MatchingDwelling): boolean {
  return dwelling.floor === null || dwelling.floor <= 1;
}

/**
 * Fit of a walking time: 1 at or below goodMinutes, 0 at or above maxMinutes, linear in between;
 * unknown (null) → 0, since an unknown distance cannot earn points.
 */
export function proximityFit(minutes: number | null, criteria: AllocationCriteria): number {
  if (minutes === null) return 0;
  const { goodMinutes, maxMinutes } = criteria.proximity;
  if (minutes <= goodMinutes) return 1;
  if (minutes >= maxMinutes) return 0;
  return (maxMinutes - minutes) / (maxMinutes - goodMinutes);
}

/** What the soft criteria need about a household, computed once per household. */
export type HouseholdScoreFacts = {
  schoolAge: boolean;
  kindergartenAge: boolean;
  senior: boolean;
  preferredArea: string;
  languages: ReadonlySet<string>;
};

export function householdScoreFacts(household: MatchingHousehold): HouseholdScoreFacts {
  const ages = household.memberAges;
  return {
    schoolAge: ages.some((a) => a >= SCHOOL_AGE[0] && a <= SCHOOL_AGE[1]),
    kindergartenAge: ages.some((a) => a >= KINDERGARTEN_AGE[0] && a <= KINDERGARTEN_AGE[1]),
    senior: ages.some((a) => a >= SENIOR_AGE),
    preferredArea: household.preferredArea.trim().toLowerCase(),
    languages: new Set(household.languages.map((l) => l.toLowerCase())),
  };
}

export type ScoreContext = {
  household: MatchingHousehold;
  facts: HouseholdFacts;
  scoreFacts: HouseholdScoreFacts;
  dwelling: MatchingDwelling;
  /** Languages of the current residents of the dwelling's building (empty without a building). */
  buildingLanguages: readonly string[];
  criteria: AllocationCriteria;
};

type Fit = { fit: number; detail: Contribution['detail'] };

const notApplicable: Fit = { fit: 0, detail: { applicable: false } };

function nearWhenNeeded(applicable: boolean, minutes: number | null, criteria: AllocationCriteria): Fit {
  if (!applicable) return notApplicable;
  return { fit: proximityFit(minutes, criteria), detail: { applicable: true, minutes } };
}

const fits: Record<SoftCriterionCode, (ctx: ScoreContext) => Fit> = {
  // Households with a member of school age, or marked "near school": walking time to school.
  school: ({ household, scoreFacts, dwelling, criteria }) =>
    nearWhenNeeded(scoreFacts.schoolAge || household.nearSchool, dwelling.walkMinSchool, criteria),
  // Households with a member of kindergarten age, or marked "near kindergarten".
  kindergarten: ({ household, scoreFacts, dwelling, criteria }) =>
    nearWhenNeeded(scoreFacts.kindergartenAge || household.nearKindergarten, dwelling.walkMinKindergarten, criteria),
  // Adults in the introduction programme, or households marked "near the programme site".
  intro_site: ({ household, dwelling, criteria }) =>
    nearWhenNeeded(household.inIntroProgramme || household.nearIntroSite, dwelling.walkMinIntroProgramme, criteria),
  // Everyone: the nearer of the centre and a bus stop.
  centre_transport: ({ dwelling, criteria }) => {
    const known = [dwelling.walkMinCentre, dwelling.walkMinBusStop].filter((m): m is number => m !== null);
    const minutes = known.length === 0 ? null : Math.min(...known);
    return { fit: proximityFit(minutes, criteria), detail: { applicable: true, minutes } };
  },
  // A preferred area recorded, equal (ignoring case and surrounding spaces) to the dwelling's
  // area zone or school district → 1, otherwise 0.
  preferred_area: ({ scoreFacts, dwelling }) => {
    if (scoreFacts.preferredArea === '') return notApplicable;
    const match =
      dwelling.areaZone.trim().toLowerCase() === scoreFacts.preferredArea || dwelling.schoolDistrict.trim().toLowerCase() === scoreFacts.preferredArea;
    return { fit: match ? 1 : 0, detail: { applicable: true, match, areaZone: dwelling.areaZone } };
  },
  // A member aged 67 or more: ground floor (unknown or ≤ 1) or a lift → 1, otherwise 0.
  floor_lift: ({ scoreFacts, dwelling }) => {
    if (!scoreFacts.senior) return notApplicable;
    const ok = isGroundFloor(dwelling) || dwelling.lift;
    return { fit: ok ? 1 : 0, detail: { applicable: true, floor: dwelling.floor, lift: dwelling.lift } };
  },
  // Not needlessly large: 1 − extra / (maxExtraBedrooms + 1) for bedrooms beyond the need; a
  // dwelling below the need (only when allowFewerBedrooms > 0) loses likewise,
  // 1 − missing / (allowFewerBedrooms + 1), since a crowded dwelling is no better fit.
  size_fit: ({ facts, dwelling, criteria }) => {
    const have = effectiveBedrooms(dwelling, facts);
    const extra = Math.max(0, have - facts.bedroomsNeeded);
    const missing = Math.max(0, facts.bedroomsNeeded - have);
    const fit = extra > 0 ? 1 - extra / (criteria.occupancy.maxExtraBedrooms + 1) : 1 - missing / (criteria.occupancy.allowFewerBedrooms + 1);
    return { fit: Math.max(0, fit), detail: { applicable: true, extraBedrooms: extra, missingBedrooms: missing } };
  },
  // Days since the residence permit against the settlement target: min(1, days / fullAfterDays);
  // unknown → 0.
  urgency: ({ household, criteria }) => {
    const days = household.waitingDays;
    if (days === null) return { fit: 0, detail: { applicable: true, waitingDays: null } };
    return { fit: Math.min(1, days / criteria.urgency.fullAfterDays), detail: { applicable: true, waitingDays: days } };
  },
  // Shared housing (§4.2 "same language preferred in shared housing"): a current resident of the
  // building speaks a language of the household → 1.
  same_language_shared: ({ scoreFacts, dwelling, buildingLanguages }) => {
    if (!SHARED_TYPES.includes(dwelling.type)) return notApplicable;
    const shared = [...new Set(buildingLanguages.map((l) => l.toLowerCase()))].filter((l) => scoreFacts.languages.has(l)).sort();
    return { fit: shared.length > 0 ? 1 : 0, detail: { applicable: true, languages: shared.join(',') } };
  },
};

const criterionOrder = Object.keys(fits) as SoftCriterionCode[];

/** The pair's contributions: 'base' first, then every soft criterion; points are integers. */
export function contributions(ctx: ScoreContext): Contribution[] {
  const { criteria } = ctx;
  const out: Contribution[] = [{ criterion: 'base', points: criteria.baseScore, detail: {} }];
  for (const code of criterionOrder) {
    const { fit, detail } = fits[code](ctx);
    const weight = criteria.weights[code];
    out.push({ criterion: code, points: Math.round(weight * criteria.pointsPerWeight * fit), detail: { ...detail, weight } });
  }
  return out;
}

/** The pair's score: the sum of its contributions. */
export function pairScore(ctx: ScoreContext): number {
  const { criteria } = ctx;
  let score = criteria.baseScore;
  for (const code of criterionOrder) {
    const weight = criteria.weights[code];
    if (weight === 0) continue;
    score += Math.round(weight * criteria.pointsPerWeight * fits[code](ctx).fit);
  }
  return score;
}
