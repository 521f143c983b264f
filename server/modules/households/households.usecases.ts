import type { Kysely } from 'kysely';
import type {
  CreateHouseholdRequest,
  HouseholdDto,
  HouseholdListQuery,
  HouseholdListResponse,
  MemberInput,
  UpdateHouseholdRequest,
} from '../../../shared/api/households';
import { isMinorOn, type BirthDate } from '../../../shared/domain/birth-date';
import { osloToday, type CalendarDate } from '../../../shared/domain/calendar-date';
import { validateMembers, type Relation } from '../../../shared/domain/household-composition';
import type { Environment } from '../../../shared/domain/identity-rules';
import { nameSearchKey } from '../../../shared/domain/person-names';
import type { ErrorCode } from '../../../shared/errors';
import type { DB } from '../../db/schema';
import { withTenant, type Tx } from '../../db/tenant';
import { appError, type AppError } from '../../http/errors';
import { actorCan, requirePermission, type Actor } from '../auth/actor';
import { recordAudit, type AuditContext } from '../audit/audit.usecases';
import { syncMoveInChecklist } from '../checklist/checklist.usecases';
import { insertPerson } from '../persons/persons.write';
import { unitExists } from '../units/units.repository';
import { contactsOf } from './contacts.repository';
import { nextHouseholdReference } from './household-reference';
import * as repo from './households.repository';
import {
  birthDateOf,
  compareHouseholds,
  displayedFields,
  householdClock,
  isCurrentMember,
  maySeeNames,
  presentHousehold,
  presentSummary,
} from './households.presenters';

export type Deps = { db: Kysely<DB>; clock: () => Date };

function fail(code: ErrorCode, pointer: string, conflict?: { id: string; reference: string }): AppError {
  return appError(code, { errors: [{ pointer, code }], ...(conflict ? { conflict } : {}) });
}

/** read:household:any, else read:household:unit (the actor's units), else 403. */
export function readScope(actor: Actor): repo.HouseholdScope {
  if (actorCan(actor, 'read:household:any')) return { unitIds: null };
  requirePermission(actor, 'read:household:unit');
  return { unitIds: actor.unitIds };
}

/** The household if the actor may see it; another unit's or municipality's is 404 (no oracle). */
export async function visibleHousehold(
  trx: Tx,
  actor: Actor,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<repo.HouseholdRow> {
  const scope = readScope(actor);
  const row = await repo.findHousehold(trx, id, options);
  if (!row || !repo.inScope(scope, row) || row.anonymised_at) throw appError('resource.not_found');
  return row;
}

// ---------------------------------------------------------------------------------------------
// Reading

/** Search: fnr/D-nummer (11 digits), DUF (12), household reference or IMDi case id, or a name. */
function searchOf(text: string | undefined) {
  const trimmed = text?.trim();
  if (!trimmed) return undefined;
  const compact = trimmed.replace(/[\s.-]/g, '');
  const digits = /^[0-9]{11,12}$/.test(compact) ? compact : null;
  return { text: trimmed, nameKey: nameSearchKey(trimmed), digits };
}

export function listHouseholds(actor: Actor, { db, clock, query }: Deps & { query: HouseholdListQuery }): Promise<HouseholdListResponse> {
  const scope = readScope(actor);
  const today = osloToday(clock());
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? 50;
  return withTenant(db, actor, async (trx) => {
    const rows = await repo.listHouseholds(trx, {
      scope,
      search: searchOf(query.search),
      state: query.state,
      category: query.category,
    });
    const municipalityTargetDays = await repo.agreedTargetDays(trx);
    let items = rows.map((row) => ({ ...row, clock: householdClock(row, { today, municipalityTargetDays }) }));
    if (query.overdue) items = items.filter((i) => i.clock.dto.overdue === (query.overdue === 'true'));
    const sort = query.sort ?? 'urgency';
    items.sort((a, b) => {
      switch (sort) {
        case 'reference':
          return a.reference.localeCompare(b.reference);
        case 'proposedOn':
          return a.proposed_on.localeCompare(b.proposed_on) || a.reference.localeCompare(b.reference);
        case '-proposedOn':
          return b.proposed_on.localeCompare(a.proposed_on) || a.reference.localeCompare(b.reference);
        case 'state':
          return a.pipeline_state.localeCompare(b.pipeline_state) || compareHouseholds(a, b);
        default:
          return compareHouseholds(a, b);
      }
    });
    const pageItems = items.slice((page - 1) * pageSize, page * pageSize);
    const members = await repo.membersOf(trx, pageItems.map((i) => i.id));
    const showNames = maySeeNames(actor);
    // A list is not a display of anyone's record (decision 007): no audit entry, as for leases.
    return {
      items: pageItems.map((i) =>
        presentSummary(i, { members: members.filter((m) => m.household_id === i.id), clock: i.clock, today, showNames }),
      ),
      total: items.length,
      page,
      pageSize,
      actions: { create: actorCan(actor, 'write:household:any'), import: actorCan(actor, 'write:household:any') },
    };
  });
}

/** The household page's data, for a row the caller has already found visible. */
export async function loadHouseholdDto(trx: Tx, actor: Actor, id: string, today: CalendarDate): Promise<HouseholdDto> {
  const row = (await repo.findHousehold(trx, id))!;
  const members = await repo.membersOf(trx, [id]);
  const currentPermits = members
    .filter((m) => isCurrentMember(m, today) && m.residence_permit_date)
    .map((m) => m.residence_permit_date!)
    .sort();
  return presentHousehold(actor, {
    row,
    members,
    languages: await repo.languagesOf(trx, members.map((m) => m.person_id)),
    history: await repo.historyOf(trx, id),
    contacts: await contactsOf(trx, id),
    permitDate: row.residence_permit_date ?? currentPermits[0] ?? null,
    municipalityTargetDays: await repo.agreedTargetDays(trx),
    today,
  });
}

export function getHousehold(actor: Actor, { db, clock, id, context }: Deps & { id: string; context: AuditContext }) {
  return withTenant(db, actor, async (trx) => {
    await visibleHousehold(trx, actor, id);
    // The display of a household's record is audited in the same transaction (fail closed).
    await recordAudit(trx, context, {
      action: 'display',
      entity: 'household',
      subject: { type: 'household', id },
      fields: displayedFields(actor),
    });
    return loadHouseholdDto(trx, actor, id, osloToday(clock()));
  });
}

// ---------------------------------------------------------------------------------------------
// Rules shared by create, update and the member endpoints

type MemberState = { personId: string; relation: Relation; birthDate: BirthDate | null };

function checkMembers(members: readonly MemberState[], pointer: string): void {
  const seen = new Set<string>();
  for (const m of members) {
    if (seen.has(m.personId)) throw fail('household.members_invalid', pointer);
    seen.add(m.personId);
  }
  const verdict = validateMembers(members);
  if (!verdict.ok) throw fail(verdict.code, pointer);
}

/**
 * A main person who is a minor (by birth date, birth-date.ts's conservative rule) needs a guardian;
 * so does an unaccompanied minor's household whose main person has no birth date yet (decision 012).
 */
function checkGuardian({
  members,
  category,
  guardianName,
  today,
}: {
  members: readonly MemberState[];
  category: string;
  guardianName: string | null;
  today: CalendarDate;
}): void {
  if (guardianName) return;
  const main = members.find((m) => m.relation === 'main');
  if (!main) return;
  const minor = main.birthDate ? isMinorOn(main.birthDate, today) : category === 'unaccompanied_minor';
  if (minor) throw fail('household.guardian_required', '/guardianName');
}

async function checkNotInOtherHousehold(trx: Tx, personIds: readonly string[], pointerOf: (personId: string) => string, householdId?: string) {
  const [taken] = await repo.currentHouseholdsOf(trx, personIds, householdId);
  if (taken) throw fail('household.person_in_other_household', pointerOf(taken.person_id), { id: taken.id, reference: taken.reference });
}

/**
 * Resolves member inputs to persons: an existing person (must exist in this municipality and not
 * be anonymised) or a new one registered through insertPerson. Field errors point into the body.
 */
async function resolveMembers(
  trx: Tx,
  actor: Actor,
  inputs: readonly { input: MemberInput; pointer: string }[],
  { environment, today }: { environment: Environment; today: CalendarDate },
): Promise<(MemberState & { pointer: string })[]> {
  const existingIds = inputs.flatMap(({ input }) => ('personId' in input ? [input.personId] : []));
  const found = new Map((await repo.personsExist(trx, existingIds)).map((p) => [p.id, p]));
  const resolved: (MemberState & { pointer: string })[] = [];
  for (const { input, pointer } of inputs) {
    if ('personId' in input) {
      const person = found.get(input.personId);
      if (!person || person.anonymised_at) throw fail('resource.not_found', `${pointer}/personId`);
      resolved.push({ personId: person.id, relation: input.relation, birthDate: birthDateOf(person), pointer });
    } else {
      const { id } = await insertPerson(trx, {
        tenantId: actor.tenantId,
        actorUserId: actor.userId,
        input: input.person,
        environment,
        today,
        pointer: `${pointer}/person`,
      });
      const [person] = await repo.personsExist(trx, [id]);
      resolved.push({ personId: id, relation: input.relation, birthDate: person ? birthDateOf(person) : null, pointer });
    }
  }
  return resolved;
}

function checkFunctionalNeedsWrite(actor: Actor, input: { accessibility?: unknown; supportNeed?: unknown }): void {
  // Accessibility and the need for support or health follow-up are functional-needs data (GDPR
  // art. 9): writing them needs that permission. A 403 (not a silent drop) so the client knows
  // nothing was saved (decision 012).
  if (actorCan(actor, 'write:functional_needs:any')) return;
  const errors = (['accessibility', 'supportNeed'] as const)
    .filter((field) => input[field] !== undefined)
    .map((field) => ({ pointer: `/${field}`, code: 'auth.forbidden' as const }));
  if (errors.length > 0) throw appError('auth.forbidden', { errors });
}

function householdValues(input: UpdateHouseholdRequest): repo.HouseholdValues {
  const v: repo.HouseholdValues = {};
  if (input.category !== undefined) v.category = input.category;
  if (input.imdiCaseId !== undefined) v.imdi_case_id = input.imdiCaseId;
  if (input.responsibleUnitId !== undefined) v.responsible_unit_id = input.responsibleUnitId;
  if (input.proposedOn !== undefined) v.proposed_on = input.proposedOn;
  if (input.residencePermitDate !== undefined) v.residence_permit_date = input.residencePermitDate;
  if (input.receptionCentre !== undefined) v.reception_centre = input.receptionCentre;
  if (input.agreedTargetDays !== undefined) v.agreed_target_days = input.agreedTargetDays;
  if (input.plannedArrivalDate !== undefined) v.planned_arrival_date = input.plannedArrivalDate;
  if (input.arrivalDate !== undefined) v.arrival_date = input.arrivalDate;
  if (input.sharedHousing !== undefined) v.shared_housing = input.sharedHousing;
  if (input.guardianName !== undefined) v.guardian_name = input.guardianName;
  if (input.guardianPhone !== undefined) v.guardian_phone = input.guardianPhone;
  if (input.guardianEmail !== undefined) v.guardian_email = input.guardianEmail;
  if (input.guardianAppointedOn !== undefined) v.guardian_appointed_on = input.guardianAppointedOn;
  if (input.reunificationAdults !== undefined) v.reunification_adults = input.reunificationAdults;
  if (input.reunificationChildren !== undefined) v.reunification_children = input.reunificationChildren;
  if (input.reunificationExpectedOn !== undefined) v.reunification_expected_on = input.reunificationExpectedOn;
  if (input.accessibility !== undefined) v.accessibility = input.accessibility;
  if (input.supportNeed !== undefined) v.support_need = input.supportNeed;
  if (input.nearSchool !== undefined) v.near_school = input.nearSchool;
  if (input.nearKindergarten !== undefined) v.near_kindergarten = input.nearKindergarten;
  if (input.nearIntroSite !== undefined) v.near_intro_site = input.nearIntroSite;
  if (input.preferredArea !== undefined) v.preferred_area = input.preferredArea;
  if (input.maxRentOre !== undefined) v.max_rent_ore = input.maxRentOre;
  if (input.incomeSources !== undefined) v.income_sources = [...new Set(input.incomeSources)];
  if (input.needsNotes !== undefined) v.needs_notes = input.needsNotes;
  return v;
}

async function checkUnitAndCase(trx: Tx, input: UpdateHouseholdRequest, excludeId?: string): Promise<void> {
  if (input.responsibleUnitId && !(await unitExists(trx, input.responsibleUnitId))) {
    throw fail('household.unit_invalid', '/responsibleUnitId');
  }
  if (input.imdiCaseId) {
    const holder = await repo.imdiCaseHolder(trx, input.imdiCaseId, excludeId);
    if (holder) throw fail('household.imdi_case_taken', '/imdiCaseId', { id: holder.id, reference: holder.reference });
  }
}

// ---------------------------------------------------------------------------------------------
// Writing

export function createHousehold(
  actor: Actor,
  { db, clock, input, context, environment }: Deps & { input: CreateHouseholdRequest; context: AuditContext; environment: Environment },
): Promise<HouseholdDto> {
  requirePermission(actor, 'write:household:any');
  checkFunctionalNeedsWrite(actor, input);
  const today = osloToday(clock());
  return withTenant(db, actor, async (trx) => {
    const responsibleUnitId = input.responsibleUnitId ?? actor.activeUnitId ?? actor.unitIds[0];
    if (!responsibleUnitId) throw fail('household.unit_invalid', '/responsibleUnitId');
    await checkUnitAndCase(trx, { ...input, responsibleUnitId });

    // Relations first (cheap, before any person is registered).
    const relationCheck = validateMembers(input.members.map((m) => ({ relation: m.relation, birthDate: null })));
    if (!relationCheck.ok) throw fail(relationCheck.code, '/members');

    const members = await resolveMembers(
      trx,
      actor,
      input.members.map((m, i) => ({ input: m, pointer: `/members/${i}` })),
      { environment, today },
    );
    checkMembers(members, '/members');
    checkGuardian({ members, category: input.category, guardianName: input.guardianName ?? null, today });
    const byPerson = new Map(members.map((m) => [m.personId, m.pointer]));
    await checkNotInOtherHousehold(trx, members.map((m) => m.personId), (personId) => `${byPerson.get(personId)}/personId`);

    const proposedOn = input.proposedOn ?? today;
    const reference = await nextHouseholdReference(trx, { tenantId: actor.tenantId, year: Number(today.slice(0, 4)) });
    const id = await repo.insertHousehold(trx, {
      ...householdValues(input),
      tenant_id: actor.tenantId,
      reference,
      category: input.category,
      responsible_unit_id: responsibleUnitId,
      proposed_on: proposedOn,
      pipeline_state: 'proposed',
      state_changed_at: clock(),
      created_by: actor.userId,
    });
    await repo.insertMembers(
      trx,
      members.map((m) => ({ tenant_id: actor.tenantId, household_id: id, person_id: m.personId, relation: m.relation, joined_on: proposedOn })),
    );
    await repo.insertPipelineEvent(trx, {
      tenant_id: actor.tenantId,
      household_id: id,
      from_state: null,
      to_state: 'proposed',
      effective_on: proposedOn,
      actor_user_id: actor.userId,
      occurred_at: clock(),
    });
    if (input.arrivalDate || input.sharedHousing) {
      await syncMoveInChecklist(trx, { tenantId: actor.tenantId, householdId: id, actorUserId: actor.userId });
    }
    await recordAudit(trx, context, { action: 'create', entity: 'household', subject: { type: 'household', id } });
    return loadHouseholdDto(trx, actor, id, today);
  });
}

export function updateHousehold(
  actor: Actor,
  { db, clock, id, version, input, context }: Deps & { id: string; version: number; input: UpdateHouseholdRequest; context: AuditContext },
): Promise<HouseholdDto> {
  requirePermission(actor, 'write:household:any');
  checkFunctionalNeedsWrite(actor, input);
  const today = osloToday(clock());
  return withTenant(db, actor, async (trx) => {
    const existing = await visibleHousehold(trx, actor, id, { forUpdate: true });
    if (existing.version !== version) throw appError('resource.version_conflict');
    await checkUnitAndCase(trx, input, id);

    // Arrival and settlement: the settlement date (set by the 'settled' transition) cannot come
    // before the arrival; a settled household keeps an arrival date.
    if (input.arrivalDate !== undefined) {
      if (input.arrivalDate === null && existing.settlement_date) throw fail('household.arrival_date_required', '/arrivalDate');
      if (input.arrivalDate && existing.settlement_date && input.arrivalDate > existing.settlement_date) {
        throw fail('pipeline.settlement_date_invalid', '/arrivalDate');
      }
    }
    if (input.residencePermitDate && existing.settlement_date && input.residencePermitDate > existing.settlement_date) {
      throw fail('pipeline.settlement_date_invalid', '/residencePermitDate');
    }

    // The guardian rule holds after every change (category or guardian).
    const members = (await repo.membersOf(trx, [id]))
      .filter((m) => isCurrentMember(m, today))
      .map((m) => ({ personId: m.person_id, relation: m.relation, birthDate: birthDateOf(m) }));
    checkGuardian({
      members,
      category: input.category ?? existing.category,
      guardianName: input.guardianName !== undefined ? input.guardianName : existing.guardian_name,
      today,
    });

    const values = householdValues(input);
    const updated = await repo.updateHousehold(trx, { id, expectedVersion: version, values, now: clock() });
    if (updated === null) throw appError('resource.version_conflict');
    const checklistChanged =
      (input.arrivalDate !== undefined && input.arrivalDate !== existing.arrival_date) ||
      (input.sharedHousing !== undefined && input.sharedHousing !== existing.shared_housing);
    if (checklistChanged) await syncMoveInChecklist(trx, { tenantId: actor.tenantId, householdId: id, actorUserId: actor.userId });
    await recordAudit(trx, context, {
      action: 'update',
      entity: 'household',
      subject: { type: 'household', id },
      fields: Object.keys(values),
    });
    return loadHouseholdDto(trx, actor, id, today);
  });
}

async function bumpVersion(trx: Tx, id: string, now: Date): Promise<void> {
  await trx
    .updateTable('app.household')
    .set((eb) => ({ updated_at: now, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .execute();
}

export function addMember(
  actor: Actor,
  { db, clock, id, input, context, environment }: Deps & { id: string; input: MemberInput; context: AuditContext; environment: Environment },
): Promise<HouseholdDto> {
  requirePermission(actor, 'write:household:any');
  const today = osloToday(clock());
  return withTenant(db, actor, async (trx) => {
    const household = await visibleHousehold(trx, actor, id, { forUpdate: true });
    const current = (await repo.membersOf(trx, [id])).filter((m) => isCurrentMember(m, today));
    const [added] = await resolveMembers(trx, actor, [{ input, pointer: '' }], { environment, today });
    const members = [...current.map((m) => ({ personId: m.person_id, relation: m.relation, birthDate: birthDateOf(m) })), added!];
    checkMembers(members, '/relation');
    checkGuardian({ members, category: household.category, guardianName: household.guardian_name, today });
    // A former member who comes back: the old membership row is the history; refuse a second row.
    const past = (await repo.membersOf(trx, [id])).find((m) => m.person_id === added!.personId);
    if (past) throw fail('household.members_invalid', '/personId');
    await checkNotInOtherHousehold(trx, [added!.personId], () => '/personId', id);
    await repo.insertMembers(trx, [
      { tenant_id: actor.tenantId, household_id: id, person_id: added!.personId, relation: added!.relation, joined_on: today },
    ]);
    await bumpVersion(trx, id, clock());
    await recordAudit(trx, context, {
      action: 'update',
      entity: 'household',
      subject: { type: 'household', id },
      fields: ['members'],
    });
    return loadHouseholdDto(trx, actor, id, today);
  });
}

export function updateMember(
  actor: Actor,
  {
    db,
    clock,
    id,
    personId,
    input,
    context,
  }: Deps & { id: string; personId: string; input: { relation?: Relation | undefined; leftOn?: string | null | undefined }; context: AuditContext },
): Promise<HouseholdDto> {
  requirePermission(actor, 'write:household:any');
  const today = osloToday(clock());
  return withTenant(db, actor, async (trx) => {
    const household = await visibleHousehold(trx, actor, id, { forUpdate: true });
    const all = await repo.membersOf(trx, [id]);
    const member = all.find((m) => m.person_id === personId);
    if (!member) throw appError('resource.not_found');
    if (input.leftOn && member.joined_on && input.leftOn < member.joined_on) throw fail('household.members_invalid', '/leftOn');
    // Someone who left may come back (leftOn: null) only if not in another household meanwhile.
    if (input.leftOn === null && member.left_on !== null) {
      await checkNotInOtherHousehold(trx, [personId], () => '/leftOn', id);
    }
    // Making a member the main person hands over the role: the former main person becomes 'other'
    // (relations are to the main person, so the worker reviews the others afterwards).
    const formerMain =
      input.relation === 'main' && member.relation !== 'main'
        ? all.find((m) => m.relation === 'main' && isCurrentMember(m, today) && m.person_id !== personId)
        : undefined;
    const after = all
      .map((m) =>
        m.person_id === personId
          ? { ...m, relation: input.relation ?? m.relation, left_on: input.leftOn !== undefined ? input.leftOn : m.left_on }
          : m.person_id === formerMain?.person_id
            ? { ...m, relation: 'other' as const }
            : m,
      )
      .filter((m) => isCurrentMember(m, today))
      .map((m) => ({ personId: m.person_id, relation: m.relation, birthDate: birthDateOf(m) }));
    checkMembers(after, input.relation !== undefined ? '/relation' : '/leftOn');
    checkGuardian({ members: after, category: household.category, guardianName: household.guardian_name, today });
    const values: { relation?: Relation; left_on?: string | null } = {};
    if (input.relation !== undefined) values.relation = input.relation;
    if (input.leftOn !== undefined) values.left_on = input.leftOn;
    if (formerMain) await repo.updateMember(trx, { householdId: id, personId: formerMain.person_id, values: { relation: 'other' } });
    await repo.updateMember(trx, { householdId: id, personId, values });
    await bumpVersion(trx, id, clock());
    await recordAudit(trx, context, {
      action: 'update',
      entity: 'household',
      subject: { type: 'household', id },
      fields: ['members'],
    });
    return loadHouseholdDto(trx, actor, id, today);
  });
}
