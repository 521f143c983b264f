import type { BirthDatePrecision } from '../../../shared/domain/birth-date';
import type { ContactRole } from '../../../shared/api/households';
import { householdListQuery } from '../../../shared/api/households';

// Pure helpers of the household pages: form values → request bodies, where a field problem (a
// zod path or a server JSON Pointer) is shown, kroner ↔ øre, and the list's URL → API query.
// Kept free of React so they are unit-tested (household-form.test.ts).

export type MemberValues = {
  /** A stable key for React while members are added and removed. */
  key: string;
  fullName: string;
  transliteration: string;
  /** '' = birth date unknown. */
  birthPrecision: BirthDatePrecision | '';
  /** YYYY-MM-DD (exact, jan1_convention) */
  birthDate: string;
  /** YYYY (year only) */
  birthYear: string;
  identityNumber: string;
  dufNumber: string;
  relation: string;
};

export function emptyMember(key: string, relation: string): MemberValues {
  return {
    key,
    fullName: '',
    transliteration: '',
    birthPrecision: '',
    birthDate: '',
    birthYear: '',
    identityNumber: '',
    dufNumber: '',
    relation,
  };
}

const blankToNull = (s: string) => (s.trim() === '' ? null : s.trim());

/** One member as CreateHouseholdRequest wants it: always a new person here. */
export function memberRequest(m: MemberValues) {
  const birthDate =
    m.birthPrecision === ''
      ? null
      : { date: m.birthPrecision === 'year' ? m.birthYear.trim() : m.birthDate, precision: m.birthPrecision };
  return {
    relation: m.relation,
    person: {
      fullName: m.fullName,
      transliteration: blankToNull(m.transliteration),
      birthDate,
      identityNumber: blankToNull(m.identityNumber),
      dufNumber: blankToNull(m.dufNumber),
    },
  };
}

/** Kroner as typed ("9 500,50") → øre; null when empty; undefined when unreadable. */
export function kronerToOre(text: string): number | null | undefined {
  const cleaned = text.replace(/[\s\u00a0]/g, '').replace(',', '.');
  if (cleaned === '') return null;
  if (!/^\d{1,9}(\.\d{1,2})?$/.test(cleaned)) return undefined;
  return Math.round(Number(cleaned) * 100);
}

export function oreToKroner(ore: number | null): string {
  if (ore === null) return '';
  return ore % 100 === 0 ? String(ore / 100) : (ore / 100).toFixed(2).replace('.', ',');
}

/** '' → undefined, else a whole number (NaN-safe: unreadable text stays a string for zod to refuse). */
export function wholeNumber(text: string): number | string | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  return /^\d{1,6}$/.test(trimmed) ? Number(trimmed) : trimmed;
}

export { blankToNull };

/**
 * Where a problem is shown: a field key of the household form. A zod path or a JSON Pointer's
 * segments; a member's person fields collapse to `members.<i>.<field>` (the birth date's parts to
 * `birthDate`), `maxRentOre` is the kroner field `maxRent`; '' is the form as a whole.
 */
export function fieldKey(path: readonly (string | number)[]): string {
  const [first, second, third, fourth] = path;
  if (first === undefined) return '';
  if (first === 'members') {
    const index =
      typeof second === 'number' ? second : typeof second === 'string' && /^\d+$/.test(second) ? Number(second) : null;
    if (index === null) return 'members';
    if (third === 'person') {
      const known = ['fullName', 'transliteration', 'birthDate', 'identityNumber', 'dufNumber'];
      return `members.${index}.${typeof fourth === 'string' && known.includes(fourth) ? fourth : 'fullName'}`;
    }
    return `members.${index}.relation`;
  }
  if (first === 'contacts') {
    const index =
      typeof second === 'number' ? second : typeof second === 'string' && /^\d+$/.test(second) ? Number(second) : null;
    if (index === null) return 'contacts';
    const known = ['role', 'name', 'phone', 'email', 'availability'];
    return `contacts.${index}.${typeof third === 'string' && known.includes(third) ? third : 'name'}`;
  }
  if (first === 'maxRentOre') return 'maxRent';
  return String(first);
}

/** A JSON Pointer (RFC 6901) → its segments. */
export function pointerPath(pointer: string): string[] {
  if (pointer === '' || pointer === '/') return [];
  return pointer
    .split('/')
    .slice(1)
    .map((s) => s.replaceAll('~1', '/').replaceAll('~0', '~'));
}

/** Refusals without a pointer that belong to one field of the household forms. */
export const refusalField: Readonly<Record<string, string>> = {
  'household.guardian_required': 'guardianName',
  'household.members_invalid': 'members',
  'household.imdi_case_taken': 'imdiCaseId',
  'household.dwelling_required': 'dwellingId',
  'household.dwelling_taken': 'dwellingId',
  'household.dwelling_unavailable': 'dwellingId',
  'pipeline.reason_required': 'reason',
  'pipeline.settlement_date_invalid': 'effectiveOn',
  'contact.unreachable': 'contacts',
};

/** Field key → code: the first problem per field, in the order given. */
export function codesByField(
  problems: readonly { path: readonly (string | number)[]; code: string }[],
): Record<string, string> {
  const codes: Record<string, string> = {};
  for (const { path, code } of problems) {
    const key = fieldKey(path);
    if (!(key in codes)) codes[key] = code;
  }
  return codes;
}

/** The DOM id of a form field key: `household-members-0-fullName`. */
export function fieldId(prefix: string, key: string): string {
  return `${prefix}-${key.replaceAll('.', '-')}`;
}

// ---- The list's URL ------------------------------------------------------------------------

export const LIST_PAGE_SIZE = 25;
const listKeys = ['search', 'state', 'category', 'overdue', 'sort', 'page'] as const;

/** The list page's URL → the API's query string: only keys that pass the contract, our page size. */
export function listApiSearch(params: URLSearchParams): string {
  const out = new URLSearchParams();
  for (const key of listKeys) {
    const value = params.get(key)?.trim();
    if (!value) continue;
    if (householdListQuery.safeParse({ [key]: value }).success) out.set(key, value);
  }
  out.set('pageSize', String(LIST_PAGE_SIZE));
  return out.toString();
}

export type ListSort = 'urgency' | 'reference' | 'proposedOn' | '-proposedOn' | 'state';

export function listSort(params: URLSearchParams): ListSort {
  const parsed = householdListQuery.shape.sort.safeParse(params.get('sort') ?? undefined);
  return (parsed.success ? parsed.data : undefined) ?? 'urgency';
}

/**
 * The sort after a click on a column: the proposal date toggles between oldest and newest first;
 * the others have one order.
 */
export function nextSort(current: ListSort, column: 'urgency' | 'reference' | 'proposedOn' | 'state'): ListSort {
  if (column === 'proposedOn') return current === 'proposedOn' ? '-proposedOn' : 'proposedOn';
  return column;
}

/** aria-sort of a sortable column for the current sort. */
export function ariaSort(current: ListSort, column: 'urgency' | 'reference' | 'proposedOn' | 'state') {
  if (column === 'proposedOn') {
    if (current === 'proposedOn') return 'ascending' as const;
    if (current === '-proposedOn') return 'descending' as const;
    return 'none' as const;
  }
  return current === column ? ('ascending' as const) : ('none' as const);
}

// ---- Contacts ------------------------------------------------------------------------------

export type ContactValues = {
  key: string;
  role: ContactRole;
  staffUserId: string | null;
  name: string;
  phone: string;
  email: string;
  availability: string;
};

export function contactRequest(c: ContactValues, index: number) {
  return {
    role: c.role,
    ...(c.staffUserId ? { staffUserId: c.staffUserId } : {}),
    name: c.name,
    phone: c.phone.trim(),
    email: c.email.trim(),
    availability: c.availability.trim(),
    sortOrder: index,
  };
}
