/**
 * The stable code of one zod issue, the same on the server (problem+json field errors) and in the
 * web app (client-side checks): our own rules put a dot code in the message (`text.too_long`); a
 * missing value (undefined/null where one is required) is `required`, not "wrong type"; otherwise
 * zod's issue code (`too_small`, `invalid_value`, …).
 */
export function zodIssueCode(issue: { code: string; message: string }, isOwnCode: (message: string) => boolean): string {
  if (isOwnCode(issue.message)) return issue.message;
  if (issue.code === 'invalid_type' && /received (undefined|null)$/.test(issue.message)) return 'required';
  return issue.code;
}
