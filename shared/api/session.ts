import { z } from 'zod';
import { administrativeLanguages, unitKinds } from '../domain/units';

export const loginRequest = z.strictObject({
  email: z.string().trim().min(3).max(254),
  password: z.string().min(1).max(200),
});
export type LoginRequest = z.infer<typeof loginRequest>;

export const unitSummary = z.object({
  id: z.uuid(),
  name: z.string(),
  kind: z.enum(unitKinds),
});

export const sessionResponse = z.object({
  user: z.object({
    id: z.uuid(),
    displayName: z.string(),
    email: z.string(),
    roles: z.array(z.string()),
  }),
  municipality: z.object({
    id: z.uuid(),
    kommunenummer: z.string(),
    name: z.string(),
    language: z.enum(administrativeLanguages),
  }),
  units: z.array(unitSummary),
  activeUnitId: z.uuid().nullable(),
  csrfToken: z.string(),
});
export type SessionResponse = z.infer<typeof sessionResponse>;

export const switchUnitRequest = z.strictObject({ unitId: z.uuid() });
