import {
  specialCategories,
  specialCategoryPermission,
  type PersonDto,
  type PersonLanguage,
  type PersonSummaryDto,
  type SpecialCategory,
  type SpecialCategoryDto,
} from '../../../shared/api/persons';
import { ageOn } from '../../../shared/domain/birth-date';
import { classifyIdentityNumber } from '../../../shared/domain/identity-rules';
import { actorCan, type Actor } from '../auth/actor';
import type * as repo from './persons.repository';

// Rows → DTOs of the persons contract (shared/api/persons.ts). Never a gender: the identity
// number's kind is fnr / dnr / synthetic and nothing else is derived from it.

export function birthDateOf(row: {
  birth_date: string | null;
  birth_date_precision: repo.PersonRow['birth_date_precision'];
}) {
  return row.birth_date && row.birth_date_precision
    ? { date: row.birth_date, precision: row.birth_date_precision }
    : null;
}

export function identityNumberKind(value: string | null): PersonDto['identityNumberKind'] {
  if (!value) return null;
  const c = classifyIdentityNumber(value);
  if (!c.valid) return null;
  return c.type === 'fnr' || c.type === 'dnr' || c.type === 'synthetic' ? c.type : null;
}

/** Categories the actor may read / write (write also needs a person that is not anonymised). */
export function specialCategoryAccess(actor: Pick<Actor, 'roles'>) {
  const read = specialCategories.filter((c) => actorCan(actor, `read:${specialCategoryPermission[c]}:any`));
  const write = specialCategories.filter((c) => actorCan(actor, `write:${specialCategoryPermission[c]}:any`));
  return { read, write };
}

export function personActions(
  actor: Pick<Actor, 'roles'>,
  row: Pick<repo.PersonRow, 'anonymised_at'>,
): PersonDto['actions'] {
  const live = row.anonymised_at === null;
  const access = specialCategoryAccess(actor);
  const write = actorCan(actor, 'write:person:any');
  return {
    update: write && live,
    readSpecialCategories: access.read,
    writeSpecialCategories: live ? access.write : [],
    export: actorCan(actor, 'export:person:any'),
    anonymise: write && live,
  };
}

export function presentLanguages(rows: Awaited<ReturnType<typeof repo.languagesOf>>): PersonLanguage[] {
  return rows.map((l) => ({
    code: l.code,
    interpreterNeeded: l.interpreter_needed,
    preferredForLetters: l.preferred_for_letters,
  }));
}

export function presentIdentityHistory(
  rows: Awaited<ReturnType<typeof repo.identityHistoryOf>>,
): PersonDto['identityHistory'] {
  return rows.map((e) => ({
    field: e.field,
    oldValue: e.old_value,
    newValue: e.new_value,
    reason: e.reason,
    changedBy: e.changed_by_name ?? null,
    changedAt: e.changed_at.toISOString(),
  }));
}

/** A person's category, settlement dates and introduction programme, as the API and the export name them. */
export function settlementFacts(row: repo.PersonRow) {
  return {
    refugeeCategory: row.refugee_category,
    residencePermitDate: row.residence_permit_date,
    receptionCentre: row.reception_centre,
    arrivalDate: row.arrival_date,
    settlementDate: row.settlement_date,
    introProgramme: row.intro_programme,
    introProgrammeStart: row.intro_programme_start,
    introProgrammeEnd: row.intro_programme_end,
  };
}

export function presentPerson(
  actor: Pick<Actor, 'roles'>,
  {
    row,
    languages,
    history,
    household,
    today,
  }: {
    row: repo.PersonRow;
    languages: PersonLanguage[];
    history: PersonDto['identityHistory'];
    household: repo.HouseholdOfPerson | undefined;
    today: string;
  },
): PersonDto {
  const birthDate = birthDateOf(row);
  return {
    id: row.id,
    fullName: row.full_name,
    transliteration: row.transliteration,
    birthDate,
    age: birthDate && birthDate.date <= today ? ageOn(birthDate, today).years : null,
    identityNumber: row.identity_number,
    identityNumberKind: identityNumberKind(row.identity_number),
    dufNumber: row.duf_number,
    nationality: row.nationality,
    languages,
    ...settlementFacts(row),
    household: household ? { id: household.id, reference: household.reference, relation: household.relation } : null,
    identityHistory: history,
    anonymisedAt: row.anonymised_at ? row.anonymised_at.toISOString() : null,
    version: row.version,
    createdAt: row.created_at.toISOString(),
    actions: personActions(actor, row),
  };
}

/** The fields a person display shows (for the audit entry): those that hold a value. */
export function shownFields(dto: PersonDto): string[] {
  const fields: [string, unknown][] = [
    ['full_name', dto.fullName],
    ['transliteration', dto.transliteration],
    ['birth_date', dto.birthDate],
    ['identity_number', dto.identityNumber],
    ['duf_number', dto.dufNumber],
    ['nationality', dto.nationality],
    ['languages', dto.languages.length > 0 ? dto.languages : null],
    ['refugee_category', dto.refugeeCategory],
    ['residence_permit_date', dto.residencePermitDate],
    ['reception_centre', dto.receptionCentre],
    ['arrival_date', dto.arrivalDate],
    ['settlement_date', dto.settlementDate],
    ['intro_programme', dto.introProgramme],
    ['identity_history', dto.identityHistory.length > 0 ? dto.identityHistory : null],
  ];
  return fields.filter(([, value]) => value !== null && value !== undefined).map(([name]) => name);
}

export function presentSummary(row: Awaited<ReturnType<typeof repo.searchPersons>>['rows'][number]): PersonSummaryDto {
  return {
    id: row.id,
    fullName: row.full_name,
    transliteration: row.transliteration,
    birthDate: birthDateOf(row),
    household:
      row.household_id && row.household_reference ? { id: row.household_id, reference: row.household_reference } : null,
  };
}

export function presentSpecialCategory(row: repo.SpecialCategoryRow): SpecialCategoryDto {
  return {
    id: row.id,
    category: row.category as SpecialCategory,
    details: row.details,
    legalBasis: row.legal_basis,
    legalBasisNote: row.legal_basis_note,
    consentGivenOn: row.consent_given_on,
    source: row.source,
    recordedBy: row.recorded_by_name,
    recordedAt: row.recorded_at.toISOString(),
    version: row.version,
  };
}
