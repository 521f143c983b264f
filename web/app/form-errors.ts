import type { z } from 'zod';
import type { FieldProblem } from '../../shared/errors';
import { hasErrorMessage } from '../../shared/i18n';
import { isApiError } from './api-client';
import { zodIssueCode } from '../../shared/api/issue-code';

/** Field name → error code. The key `''` holds a problem with the form as a whole. */
export type FieldCodes = Record<string, string>;

/**
 * The first problem per top-level field from a zod error. Our own rules (shared/api/text.ts) put
 * a stable code in the message ('text.too_short'); for zod's built-in checks the issue code
 * ('too_small', 'invalid_value', …) is the stable part.
 */
export function fieldCodesFromZod(error: z.ZodError): FieldCodes {
  const codes: FieldCodes = {};
  for (const issue of error.issues) {
    const field = issue.path.length > 0 ? String(issue.path[0]) : '';
    if (field in codes) continue;
    codes[field] = zodIssueCode(issue, hasErrorMessage);
  }
  return codes;
}

/** The first problem per top-level field from problem.errors[] (JSON Pointers, RFC 6901). */
export function fieldCodesFromProblem(errors: readonly FieldProblem[]): FieldCodes {
  const codes: FieldCodes = {};
  for (const { pointer, code } of errors) {
    const first = pointer.split('/')[1] ?? '';
    const field = first.replaceAll('~1', '/').replaceAll('~0', '~');
    if (field in codes) continue;
    codes[field] = code;
  }
  return codes;
}

/**
 * The field codes of a refused submit (a functional error): problem.errors[], and a refusal whose
 * code belongs to one field (`unit.name_taken` → `name`) at that field unless it already has one.
 * Null for any other failure, which the form shows as a whole (SubmitFailure).
 */
export function fieldCodesFromRefusal(
  error: unknown,
  codeFields: Readonly<Record<string, string>> = {},
): FieldCodes | null {
  if (!isApiError(error) || error.kind !== 'functional') return null;
  const codes = fieldCodesFromProblem(error.errors);
  const field = Object.hasOwn(codeFields, error.code) ? codeFields[error.code] : undefined;
  if (field !== undefined && !codes[field]) codes[field] = error.code;
  return codes;
}
