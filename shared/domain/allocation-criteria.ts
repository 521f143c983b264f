// Allocation criteria (tildelingskriterier), configurable per municipality and versioned
// (requirements §4.1–4.5, P5 R5.2/R5.6, issue 6 item 1). A saved change is a new version; an
// allocation run, an offer and a decision record the version they applied, so a change never
// rewrites a past decision.
//
// Three kinds of criteria:
//   HARD RULES     a pair (household, dwelling) that fails one is not eligible at all;
//   SOFT CRITERIA  each eligible pair scores integer points per criterion, weight × fit, where
//                  fit ∈ [0, 1] is documented per criterion in server/matching/domain; the
//                  pair's score is `baseScore` + the sum of the contributions (the explanation
//                  lists every term, and they add up to the score exactly);
//   COMPOSITION    limits over sets of dwellings (a building, an area) that the matcher keeps as
//                  side constraints ("groups" in the core form): support needs per building,
//                  age mix per building, settlement share per area (spredt bosetting).
//
// `baseScore` is the value of housing a household at all. With the default (1000) against
// soft criteria worth at most 100 points each, the matcher houses as many households as it can
// first and chooses the best fit among those solutions second.

import { z } from 'zod';

export const hardRuleCodes = [
  'status', // the dwelling is ready / vacant and not reserved or let
  'availability', // available by the planned move-in date
  'earmarking', // the dwelling's earmarking allows this household's category
  'bedrooms', // bedrooms within [needed − allowFewer, needed + maxExtraBedrooms]
  'capacity', // capacity ≥ persons (including expected family reunification when configured)
  'accessibility', // wheelchair / step-free need met
  'affordability', // rent within what the household can carry (housing allowance estimated)
  'shared_housing', // shared housing only to households marked for it, and only single adults
] as const;
export type HardRuleCode = (typeof hardRuleCodes)[number];

export const softCriterionCodes = [
  'school', // near school, for households with school-age children (6–15)
  'kindergarten', // near kindergarten, for households with children aged 1–5
  'intro_site', // near the introduction-programme site, for adults in the programme
  'centre_transport', // near the centre or a bus stop
  'preferred_area', // the dwelling's area is the household's preferred area (or near its network)
  'floor_lift', // ground floor or lift when a member is 67 or older
  'size_fit', // not needlessly large: full points for the exact bedroom need
  'urgency', // time waiting since the residence permit, against the settlement target
  'same_language_shared', // shared housing where a co-resident shares a language (§4.2)
] as const;
export type SoftCriterionCode = (typeof softCriterionCodes)[number];

const int = (min: number, max: number) => z.number().int().min(min).max(max);

export const allocationCriteriaSchema = z.object({
  baseScore: int(1, 100_000),
  /** Points for full fit on a criterion of weight 1; a contribution is round(weight × pointsPerWeight × fit). */
  pointsPerWeight: int(1, 1000),
  occupancy: z.object({
    /** Bedrooms beyond the need that a dwelling may have (more is "needlessly large": refused). */
    maxExtraBedrooms: int(0, 10),
    /** Bedrooms below the need that are still acceptable (0 = none). */
    allowFewerBedrooms: int(0, 3),
    /** Count expected family reunification in bedrooms and capacity. */
    includeReunification: z.boolean(),
    /** Children under this age share a bedroom two to a room (household-composition.ts BedroomRule). */
    childrenShareBelowAge: int(1, 18),
  }),
  affordability: z.object({
    enabled: z.boolean(),
    /** Monthly income assumed per adult when the household has no maximum rent recorded (øre). */
    incomePerAdultOre: int(0, 100_000_000),
    /** Monthly child benefit etc. per child (øre). */
    incomePerChildOre: int(0, 100_000_000),
    /** Share of income the household can spend on rent before the housing allowance (percent). */
    rentShareOfIncomePercent: int(1, 100),
    /**
     * The household's own share in the housing-allowance formula (egenandel), as a share of
     * income (percent): the allowance covers `allowanceCoveragePercent` of the rent above it.
     * Added after version 1; a stored version without it reads as 20.
     */
    allowanceOwnSharePercent: int(0, 100).default(20),
    /** Share of the rent above the household's own share that the housing allowance is estimated to cover (percent). */
    allowanceCoveragePercent: int(0, 100),
    /** Monthly ceiling on the estimated housing allowance (øre). */
    allowanceCeilingOre: int(0, 100_000_000),
  }),
  /** Earmarkings a first-settlement household may be offered (the others never). */
  earmarkingsForSettlement: z.array(z.enum(['first_settlement', 'welfare', 'care', 'none'])).min(1),
  proximity: z.object({
    /** Full points at or below this walking time (minutes). */
    goodMinutes: int(0, 600),
    /** No points at or above this walking time (minutes); linear in between. */
    maxMinutes: int(1, 600),
  }),
  urgency: z.object({
    /** Days since the permit at which urgency gives full points (the settlement target). */
    fullAfterDays: int(1, 3650),
  }),
  /** Weight per soft criterion, 0 (ignored) to 10. */
  weights: z.object(Object.fromEntries(softCriterionCodes.map((code) => [code, int(0, 10)])) as Record<SoftCriterionCode, z.ZodNumber>),
  composition: z.object({
    /** At most this many households flagged with a support need per building (null = no limit). */
    supportPerBuildingMax: int(0, 1000).nullable(),
    /** At most this share of a building's dwellings to households of one age band (null = no limit). */
    ageBandPerBuildingMaxPercent: int(1, 100).nullable(),
    /** At most this share of the dwellings in an area used for settlement (null = no limit). */
    areaSettlementMaxPercent: int(1, 100).nullable(),
    /** What an "area" is for the spread rule. */
    areaKey: z.enum(['area_zone', 'school_district']),
  }),
});
export type AllocationCriteria = z.infer<typeof allocationCriteriaSchema>;

/** Husly's defaults; the reasons are in docs/decisions/014-allocation-matching.md. */
export const DEFAULT_ALLOCATION_CRITERIA: AllocationCriteria = {
  baseScore: 1000,
  pointsPerWeight: 10,
  occupancy: { maxExtraBedrooms: 1, allowFewerBedrooms: 0, includeReunification: true, childrenShareBelowAge: 18 },
  affordability: {
    enabled: true,
    // Introduction benefit 2G a year (G = 130 160 kr from 1 May 2025) ≈ 21 700 kr a month.
    incomePerAdultOre: 2_170_000,
    // Barnetrygd 1 968 kr a month per child (2025).
    incomePerChildOre: 196_800,
    rentShareOfIncomePercent: 35,
    allowanceOwnSharePercent: 20,
    allowanceCoveragePercent: 73,
    allowanceCeilingOre: 700_000,
  },
  earmarkingsForSettlement: ['first_settlement', 'none'],
  proximity: { goodMinutes: 10, maxMinutes: 30 },
  urgency: { fullAfterDays: 180 },
  weights: {
    school: 7,
    kindergarten: 5,
    intro_site: 5,
    centre_transport: 8,
    preferred_area: 3,
    floor_lift: 6,
    size_fit: 4,
    urgency: 5,
    same_language_shared: 3,
  },
  composition: { supportPerBuildingMax: 2, ageBandPerBuildingMaxPercent: null, areaSettlementMaxPercent: null, areaKey: 'area_zone' },
};

/** Refusal reasons (R5.6), configurable per municipality; these are the defaults. */
export const DEFAULT_REFUSAL_REASONS = [
  { code: 'too_small', label: 'For liten' },
  { code: 'location', label: 'Beliggenhet (avstand til skole, arbeid, nettverk)' },
  { code: 'rent', label: 'For høy husleie' },
  { code: 'condition', label: 'Standard eller tilstand' },
  { code: 'shared_housing', label: 'Ønsker ikke bofellesskap' },
  { code: 'accessibility', label: 'Ikke tilpasset funksjonsbehov' },
  { code: 'found_own', label: 'Har skaffet bolig selv' },
  { code: 'other', label: 'Annet' },
] as const;

/** What a refusal leads to (R5.4–R5.5: usually one offer; dialogue rather than threats). */
export const refusalConsequences = ['new_offer', 'no_new_offer', 'finds_own', 'under_dialogue'] as const;
export type RefusalConsequence = (typeof refusalConsequences)[number];

/** Age bands for the age-mix rule (§4.2: variety in age; young residents under 25). */
export const ageBands = ['young_adult', 'family', 'adult', 'senior'] as const;
export type AgeBand = (typeof ageBands)[number];

/** Days a household has to answer an offer unless the worker sets otherwise. */
export const DEFAULT_OFFER_ANSWER_DAYS = 7;
/** Forvaltningsloven § 29: the appeal period is three weeks from the decision reached the party. */
export const APPEAL_PERIOD_DAYS = 21;
