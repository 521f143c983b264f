import { z } from 'zod';
import { plainText } from './text';

// The municipality's housing settings (one row per municipality, app.housing_settings): the
// internal-rent threshold (R4.13), the reminder lead times before a lease ends (R8.2, R8.5), whether
// a person may hold more than one primary lease, and the sender details printed on letters.

export const LEAD_TIME_MIN_MONTHS = 1;
export const LEAD_TIME_MAX_MONTHS = 12;
export const LEAD_TIMES_MAX_COUNT = 6;

export const housingSettingsDto = z.object({
  internalRentAfterMonths: z.number().int(),
  leadMonthsLease: z.array(z.number().int()),
  leadMonthsHeadLease: z.array(z.number().int()),
  allowMultiplePrimaryLeases: z.boolean(),
  letterSender: z.string(),
  letterAddress: z.string(),
  letterPhone: z.string(),
  letterEmail: z.string(),
  version: z.number().int(),
  updatedAt: z.string(),
  actions: z.object({ update: z.boolean() }),
});
export type HousingSettingsDto = z.infer<typeof housingSettingsDto>;

/**
 * Lead times are whole months 1–12, at most six, each once. Returned sorted with the earliest
 * reminder first (6, 3, 1); null when the list breaks a rule (→ settings.lead_times_invalid).
 */
export function normaliseLeadTimes(values: readonly number[]): number[] | null {
  if (values.length > LEAD_TIMES_MAX_COUNT) return null;
  if (!values.every((v) => Number.isInteger(v) && v >= LEAD_TIME_MIN_MONTHS && v <= LEAD_TIME_MAX_MONTHS)) return null;
  if (new Set(values).size !== values.length) return null;
  return [...values].sort((a, b) => b - a);
}

// Numbers only at the edge; the range/uniqueness rule is checked in the use case so the refusal
// carries its own code (settings.lead_times_invalid) rather than a generic one.
const leadTimes = z.array(z.number().int()).max(24);

export const updateHousingSettingsRequest = z.strictObject({
  internalRentAfterMonths: z.number().int().min(0).max(24).optional(),
  leadMonthsLease: leadTimes.optional(),
  leadMonthsHeadLease: leadTimes.optional(),
  allowMultiplePrimaryLeases: z.boolean().optional(),
  letterSender: plainText({ min: 0, max: 200 }).optional(),
  letterAddress: plainText({ min: 0, max: 300 }).optional(),
  letterPhone: plainText({ min: 0, max: 40 }).optional(),
  letterEmail: z
    .string()
    .trim()
    .max(254)
    .refine((s) => s === '' || z.email().safeParse(s).success, { error: 'user.email_invalid' })
    .optional(),
});
export type UpdateHousingSettingsRequest = z.infer<typeof updateHousingSettingsRequest>;
