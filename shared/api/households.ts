import { z } from 'zod';
import { contactRoles, type ContactRole } from '../contact-card/contact-card';
import { PIPELINE_STATES } from '../domain/pipeline';
import { intakeRelations } from '../intake/imdi-intake';
import { calendarDate, createPersonRequest, refugeeCategories } from './persons';
import { plainText } from './text';

// Households (issue 5 items 3, 4, 6, 7, 8): members and relations, derived composition and
// bedroom need, expected family reunification, the housing-needs profile, income sources, the
// guardian of an unaccompanied minor, the settlement pipeline with its clocks, the move-in
// checklist (tasks) and the household's named contacts.

export const pipelineStates = PIPELINE_STATES;
export const relations = intakeRelations;
export const compositionKinds = [
  'single_adult',
  'couple',
  'single_parent_family',
  'family_with_children',
  'large_family',
  'unaccompanied_minor',
  'shared_housing_group',
  'multi_generation',
] as const;
export const incomeSources = [
  'introduction_benefit',
  'wages',
  'social_assistance',
  'child_benefit',
  'housing_allowance',
  'pension',
  'disability_benefit',
  'qualification_benefit',
  'student_support',
  'other',
] as const;
export const accessibilityNeeds = ['none', 'step_free', 'wheelchair'] as const;
/** The household contact roles are the contact card's (one list, so every role has card texts). */
export { contactRoles, type ContactRole };
/** Languages the "who to contact" card is translated into (shared/contact-card/*.json). */
export const contactCardLanguages = ['nb', 'nn', 'en', 'ar', 'prs', 'ti', 'uk', 'so'] as const;
export type ContactCardLanguage = (typeof contactCardLanguages)[number];

const email = z
  .string()
  .trim()
  .max(254)
  .refine((s) => s === '' || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s), { error: 'user.email_invalid' });

/** A member: an existing person (personId) or a new person registered with the household. */
export const memberInput = z.union([
  z.strictObject({ personId: z.uuid(), relation: z.enum(relations) }),
  z.strictObject({ person: createPersonRequest, relation: z.enum(relations) }),
]);
export type MemberInput = z.infer<typeof memberInput>;

const householdFields = {
  category: z.enum(refugeeCategories),
  imdiCaseId: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9][A-Za-z0-9._/-]{0,63}$/, { error: 'invalid_format' })
    .nullable()
    .optional(),
  /** Defaults to the creating user's unit. */
  responsibleUnitId: z.uuid().optional(),
  proposedOn: calendarDate.optional(),
  residencePermitDate: calendarDate.nullable().optional(),
  receptionCentre: plainText({ min: 1, max: 200 }).nullable().optional(),
  agreedTargetDays: z.number().int().min(1).max(365).nullable().optional(),
  plannedArrivalDate: calendarDate.nullable().optional(),
  /** Setting or moving the arrival date (re)generates the move-in checklist. */
  arrivalDate: calendarDate.nullable().optional(),
  sharedHousing: z.boolean().optional(),
  guardianName: plainText({ min: 1, max: 200 }).nullable().optional(),
  guardianPhone: plainText({ min: 0, max: 40 }).optional(),
  guardianEmail: email.optional(),
  guardianAppointedOn: calendarDate.nullable().optional(),
  reunificationAdults: z.number().int().min(0).max(20).optional(),
  reunificationChildren: z.number().int().min(0).max(20).optional(),
  reunificationExpectedOn: calendarDate.nullable().optional(),
  /** Functional-needs data: written and shown only with the functional_needs permission. */
  accessibility: z.enum(accessibilityNeeds).optional(),
  /** Need for support or health follow-up (composition rule in allocation); functional-needs data like accessibility. */
  supportNeed: z.boolean().optional(),
  nearSchool: z.boolean().optional(),
  nearKindergarten: z.boolean().optional(),
  nearIntroSite: z.boolean().optional(),
  preferredArea: plainText({ min: 0, max: 200 }).optional(),
  maxRentOre: z.number().int().min(0).max(100_000_000).nullable().optional(),
  incomeSources: z.array(z.enum(incomeSources)).max(incomeSources.length).optional(),
  needsNotes: plainText({ min: 0, max: 4000 }).optional(),
};

export const createHouseholdRequest = z.strictObject({
  ...householdFields,
  /** At least one; exactly one 'main' (household.members_invalid). A minor main person needs a guardian. */
  members: z.array(memberInput).min(1).max(40),
});
export type CreateHouseholdRequest = z.infer<typeof createHouseholdRequest>;

export const updateHouseholdRequest = z.strictObject({
  ...householdFields,
  category: householdFields.category.optional(),
});
export type UpdateHouseholdRequest = z.infer<typeof updateHouseholdRequest>;

export const addMemberRequest = memberInput;
export const updateMemberRequest = z.strictObject({
  relation: z.enum(relations).optional(),
  /** The member leaves the household on this date (kept in history). */
  leftOn: calendarDate.nullable().optional(),
});

export const householdIdParams = z.strictObject({ id: z.uuid() });
export const memberParams = z.strictObject({ id: z.uuid(), personId: z.uuid() });
export const contactParams = z.strictObject({ id: z.uuid(), contactId: z.uuid() });

export const householdListQuery = z.strictObject({
  /** Name in any script, fnr/D-nummer, DUF-nummer, household reference or IMDi case id. */
  search: z.string().trim().max(100).optional(),
  state: z.enum(PIPELINE_STATES).optional(),
  category: z.enum(refugeeCategories).optional(),
  overdue: z.enum(['true', 'false']).optional(),
  /** 'urgency' (default): overdue first, then fewest days left. */
  sort: z.enum(['urgency', 'reference', 'proposedOn', '-proposedOn', 'state']).optional(),
  page: z.coerce.number().int().min(1).max(10_000).optional(),
  pageSize: z.coerce.number().int().min(1).max(200).optional(),
});
export type HouseholdListQuery = z.infer<typeof householdListQuery>;

/** The settlement clock (pipeline.ts settlementClock), as of today in Europe/Oslo. */
export const clockDto = z.object({
  /** null when the permit date is unknown. */
  daysWaiting: z.number().int().nullable(),
  dueDate: z.string().nullable(),
  daysLeft: z.number().int().nullable(),
  basis: z.enum(['national_adult_6_months', 'national_em_3_months', 'agreed_target']).nullable(),
  overdue: z.boolean(),
  /** The clock stopped: settled (on the settlement date) or left the pipeline. */
  stopped: z.boolean(),
});
export type ClockDto = z.infer<typeof clockDto>;

export const compositionDto = z.object({
  size: z.number().int(),
  adults: z.number().int(),
  children: z.number().int(),
  kind: z.enum(compositionKinds),
  isLargeFamily: z.boolean(),
  isMultiGeneration: z.boolean(),
});

export const householdSummaryDto = z.object({
  id: z.uuid(),
  reference: z.string(),
  imdiCaseId: z.string().nullable(),
  category: z.enum(refugeeCategories),
  state: z.enum(PIPELINE_STATES),
  /** The main person's name (staff with read:household see names). */
  mainPersonName: z.string().nullable(),
  composition: compositionDto,
  proposedOn: z.string(),
  residencePermitDate: z.string().nullable(),
  arrivalDate: z.string().nullable(),
  clock: clockDto,
  responsibleUnit: z.object({ id: z.uuid(), name: z.string() }),
});
export type HouseholdSummaryDto = z.infer<typeof householdSummaryDto>;

export const householdListResponse = z.object({
  items: z.array(householdSummaryDto),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  actions: z.object({ create: z.boolean(), import: z.boolean() }),
});
export type HouseholdListResponse = z.infer<typeof householdListResponse>;

export const memberDto = z.object({
  personId: z.uuid(),
  fullName: z.string(),
  transliteration: z.string().nullable(),
  relation: z.enum(relations),
  birthDate: z.object({ date: z.string(), precision: z.enum(['exact', 'year', 'jan1_convention']) }).nullable(),
  age: z.number().int().nullable(),
  isMinor: z.boolean(),
  languages: z.array(z.object({ code: z.string(), interpreterNeeded: z.boolean(), preferredForLetters: z.boolean() })),
  joinedOn: z.string().nullable(),
  leftOn: z.string().nullable(),
});
export type MemberDto = z.infer<typeof memberDto>;

export const pipelineEventDto = z.object({
  id: z.uuid(),
  fromState: z.enum(PIPELINE_STATES).nullable(),
  toState: z.enum(PIPELINE_STATES),
  reason: z.string(),
  effectiveOn: z.string(),
  dwelling: z.object({ id: z.uuid(), reference: z.string() }).nullable(),
  actorName: z.string().nullable(),
  occurredAt: z.string(),
});
export type PipelineEventDto = z.infer<typeof pipelineEventDto>;

export const contactDto = z.object({
  id: z.uuid(),
  role: z.enum(contactRoles),
  staffUserId: z.uuid().nullable(),
  name: z.string(),
  phone: z.string(),
  email: z.string(),
  availability: z.string(),
  sortOrder: z.number().int(),
});
export type ContactDto = z.infer<typeof contactDto>;

export const contactInput = z.strictObject({
  role: z.enum(contactRoles),
  /** A staff member: name, phone and e-mail default from their profile. */
  staffUserId: z.uuid().nullable().optional(),
  name: plainText({ min: 1, max: 200 }),
  phone: plainText({ min: 0, max: 40 }).optional(),
  email: email.optional(),
  availability: plainText({ min: 0, max: 200 }).optional(),
  sortOrder: z.number().int().min(0).max(1000).optional(),
});
export type ContactInput = z.infer<typeof contactInput>;
/** Replaces the household's contacts in one go (PUT, If-Match on the household version). */
export const replaceContactsRequest = z.strictObject({ contacts: z.array(contactInput).max(30) });

export const householdDto = z.object({
  id: z.uuid(),
  reference: z.string(),
  imdiCaseId: z.string().nullable(),
  category: z.enum(refugeeCategories),
  state: z.enum(PIPELINE_STATES),
  stateChangedAt: z.string(),
  responsibleUnit: z.object({ id: z.uuid(), name: z.string() }),
  proposedOn: z.string(),
  residencePermitDate: z.string().nullable(),
  receptionCentre: z.string().nullable(),
  agreedTargetDays: z.number().int().nullable(),
  plannedArrivalDate: z.string().nullable(),
  arrivalDate: z.string().nullable(),
  settlementDate: z.string().nullable(),
  reservedDwelling: z.object({ id: z.uuid(), reference: z.string(), address: z.string() }).nullable(),
  sharedHousing: z.boolean(),
  guardian: z
    .object({ name: z.string(), phone: z.string(), email: z.string(), appointedOn: z.string().nullable() })
    .nullable(),
  members: z.array(memberDto),
  composition: compositionDto,
  bedrooms: z.object({ now: z.number().int(), withReunification: z.number().int() }),
  reunification: z.object({
    adults: z.number().int(),
    children: z.number().int(),
    expectedOn: z.string().nullable(),
  }),
  needs: z.object({
    /** null when the user may not read functional needs. */
    accessibility: z.enum(accessibilityNeeds).nullable(),
    /** null when the user may not read functional needs. */
    supportNeed: z.boolean().nullable(),
    nearSchool: z.boolean(),
    nearKindergarten: z.boolean(),
    nearIntroSite: z.boolean(),
    preferredArea: z.string(),
    maxRentOre: z.number().int().nullable(),
    notes: z.string(),
  }),
  incomeSources: z.array(z.enum(incomeSources)),
  clock: clockDto,
  history: z.array(pipelineEventDto),
  contacts: z.array(contactDto),
  /** Age-out dates for an unaccompanied minor (18, 20, 23), else []. */
  ageOut: z.array(z.object({ age: z.number().int(), date: z.string() })),
  version: z.number().int(),
  createdAt: z.string(),
  actions: z.object({
    update: z.boolean(),
    transition: z.array(z.object({ to: z.enum(PIPELINE_STATES), reasonRequired: z.boolean() })),
    readFunctionalNeeds: z.boolean(),
    writeFunctionalNeeds: z.boolean(),
    contactCard: z.boolean(),
  }),
});
export type HouseholdDto = z.infer<typeof householdDto>;

export const transitionRequest = z.strictObject({
  to: z.enum(PIPELINE_STATES),
  /** Required for back-steps and exits (pipeline.reason_required). */
  reason: plainText({ min: 0, max: 2000 }).optional(),
  /** The date the change took effect; defaults to today. For 'settled' it is the settlement date. */
  effectiveOn: calendarDate.optional(),
  /** Required for 'dwelling_reserved' (household.dwelling_required). */
  dwellingId: z.uuid().optional(),
});
export type TransitionRequest = z.infer<typeof transitionRequest>;

export const householdVersionResponse = z.object({ id: z.uuid(), version: z.number().int() });

export const contactCardQuery = z.strictObject({ language: z.enum(contactCardLanguages) });

// ---------------------------------------------------------------------------------------------
// Pipeline board and quarterly counts

export const boardQuery = z.strictObject({
  category: z.enum(refugeeCategories).optional(),
  unitId: z.uuid().optional(),
});
export const boardResponse = z.object({
  columns: z.array(
    z.object({
      state: z.enum(PIPELINE_STATES),
      /** Sorted by urgency. Final states show the last 90 days only. */
      items: z.array(householdSummaryDto),
      total: z.number().int(),
    }),
  ),
});
export type BoardResponse = z.infer<typeof boardResponse>;

export const quartersQuery = z.strictObject({ year: z.coerce.number().int().min(2000).max(2100) });
export const quarterDto = z.object({
  year: z.number().int(),
  quarter: z.number().int().min(1).max(4),
  settled: z.number().int(),
  /** Persons settled (the unit IMDi counts in). */
  settledPersons: z.number().int(),
  target: z.number().int().nullable(),
  settledWithinDeadline: z.number().int(),
});
export const quartersResponse = z.object({
  year: z.number().int(),
  quarters: z.array(quarterDto),
  actions: z.object({ setTarget: z.boolean() }),
});
export type QuartersResponse = z.infer<typeof quartersResponse>;
export const targetParams = z.strictObject({
  year: z.coerce.number().int().min(2000).max(2100),
  quarter: z.coerce.number().int().min(1).max(4),
});
export const setTargetRequest = z.strictObject({ target: z.number().int().min(0).max(100_000) });
