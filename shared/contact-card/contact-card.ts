import { z } from 'zod';
import { isCalendarDate } from '../domain/calendar-date';
import { plainText } from '../api/text';

// The "who to contact" card a household gets on arrival (issue 5 item 7; requirements R6.4–R6.6:
// 7 of 13 residents in Bjerke did not know how to contact their landlord). Printed as PDF in
// bokmål beside the household's language; the texts live in one JSON file per language next to
// this file (docs/contact-card-translations.md), so a municipality adds a language with a file.

export const contactRoles = [
  'settlement_worker',
  'nav_adviser',
  'introduction_adviser',
  'on_site_staff',
  'landlord',
  'housing_office',
  'emergency',
  // A minor's guardian (verge) or representative, and anyone else the household should reach.
  'guardian',
  'other',
] as const;
export type ContactRole = (typeof contactRoles)[number];

/**
 * National emergency numbers, free and open day and night (Norwegian emergency numbers: fire 110,
 * police 112, ambulance 113) and legevakt 116 117, the medical on-call service for what cannot wait
 * until the GP's office opens — the number newcomers most often do not know.
 */
export const nationalEmergencyNumbers = {
  fire: '110',
  police: '112',
  ambulance: '113',
  medicalOnCall: '116 117',
} as const;

const easternDigits = /[\u0660-\u0669\u06F0-\u06F9]/g;

/**
 * A phone number as printed: Latin digits (Arabic-Indic and Persian digits are converted, since the
 * card is read by Norwegian staff too), an optional leading +, spaces for grouping.
 */
export const contactPhone = z
  .string()
  .transform((s) =>
    s
      .normalize('NFC')
      .replace(easternDigits, (d) => String((d.codePointAt(0)! - (d >= '\u06F0' ? 0x06f0 : 0x0660)) % 10))
      .replace(/\s+/g, ' ')
      .trim(),
  )
  .pipe(z.string().regex(/^\+?[0-9][0-9 ]{1,18}[0-9]$/, { error: 'invalid_format' }));

/**
 * One contact. A phone number or an e-mail address, or both: some contacts (a NAV adviser reached
 * through NAV's own channels, a staff member without a work phone) are reached by e-mail only, and
 * a card that leaves them out would hide who they are.
 */
export const contactCardContact = z
  .strictObject({
    role: z.enum(contactRoles),
    name: plainText({ min: 1, max: 200 }),
    phone: contactPhone.optional(),
    email: z.email({ error: 'user.email_invalid' }).max(254).optional(),
    /** Free text as staff write it, e.g. "man–fre 08–15.30". */
    hours: plainText({ min: 1, max: 200 }).optional(),
    address: plainText({ min: 1, max: 200 }).optional(),
  })
  .refine((c) => c.phone !== undefined || c.email !== undefined, {
    error: 'contact.unreachable',
    path: ['phone'],
  });
export type ContactCardContact = z.infer<typeof contactCardContact>;

/** Eleven digits in a row could be a fødselsnummer/D-nummer, twelve a DUF number: never on the card. */
const identityLike = /\d{11}/;

export const contactCard = z.strictObject({
  municipalityName: plainText({ min: 1, max: 120 }),
  /** The household's case reference as the municipality uses it — never an identity number. */
  householdReference: plainText({ min: 1, max: 60 }).refine((s) => !identityLike.test(s.replace(/[\s.-]/g, '')), {
    error: 'invalid_format',
  }),
  /** As many as a household has (at most 30, as stored); the card runs onto a second page. */
  contacts: z.array(contactCardContact).min(1).max(30),
  emergencyNumbers: z.strictObject({
    fire: z.literal(nationalEmergencyNumbers.fire),
    police: z.literal(nationalEmergencyNumbers.police),
    ambulance: z.literal(nationalEmergencyNumbers.ambulance),
    medicalOnCall: z.literal(nationalEmergencyNumbers.medicalOnCall),
    /** The municipality's own after-hours number (vakttelefon) for the settlement service. */
    municipalAfterHours: contactPhone,
  }),
  /** The date printed on the card (calendar date, YYYY-MM-DD). */
  date: z.string().refine(isCalendarDate, { error: 'invalid_format' }),
});
export type ContactCard = z.infer<typeof contactCard>;
export type ContactCardInput = z.input<typeof contactCard>;

// ---------------------------------------------------------------------------------------------
// Translation files. Every file has exactly these keys (strict objects: a missing or an extra key
// is an error), so nb.json is the model for a new language.

const label = z.string().trim().min(1).max(300);

export const contactCardTranslation = z.strictObject({
  /** The file's name without .json; the language code the card is asked for with. */
  language: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/),
  /** BCP 47 tag written as the PDF's /Lang (what screen readers and speech use). */
  bcp47: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/),
  /** The language's name in itself and in bokmål (for menus in Husly). */
  nameNative: label,
  nameNorwegian: label,
  direction: z.enum(['ltr', 'rtl']),
  title: label,
  intro: label,
  interpreter: label,
  household: label,
  date: label,
  roles: z.strictObject(
    Object.fromEntries(contactRoles.map((role) => [role, label])) as Record<ContactRole, typeof label>,
  ),
  /** One short line per role: what to contact this person about. */
  roleHints: z.strictObject(
    Object.fromEntries(contactRoles.map((role) => [role, label])) as Record<ContactRole, typeof label>,
  ),
  fields: z.strictObject({ phone: label, email: label, hours: label, address: label }),
  emergency: z.strictObject({
    heading: label,
    intro: label,
    fire: label,
    police: label,
    ambulance: label,
    medicalOnCall: label,
    municipalAfterHours: label,
  }),
});
export type ContactCardTranslation = z.infer<typeof contactCardTranslation>;
