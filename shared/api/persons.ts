import { z } from 'zod';
import { isCalendarDate } from '../domain/calendar-date';
import { birthDatePrecisions, refugeeCategories, type RefugeeCategory } from '../intake/imdi-intake';
import { plainText } from './text';

// Persons (issue 5 item 1), their special-category data (item 2) and data-subject rights
// (item 9). Rules: shared/domain/person-names.ts (names in any script, NFC), birth-date.ts
// (exact / year / 01.01 convention), identity-rules.ts (fnr/D-nummer, H/FH refused, synthetic
// numbers only outside production), duf.ts (DUF-nummer). Gender is never derived from an
// identity number; Husly does not store gender at all.

export { refugeeCategories, birthDatePrecisions, type RefugeeCategory };
export const introProgrammeStatuses = ['unknown', 'entitled_and_obliged', 'entitled', 'not_entitled'] as const;
export type IntroProgrammeStatus = (typeof introProgrammeStatuses)[number];

export const specialCategories = ['health', 'functional_needs', 'disability', 'universal_design'] as const;
export type SpecialCategory = (typeof specialCategories)[number];
/**
 * The permission entity that guards each special category: health data under `health`, the
 * rest under `functional_needs` (permissions.ts).
 */
export const specialCategoryPermission: Record<SpecialCategory, 'health' | 'functional_needs'> = {
  health: 'health',
  functional_needs: 'functional_needs',
  disability: 'functional_needs',
  universal_design: 'functional_needs',
};
/** GDPR art. 9(2) grounds Husly records (decision 011). */
export const legalBases = [
  'consent',
  'integration_act',
  'health_and_care_services_act',
  'social_services_act',
  'child_welfare_act',
  'vital_interests',
] as const;
export type LegalBasis = (typeof legalBases)[number];

export const calendarDate = z.string().refine(isCalendarDate, { error: 'invalid_format' });

export const personLanguage = z.strictObject({
  /** ISO 639-1 or 639-3, lower case ('ar', 'ti', 'uk', 'prs', 'so'). */
  code: z.string().regex(/^[a-z]{2,3}$/, { error: 'invalid_format' }),
  interpreterNeeded: z.boolean(),
  preferredForLetters: z.boolean(),
});
export type PersonLanguage = z.infer<typeof personLanguage>;

/**
 * Birth date as entered: `date` is 'YYYY-MM-DD' (precision exact or jan1_convention) or 'YYYY'
 * (precision year). The server validates with validateBirthDate → person.birth_date_invalid.
 */
export const birthDateInput = z.strictObject({
  date: z.string().max(10),
  precision: z.enum(birthDatePrecisions),
});

const personFields = {
  /** Any script; stored NFC; single names allowed (person.name_invalid). */
  fullName: z.string().max(1000),
  transliteration: z.string().max(1000).nullable().optional(),
  birthDate: birthDateInput.nullable().optional(),
  /** Fødselsnummer or D-nummer, 11 digits (spaces allowed) → person.identity_number_invalid. */
  identityNumber: z.string().max(20).nullable().optional(),
  /** DUF-nummer, 12 digits → person.duf_invalid. */
  dufNumber: z.string().max(20).nullable().optional(),
  nationality: z
    .string()
    .regex(/^[A-Z]{3}$/, { error: 'invalid_format' })
    .nullable()
    .optional(),
  languages: z.array(personLanguage).max(20).optional(),
  refugeeCategory: z.enum(refugeeCategories).nullable().optional(),
  residencePermitDate: calendarDate.nullable().optional(),
  receptionCentre: plainText({ min: 1, max: 200 }).nullable().optional(),
  arrivalDate: calendarDate.nullable().optional(),
  /** Must not be before arrivalDate → pipeline.settlement_date_invalid. */
  settlementDate: calendarDate.nullable().optional(),
  introProgramme: z.enum(introProgrammeStatuses).optional(),
  introProgrammeStart: calendarDate.nullable().optional(),
  introProgrammeEnd: calendarDate.nullable().optional(),
};

export const createPersonRequest = z.strictObject(personFields);
export type CreatePersonRequest = z.infer<typeof createPersonRequest>;

export const updatePersonRequest = z.strictObject({
  ...personFields,
  fullName: personFields.fullName.optional(),
  /** Why an identity number or DUF number changed (kept in the identity history). */
  identityChangeReason: plainText({ min: 0, max: 500 }).optional(),
});
export type UpdatePersonRequest = z.infer<typeof updatePersonRequest>;

export const personIdParams = z.strictObject({ id: z.uuid() });
export const specialCategoryParams = z.strictObject({ id: z.uuid(), recordId: z.uuid() });

export const personListQuery = z.strictObject({
  /** Name in any script (matched on the search key of name and transliteration), fnr/D-nr or DUF. */
  query: z.string().trim().min(2).max(100),
  page: z.coerce.number().int().min(1).max(10_000).optional(),
  pageSize: z.coerce.number().int().min(1).max(100).optional(),
});

export const personSummaryDto = z.object({
  id: z.uuid(),
  fullName: z.string(),
  transliteration: z.string().nullable(),
  birthDate: z.object({ date: z.string(), precision: z.enum(birthDatePrecisions) }).nullable(),
  household: z.object({ id: z.uuid(), reference: z.string() }).nullable(),
});
export type PersonSummaryDto = z.infer<typeof personSummaryDto>;

export const personListResponse = z.object({
  items: z.array(personSummaryDto),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  actions: z.object({ create: z.boolean() }),
});

export const identityEventDto = z.object({
  field: z.enum(['identity_number', 'duf_number']),
  oldValue: z.string().nullable(),
  newValue: z.string().nullable(),
  reason: z.string(),
  changedBy: z.string().nullable(),
  changedAt: z.string(),
});

export const personDto = z.object({
  id: z.uuid(),
  fullName: z.string(),
  transliteration: z.string().nullable(),
  birthDate: z.object({ date: z.string(), precision: z.enum(birthDatePrecisions) }).nullable(),
  /** Age in whole years today (Europe/Oslo); with a year-only birth date the youngest possible age. */
  age: z.number().int().nullable(),
  identityNumber: z.string().nullable(),
  /** 'fnr' | 'dnr' | 'synthetic' (test number, never in production) — never a gender. */
  identityNumberKind: z.enum(['fnr', 'dnr', 'synthetic']).nullable(),
  dufNumber: z.string().nullable(),
  nationality: z.string().nullable(),
  languages: z.array(personLanguage),
  refugeeCategory: z.enum(refugeeCategories).nullable(),
  residencePermitDate: z.string().nullable(),
  receptionCentre: z.string().nullable(),
  arrivalDate: z.string().nullable(),
  settlementDate: z.string().nullable(),
  introProgramme: z.enum(introProgrammeStatuses),
  introProgrammeStart: z.string().nullable(),
  introProgrammeEnd: z.string().nullable(),
  household: z.object({ id: z.uuid(), reference: z.string(), relation: z.string() }).nullable(),
  identityHistory: z.array(identityEventDto),
  anonymisedAt: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  actions: z.object({
    update: z.boolean(),
    /** Which special categories this user may see / record (the list is fetched separately, audited). */
    readSpecialCategories: z.array(z.enum(specialCategories)),
    writeSpecialCategories: z.array(z.enum(specialCategories)),
    export: z.boolean(),
    anonymise: z.boolean(),
  }),
});
export type PersonDto = z.infer<typeof personDto>;

export const createSpecialCategoryRequest = z.strictObject({
  category: z.enum(specialCategories),
  details: plainText({ min: 1, max: 8000 }),
  /** Required → special_category.legal_basis_required. */
  legalBasis: z.enum(legalBases).nullable(),
  legalBasisNote: plainText({ min: 0, max: 500 }).optional(),
  /** Required when legalBasis is 'consent' → special_category.consent_date_required. */
  consentGivenOn: calendarDate.nullable().optional(),
});
export type CreateSpecialCategoryRequest = z.infer<typeof createSpecialCategoryRequest>;

export const updateSpecialCategoryRequest = z.strictObject({
  details: plainText({ min: 1, max: 8000 }).optional(),
  legalBasis: z.enum(legalBases).nullable().optional(),
  legalBasisNote: plainText({ min: 0, max: 500 }).optional(),
  consentGivenOn: calendarDate.nullable().optional(),
  /** Consent withdrawn: the record is deleted and the withdrawal audited. */
  consentWithdrawnOn: calendarDate.nullable().optional(),
});

export const specialCategoryDto = z.object({
  id: z.uuid(),
  category: z.enum(specialCategories),
  details: z.string(),
  legalBasis: z.enum(legalBases),
  legalBasisNote: z.string(),
  consentGivenOn: z.string().nullable(),
  source: z.enum(['staff', 'imdi_intake']),
  recordedBy: z.string().nullable(),
  recordedAt: z.string(),
  version: z.number().int(),
});
export type SpecialCategoryDto = z.infer<typeof specialCategoryDto>;

/** Only the categories the caller may read; each call is audited (action display, fields = categories). */
export const specialCategoryListResponse = z.object({
  items: z.array(specialCategoryDto),
  /** Categories that exist for the person but are hidden from this user are not even counted. */
  readable: z.array(z.enum(specialCategories)),
});

export const anonymiseRequest = z.strictObject({
  /** Why (e.g. 'retention elapsed', 'erasure request ref 2026/123'); stored in the audit log as purpose_ref. */
  reason: plainText({ min: 1, max: 200 }),
});

/** JSON export of everything stored about a person (GDPR art. 15); the PDF renders the same. */
export const personExportDto = z.object({
  format: z.literal('husly.person-export.v1'),
  exportedAt: z.string(),
  municipality: z.object({ kommunenummer: z.string(), name: z.string() }),
  person: z.record(z.string(), z.unknown()),
  languages: z.array(personLanguage),
  identityHistory: z.array(identityEventDto),
  specialCategories: z.array(specialCategoryDto),
  households: z.array(z.record(z.string(), z.unknown())),
  leases: z.array(z.record(z.string(), z.unknown())),
  tasks: z.array(z.record(z.string(), z.unknown())),
  /** Who has read the record (the audit trail about this person). */
  accessLog: z.array(
    z.object({ occurredAt: z.string(), action: z.string(), purpose: z.string(), actorRoles: z.array(z.string()) }),
  ),
});
export type PersonExportDto = z.infer<typeof personExportDto>;
