import type { CreateLetterRequest, LetterKind, LetterLanguage } from '../../../shared/api/letters';
import type { LetterCondition, LetterValues } from './letters.templates';

// Pure rules for letters: when a letter can be made for a lease, which template conditions hold,
// and how dates and times are printed (nb-NO style, Europe/Oslo).

/** What a letter needs to know about the lease, its tenant and the dwelling. */
export type LetterLease = {
  reference: string;
  state: 'active' | 'notice_given' | 'ended' | 'cancelled';
  legalBasis: 'hl_9_3' | 'hl_11_1' | 'open_ended';
  endDate: string | null;
  terminatedOn: string | null;
  tenantName: string | null;
  street: string;
  postnummer: string;
  poststed: string;
  /** The unit responsible for the lease, if one is set. */
  unitName: string | null;
};

export type LetterSender = {
  municipalityName: string;
  sender: string;
  address: string;
  phone: string;
  email: string;
};

/** The day the tenancy actually ends: the termination date if notice was given, else the term's end. */
export function effectiveEnd(lease: Pick<LetterLease, 'endDate' | 'terminatedOn'>): string | null {
  return lease.terminatedOn ?? lease.endDate;
}

/**
 * A letter goes to the lease's main tenant about a running tenancy: a lease without a tenant
 * person (a head lease), a cancelled or ended lease, or — for the notice — a lease with no end
 * date cannot have one (409 letter.not_available).
 */
export function letterAvailable(lease: LetterLease, kind: LetterKind): boolean {
  if (!lease.tenantName) return false;
  if (lease.state === 'cancelled' || lease.state === 'ended') return false;
  if (kind === 'lease_end_notice' && effectiveEnd(lease) === null) return false;
  return true;
}

/** The sender's name as printed: the configured one, else "<Name> kommune". */
export function senderName(sender: Pick<LetterSender, 'sender' | 'municipalityName'>): string {
  if (sender.sender.trim()) return sender.sender.trim();
  const name = sender.municipalityName.trim();
  return /kommune$/i.test(name) ? name : `${name} kommune`;
}

export type LetterOptions = Pick<CreateLetterRequest, 'kind' | 'interpreterBooked' | 'interpreterLanguage'>;

/** Which optional blocks of the template are printed. */
export function letterConditionsFor(
  lease: LetterLease,
  sender: LetterSender,
  options: LetterOptions,
): Set<LetterCondition> {
  const conditions = new Set<LetterCondition>();
  if (lease.terminatedOn) conditions.add('terminated');
  else if (lease.legalBasis === 'hl_9_3') conditions.add('basis_hl_9_3');
  else if (lease.legalBasis === 'hl_11_1') conditions.add('basis_hl_11_1');
  conditions.add(effectiveEnd(lease) ? 'has_end_date' : 'no_end_date');
  const language = options.interpreterLanguage?.trim();
  if (language) conditions.add('interpreter_booked_language');
  else if (options.interpreterBooked) conditions.add('interpreter_booked');
  else conditions.add('interpreter_not_booked');
  if (sender.phone.trim()) conditions.add('has_phone');
  if (sender.email.trim()) conditions.add('has_email');
  return conditions;
}

// ---- Dates and times ----------------------------------------------------------------------------

const timeZone = 'Europe/Oslo';
const locales: Record<LetterLanguage, string> = { nb: 'nb-NO', nn: 'nn-NO' };

/** '2027-03-01' → '1. mars 2027' (a calendar date is printed as that day). */
export function formatCalendarDateLong(date: string, language: LetterLanguage): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Intl.DateTimeFormat(locales[language], {
    timeZone: 'UTC',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(new Date(Date.UTC(year, month - 1, day)));
}

/** An instant as the day it is in Norway: '21. november 2026'. */
export function formatOsloDateLong(instant: Date, language: LetterLanguage): string {
  return new Intl.DateTimeFormat(locales[language], {
    timeZone,
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(instant);
}

/** A meeting time in Norway: weekday and date in the letter's language ('laurdag 5. desember 2026'), and '10:00'. */
export function formatMeeting(instant: Date, language: LetterLanguage): { date: string; time: string } {
  const date = new Intl.DateTimeFormat(locales[language], {
    timeZone,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(instant);
  const time = new Intl.DateTimeFormat('nb-NO', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(instant);
  return { date, time };
}

/** Minutes Oslo is ahead of UTC at `instant` (60 in winter, 120 in summer). */
function osloOffsetMinutes(instant: Date): number {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(instant);
  const get = (type: string) => Number(parts.find((part) => part.type === type)?.value);
  const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return Math.round((wall - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
}

/**
 * The meeting time from the request: an ISO instant with Z or an offset as it is, or wall-clock
 * time without offset ('2026-12-03T10:00') read as Europe/Oslo.
 */
export function parseMeetingAt(value: string): Date {
  if (/(?:[zZ]|[+-]\d{2}:\d{2})$/.test(value)) return new Date(value);
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?/.exec(value);
  if (!match) throw new RangeError('not a local date-time');
  const [, y, mo, d, h, mi, s] = match;
  const wall = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s ?? 0));
  // The offset at the wall time read as UTC is right except within hours of a DST change; a second
  // pass with the offset at the first guess settles it.
  const first = wall - osloOffsetMinutes(new Date(wall)) * 60_000;
  return new Date(wall - osloOffsetMinutes(new Date(first)) * 60_000);
}

/** Everything the templates' placeholders can ask for, formatted for print. */
export function letterValues({
  lease,
  sender,
  options,
  language,
  now,
  contactName,
  meetingAt,
  meetingPlace,
}: {
  lease: LetterLease;
  sender: LetterSender;
  options: LetterOptions;
  language: LetterLanguage;
  now: Date;
  contactName: string;
  meetingAt: Date | null;
  meetingPlace: string;
}): LetterValues {
  const end = effectiveEnd(lease);
  const from = senderName(sender);
  const meeting = meetingAt ? formatMeeting(meetingAt, language) : null;
  return {
    tenantName: lease.tenantName ?? '',
    address: lease.street,
    postalLine: `${lease.postnummer} ${lease.poststed}`.trim(),
    leaseReference: lease.reference,
    sender: from,
    contactName,
    contactUnit: lease.unitName ?? from,
    phone: sender.phone.trim(),
    email: sender.email.trim(),
    letterDate: formatOsloDateLong(now, language),
    ...(end ? { endDate: formatCalendarDateLong(end, language) } : {}),
    ...(meeting ? { meetingDate: meeting.date, meetingTime: meeting.time } : {}),
    meetingPlace: meetingPlace.trim() || sender.address.trim() || from,
    ...(options.interpreterLanguage?.trim() ? { interpreterLanguage: options.interpreterLanguage.trim() } : {}),
  };
}
