import { createHash, randomBytes } from 'node:crypto';

// OIDC enrolment links (decision 006): the rules, without a database. An administrator creates a
// link for one staff member and one provider; the first OIDC login through it links the
// (issuer, sub) the provider vouches for to that staff member. The link is a bearer credential,
// like a password-reset link, so it is short-lived, single use, and only its hash is stored.

export const ENROLMENT_VALID_HOURS = 72;

/** 256 bits from the CSPRNG (ASVS 7.2.3), base64url: 43 characters. */
const TOKEN_FORMAT = /^[A-Za-z0-9_-]{43}$/;

export function newEnrolmentToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, tokenHash: sha256Hex(token) };
}

/** The stored form of a token, or null when the value cannot be one of ours (wrong length or characters). */
export function enrolmentTokenHash(token: unknown): string | null {
  if (typeof token !== 'string' || !TOKEN_FORMAT.test(token)) return null;
  return sha256Hex(token);
}

function sha256Hex(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function enrolmentExpiry(now: Date): Date {
  return new Date(now.getTime() + ENROLMENT_VALID_HOURS * 3_600_000);
}

/** Where the staff member starts: the provider's ordinary login leg, with the token. */
export function enrolmentUrl(publicUrl: string, providerId: string, token: string): string {
  return `${publicUrl}/api/auth/oidc/${encodeURIComponent(providerId)}/login?enrolment=${token}`;
}

export type EnrolmentRow = {
  provider_id: string;
  expires_at: Date;
  used_at: Date | null;
  revoked_at: Date | null;
};

/** Why a link cannot be used (for the security log), or null when it is open for this provider now. */
export type EnrolmentProblem =
  'enrolment_used' | 'enrolment_revoked' | 'enrolment_expired' | 'enrolment_other_provider';

export function enrolmentProblem(row: EnrolmentRow, providerId: string, now: Date): EnrolmentProblem | null {
  if (row.used_at) return 'enrolment_used';
  if (row.revoked_at) return 'enrolment_revoked';
  if (now >= row.expires_at) return 'enrolment_expired';
  // A link made for ID-porten must not link an Entra identity, and vice versa: the administrator
  // chose the provider, and its rules (acr, tid) are what vouch for the identity.
  if (row.provider_id !== providerId) return 'enrolment_other_provider';
  return null;
}
