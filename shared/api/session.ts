import { z } from 'zod';
import { administrativeLanguages, unitKinds } from '../domain/units';
import type { Permission } from '../domain/permissions';

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
  /** What this staff member may do (shared/domain/permissions.ts); the UI shows only that. */
  permissions: z.array(z.custom<Permission>((v) => typeof v === 'string' && /^[a-z]+:[a-z_]+:[a-z]+$/.test(v))),
  csrfToken: z.string(),
});
export type SessionResponse = z.infer<typeof sessionResponse>;

export const switchUnitRequest = z.strictObject({ unitId: z.uuid() });

/** The OpenID providers staff may log in with; the login page shows "Logg inn med <label>". */
export const oidcProvidersResponse = z.object({
  items: z.array(z.object({ id: z.string(), label: z.string() })),
});
export type OidcProvidersResponse = z.infer<typeof oidcProvidersResponse>;
