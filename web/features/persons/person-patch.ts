import type { PersonLanguage } from '../../../shared/api/persons';

/** The person form's text values ('' = empty). `languages` only carries the group's error. */
export type PersonFormValues = {
  fullName: string;
  transliteration: string;
  /** '' (no birth date) or a birth-date precision. */
  birthPrecision: string;
  /** 'YYYY' for precision 'year', else 'YYYY-MM-DD'. */
  birthDate: string;
  identityNumber: string;
  dufNumber: string;
  identityChangeReason: string;
  nationality: string;
  languages: string;
  refugeeCategory: string;
  receptionCentre: string;
  residencePermitDate: string;
  arrivalDate: string;
  settlementDate: string;
  introProgramme: string;
  introProgrammeStart: string;
  introProgrammeEnd: string;
};

const digits = (value: string) => value.replace(/\s+/g, '');
const orNull = (value: string) => (value.trim() === '' ? null : value.trim());

/**
 * The PATCH body for what the user changed, and nothing else: an untouched identity number is
 * not sent again (so it is not re-validated or recorded as a change), and an identity or DUF
 * change carries its reason. Values are sent as typed (trimmed); the server validates them.
 */
export function personPatch({
  initial,
  values,
  initialLanguages,
  languages,
}: {
  initial: PersonFormValues;
  values: PersonFormValues;
  initialLanguages: readonly PersonLanguage[];
  languages: readonly PersonLanguage[];
}): { body: Record<string, unknown>; identityChanged: boolean } {
  const body: Record<string, unknown> = {};
  const changed = (field: keyof PersonFormValues) => values[field] !== initial[field];

  if (changed('fullName')) body['fullName'] = values.fullName;
  if (changed('transliteration')) body['transliteration'] = orNull(values.transliteration);
  if (changed('birthPrecision') || changed('birthDate')) {
    body['birthDate'] =
      values.birthPrecision === '' ? null : { date: values.birthDate.trim(), precision: values.birthPrecision };
  }
  const identityNumberChanged = digits(values.identityNumber) !== digits(initial.identityNumber);
  const dufChanged = digits(values.dufNumber) !== digits(initial.dufNumber);
  if (identityNumberChanged) body['identityNumber'] = orNull(values.identityNumber);
  if (dufChanged) body['dufNumber'] = orNull(values.dufNumber);
  const identityChanged = identityNumberChanged || dufChanged;
  if (identityChanged) body['identityChangeReason'] = values.identityChangeReason.trim();
  if (changed('nationality')) body['nationality'] = orNull(values.nationality.toUpperCase());
  if (JSON.stringify(languages) !== JSON.stringify(initialLanguages)) body['languages'] = languages;
  if (changed('refugeeCategory')) body['refugeeCategory'] = orNull(values.refugeeCategory);
  if (changed('receptionCentre')) body['receptionCentre'] = orNull(values.receptionCentre);
  for (const field of [
    'residencePermitDate',
    'arrivalDate',
    'settlementDate',
    'introProgrammeStart',
    'introProgrammeEnd',
  ] as const) {
    if (changed(field)) body[field] = orNull(values[field]);
  }
  if (changed('introProgramme')) body['introProgramme'] = values.introProgramme;
  return { body, identityChanged };
}
