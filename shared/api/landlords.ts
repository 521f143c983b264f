import { z } from 'zod';
import { leaseSummaryDto } from './leases';
import { plainText } from './text';

// Private landlords (utleiere) the municipality rents dwellings from (requirements §3.3).

export const landlordPartyKinds = ['person', 'company'] as const;
export const landlordCategories = ['professional', 'private_person', 'developer', 'cooperative', 'foundation'] as const;
export type LandlordCategory = (typeof landlordCategories)[number];
export const incidentKinds = [
  'complaint_from_landlord',
  'complaint_to_landlord',
  'damage',
  'neighbour',
  'maintenance',
  'other',
] as const;
export type IncidentKind = (typeof incidentKinds)[number];
export const landlordFlags = [
  'wants_consultation_before_reletting',
  'prefers_long_term',
  'refuses_municipal_guarantee',
  'deposit_guarantee',
  'rent_guarantee',
  'rent_paid_in_advance',
] as const;
export type LandlordFlag = (typeof landlordFlags)[number];

const date = z.string().regex(/^[0-9]{4}-[0-9]{2}-[0-9]{2}$/, { error: 'invalid_format' });
const email = z
  .string()
  .trim()
  .max(254)
  .refine((s) => s === '' || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s), { error: 'user.email_invalid' });

const landlordFields = {
  partyKind: z.enum(landlordPartyKinds),
  category: z.enum(landlordCategories),
  name: plainText({ min: 1, max: 200 }),
  /** Organisasjonsnummer: nine digits, mod-11 (spaces allowed). Required for a company. */
  orgnr: z.string().max(20).nullable().optional(),
  email: email.optional(),
  phone: plainText({ min: 0, max: 40 }).optional(),
  address: plainText({ min: 0, max: 300 }).optional(),
  /** Kontonummer: eleven digits, mod-11 (spaces and dots allowed). */
  kontonummer: z.string().max(20).nullable().optional(),
  /** The municipality's fixed contact person: an active staff member. */
  contactUserId: z.uuid().nullable().optional(),
  wantsConsultationBeforeReletting: z.boolean().optional(),
  prefersLongTerm: z.boolean().optional(),
  refusesMunicipalGuarantee: z.boolean().optional(),
  preferenceNotes: plainText({ min: 0, max: 2000 }).optional(),
  depositGuarantee: z.boolean().optional(),
  rentGuarantee: z.boolean().optional(),
  rentPaidInAdvance: z.boolean().optional(),
  notes: plainText({ min: 0, max: 4000 }).optional(),
};

export const createLandlordRequest = z.strictObject(landlordFields);
export type CreateLandlordRequest = z.infer<typeof createLandlordRequest>;

export const updateLandlordRequest = z.strictObject({
  ...landlordFields,
  partyKind: landlordFields.partyKind.optional(),
  category: landlordFields.category.optional(),
  name: landlordFields.name.optional(),
});
export type UpdateLandlordRequest = z.infer<typeof updateLandlordRequest>;

export const landlordIdParams = z.strictObject({ id: z.uuid() });
export const incidentParams = z.strictObject({ id: z.uuid(), incidentId: z.uuid() });

export const landlordListQuery = z.strictObject({
  search: z.string().trim().max(100).optional(),
  category: z.enum(landlordCategories).optional(),
  partyKind: z.enum(landlordPartyKinds).optional(),
  flag: z.enum(landlordFlags).optional(),
  page: z.coerce.number().int().min(1).max(10_000).optional(),
  pageSize: z.coerce.number().int().min(1).max(200).optional(),
});
export type LandlordListQuery = z.infer<typeof landlordListQuery>;

export const landlordSummaryDto = z.object({
  id: z.uuid(),
  partyKind: z.enum(landlordPartyKinds),
  category: z.enum(landlordCategories),
  name: z.string(),
  orgnr: z.string().nullable(),
  contactUser: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  activeLeases: z.number().int(),
  openIncidents: z.number().int(),
});
export type LandlordSummaryDto = z.infer<typeof landlordSummaryDto>;

export const landlordListResponse = z.object({
  items: z.array(landlordSummaryDto),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  actions: z.object({ create: z.boolean() }),
});
export type LandlordListResponse = z.infer<typeof landlordListResponse>;

export const incidentDto = z.object({
  id: z.uuid(),
  dwellingId: z.uuid().nullable(),
  occurredOn: z.string(),
  kind: z.enum(incidentKinds),
  description: z.string(),
  resolvedOn: z.string().nullable(),
  createdBy: z.string().nullable(),
});
export type IncidentDto = z.infer<typeof incidentDto>;

export const landlordDto = z.object({
  id: z.uuid(),
  partyKind: z.enum(landlordPartyKinds),
  category: z.enum(landlordCategories),
  name: z.string(),
  orgnr: z.string().nullable(),
  email: z.string(),
  phone: z.string(),
  address: z.string(),
  kontonummer: z.string().nullable(),
  contactUser: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  wantsConsultationBeforeReletting: z.boolean(),
  prefersLongTerm: z.boolean(),
  refusesMunicipalGuarantee: z.boolean(),
  preferenceNotes: z.string(),
  depositGuarantee: z.boolean(),
  rentGuarantee: z.boolean(),
  rentPaidInAdvance: z.boolean(),
  notes: z.string(),
  incidents: z.array(incidentDto),
  leases: z.array(leaseSummaryDto),
  version: z.number().int(),
  createdAt: z.string(),
  actions: z.object({ update: z.boolean(), addIncident: z.boolean() }),
});
export type LandlordDto = z.infer<typeof landlordDto>;

export const createIncidentRequest = z.strictObject({
  occurredOn: date,
  kind: z.enum(incidentKinds),
  description: plainText({ min: 1, max: 4000 }),
  dwellingId: z.uuid().nullable().optional(),
});
export type CreateIncidentRequest = z.infer<typeof createIncidentRequest>;

export const resolveIncidentRequest = z.strictObject({ resolvedOn: date.nullable() });
export type ResolveIncidentRequest = z.infer<typeof resolveIncidentRequest>;

/** Active staff members who can be a landlord's fixed contact person. */
export const contactCandidatesResponse = z.object({
  items: z.array(z.object({ id: z.uuid(), name: z.string() })),
});
