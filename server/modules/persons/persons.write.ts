import { sql } from 'kysely';
import type { CreatePersonRequest, PersonLanguage } from '../../../shared/api/persons';
import { validateBirthDate } from '../../../shared/domain/birth-date';
import { isCalendarDate } from '../../../shared/domain/calendar-date';
import { validateDufNumber } from '../../../shared/domain/duf';
import { validateIdentityNumberForRegistration, type Environment } from '../../../shared/domain/identity-rules';
import { nameSearchKey, validateName, validateTransliteration } from '../../../shared/domain/person-names';
import type { ErrorCode, FieldProblem, ProblemConflict } from '../../../shared/errors';
import type { Tx } from '../../db/tenant';
import { appError, fromDatabaseError, type AppError } from '../../http/errors';

// Registering a person, shared by the person form, the household form (new members) and the IMDi
// intake. Owned by the persons module.

export type InsertPersonArgs = {
  tenantId: string;
  actorUserId: string | null;
  input: CreatePersonRequest;
  environment: Environment;
  /** Today (Europe/Oslo), for birth-date and DUF plausibility. */
  today: string;
  /** JSON Pointer prefix for field errors, e.g. '/members/2/person' (default ''). */
  pointer?: string;
  /** When the identity events happened (the injected clock; default: the transaction's time). */
  now?: Date;
};

/** The reason an identity change was recorded when a person is first registered. */
export const REGISTERED_REASON = 'registered';

function refuse(code: ErrorCode, pointer: string, detail?: string, conflict?: ProblemConflict): AppError {
  const errors: FieldProblem[] = [{ pointer, code }];
  return appError(code, { errors, ...(detail ? { detail } : {}), ...(conflict ? { conflict } : {}) });
}

/** An identity number as typed: spaces (and other whitespace) inside are dropped; empty = none. */
export function normaliseIdentityInput(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const compact = value.replace(/\s+/gu, '');
  return compact === '' ? null : compact;
}

function blankToNull(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  return value.trim() === '' ? null : value;
}

export type ValidatedIdentity = { identityNumber: string | null; dufNumber: string | null };

/** Identity number (fnr/D-nummer for `environment`) and DUF, or AppError with the reason as detail. */
export function validateIdentity(
  input: { identityNumber?: string | null; dufNumber?: string | null },
  { environment, today, pointer }: { environment: Environment; today: string; pointer: string },
): ValidatedIdentity {
  let identityNumber: string | null = null;
  const rawId = normaliseIdentityInput(input.identityNumber);
  if (rawId !== null) {
    const check = validateIdentityNumberForRegistration(rawId, { environment });
    if (!check.ok) throw refuse(check.code, `${pointer}/identityNumber`, check.reason);
    identityNumber = check.value;
  }
  let dufNumber: string | null = null;
  const rawDuf = blankToNull(input.dufNumber);
  if (rawDuf !== null) {
    const check = validateDufNumber(rawDuf, { today });
    if (!check.ok) throw refuse(check.code, `${pointer}/dufNumber`, check.reason);
    dufNumber = check.value;
  }
  return { identityNumber, dufNumber };
}

export type ValidatedNames = { fullName: string; transliteration: string | null; nameSearch: string };

export function validateNames(
  input: { fullName: string; transliteration?: string | null },
  pointer: string,
): ValidatedNames {
  const name = validateName(input.fullName);
  if (!name.ok) throw refuse(name.code, `${pointer}/fullName`, name.reason);
  let transliteration: string | null = null;
  const rawTranslit = blankToNull(input.transliteration);
  if (rawTranslit !== null) {
    const t = validateTransliteration(rawTranslit);
    if (!t.ok) throw refuse(t.code, `${pointer}/transliteration`, t.reason);
    transliteration = t.value;
  }
  const nameSearch = nameSearchKey(transliteration ? `${name.value} ${transliteration}` : name.value).slice(0, 500);
  return { fullName: name.value, transliteration, nameSearch };
}

export function validateLanguages(languages: readonly PersonLanguage[], pointer: string): PersonLanguage[] {
  const seen = new Set<string>();
  let preferred = 0;
  languages.forEach((language, i) => {
    if (!/^[a-z]{2,3}$/.test(language.code) || seen.has(language.code)) {
      throw refuse('request.invalid', `${pointer}/languages/${i}/code`);
    }
    seen.add(language.code);
    if (language.preferredForLetters) preferred += 1;
    if (preferred > 1) throw refuse('request.invalid', `${pointer}/languages/${i}/preferredForLetters`);
  });
  return [...languages];
}

type DateFields = {
  residencePermitDate?: string | null;
  arrivalDate?: string | null;
  settlementDate?: string | null;
  introProgrammeStart?: string | null;
  introProgrammeEnd?: string | null;
};

/** Calendar dates well-formed, settlement not before arrival, programme end not before its start. */
export function validateDates(dates: DateFields, pointer: string): void {
  for (const key of [
    'residencePermitDate',
    'arrivalDate',
    'settlementDate',
    'introProgrammeStart',
    'introProgrammeEnd',
  ] as const) {
    const value = dates[key];
    if (value !== null && value !== undefined && !isCalendarDate(value))
      throw refuse('request.invalid', `${pointer}/${key}`);
  }
  if (dates.arrivalDate && dates.settlementDate && dates.settlementDate < dates.arrivalDate) {
    throw refuse('pipeline.settlement_date_invalid', `${pointer}/settlementDate`);
  }
  if (dates.introProgrammeStart && dates.introProgrammeEnd && dates.introProgrammeEnd < dates.introProgrammeStart) {
    throw refuse('person.dates_invalid', `${pointer}/introProgrammeEnd`);
  }
}

/**
 * Serialises registrations and changes of one identity number / DUF number in one municipality
 * (transaction-scoped advisory lock), so that "is it taken?" and the insert cannot interleave.
 */
export async function lockIdentity(trx: Tx, tenantId: string, identity: ValidatedIdentity): Promise<void> {
  const keys = [
    identity.identityNumber ? `husly-person-fnr:${tenantId}:${identity.identityNumber}` : null,
    identity.dufNumber ? `husly-person-duf:${tenantId}:${identity.dufNumber}` : null,
  ].filter((k): k is string => k !== null);
  // Always in the same order (fnr before DUF) to avoid lock-order deadlocks.
  for (const key of keys) await sql`select pg_advisory_xact_lock(hashtextextended(${key}, 0))`.execute(trx);
}

/** The link a duplicate conflict shows: the person's household reference, else 'P-' + id prefix. */
export async function personConflict(trx: Tx, personId: string): Promise<ProblemConflict> {
  const household = await trx
    .selectFrom('app.household_member as m')
    .innerJoin('app.household as h', (j) =>
      j.onRef('h.tenant_id', '=', 'm.tenant_id').onRef('h.id', '=', 'm.household_id'),
    )
    .select('h.reference')
    .where('m.person_id', '=', personId)
    .orderBy(sql`m.left_on is null`, 'desc')
    .orderBy('m.created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return { id: personId, reference: household?.reference ?? `P-${personId.slice(0, 8)}` };
}

/** The numbers a person holds alone in a municipality: column, unique index and the 409's code. */
const UNIQUE_NUMBERS = [
  {
    field: 'identityNumber',
    column: 'identity_number',
    constraint: 'person_identity_number_key',
    code: 'person.identity_number_taken',
  },
  { field: 'dufNumber', column: 'duf_number', constraint: 'person_duf_number_key', code: 'person.duf_taken' },
] as const;

/** The person (other than `exceptPersonId`) holding `value` in `column`. */
function numberHolder(
  trx: Tx,
  column: (typeof UNIQUE_NUMBERS)[number]['column'],
  value: string,
  exceptPersonId?: string,
): Promise<{ id: string } | undefined> {
  let q = trx.selectFrom('app.person').select('id').where(column, '=', value);
  if (exceptPersonId) q = q.where('id', '<>', exceptPersonId);
  return q.executeTakeFirst();
}

/**
 * 409 when the number is held by another person of this municipality (RLS scopes the query to
 * the current tenant: another municipality's person is never seen, never conflicts).
 */
export async function assertIdentityFree(
  trx: Tx,
  identity: ValidatedIdentity,
  { pointer, exceptPersonId }: { pointer: string; exceptPersonId?: string },
): Promise<void> {
  for (const number of UNIQUE_NUMBERS) {
    const value = identity[number.field];
    if (!value) continue;
    const taken = await numberHolder(trx, number.column, value, exceptPersonId);
    if (taken) throw refuse(number.code, `${pointer}/${number.field}`, undefined, await personConflict(trx, taken.id));
  }
}

/**
 * Runs `statement` under a savepoint (the caller's transaction stays usable after a refusal, as
 * the intake needs) and maps a unique violation of the identity indexes to the same 409 with the
 * conflicting person, other constraint violations to their codes.
 */
export async function guardedPersonWrite<T>(
  trx: Tx,
  statement: () => Promise<T>,
  { identity, pointer }: { identity: ValidatedIdentity; pointer: string },
): Promise<T> {
  await sql`savepoint person_write`.execute(trx);
  try {
    const result = await statement();
    await sql`release savepoint person_write`.execute(trx);
    return result;
  } catch (error) {
    await sql`rollback to savepoint person_write`.execute(trx);
    const pg = error as { code?: unknown; constraint?: unknown };
    const number = pg.code === '23505' ? UNIQUE_NUMBERS.find((n) => n.constraint === pg.constraint) : undefined;
    const value = number ? identity[number.field] : null;
    if (number && value) {
      const other = await numberHolder(trx, number.column, value);
      throw refuse(
        number.code,
        `${pointer}/${number.field}`,
        undefined,
        other ? await personConflict(trx, other.id) : undefined,
      );
    }
    throw fromDatabaseError(error) ?? error;
  }
}

export async function insertLanguages(
  trx: Tx,
  tenantId: string,
  personId: string,
  languages: readonly PersonLanguage[],
): Promise<void> {
  if (languages.length === 0) return;
  await trx
    .insertInto('app.person_language')
    .values(
      languages.map((l) => ({
        tenant_id: tenantId,
        person_id: personId,
        code: l.code,
        interpreter_needed: l.interpreterNeeded,
        preferred_for_letters: l.preferredForLetters,
      })),
    )
    .execute();
}

/**
 * Validates `input` with the person rules (name, transliteration, birth date, fnr/D-nummer for
 * `environment`, DUF, dates) and inserts the person with languages and the first identity events.
 * Throws AppError with field pointers (prefixed by `pointer`) on bad input, and 409
 * person.identity_number_taken / person.duf_taken with `conflict: { id, reference }` when the
 * number is already registered in this municipality. Returns the new person's id.
 */
export async function insertPerson(trx: Tx, args: InsertPersonArgs): Promise<{ id: string }> {
  const { input, tenantId, today } = args;
  const pointer = args.pointer ?? '';

  const names = validateNames(input, pointer);
  let birth: { date: string; precision: 'exact' | 'year' | 'jan1_convention' } | null = null;
  if (input.birthDate) {
    const check = validateBirthDate({ date: input.birthDate.date, precision: input.birthDate.precision, today });
    if (!check.ok) throw refuse(check.code, `${pointer}/birthDate`, check.reason);
    birth = check.value;
  }
  const identity = validateIdentity(input, { environment: args.environment, today, pointer });
  validateDates(input, pointer);
  const languages = validateLanguages(input.languages ?? [], pointer);

  await lockIdentity(trx, tenantId, identity);
  await assertIdentityFree(trx, identity, { pointer });

  const id = await guardedPersonWrite(
    trx,
    async () => {
      const row = await trx
        .insertInto('app.person')
        .values({
          tenant_id: tenantId,
          full_name: names.fullName,
          transliteration: names.transliteration,
          name_search: names.nameSearch,
          birth_date: birth?.date ?? null,
          birth_date_precision: birth?.precision ?? null,
          identity_number: identity.identityNumber,
          duf_number: identity.dufNumber,
          nationality: input.nationality ?? null,
          refugee_category: input.refugeeCategory ?? null,
          residence_permit_date: input.residencePermitDate ?? null,
          reception_centre: input.receptionCentre ?? null,
          arrival_date: input.arrivalDate ?? null,
          settlement_date: input.settlementDate ?? null,
          intro_programme: input.introProgramme ?? 'unknown',
          intro_programme_start: input.introProgrammeStart ?? null,
          intro_programme_end: input.introProgrammeEnd ?? null,
          created_by: args.actorUserId,
          ...(args.now ? { created_at: args.now, updated_at: args.now } : {}),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await insertLanguages(trx, tenantId, row.id, languages);
      const events = [
        identity.identityNumber ? { field: 'identity_number' as const, value: identity.identityNumber } : null,
        identity.dufNumber ? { field: 'duf_number' as const, value: identity.dufNumber } : null,
      ].filter((e) => e !== null);
      if (events.length > 0) {
        await trx
          .insertInto('app.person_identity_event')
          .values(
            events.map((e) => ({
              tenant_id: tenantId,
              person_id: row.id,
              field: e.field,
              old_value: null,
              new_value: e.value,
              reason: REGISTERED_REASON,
              changed_by: args.actorUserId,
              ...(args.now ? { changed_at: args.now } : {}),
            })),
          )
          .execute();
      }
      return row.id;
    },
    { identity, pointer },
  );
  return { id };
}
