import { z } from 'zod';
import { idportenLevels } from './oidc.rules';

/**
 * One OpenID provider staff may log in with (OIDC_PROVIDERS, a JSON array). Unknown keys are
 * refused so that a typo such as `allowedTenantId` fails at start-up instead of silently
 * switching a check off.
 */
export const oidcProviderSchema = z
  .strictObject({
    /** Slug in the login URL (/api/auth/oidc/<id>/login). */
    id: z.string().regex(/^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/, 'lowercase letters, digits and hyphens'),
    kind: z.enum(['entra', 'idporten']),
    /** Shown on the login button: "Logg inn med <label>". */
    label: z.string().trim().min(1).max(80),
    /** Exactly the provider's issuer identifier; its discovery document is fetched from here. */
    issuer: z.url({ protocol: /^https?$/ }),
    clientId: z.string().min(1).max(200),
    /** Absent → a public client (PKCE only, no client authentication at the token endpoint). */
    clientSecret: z.string().min(1).max(1000).optional(),
    /** Entra: the directory (`tid`) ids whose accounts may log in. Required for kind entra. */
    allowedTenantIds: z.array(z.guid().toLowerCase()).min(1).max(100).optional(),
    /** ID-porten: the lowest accepted level of assurance. Required for kind idporten. */
    requiredAcr: z.enum(idportenLevels).optional(),
    /** Space-separated, must include openid. Default: openid profile (ID-porten), openid profile email (Entra). */
    scopes: z
      .string()
      .regex(/^[\x21\x23-\x5B\x5D-\x7E]+(?: [\x21\x23-\x5B\x5D-\x7E]+)*$/, 'space-separated scope tokens')
      .refine((s) => s.split(' ').includes('openid'), 'must include openid')
      .optional(),
  })
  .superRefine((p, ctx) => {
    if (p.kind === 'entra' && !p.allowedTenantIds) {
      ctx.addIssue({ code: 'custom', path: ['allowedTenantIds'], message: 'required for kind entra' });
    }
    if (p.kind !== 'entra' && p.allowedTenantIds) {
      ctx.addIssue({ code: 'custom', path: ['allowedTenantIds'], message: 'only for kind entra' });
    }
    if (p.kind === 'idporten' && !p.requiredAcr) {
      ctx.addIssue({ code: 'custom', path: ['requiredAcr'], message: 'required for kind idporten' });
    }
    if (p.kind !== 'idporten' && p.requiredAcr) {
      ctx.addIssue({ code: 'custom', path: ['requiredAcr'], message: 'only for kind idporten' });
    }
  });

export type OidcProviderConfig = z.infer<typeof oidcProviderSchema>;

/** OIDC_PROVIDERS: a JSON array (absent or empty → no OIDC login, only local accounts). */
export const oidcProvidersSchema = z
  .string()
  .optional()
  .transform((text, ctx): unknown => {
    if (text === undefined || text.trim() === '') return [];
    try {
      return JSON.parse(text);
    } catch {
      ctx.addIssue({ code: 'custom', message: 'must be a JSON array' });
      return z.NEVER;
    }
  })
  .pipe(
    z
      .array(oidcProviderSchema)
      .max(50)
      .refine((list) => new Set(list.map((p) => p.id)).size === list.length, 'provider ids must be unique'),
  );

export function defaultScopes(provider: OidcProviderConfig): string {
  return provider.scopes ?? (provider.kind === 'entra' ? 'openid profile email' : 'openid profile');
}
