import type { MessageKey } from '../../../../shared/i18n';

export type UserField = 'email' | 'displayName' | 'roles' | 'unitIds' | 'password';

/**
 * The text for a problem with a field of the user forms (create and edit), from a client-side
 * zod check or the server's problem.errors[]. Codes without a field-specific text fall back to
 * the general error text.
 */
export function userFieldMessage(
  field: UserField,
  code: string,
  { t, errorText }: { t: (key: MessageKey) => string; errorText: (code: string) => string },
): string {
  switch (field) {
    case 'email':
      if (code === 'user.email_invalid' || code === 'invalid_format' || code === 'too_big') {
        return t('users.validation.emailInvalid');
      }
      break;
    case 'displayName':
      if (code === 'text.too_short' || code === 'too_small') return t('users.validation.displayNameRequired');
      if (code === 'text.too_long' || code === 'too_big') return t('users.validation.displayNameTooLong');
      break;
    case 'roles':
      if (code === 'too_small' || code === 'required') return t('users.validation.rolesRequired');
      break;
    case 'password':
      if (code === 'user.password_too_weak' || code === 'too_small') return t('users.validation.passwordTooShort');
      break;
    case 'unitIds':
      break;
  }
  return errorText(code);
}
