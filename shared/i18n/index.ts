import type { AuditEntryDto } from '../api/audit';
import type { Purpose } from '../domain/purposes';
import type { StaffRole } from '../domain/roles';
import type { ErrorCode } from '../errors';
import { en } from './en';
import { nb, type Messages } from './nb';
import { nn } from './nn';

export type { Messages } from './nb';

/** UI languages. Bokmål and nynorsk are the two written standards of Norwegian. */
export const languages = ['nb', 'nn', 'en'] as const;
export type Language = (typeof languages)[number];

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (languages as readonly string[]).includes(value);
}

const dictionaries: Record<Language, Messages> = { nb, nn, en };

/** Field-problem codes produced by shared/api/text.ts (plainText) on the client and the server. */
export const fieldProblemCodes = [
  'text.too_short',
  'text.too_long',
  'text.invalid_characters',
  'user.email_invalid',
] as const;
export type FieldProblemCode = (typeof fieldProblemCodes)[number];

/** zod issue codes (and `required`) that can reach the user as a field problem. */
export const genericValidationCodes = [
  'too_small',
  'too_big',
  'invalid_type',
  'invalid_value',
  'invalid_format',
  'unrecognized_keys',
  'required',
] as const;
export type GenericValidationCode = (typeof genericValidationCodes)[number];

/** Failures the web client detects itself: no answer at all, or an answer it cannot trust. */
export const clientErrorCodes = ['client.network', 'client.invalid_response'] as const;
export type ClientErrorCode = (typeof clientErrorCodes)[number];

export type TranslatableErrorCode = ErrorCode | FieldProblemCode | GenericValidationCode | ClientErrorCode;

// Compile-time proof that the source dictionary has a text for every code.
const _everyCodeHasText: Record<TranslatableErrorCode | 'unknown', string> = nb.errors;
void _everyCodeHasText;
// … and for every role, audit action and purpose the server can send.
const _everyRoleHasText: Record<StaffRole, string> = nb.roles;
const _everyActionHasText: Record<AuditEntryDto['action'], string> = nb.auditActions;
const _everyPurposeHasText: Record<Purpose, string> = nb.purposes;
void [_everyRoleHasText, _everyActionHasText, _everyPurposeHasText];

type Paths<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : Paths<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

/** Dot-path keys of every UI text, e.g. `nav.overview`. Error texts go through errorMessage(). */
export type MessageKey = Paths<Omit<Messages, 'errors'>>;
export type MessageParams = Readonly<Record<string, string | number>>;

/**
 * The text for `key` in `lang`, with `{param}` placeholders filled in. Numbers in params are
 * formatted nb-NO (house rule: numbers and dates in nb-NO whatever the UI language).
 */
export function translate(lang: Language, key: MessageKey, params?: MessageParams): string {
  let node: unknown = dictionaries[lang];
  for (const part of key.split('.')) {
    node = typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[part] : undefined;
  }
  // Unreachable for a typed key; fall back to the key so a gap is visible rather than blank.
  if (typeof node !== 'string') return key;
  return params ? interpolate(node, params) : node;
}

function interpolate(template: string, params: MessageParams): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? formatNumber(value) : value;
  });
}

/** Groups of open-ended codes the server sends as plain strings (roles, audit actions, …). */
export type CodeGroup = 'roles' | 'auditActions' | 'purposes' | 'entities';

function codeTexts(lang: Language, group: CodeGroup): Readonly<Record<string, string>> {
  const messages = dictionaries[lang];
  return group === 'entities' ? messages.auditLog.entities : messages[group];
}

/**
 * The text for a code in `group` (e.g. `roles`/`bosetter` → "Bosettingskonsulent"). A code this
 * client does not know (a newer server) is shown as it is rather than hidden.
 */
export function codeLabel(lang: Language, group: CodeGroup, code: string): string {
  const texts = codeTexts(lang, group);
  return (Object.hasOwn(texts, code) ? texts[code] : undefined) ?? code;
}

export function hasErrorMessage(code: string): code is TranslatableErrorCode {
  return Object.hasOwn(nb.errors, code) && code !== 'unknown';
}

/** The user-facing text for an error code (problem.code or a field problem's code). */
export function errorMessage(lang: Language, code: string): string {
  const errors: Readonly<Record<string, string>> = dictionaries[lang].errors;
  return (Object.hasOwn(errors, code) ? errors[code] : undefined) ?? errors['unknown'] ?? code;
}

// ---- Formatting: always nb-NO, times shown in Europe/Oslo ------------------------------------

const locale = 'nb-NO';
const timeZone = 'Europe/Oslo';

const dateFormat = new Intl.DateTimeFormat(locale, { timeZone, day: '2-digit', month: '2-digit', year: 'numeric' });
const dateTimeFormat = new Intl.DateTimeFormat(locale, {
  timeZone,
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});
const calendarDateFormat = new Intl.DateTimeFormat(locale, {
  timeZone: 'UTC',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
});
const numberFormat = new Intl.NumberFormat(locale);
const moneyFormat = new Intl.NumberFormat(locale, {
  style: 'currency',
  currency: 'NOK',
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
});

const calendarDate = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * `21.11.2026`. A calendar date (`YYYY-MM-DD`, e.g. a lease start) is shown as that date; an
 * instant (Date or ISO timestamp) is shown as the date it was in Norway (Europe/Oslo).
 * An unparseable string is returned unchanged rather than shown as "Invalid Date".
 */
export function formatDate(date: Date | string): string {
  if (typeof date === 'string') {
    const m = calendarDate.exec(date);
    if (m) return calendarDateFormat.format(new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))));
  }
  const instant = typeof date === 'string' ? new Date(date) : date;
  if (Number.isNaN(instant.getTime())) return typeof date === 'string' ? date : '';
  return dateFormat.format(instant);
}

/**
 * `21.11.2026, 14:05:33`: an instant as the wall-clock time it was in Norway (Europe/Oslo), to
 * the second (audit entries). An unparseable string is returned unchanged.
 */
export function formatDateTime(date: Date | string): string {
  const instant = typeof date === 'string' ? new Date(date) : date;
  if (Number.isNaN(instant.getTime())) return typeof date === 'string' ? date : '';
  return dateTimeFormat.format(instant);
}

/** `1 234 567` (grouping with a non-breaking space, as nb-NO does). */
export function formatNumber(n: number): string {
  return numberFormat.format(n);
}

/**
 * Money is stored in øre (integers). Formats exactly, without going through a float:
 * 123450 → `1 234,50 kr`.
 */
export function formatMoneyOre(ore: number): string {
  if (!Number.isSafeInteger(ore)) throw new RangeError(`øre must be a safe integer, got ${ore}`);
  const sign = ore < 0 ? '-' : '';
  const abs = Math.abs(ore);
  const kroner = Math.trunc(abs / 100);
  const rest = String(abs % 100).padStart(2, '0');
  return moneyFormat.format(`${sign}${kroner}.${rest}` as `${number}`);
}
