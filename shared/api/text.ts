import { z } from 'zod';

// Control characters (except tab/newline) and bidi overrides (e.g. U+202E) are refused in
// plain-text fields (RELIABILITY.md §6.1 TEXT_INVALID_CHARACTERS); text is stored NFC.
// eslint-disable-next-line no-control-regex
const forbidden = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u202A-\u202E\u2066-\u2069]/;

export function plainText({ min, max }: { min: number; max: number }) {
  return z
    .string()
    .transform((s) => s.normalize('NFC').trim())
    .pipe(
      z
        .string()
        .min(min, { error: 'text.too_short' })
        .max(max, { error: 'text.too_long' })
        .refine((s) => !forbidden.test(s), { error: 'text.invalid_characters' }),
    );
}
