import { z } from 'zod';
import { plainText } from './text';

// Leases: head leases (innleie — the municipality rents from a private landlord), subleases
// (fremleie — the municipality sublets to a household) and direct leases (utleie of the
// municipality's own dwelling). Money is integer øre; dates are 'YYYY-MM-DD' and a period is
// half-open [startDate, endDate) — endDate null means open-ended (tidsubestemt).

export const leaseKinds = ['head', 'sub', 'direct'] as const;
export type LeaseKind = (typeof leaseKinds)[number];
export const leaseStates = ['active', 'notice_given', 'ended', 'cancelled'] as const;
export type LeaseState = (typeof leaseStates)[number];
export const legalBases = ['hl_9_3', 'hl_11_1', 'open_ended'] as const;
export type LegalBasis = (typeof legalBases)[number];
export const securityKinds = ['none', 'deposit', 'deposit_guarantee', 'rent_guarantee'] as const;
export type SecurityKind = (typeof securityKinds)[number];
export const terminationReasons = [
  'private_rental',
  'bought',
  'moved_municipality',
  'other_municipal',
  'breach',
  'head_lease_ended',
  'other',
] as const;
export type TerminationReason = (typeof terminationReasons)[number];
export const assessmentOutcomes = [
  'continued_need',
  'private_rental',
  'startlan_purchase',
  'other_municipal_dwelling',
  'no_longer_qualifies',
] as const;
export type AssessmentOutcome = (typeof assessmentOutcomes)[number];

/** 'YYYY-MM-DD'. Whether the day exists is checked by the lease rules (lease.period_invalid). */
const date = z.string().regex(/^[0-9]{4}-[0-9]{2}-[0-9]{2}$/, { error: 'invalid_format' });
/** Integer øre; sign, size and the § 3-5 limit are checked by the lease rules with their own codes. */
const ore = z.number().finite();
const reference = z.string().trim().regex(/^[A-Za-z0-9][A-Za-z0-9._/-]{0,39}$/, { error: 'invalid_format' });

export const leaseTenantInput = z.strictObject({
  fullName: plainText({ min: 1, max: 200 }),
  birthDate: date.nullable().optional(),
  /** Fødselsnummer or D-nummer; validated (synthetic test numbers only outside production). */
  identityNumber: z.string().max(20).nullable().optional(),
});
export type LeaseTenantInput = z.infer<typeof leaseTenantInput>;

/** The same schema validates the web form, the request body and each imported lease row. */
export const createLeaseRequest = z.strictObject({
  kind: z.enum(leaseKinds),
  /** Contract number; generated when left out. */
  reference: reference.optional(),
  dwellingId: z.uuid(),
  /** Sublease only: the head lease it is carved out of (same dwelling). */
  headLeaseId: z.uuid().nullable().optional(),
  /** Head lease only: the landlord the municipality rents from. */
  landlordId: z.uuid().nullable().optional(),
  /** Sublease and direct lease: an existing person as main tenant … */
  tenantPersonId: z.uuid().nullable().optional(),
  /** … or a new one. */
  tenant: leaseTenantInput.optional(),
  responsibleUnitId: z.uuid().nullable().optional(),
  startDate: date,
  /** null: open-ended (legalBasis 'open_ended'). */
  endDate: date.nullable(),
  legalBasis: z.enum(legalBases),
  rentOre: ore,
  /** Required (non-empty) when rentOre is 0: a free-of-charge lease is a decision, not a blank. */
  freeOfChargeReason: plainText({ min: 1, max: 500 }).optional(),
  depositOre: ore.optional(),
  securityKind: z.enum(securityKinds).optional(),
  rentPaidInAdvance: z.boolean().optional(),
  signedByUserId: z.uuid().nullable().optional(),
  signedOn: date.nullable().optional(),
  maintenanceDuties: plainText({ min: 0, max: 2000 }).optional(),
  notes: plainText({ min: 0, max: 4000 }).optional(),
});
export type CreateLeaseRequest = z.infer<typeof createLeaseRequest>;
export type CreateLeaseInput = CreateLeaseRequest;

export const termWarningDto = z.union([
  z.object({ code: z.literal('lease.term_shorter_than_3_years'), minimumEnd: z.string() }),
  z.object({ code: z.literal('lease.basis_11_1_requires_municipal_landlord') }),
]);
export type TermWarningDto = z.infer<typeof termWarningDto>;

export const createLeaseResponse = z.object({
  id: z.uuid(),
  reference: z.string(),
  version: z.number().int(),
  warnings: z.array(termWarningDto),
});
export type CreateLeaseResponse = z.infer<typeof createLeaseResponse>;

export const updateLeaseRequest = z.strictObject({
  rentOre: ore.optional(),
  freeOfChargeReason: plainText({ min: 1, max: 500 }).optional(),
  depositOre: ore.optional(),
  securityKind: z.enum(securityKinds).optional(),
  rentPaidInAdvance: z.boolean().optional(),
  signedByUserId: z.uuid().nullable().optional(),
  signedOn: date.nullable().optional(),
  responsibleUnitId: z.uuid().nullable().optional(),
  maintenanceDuties: plainText({ min: 0, max: 2000 }).optional(),
  notes: plainText({ min: 0, max: 4000 }).optional(),
});
export type UpdateLeaseRequest = z.infer<typeof updateLeaseRequest>;

export const leaseIdParams = z.strictObject({ id: z.uuid() });
export const dwellingLeasesParams = z.strictObject({ id: z.uuid() });

export const leaseListQuery = z.strictObject({
  kind: z.enum(leaseKinds).optional(),
  state: z.enum(leaseStates).optional(),
  dwellingId: z.uuid().optional(),
  landlordId: z.uuid().optional(),
  /** Fixed-term leases (active or under notice) whose end falls within N months from today. */
  expiringWithinMonths: z.coerce.number().int().min(1).max(60).optional(),
  /** Occupancy leases ending within 6 months with no needs assessment since their last renewal. */
  needsAssessmentMissing: z.enum(['true', 'false']).optional(),
  sort: z.enum(['end_asc', 'end_desc', 'start_desc']).optional(),
  page: z.coerce.number().int().min(1).max(10_000).optional(),
  pageSize: z.coerce.number().int().min(1).max(200).optional(),
});
export type LeaseListQuery = z.infer<typeof leaseListQuery>;

const dwellingRef = z.object({ id: z.uuid(), reference: z.string(), street: z.string() });

export const leaseSummaryDto = z.object({
  id: z.uuid(),
  reference: z.string(),
  kind: z.enum(leaseKinds),
  state: z.enum(leaseStates),
  dwelling: dwellingRef,
  landlord: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  /** The main tenant's name, only for staff who may read persons (null otherwise). */
  tenantName: z.string().nullable(),
  hasTenant: z.boolean(),
  headLeaseId: z.uuid().nullable(),
  startDate: z.string(),
  endDate: z.string().nullable(),
  terminatedOn: z.string().nullable(),
  /** The day the lease stops holding the dwelling (terminatedOn ?? endDate); null = open-ended. */
  effectiveEnd: z.string().nullable(),
  legalBasis: z.enum(legalBases),
  rentOre: z.number().int(),
  needsAssessmentMissing: z.boolean(),
});
export type LeaseSummaryDto = z.infer<typeof leaseSummaryDto>;

export const leaseListResponse = z.object({
  items: z.array(leaseSummaryDto),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  actions: z.object({ create: z.boolean() }),
});
export type LeaseListResponse = z.infer<typeof leaseListResponse>;

export const dwellingLeasesResponse = z.object({
  current: z.array(leaseSummaryDto),
  past: z.array(leaseSummaryDto),
  actions: z.object({ create: z.boolean() }),
});
export type DwellingLeasesResponse = z.infer<typeof dwellingLeasesResponse>;

export const needsAssessmentDto = z.object({
  id: z.uuid(),
  assessedOn: z.string(),
  outcome: z.enum(assessmentOutcomes),
  reasons: z.string(),
  couldBuy: z.boolean().nullable(),
  assessedBy: z.string().nullable(),
  /** Already used for a renewal (each assessment supports one renewal). */
  usedForRenewal: z.boolean(),
});
export type NeedsAssessmentDto = z.infer<typeof needsAssessmentDto>;

export const leaseRenewalDto = z.object({
  id: z.uuid(),
  assessmentId: z.uuid(),
  previousEnd: z.string().nullable(),
  newEnd: z.string().nullable(),
  renewedOn: z.string(),
  renewedBy: z.string().nullable(),
});

export const damageDto = z.object({ description: z.string(), costOre: z.number().int() });

export const inspectionDto = z.object({
  id: z.uuid(),
  inspectedOn: z.string(),
  inspectedBy: z.string().nullable(),
  damages: z.array(damageDto),
  totalCostOre: z.number().int(),
  depositWithheldOre: z.number().int(),
  notes: z.string(),
});

const leaseRef = z.object({
  id: z.uuid(),
  reference: z.string(),
  kind: z.enum(leaseKinds),
  state: z.enum(leaseStates),
  startDate: z.string(),
  endDate: z.string().nullable(),
  effectiveEnd: z.string().nullable(),
  tenantName: z.string().nullable(),
});

export const leaseDto = z.object({
  id: z.uuid(),
  reference: z.string(),
  kind: z.enum(leaseKinds),
  state: z.enum(leaseStates),
  dwelling: dwellingRef.extend({
    postnummer: z.string(),
    poststed: z.string(),
    disposalForm: z.string(),
    status: z.string(),
  }),
  landlord: z.object({ id: z.uuid(), name: z.string(), partyKind: z.enum(['person', 'company']) }).nullable(),
  /** The main tenant; name and birth date only for staff who may read persons (audited). */
  tenant: z
    .object({ personId: z.uuid(), fullName: z.string().nullable(), birthDate: z.string().nullable() })
    .nullable(),
  headLease: leaseRef.nullable(),
  subleases: z.array(leaseRef),
  responsibleUnit: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  startDate: z.string(),
  endDate: z.string().nullable(),
  terminatedOn: z.string().nullable(),
  effectiveEnd: z.string().nullable(),
  noticeGivenOn: z.string().nullable(),
  terminationReason: z.enum(terminationReasons).nullable(),
  terminationNote: z.string(),
  legalBasis: z.enum(legalBases),
  rentOre: z.number().int(),
  depositOre: z.number().int(),
  securityKind: z.enum(securityKinds),
  rentPaidInAdvance: z.boolean(),
  signedBy: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  signedOn: z.string().nullable(),
  maintenanceDuties: z.string(),
  notes: z.string(),
  warnings: z.array(termWarningDto),
  renewals: z.array(leaseRenewalDto),
  needsAssessments: z.array(needsAssessmentDto),
  inspections: z.array(inspectionDto),
  /** Whether a renewal may be made now, and if not, why (an error code). */
  renewal: z.object({
    allowed: z.boolean(),
    blockedBy: z
      .enum(['lease.renewal_requires_needs_assessment', 'lease.renewal_not_supported_by_assessment', 'lease.not_active', 'lease.period_invalid'])
      .nullable(),
    assessmentId: z.uuid().nullable(),
  }),
  version: z.number().int(),
  createdAt: z.string(),
  actions: z.object({
    update: z.boolean(),
    assess: z.boolean(),
    renew: z.boolean(),
    terminate: z.boolean(),
    cancel: z.boolean(),
    inspect: z.boolean(),
  }),
});
export type LeaseDto = z.infer<typeof leaseDto>;

export const createNeedsAssessmentRequest = z.strictObject({
  assessedOn: date,
  outcome: z.enum(assessmentOutcomes),
  reasons: plainText({ min: 1, max: 4000 }),
  couldBuy: z.boolean().nullable().optional(),
});
export type CreateNeedsAssessmentRequest = z.infer<typeof createNeedsAssessmentRequest>;

export const renewLeaseRequest = z.strictObject({
  /** The assessment the renewal rests on; defaults to the latest one not yet used. */
  assessmentId: z.uuid().optional(),
  newEndDate: date.optional(),
  openEnded: z.boolean().optional(),
});
export type RenewLeaseRequest = z.infer<typeof renewLeaseRequest>;

export const terminateLeaseRequest = z.strictObject({
  noticeGivenOn: date,
  terminatedOn: date,
  reason: z.enum(terminationReasons),
  note: plainText({ min: 0, max: 2000 }).optional(),
});
export type TerminateLeaseRequest = z.infer<typeof terminateLeaseRequest>;

export const createInspectionRequest = z.strictObject({
  inspectedOn: date,
  damages: z
    .array(z.strictObject({ description: plainText({ min: 1, max: 500 }), costOre: z.number().int().min(0).max(100_000_000) }))
    .max(100),
  depositWithheldOre: z.number().int().min(0),
  notes: plainText({ min: 0, max: 4000 }).optional(),
});
export type CreateInspectionRequest = z.infer<typeof createInspectionRequest>;

export const versionResponse = z.object({ id: z.uuid(), version: z.number().int(), warnings: z.array(termWarningDto) });

