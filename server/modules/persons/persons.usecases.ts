import type { Kysely } from 'kysely';
import type { CreatePersonRequest, PersonDto, PersonExportDto, UpdatePersonRequest } from '../../../shared/api/persons';
import { validateBirthDate } from '../../../shared/domain/birth-date';
import { osloToday } from '../../../shared/domain/calendar-date';
import type { Environment } from '../../../shared/domain/identity-rules';
import { nameSearchKey } from '../../../shared/domain/person-names';
import type { ErrorCode } from '../../../shared/errors';
import type { AuditAction, DB, PersonTable } from '../../db/schema';
import { withTenant, type Tx } from '../../db/tenant';
import { appError } from '../../http/errors';
import { actorCan, requirePermission, type Actor } from '../auth/actor';
import { recordAudit, type AuditContext } from '../audit/audit.usecases';
import { renderPersonExportPdf } from './person-export.pdf';
import * as present from './persons.presenters';
import * as repo from './persons.repository';
import { anonymisePerson, retentionCutoff } from './retention';
import {
  assertIdentityFree,
  guardedPersonWrite,
  insertLanguages,
  insertPerson,
  lockIdentity,
  normaliseIdentityInput,
  validateDates,
  validateIdentity,
  validateLanguages,
  validateNames,
} from './persons.write';

// The persons use cases behind /api/persons (issue 5 items 1, 2 and 9). Every display of a
// person's record is audited in the transaction that reads it (fail-closed); special-category
// data is read in its own endpoint, only the categories the caller may read (special-categories.ts).

export type PersonDeps = { db: Kysely<DB>; clock: () => Date; environment: Environment };

function fail(code: ErrorCode, pointer?: string): never {
  throw appError(code, pointer ? { errors: [{ pointer, code }] } : {});
}

/** read:person:any, or read:person:unit (persons in households of the caller's units). */
export function requirePersonRead(actor: Actor): { unitIds: readonly string[] | null } {
  if (actorCan(actor, 'read:person:any')) return { unitIds: null };
  requirePermission(actor, 'read:person:unit');
  return { unitIds: actor.unitIds };
}

/** The person if the caller may see it (404 otherwise: no existence oracle). */
export async function visiblePerson(
  trx: Tx,
  actor: Actor,
  id: string,
  { lock = false }: { lock?: boolean } = {},
): Promise<repo.PersonRow> {
  const scope = requirePersonRead(actor);
  const row = await repo.findPerson(trx, id, { lock });
  if (!row) throw appError('resource.not_found');
  if (scope.unitIds !== null && !(await repo.personInUnits(trx, id, scope.unitIds)))
    throw appError('resource.not_found');
  return row;
}

/** What a search text is: an fnr/D-nummer (11 digits), a DUF number (12 digits) or a name. */
export function classifySearch(text: string): repo.PersonSearch | null {
  const compact = text.replace(/\s+/gu, '');
  if (/^[0-9]+$/.test(compact)) {
    if (compact.length === 11) return { kind: 'identity_number', value: compact };
    if (compact.length === 12) return { kind: 'duf_number', value: compact };
    return null;
  }
  const tokens = nameSearchKey(text).split(' ').filter(Boolean);
  return tokens.length > 0 ? { kind: 'name', tokens } : null;
}

/**
 * Search (GET /api/persons). A list of names with birth years is not a display of a person's
 * record: like the lease and landlord lists it is not audited; opening the person is (decision 011).
 */
export function listPersons(
  actor: Actor,
  {
    db,
    query,
  }: Pick<PersonDeps, 'db'> & { query: { query: string; page?: number | undefined; pageSize?: number | undefined } },
) {
  const scope = requirePersonRead(actor);
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? 20;
  return withTenant(db, actor, async (trx) => {
    const search = classifySearch(query.query);
    const { total, rows } = search
      ? await repo.searchPersons(trx, { search, unitIds: scope.unitIds, page, pageSize })
      : { total: 0, rows: [] };
    return {
      items: rows.map(present.presentSummary),
      total,
      page,
      pageSize,
      actions: { create: actorCan(actor, 'write:person:any') },
    };
  });
}

async function loadPerson(trx: Tx, actor: Actor, row: repo.PersonRow, today: string): Promise<PersonDto> {
  return present.presentPerson(actor, {
    row,
    languages: present.presentLanguages(await repo.languagesOf(trx, row.id)),
    history: present.presentIdentityHistory(await repo.identityHistoryOf(trx, row.id)),
    household: await repo.currentHousehold(trx, row.id),
    today,
  });
}

export function getPerson(
  actor: Actor,
  { db, clock, id, context }: PersonDeps & { id: string; context: AuditContext },
) {
  requirePersonRead(actor);
  return withTenant(db, actor, async (trx) => {
    const row = await visiblePerson(trx, actor, id);
    const dto = await loadPerson(trx, actor, row, osloToday(clock()));
    await recordAudit(trx, context, {
      action: 'display',
      entity: 'person',
      subject: { type: 'person', id },
      fields: present.shownFields(dto),
    });
    return dto;
  });
}

export function createPerson(
  actor: Actor,
  { db, clock, environment, input, context }: PersonDeps & { input: CreatePersonRequest; context: AuditContext },
) {
  requirePermission(actor, 'write:person:any');
  return withTenant(db, actor, async (trx) => {
    const now = clock();
    const today = osloToday(now);
    const { id } = await insertPerson(trx, {
      tenantId: actor.tenantId,
      actorUserId: actor.userId,
      input,
      environment,
      today,
      now,
    });
    const dto = await loadPerson(trx, actor, (await repo.findPerson(trx, id))!, today);
    await recordAudit(trx, context, {
      action: 'create',
      entity: 'person',
      subject: { type: 'person', id },
      fields: present.shownFields(dto),
    });
    return dto;
  });
}

export function updatePerson(
  actor: Actor,
  {
    db,
    clock,
    environment,
    id,
    version,
    input,
    context,
  }: PersonDeps & { id: string; version: number; input: UpdatePersonRequest; context: AuditContext },
) {
  requirePermission(actor, 'write:person:any');
  return withTenant(db, actor, async (trx) => {
    const now = clock();
    const today = osloToday(now);
    const row = await visiblePerson(trx, actor, id, { lock: true });
    if (row.version !== version) throw appError('resource.version_conflict');
    if (row.anonymised_at) throw appError('person.anonymised');

    const values: Partial<Record<keyof PersonTable, unknown>> = {};
    const changed: string[] = [];
    const set = (column: keyof PersonTable, value: unknown, old: unknown) => {
      if (value === undefined) return;
      values[column] = value;
      if (value !== old) changed.push(column);
    };

    if (input.fullName !== undefined || input.transliteration !== undefined) {
      const names = validateNames(
        {
          fullName: input.fullName ?? row.full_name,
          transliteration: input.transliteration === undefined ? row.transliteration : input.transliteration,
        },
        '',
      );
      set('full_name', names.fullName, row.full_name);
      set('transliteration', names.transliteration, row.transliteration);
      values.name_search = names.nameSearch;
    }
    if (input.birthDate !== undefined) {
      if (input.birthDate === null) {
        set('birth_date', null, row.birth_date);
        set('birth_date_precision', null, row.birth_date_precision);
      } else {
        const check = validateBirthDate({ date: input.birthDate.date, precision: input.birthDate.precision, today });
        if (!check.ok)
          throw appError(check.code, { errors: [{ pointer: '/birthDate', code: check.code }], detail: check.reason });
        set('birth_date', check.value.date, row.birth_date);
        set('birth_date_precision', check.value.precision, row.birth_date_precision);
      }
    }

    // Identity: validated, locked, checked against the municipality's other persons, and each
    // change kept in the history with its reason.
    // Only a changed number is validated (a stored one stays as it is).
    const wantedId =
      input.identityNumber === undefined ? row.identity_number : normaliseIdentityInput(input.identityNumber);
    const wantedDuf = input.dufNumber === undefined ? row.duf_number : input.dufNumber?.trim() || null;
    const checked = validateIdentity(
      {
        identityNumber: wantedId !== row.identity_number ? wantedId : null,
        dufNumber: wantedDuf !== row.duf_number ? wantedDuf : null,
      },
      { environment, today, pointer: '' },
    );
    const identity = {
      identityNumber: wantedId !== row.identity_number ? checked.identityNumber : row.identity_number,
      dufNumber: wantedDuf !== row.duf_number ? checked.dufNumber : row.duf_number,
    };
    const identityChanges = (
      [
        ['identity_number', row.identity_number, identity.identityNumber],
        ['duf_number', row.duf_number, identity.dufNumber],
      ] as const
    ).filter(([, oldValue, newValue]) => oldValue !== newValue);
    const reason = input.identityChangeReason?.trim() ?? '';
    for (const [field, oldValue] of identityChanges) {
      // Setting a number where there was none needs no reason; changing or removing one does.
      if (oldValue !== null && reason === '') fail('request.invalid', '/identityChangeReason');
      set(field, field === 'identity_number' ? identity.identityNumber : identity.dufNumber, oldValue);
    }

    set('nationality', input.nationality, row.nationality);
    set('refugee_category', input.refugeeCategory, row.refugee_category);
    set('residence_permit_date', input.residencePermitDate, row.residence_permit_date);
    set('reception_centre', input.receptionCentre, row.reception_centre);
    set('arrival_date', input.arrivalDate, row.arrival_date);
    set('settlement_date', input.settlementDate, row.settlement_date);
    set('intro_programme', input.introProgramme, row.intro_programme);
    set('intro_programme_start', input.introProgrammeStart, row.intro_programme_start);
    set('intro_programme_end', input.introProgrammeEnd, row.intro_programme_end);
    const pick = <T>(next: T | undefined, old: T) => (next === undefined ? old : next);
    validateDates(
      {
        residencePermitDate: pick(input.residencePermitDate, row.residence_permit_date),
        arrivalDate: pick(input.arrivalDate, row.arrival_date),
        settlementDate: pick(input.settlementDate, row.settlement_date),
        introProgrammeStart: pick(input.introProgrammeStart, row.intro_programme_start),
        introProgrammeEnd: pick(input.introProgrammeEnd, row.intro_programme_end),
      },
      '',
    );
    const languages = input.languages !== undefined ? validateLanguages(input.languages, '') : undefined;

    if (identityChanges.length > 0) {
      await lockIdentity(trx, actor.tenantId, {
        identityNumber: identityChanges.some(([f]) => f === 'identity_number') ? identity.identityNumber : null,
        dufNumber: identityChanges.some(([f]) => f === 'duf_number') ? identity.dufNumber : null,
      });
      await assertIdentityFree(trx, identity, { pointer: '', exceptPersonId: id });
    }

    await guardedPersonWrite(
      trx,
      async () => {
        await repo.updatePerson(trx, id, values as Parameters<typeof repo.updatePerson>[2], now);
        if (languages) {
          await repo.deleteLanguages(trx, id);
          await insertLanguages(trx, actor.tenantId, id, languages);
          changed.push('languages');
        }
        for (const [field, oldValue, newValue] of identityChanges) {
          await repo.insertIdentityEvent(trx, {
            tenantId: actor.tenantId,
            personId: id,
            field,
            oldValue,
            newValue,
            reason,
            changedBy: actor.userId,
            at: now,
          });
        }
      },
      { identity, pointer: '' },
    );
    const dto = await loadPerson(trx, actor, (await repo.findPerson(trx, id))!, today);
    await recordAudit(trx, context, {
      action: 'update',
      entity: 'person',
      subject: { type: 'person', id },
      fields: changed,
    });
    return dto;
  });
}

// ---- Data-subject access: export ---------------------------------------------------------------

async function buildExport(trx: Tx, actor: Actor, row: repo.PersonRow, now: Date): Promise<PersonExportDto> {
  const municipality = await repo.municipalityOf(trx);
  const households = await repo.householdsOf(trx, row.id);
  const access = present.specialCategoryAccess(actor);
  const tasks = await repo.tasksAbout(trx, { personId: row.id, householdIds: households.map((h) => h.id) });
  const householdsOut = [];
  for (const h of households) {
    const events = await repo.pipelineEventsOf(trx, h.id);
    householdsOut.push({
      reference: h.reference,
      imdiCaseId: h.imdi_case_id,
      category: h.category,
      pipelineState: h.pipeline_state,
      proposedOn: h.proposed_on,
      residencePermitDate: h.residence_permit_date,
      arrivalDate: h.arrival_date,
      settlementDate: h.settlement_date,
      receptionCentre: h.reception_centre,
      relation: h.relation,
      joinedOn: h.joined_on,
      leftOn: h.left_on,
      pipelineHistory: events.map((e) => ({
        fromState: e.from_state,
        toState: e.to_state,
        reason: e.reason,
        effectiveOn: e.effective_on,
        occurredAt: e.occurred_at.toISOString(),
      })),
    });
  }
  return {
    format: 'husly.person-export.v1',
    exportedAt: now.toISOString(),
    municipality: { kommunenummer: municipality?.kommunenummer ?? '', name: municipality?.name ?? '' },
    person: {
      id: row.id,
      fullName: row.full_name,
      transliteration: row.transliteration,
      birthDate: row.birth_date,
      birthDatePrecision: row.birth_date_precision,
      identityNumber: row.identity_number,
      dufNumber: row.duf_number,
      nationality: row.nationality,
      ...present.settlementFacts(row),
      anonymisedAt: row.anonymised_at ? row.anonymised_at.toISOString() : null,
      createdAt: row.created_at.toISOString(),
      updatedAt: row.updated_at.toISOString(),
    },
    languages: present.presentLanguages(await repo.languagesOf(trx, row.id)),
    identityHistory: present.presentIdentityHistory(await repo.identityHistoryOf(trx, row.id)),
    // The person's own data; still only what the exporting user may read (every role holding
    // export:person may read all four categories today).
    specialCategories: (await repo.specialCategoriesOf(trx, row.id, access.read)).map(present.presentSpecialCategory),
    households: householdsOut,
    leases: (await repo.leasesOf(trx, row.id)).map((l) => ({
      reference: l.reference,
      kind: l.kind,
      state: l.state,
      startDate: l.start_date,
      endDate: l.end_date,
      terminatedOn: l.terminated_on,
      rentOre: Number(l.rent_ore),
      depositOre: Number(l.deposit_ore),
      dwelling: `${l.dwelling_street}, ${l.dwelling_postnummer}`,
    })),
    tasks: tasks.map((t) => ({
      kind: t.kind,
      title: t.title,
      description: t.description,
      state: t.state,
      dueOn: t.due_on,
      subject: t.subject_type,
      createdAt: t.created_at.toISOString(),
      completedAt: t.completed_at ? t.completed_at.toISOString() : null,
    })),
    accessLog: (await repo.accessLogOf(trx, row.id)).map((e) => ({
      occurredAt: e.occurred_at.toISOString(),
      action: e.action,
      purpose: e.purpose,
      actorRoles: e.actor_roles,
    })),
  };
}

const exportSections = [
  'person',
  'languages',
  'identity_history',
  'special_categories',
  'households',
  'leases',
  'tasks',
  'access_log',
];

/** Everything stored about the person (GDPR art. 15) as JSON; the export is audited. */
export function exportPerson(
  actor: Actor,
  { db, clock, id, context }: Pick<PersonDeps, 'db' | 'clock'> & { id: string; context: AuditContext },
): Promise<PersonExportDto> {
  requirePermission(actor, 'export:person:any');
  return withTenant(db, actor, async (trx) => {
    const row = await visiblePerson(trx, actor, id);
    const result = await buildExport(trx, actor, row, clock());
    await recordAudit(trx, context, {
      action: 'export',
      entity: 'person',
      subject: { type: 'person', id },
      fields: exportSections,
    });
    return result;
  });
}

/** The same export as a readable PDF. */
export function exportPersonPdf(
  actor: Actor,
  { db, clock, id, context }: Pick<PersonDeps, 'db' | 'clock'> & { id: string; context: AuditContext },
): Promise<{ pdf: Buffer; fileName: string }> {
  requirePermission(actor, 'export:person:any');
  return withTenant(db, actor, async (trx) => {
    const now = clock();
    const row = await visiblePerson(trx, actor, id);
    const data = await buildExport(trx, actor, row, now);
    await recordAudit(trx, context, {
      action: 'export',
      entity: 'person_pdf',
      subject: { type: 'person', id },
      fields: exportSections,
    });
    const pdf = await renderPersonExportPdf(data, now);
    return { pdf, fileName: `person-${osloToday(now)}-${id.slice(0, 8)}.pdf` };
  });
}

// ---- Erasure: anonymisation ---------------------------------------------------------------------

/**
 * Anonymises one person on request (write:person), refused with 409 person.retention_not_elapsed
 * unless the retention rule (retention.ts) holds for them today.
 */
export function anonymise(
  actor: Actor,
  {
    db,
    clock,
    id,
    reason,
    context,
  }: Pick<PersonDeps, 'db' | 'clock'> & { id: string; reason: string; context: AuditContext },
): Promise<{ id: string; anonymisedAt: string }> {
  requirePermission(actor, 'write:person:any');
  return withTenant(db, actor, async (trx) => {
    const now = clock();
    const row = await visiblePerson(trx, actor, id, { lock: true });
    if (row.anonymised_at) throw appError('person.anonymised');
    const cutoff = retentionCutoff(now, await repo.retentionMonths(trx));
    const due = await repo.personsDueForAnonymisation(trx, { cutoff, personId: id });
    if (due.length === 0) throw appError('person.retention_not_elapsed');
    await anonymisePerson(trx, { personId: id, now });
    await recordAudit(
      trx,
      { ...context, purposeRef: reason },
      { action: 'anonymise' as AuditAction, entity: 'person', subject: { type: 'person', id }, fields: ['all'] },
    );
    return { id, anonymisedAt: now.toISOString() };
  });
}
