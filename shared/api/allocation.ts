import { z } from 'zod';
import {
  ageBands,
  allocationCriteriaSchema,
  hardRuleCodes,
  refusalConsequences,
  softCriterionCodes,
} from '../domain/allocation-criteria';
import { dwellingTypes } from '../domain/dwelling-rules';

// Allocation (tildeling, issue 6): criteria versions, matching runs with explanations,
// reservations, offers and answers, allocation decisions (enkeltvedtak) and appeals.

const isoDate = z.iso.date();

// ---------------------------------------------------------------------------------------------
// The domain form of a matching instance: what the workbench sends to the engine and exports
// for `npm run match` (docs/matching-format.md). Households carry no names or identity numbers:
// only what the criteria need. Ids are the database ids (uuids) or, in hand-written files, any
// unique strings.

export const matchingHousehold = z.object({
  id: z.string().min(1).max(64),
  reference: z.string().max(64),
  category: z.string().max(64),
  /** Ages in whole years on the planned move-in date (approximate birth dates rounded down). */
  memberAges: z.array(z.number().int().min(0).max(130)).min(1).max(40),
  /** Persons and bedrooms needed, now and with the expected family reunification. */
  persons: z.number().int().min(1).max(60),
  personsWithReunification: z.number().int().min(1).max(60),
  bedroomsNeeded: z.number().int().min(0).max(30),
  bedroomsNeededWithReunification: z.number().int().min(0).max(30),
  accessibility: z.enum(['none', 'step_free', 'wheelchair']),
  /** Flagged with a need for support or health follow-up (composition rule; functional-needs data). */
  supportNeed: z.boolean(),
  sharedHousing: z.boolean(),
  inIntroProgramme: z.boolean(),
  /** Recorded maximum rent (øre a month); null = estimated from the criteria. */
  maxRentOre: z.number().int().min(0).nullable(),
  adults: z.number().int().min(0).max(60),
  children: z.number().int().min(0).max(60),
  preferredArea: z.string().max(200),
  nearSchool: z.boolean(),
  nearKindergarten: z.boolean(),
  nearIntroSite: z.boolean(),
  /** ISO 639 codes of the members' languages. */
  languages: z.array(z.string().max(3)).max(20),
  /** Days since the residence permit on the planned move-in date (null = unknown). */
  waitingDays: z.number().int().min(0).nullable(),
});
export type MatchingHousehold = z.infer<typeof matchingHousehold>;

export const matchingDwelling = z.object({
  id: z.string().min(1).max(64),
  reference: z.string().max(64),
  buildingId: z.string().max(64).nullable(),
  type: z.enum(dwellingTypes),
  status: z.string().max(40),
  earmarking: z.enum(['first_settlement', 'welfare', 'care', 'none']),
  /** First date it can be moved into (null = now). */
  availableFrom: isoDate.nullable(),
  bedrooms: z.number().int().min(0).max(20),
  capacity: z.number().int().min(1).max(40),
  floor: z.number().int().nullable(),
  lift: z.boolean(),
  wheelchairAccessible: z.boolean(),
  stepFreeEntrance: z.boolean(),
  rentOre: z.number().int().min(0).nullable(),
  areaZone: z.string().max(120),
  schoolDistrict: z.string().max(120),
  walkMinSchool: z.number().int().nullable(),
  walkMinKindergarten: z.number().int().nullable(),
  walkMinBusStop: z.number().int().nullable(),
  walkMinCentre: z.number().int().nullable(),
  walkMinIntroProgramme: z.number().int().nullable(),
});
export type MatchingDwelling = z.infer<typeof matchingDwelling>;

/** Who already lives in a building (for the composition rules and the before/after view). */
export const buildingComposition = z.object({
  households: z.number().int().min(0),
  support: z.number().int().min(0),
  ageBands: z.record(z.enum(ageBands), z.number().int().min(0)),
  languages: z.array(z.string().max(3)),
});
export type BuildingComposition = z.infer<typeof buildingComposition>;

export const matchingBuilding = z.object({
  id: z.string().min(1).max(64),
  name: z.string().max(200),
  /** All dwellings in the building (not only those in the batch). */
  dwellingCount: z.number().int().min(0),
  current: buildingComposition,
});

export const matchingArea = z.object({
  key: z.string().max(120),
  /** All dwellings in the area, and those already used for settled refugees. */
  dwellingCount: z.number().int().min(0),
  settlementDwellings: z.number().int().min(0),
});

export const matchingLock = z.object({
  householdId: z.string().min(1).max(64),
  dwellingId: z.string().min(1).max(64),
  /** force: this household gets this dwelling; forbid: never this pair. */
  kind: z.enum(['force', 'forbid']),
});
export type MatchingLock = z.infer<typeof matchingLock>;

export const matchingDomainInput = z.object({
  kind: z.literal('husly.matching.domain'),
  criteriaVersion: z.number().int().min(0),
  criteria: allocationCriteriaSchema,
  plannedMoveIn: isoDate,
  households: z.array(matchingHousehold).max(10_000),
  dwellings: z.array(matchingDwelling).max(10_000),
  buildings: z.array(matchingBuilding).max(10_000),
  areas: z.array(matchingArea).max(10_000),
  locks: z.array(matchingLock).max(10_000),
});
export type MatchingDomainInput = z.infer<typeof matchingDomainInput>;

// Explanations: codes and parameters, translated by the web client (shared/i18n allocation).

export const contribution = z.object({
  /** A soft criterion, or 'base' for the base score. */
  criterion: z.union([z.enum(softCriterionCodes), z.literal('base')]),
  points: z.number().int(),
  /** Plain facts behind the points, e.g. { minutes: 12 } or { extraBedrooms: 1 }. */
  detail: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
});
export type Contribution = z.infer<typeof contribution>;

export const hardRuleResult = z.object({
  rule: z.enum(hardRuleCodes),
  passed: z.boolean(),
  detail: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
});
export type HardRuleResult = z.infer<typeof hardRuleResult>;

export const proposal = z.object({
  householdId: z.string(),
  dwellingId: z.string(),
  score: z.number().int(),
  /** Sum of points = score. */
  contributions: z.array(contribution),
  hardRules: z.array(hardRuleResult),
  locked: z.boolean(),
});
export type Proposal = z.infer<typeof proposal>;

export const unassignedReason = z.discriminatedUnion('kind', [
  /** No dwelling in the batch passes the hard rules; counts of dwellings failing each rule. */
  z.object({ kind: z.literal('no_eligible'), failedRules: z.array(z.object({ rule: z.enum(hardRuleCodes), dwellings: z.number().int() })) }),
  /** Dwellings that fit went to households with a higher combined value (named). */
  z.object({
    kind: z.literal('outcompeted'),
    eligibleDwellings: z.number().int(),
    takenBy: z.array(z.object({ dwellingId: z.string(), householdId: z.string(), score: z.number().int(), ownScore: z.number().int(), loss: z.number().int() })),
  }),
  /** A composition rule (group) would be broken. */
  z.object({ kind: z.literal('composition'), groups: z.array(z.object({ label: z.string(), max: z.number().int() })) }),
  /** A lock excludes every eligible dwelling. */
  z.object({ kind: z.literal('locked_out') }),
]);
export type UnassignedReason = z.infer<typeof unassignedReason>;

export const matchingResult = z.object({
  proposals: z.array(proposal),
  unassigned: z.array(z.object({ householdId: z.string(), reason: unassignedReason })),
  dwellings: z.array(
    z.object({
      dwellingId: z.string(),
      householdId: z.string().nullable(),
      /** Eligible households next in line for this dwelling, best first (at most 3). */
      runnersUp: z.array(z.object({ householdId: z.string(), score: z.number().int(), assignedElsewhere: z.boolean() })),
      /** When left empty: why (no eligible household, or the eligible ones did better elsewhere). */
      emptyReason: z.enum(['no_eligible', 'better_elsewhere', 'composition']).nullable(),
    }),
  ),
  buildings: z.array(z.object({ buildingId: z.string(), name: z.string(), before: buildingComposition, after: buildingComposition })),
  quality: z.object({
    objective: z.number(),
    bound: z.number(),
    gap: z.number(),
    optimal: z.boolean(),
    withGroups: z.boolean(),
    eligiblePairs: z.number().int(),
    millis: z.number(),
  }),
});
export type MatchingResult = z.infer<typeof matchingResult>;

// ---------------------------------------------------------------------------------------------
// Criteria versions and allocation settings

export const criteriaVersionDto = z.object({
  version: z.number().int(),
  criteria: allocationCriteriaSchema,
  note: z.string(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
});
export type CriteriaVersionDto = z.infer<typeof criteriaVersionDto>;

export const criteriaResponse = z.object({
  current: criteriaVersionDto,
  /** Earlier versions, newest first. */
  history: z.array(criteriaVersionDto.omit({ criteria: true })),
  actions: z.object({ update: z.boolean() }),
});
export type CriteriaResponse = z.infer<typeof criteriaResponse>;

export const saveCriteriaRequest = z.strictObject({
  /** The version the edit started from (a newer one in between → allocation.criteria_outdated). */
  basedOn: z.number().int().min(0),
  criteria: allocationCriteriaSchema,
  note: z.string().trim().min(1).max(1000),
});
export type SaveCriteriaRequest = z.infer<typeof saveCriteriaRequest>;

export const refusalReasonDto = z.object({ code: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/), label: z.string().trim().min(1).max(200) });

export const allocationSettingsDto = z.object({
  refusalReasons: z.array(refusalReasonDto),
  offerAnswerDays: z.number().int(),
  /** Where an appeal is sent (the office that decided), printed in the decision letter. */
  appealOffice: z.string(),
  appealAddress: z.string(),
  /** Who handles an appeal the office upholds (e.g. kommunens klagenemnd). */
  appealBody: z.string(),
  version: z.number().int(),
  actions: z.object({ update: z.boolean() }),
});
export type AllocationSettingsDto = z.infer<typeof allocationSettingsDto>;

export const updateAllocationSettingsRequest = z.strictObject({
  refusalReasons: z.array(refusalReasonDto).min(1).max(50).optional(),
  offerAnswerDays: z.number().int().min(1).max(60).optional(),
  appealOffice: z.string().trim().min(1).max(200).optional(),
  appealAddress: z.string().trim().min(1).max(300).optional(),
  appealBody: z.string().trim().min(1).max(200).optional(),
});
export type UpdateAllocationSettingsRequest = z.infer<typeof updateAllocationSettingsRequest>;

// ---------------------------------------------------------------------------------------------
// Workbench: the batch and runs

/** Households awaiting a dwelling and dwellings available in the window, for choosing a batch. */
export const batchCandidatesQuery = z.object({
  /** Dwellings available by this date (default: today + 30 days). */
  availableBy: isoDate.optional(),
});

export const batchCandidatesResponse = z.object({
  households: z.array(
    z.object({
      id: z.string(),
      reference: z.string(),
      mainPersonName: z.string().nullable(),
      compositionKind: z.string(),
      persons: z.number().int(),
      bedroomsNeeded: z.number().int(),
      waitingDays: z.number().int().nullable(),
      dueDate: z.string().nullable(),
      /** Only with read:functional_needs (null otherwise). */
      accessibility: z.enum(['none', 'step_free', 'wheelchair']).nullable(),
      supportNeed: z.boolean().nullable(),
    }),
  ),
  dwellings: z.array(
    z.object({
      id: z.string(),
      reference: z.string(),
      address: z.string(),
      buildingId: z.string().nullable(),
      buildingName: z.string().nullable(),
      type: z.enum(dwellingTypes),
      bedrooms: z.number().int(),
      rentOre: z.number().int().nullable(),
      status: z.string(),
      availableFrom: z.string().nullable(),
    }),
  ),
  availableBy: isoDate,
  criteriaVersion: z.number().int(),
});
export type BatchCandidatesResponse = z.infer<typeof batchCandidatesResponse>;

export const createRunRequest = z.strictObject({
  householdIds: z.array(z.uuid()).min(1).max(2000),
  dwellingIds: z.array(z.uuid()).min(1).max(2000),
  plannedMoveIn: isoDate,
  locks: z.array(z.strictObject({ householdId: z.uuid(), dwellingId: z.uuid(), kind: z.enum(['force', 'forbid']) })).max(2000).default([]),
  /** The run this one re-runs (with changed locks), for the record. */
  previousRunId: z.uuid().optional(),
});
export type CreateRunRequest = z.infer<typeof createRunRequest>;

export const runDto = z.object({
  id: z.string(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
  criteriaVersion: z.number().int(),
  plannedMoveIn: z.string(),
  previousRunId: z.string().nullable(),
  locks: z.array(matchingLock),
  result: matchingResult,
  /** Display data for the ids in the result (references, addresses, building names). */
  households: z.array(z.object({ id: z.string(), reference: z.string(), mainPersonName: z.string().nullable(), persons: z.number().int(), bedroomsNeeded: z.number().int() })),
  dwellings: z.array(z.object({ id: z.string(), reference: z.string(), address: z.string(), buildingName: z.string().nullable(), bedrooms: z.number().int(), rentOre: z.number().int().nullable() })),
});
export type RunDto = z.infer<typeof runDto>;

export const reserveRequest = z.strictObject({
  pairs: z.array(z.strictObject({ householdId: z.uuid(), dwellingId: z.uuid() })).min(1).max(500),
});
export type ReserveRequest = z.infer<typeof reserveRequest>;

// ---------------------------------------------------------------------------------------------
// Offers, answers, decisions, appeals

export const offerStates = ['reserved', 'offered', 'accepted', 'refused', 'withdrawn', 'expired'] as const;
export type OfferState = (typeof offerStates)[number];

export const offerDto = z.object({
  id: z.string(),
  householdId: z.string(),
  householdReference: z.string(),
  dwellingId: z.string(),
  dwellingReference: z.string(),
  address: z.string(),
  runId: z.string().nullable(),
  criteriaVersion: z.number().int(),
  state: z.enum(offerStates),
  score: z.number().int().nullable(),
  contributions: z.array(contribution),
  reservedAt: z.string(),
  offeredAt: z.string().nullable(),
  answerDue: z.string().nullable(),
  answeredAt: z.string().nullable(),
  refusalReason: z.string().nullable(),
  refusalText: z.string(),
  consequence: z.enum(refusalConsequences).nullable(),
  letterLanguage: z.string().nullable(),
  decisionId: z.string().nullable(),
  leaseId: z.string().nullable(),
  version: z.number().int(),
  actions: z.object({ offer: z.boolean(), answer: z.boolean(), decide: z.boolean(), withdraw: z.boolean() }),
});
export type OfferDto = z.infer<typeof offerDto>;

export const offerListResponse = z.object({ items: z.array(offerDto) });

export const makeOfferRequest = z.strictObject({
  answerDue: isoDate,
  /** Language of the summary in the letter (ISO 639-1); default the household's letter language. */
  summaryLanguage: z.string().regex(/^[a-z]{2,3}$/).optional(),
  /** Norwegian variant of the letter. */
  form: z.enum(['nb', 'nn']).default('nb'),
});
export type MakeOfferRequest = z.infer<typeof makeOfferRequest>;

export const answerOfferRequest = z.discriminatedUnion('answer', [
  z.strictObject({ answer: z.literal('accepted'), answeredOn: isoDate.optional() }),
  z.strictObject({
    answer: z.literal('refused'),
    answeredOn: isoDate.optional(),
    reasonCode: z.string().max(40),
    text: z.string().trim().max(2000).default(''),
    consequence: z.enum(refusalConsequences),
  }),
]);
export type AnswerOfferRequest = z.infer<typeof answerOfferRequest>;

export const decisionOutcomes = ['allocated', 'rejected'] as const;

export const createDecisionRequest = z.strictObject({
  outcome: z.enum(decisionOutcomes),
  /** Allocation: the accepted offer. Rejection: the household (and optionally the offer). */
  offerId: z.uuid().optional(),
  householdId: z.uuid().optional(),
  /** The assessment against the criteria and the reasons (forvaltningsloven §§ 24–25). */
  assessment: z.string().trim().min(1).max(8000),
  form: z.enum(['nb', 'nn']).default('nb'),
  /** Allocation creates the lease (tenancy issue); its terms. */
  lease: z
    .strictObject({
      startDate: isoDate,
      endDate: isoDate.nullable(),
      rentOre: z.number().int().min(0).max(100_000_000),
      depositOre: z.number().int().min(0).max(100_000_000).optional(),
      legalBasis: z.enum(['9-3', '11-1']).optional(),
    })
    .optional(),
});
export type CreateDecisionRequest = z.infer<typeof createDecisionRequest>;

export const appealStates = ['received', 'upheld_by_office', 'reversed_by_office', 'sent_to_appeal_body', 'upheld', 'reversed', 'withdrawn'] as const;

export const appealDto = z.object({
  id: z.string(),
  receivedOn: z.string(),
  grounds: z.string(),
  late: z.boolean(),
  state: z.enum(appealStates),
  outcomeOn: z.string().nullable(),
  outcomeNote: z.string(),
  version: z.number().int(),
});
export type AppealDto = z.infer<typeof appealDto>;

export const decisionDto = z.object({
  id: z.string(),
  reference: z.string(),
  householdId: z.string(),
  householdReference: z.string(),
  dwellingId: z.string().nullable(),
  offerId: z.string().nullable(),
  outcome: z.enum(decisionOutcomes),
  criteriaVersion: z.number().int(),
  assessment: z.string(),
  decidedAt: z.string(),
  decidedBy: z.string().nullable(),
  appealDeadline: z.string(),
  leaseId: z.string().nullable(),
  appeals: z.array(appealDto),
  actions: z.object({ appeal: z.boolean() }),
});
export type DecisionDto = z.infer<typeof decisionDto>;

export const createAppealRequest = z.strictObject({
  receivedOn: isoDate,
  grounds: z.string().trim().min(1).max(8000),
});
export const updateAppealRequest = z.strictObject({
  state: z.enum(appealStates),
  outcomeOn: isoDate.optional(),
  outcomeNote: z.string().trim().max(8000).default(''),
});

/** Everything about one household's allocation (household page and workbench side panel). */
export const householdAllocationResponse = z.object({
  offers: z.array(offerDto),
  decisions: z.array(decisionDto),
});
export type HouseholdAllocationResponse = z.infer<typeof householdAllocationResponse>;

// ---------------------------------------------------------------------------------------------
// Recent runs (added by the runs module, compatibly: new exports only)

export const runListQuery = z.object({ limit: z.coerce.number().int().min(1).max(100).default(20) });

export const runSummaryDto = z.object({
  id: z.string(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
  criteriaVersion: z.number().int(),
  plannedMoveIn: z.string(),
  previousRunId: z.string().nullable(),
  households: z.number().int(),
  dwellings: z.number().int(),
  proposals: z.number().int(),
  quality: z.object({ objective: z.number(), bound: z.number(), gap: z.number(), optimal: z.boolean(), millis: z.number() }),
});
export type RunSummaryDto = z.infer<typeof runSummaryDto>;

export const runListResponse = z.object({ items: z.array(runSummaryDto) });
export type RunListResponse = z.infer<typeof runListResponse>;
