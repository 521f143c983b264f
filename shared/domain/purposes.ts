// Why a person's record was opened (the "why" of every audit entry). The client may state it
// with the header `x-husly-purpose: <code>[:<reference>]`, e.g. the case it works in; otherwise
// the endpoint's default is recorded.
export const purposes = [
  'user_administration',
  'audit_review',
  'insight_request',
  'case_work',
  'settlement',
  'allocation',
  'tenancy',
  'follow_up',
  'authentication',
] as const;
export type Purpose = (typeof purposes)[number];

export function parsePurposeHeader(header: string | undefined): { purpose: Purpose; ref: string | null } | null {
  if (!header) return null;
  const match = /^([a-z_]{1,40})(?::([A-Za-z0-9._\-/ ]{1,200}))?$/.exec(header.trim());
  if (!match || !(purposes as readonly string[]).includes(match[1]!)) return null;
  return { purpose: match[1] as Purpose, ref: match[2] ?? null };
}
