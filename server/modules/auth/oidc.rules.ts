// Pure rules for what an already signature-, issuer-, audience-, expiry- and nonce-checked ID
// token must also say before a staff member may log in (RELIABILITY §2: ASVS 10.3.4 / 6.8.4).

/**
 * ID-porten levels of assurance, lowest first. Digdir: "idporten-loa-substantial" (betydelig,
 * e.g. MinID) and "idporten-loa-high" (høyt, e.g. BankID); a login at a higher level than the one
 * asked for satisfies the lower requirement (eIDAS levels are ordered).
 */
export const idportenLevels = ['idporten-loa-substantial', 'idporten-loa-high'] as const;
export type IdportenLevel = (typeof idportenLevels)[number];

/** True when `acr` (the claim as received) is at least `required`. Unknown or absent → false. */
export function acrSatisfies(required: IdportenLevel, acr: unknown): boolean {
  if (typeof acr !== 'string') return false;
  const have = (idportenLevels as readonly string[]).indexOf(acr);
  return have >= 0 && have >= idportenLevels.indexOf(required);
}

/**
 * Entra: the directory (tenant) the account belongs to must be one the municipality has enrolled.
 * GUIDs compare case-insensitively; an absent or non-string `tid` is never allowed.
 */
export function tenantAllowed(allowedTenantIds: readonly string[], tid: unknown): boolean {
  if (typeof tid !== 'string') return false;
  const wanted = tid.toLowerCase();
  return allowedTenantIds.some((id) => id.toLowerCase() === wanted);
}
