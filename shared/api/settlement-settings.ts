import { z } from 'zod';
import { staffRoles } from '../domain/roles';

// The municipality's settlement settings (issue 5): the target agreed with IMDi, the move-in
// checklist template (shared/domain/move-in-checklist.ts; null = Husly's default), which unit
// owns each checklist role, the retention period for data-subject anonymisation, and the
// emergency number printed on every contact card.

export const checklistItemInput = z.strictObject({
  key: z.string().max(64),
  /** The item's title for a municipality's own item (sourceRef null); Husly's items are translated. */
  label: z.string().max(200).optional(),
  offsetDays: z.number().int(),
  ownerRole: z.enum(staffRoles),
  requiresInterpreter: z.boolean().optional(),
  onlyWhen: z.enum(['shared_housing']).optional(),
  enabled: z.boolean().optional(),
  sourceRef: z.string().max(40).nullable(),
});

export const settlementSettingsDto = z.object({
  /** Days from the permit date agreed with IMDi (e.g. 30); null = the national 6/3 months only. */
  agreedTargetDays: z.number().int().nullable(),
  /** The effective template (the default when the municipality has not stored its own). */
  checklist: z.array(checklistItemInput),
  checklistIsDefault: z.boolean(),
  /** Roles the municipality has mapped; an unmapped role's items go to the household's responsible unit. */
  unitForRole: z.partialRecord(z.enum(staffRoles), z.uuid()),
  retentionMonths: z.number().int(),
  emergencyPhone: z.string(),
  version: z.number().int(),
  actions: z.object({ update: z.boolean() }),
});
export type SettlementSettingsDto = z.infer<typeof settlementSettingsDto>;

export const updateSettlementSettingsRequest = z.strictObject({
  agreedTargetDays: z.number().int().min(1).max(365).nullable().optional(),
  /** Validated by validateChecklistTemplate → checklist.template_invalid with pointers. null = back to the default. */
  checklist: z.array(z.unknown()).max(100).nullable().optional(),
  /** Replaces the whole map; roles left out are unmapped. Every unit must exist (settings.settlement_invalid). */
  unitForRole: z.partialRecord(z.enum(staffRoles), z.uuid()).optional(),
  retentionMonths: z.number().int().min(12).max(600).optional(),
  emergencyPhone: z.string().trim().max(40).optional(),
});
export type UpdateSettlementSettingsRequest = z.infer<typeof updateSettlementSettingsRequest>;
