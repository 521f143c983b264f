import type { Kysely } from 'kysely';
import type {
  BatchCandidatesResponse,
  BuildingComposition,
  CreateRunRequest,
  MatchingDomainInput,
  MatchingDwelling,
  MatchingHousehold,
  MatchingResult,
  RunDto,
  RunListResponse,
} from '../../../shared/api/allocation';
import type { AgeBand, AllocationCriteria } from '../../../shared/domain/allocation-criteria';
import { ageOn } from '../../../shared/domain/birth-date';
import { addDays, daysBetween, osloToday, type CalendarDate } from '../../../shared/domain/calendar-date';
import { dwellingTypes, type DwellingType } from '../../../shared/domain/dwelling-rules';
import { bedroomsNeeded, composition, type Member } from '../../../shared/domain/household-composition';
import type { FieldProblem } from '../../../shared/errors';
import type { DB } from '../../db/schema';
import { withTenant, type Tx } from '../../db/tenant';
import { appError } from '../../http/errors';
import { ageBandOf } from '../../matching/domain/composition';
import { INTERACTIVE_GROUP_OPTIONS } from '../../matching/core/groups';
import { runMatching } from '../../matching/run-in-worker';
import { actorCan, requirePermission, type Actor } from '../auth/actor';
import { recordAuditForSubjects, type AuditContext } from '../audit/audit.usecases';
import { agreedTargetDays } from '../households/households.repository';
import { birthDateOf, compareHouseholds, householdClock, maySeeNames } from '../households/households.presenters';
import * as shared from './allocation.repository';
import { currentCriteria } from './criteria.usecases';
import { presentRun, presentRunSummary, storedJson, type CandidateHousehold, type RunDisplay } from './runs.presenters';
import * as repo from './runs.repository';

// The workbench's batch and runs (issue 6 items 2, 4): the candidates (households in 'accepted'
// without a live offer × dwellings ready or vacant and not held), a run = the domain form built
// from the database (docs/matching-format.md) → the matcher in its worker thread → stored with
// the result, so the proposals and their explanations stay what they were when staff acted on them.
// Reading the batch and building the instance is one transaction; the matcher runs outside any
// transaction (it may take seconds with composition groups and must not hold a connection);
// storing the run is a second transaction. Reservation re-checks everything it relies on.

export type Deps = { db: Kysely<DB>; clock: () => Date };

/** Dwellings available within this many days are offered for the batch by default. */
export const DEFAULT_WINDOW_DAYS = 30;

/** Audited as shown: the batch shows names, composition, the clock and (with the permission) needs. */
function displayedFields(actor: Actor): string[] {
  const fields = ['full_name', 'composition', 'clock'];
  if (actorCan(actor, 'read:functional_needs:any')) fields.push('accessibility', 'support_need');
  return fields;
}

// ---------------------------------------------------------------------------------------------
// Households → the domain form

type Row = shared.CandidateHouseholdRow;
type MemberRow = shared.AllocationMemberRow;

/**
 * A member's age in whole years on the planned move-in date (approximate birth dates by the
 * conservative rule of birth-date.ts). Without a birth date: a child counts as 10 (school age),
 * anyone else as 30 — the rules that use ages (school, kindergarten, floor for 67+, age bands)
 * then treat them as an ordinary child or adult.
 */
function memberAge(m: MemberRow, on: CalendarDate): number {
  const birth = birthDateOf(m);
  if (!birth) return m.relation === 'child' || m.relation === 'grandchild' ? 10 : 30;
  return Math.min(130, Math.max(0, ageOn(birth, on).years));
}

function domainMembers(members: readonly MemberRow[]): Member[] {
  return members.map((m) => ({ relation: m.relation, birthDate: birthDateOf(m) }));
}

/** The expected family reunification as members (as the household page counts it). */
function reunificationOf(row: Row, members: readonly Member[]) {
  const persons: Member[] = [];
  const hasSpouse = members.some((m) => m.relation === 'spouse');
  for (let i = 0; i < row.reunification_adults; i++) persons.push({ relation: i === 0 && !hasSpouse ? 'spouse' : 'other', birthDate: null });
  for (let i = 0; i < row.reunification_children; i++) persons.push({ relation: 'child', birthDate: null });
  return { persons, expectedDate: row.reunification_expected_on };
}

function languageCodes(personIds: readonly string[], languages: ReadonlyMap<string, readonly string[]>): string[] {
  const codes = new Set<string>();
  for (const id of personIds) for (const code of languages.get(id) ?? []) if (code.length <= 3) codes.add(code);
  return [...codes].sort().slice(0, 20);
}

const INTRO_ACTIVE = ['entitled_and_obliged', 'entitled'];

export function toMatchingHousehold(
  row: Row,
  members: readonly MemberRow[],
  languages: ReadonlyMap<string, readonly string[]>,
  { criteria, plannedMoveIn }: { criteria: AllocationCriteria; plannedMoveIn: CalendarDate },
): MatchingHousehold {
  const current = domainMembers(members);
  const comp = composition({ members: current, on: plannedMoveIn, sharedHousing: row.shared_housing });
  const bedrooms = bedroomsNeeded({
    members: current,
    on: plannedMoveIn,
    reunification: reunificationOf(row, current),
    // The criteria's occupancy rule (household-composition.ts BedroomRule): couples share.
    rule: { childrenShareBelowAge: criteria.occupancy.childrenShareBelowAge, couplesShare: true },
  });
  const persons = members.length;
  return {
    id: row.id,
    reference: row.reference,
    category: row.category,
    memberAges: members.map((m) => memberAge(m, plannedMoveIn)),
    persons,
    personsWithReunification: persons + row.reunification_adults + row.reunification_children,
    bedroomsNeeded: bedrooms.now,
    bedroomsNeededWithReunification: bedrooms.withReunification,
    accessibility: row.accessibility,
    supportNeed: row.support_need,
    sharedHousing: row.shared_housing,
    inIntroProgramme: members.some(
      (m) => INTRO_ACTIVE.includes(m.intro_programme) && (m.intro_programme_end === null || m.intro_programme_end >= plannedMoveIn),
    ),
    maxRentOre: row.max_rent_ore === null ? null : Number(row.max_rent_ore),
    adults: comp.adults,
    children: comp.children,
    preferredArea: row.preferred_area,
    nearSchool: row.near_school,
    nearKindergarten: row.near_kindergarten,
    nearIntroSite: row.near_intro_site,
    languages: languageCodes(
      members.map((m) => m.person_id),
      languages,
    ),
    // Waiting since the permit, counted to the planned move-in (the urgency criterion).
    waitingDays: row.permit_date ? Math.max(0, daysBetween({ from: row.permit_date, to: plannedMoveIn })) : null,
  };
}

const EARMARKINGS = ['first_settlement', 'welfare', 'care', 'none'] as const;

export function toMatchingDwelling(row: shared.CandidateDwellingRow, today: CalendarDate): MatchingDwelling {
  const earmarking = (EARMARKINGS as readonly string[]).includes(row.earmarking) ? (row.earmarking as MatchingDwelling['earmarking']) : 'none';
  return {
    id: row.id,
    reference: row.reference,
    buildingId: row.building_id,
    type: (dwellingTypes as readonly string[]).includes(row.type) ? (row.type as DwellingType) : 'flat',
    status: row.status,
    earmarking,
    // Ready or vacant from a later date (a status set ahead): available from then.
    availableFrom: row.status_since > today ? row.status_since : null,
    bedrooms: row.bedrooms,
    capacity: Math.max(1, row.capacity),
    floor: row.floor,
    lift: row.lift,
    wheelchairAccessible: row.wheelchair_accessible,
    stepFreeEntrance: row.step_free_entrance,
    rentOre: row.rent_ore === null ? null : Number(row.rent_ore),
    areaZone: row.area_zone,
    schoolDistrict: row.school_district,
    walkMinSchool: row.walk_min_school,
    walkMinKindergarten: row.walk_min_kindergarten,
    walkMinBusStop: row.walk_min_bus_stop,
    walkMinCentre: row.walk_min_centre,
    walkMinIntroProgramme: row.walk_min_intro_programme,
  };
}

function emptyBands(): Record<AgeBand, number> {
  return { young_adult: 0, family: 0, adult: 0, senior: 0 };
}

/** Loads members and languages of households, keyed by household and person. */
async function membersAndLanguages(trx: Tx, householdIds: readonly string[], on: CalendarDate) {
  const members = await shared.currentMembers(trx, householdIds, on);
  const byHousehold = new Map<string, MemberRow[]>();
  for (const m of members) {
    const list = byHousehold.get(m.household_id);
    if (list) list.push(m);
    else byHousehold.set(m.household_id, [m]);
  }
  const languages = new Map<string, string[]>();
  for (const l of await shared.languagesOf(trx, [...new Set(members.map((m) => m.person_id))])) {
    const list = languages.get(l.person_id);
    if (list) list.push(l.code);
    else languages.set(l.person_id, [l.code]);
  }
  return { byHousehold, languages };
}

/**
 * The buildings of the batch's dwellings with who lives there now (households that hold or
 * settled in a dwelling of the building, tenants of active leases there), for the composition
 * rules and the before/after view; and the areas with their settlement use (spredt bosetting).
 */
async function buildingsAndAreas(
  trx: Tx,
  dwellings: readonly MatchingDwelling[],
  { criteria, plannedMoveIn }: { criteria: AllocationCriteria; plannedMoveIn: CalendarDate },
): Promise<Pick<MatchingDomainInput, 'buildings' | 'areas'>> {
  const buildingIds = [...new Set(dwellings.flatMap((d) => (d.buildingId ? [d.buildingId] : [])))].sort();
  const sizes = await shared.buildingSizes(trx, buildingIds);
  const residents = await shared.buildingResidents(trx, buildingIds, plannedMoveIn);

  const householdsIn = new Map<string, Set<string>>();
  const loneTenantsIn = new Map<string, Set<string>>();
  const add = (map: Map<string, Set<string>>, key: string, value: string) => {
    const set = map.get(key);
    if (set) set.add(value);
    else map.set(key, new Set([value]));
  };
  for (const r of residents.households) add(householdsIn, r.building_id, r.household_id);
  for (const t of residents.tenants) {
    if (t.household_id) add(householdsIn, t.building_id, t.household_id);
    else add(loneTenantsIn, t.building_id, t.person_id);
  }
  const residentIds = [...new Set([...householdsIn.values()].flatMap((s) => [...s]))];
  const { byHousehold, languages } = await membersAndLanguages(trx, residentIds, plannedMoveIn);
  const support = await shared.supportFlags(trx, residentIds);
  const lonePersons = [...new Set([...loneTenantsIn.values()].flatMap((s) => [...s]))];
  const loneBirth = new Map((await shared.personsBirth(trx, lonePersons)).map((p) => [p.id, p]));
  for (const l of await shared.languagesOf(trx, lonePersons)) {
    const list = languages.get(l.person_id);
    if (list) list.push(l.code);
    else languages.set(l.person_id, [l.code]);
  }

  const buildings = sizes.map((b) => {
    const bands = emptyBands();
    const langs = new Set<string>();
    let households = 0;
    let supportCount = 0;
    for (const id of householdsIn.get(b.id) ?? []) {
      const members = byHousehold.get(id) ?? [];
      if (members.length === 0) continue;
      households += 1;
      if (support.get(id)) supportCount += 1;
      bands[ageBandOf({ memberAges: members.map((m) => memberAge(m, plannedMoveIn)) })] += 1;
      for (const code of languageCodes(members.map((m) => m.person_id), languages)) langs.add(code);
    }
    for (const personId of loneTenantsIn.get(b.id) ?? []) {
      const person = loneBirth.get(personId);
      const birth = person ? birthDateOf(person) : null;
      households += 1;
      bands[ageBandOf({ memberAges: [birth ? Math.max(0, ageOn(birth, plannedMoveIn).years) : 30] })] += 1;
      for (const code of languageCodes([personId], languages)) langs.add(code);
    }
    const current: BuildingComposition = { households, support: supportCount, ageBands: bands, languages: [...langs].sort() };
    return { id: b.id, name: b.name, dwellingCount: b.dwellings, current };
  });

  const column = criteria.composition.areaKey;
  const keys = [...new Set(dwellings.map((d) => (column === 'area_zone' ? d.areaZone : d.schoolDistrict)))].sort();
  const areas = (await shared.areaUse(trx, { column, keys })).map((a) => ({
    key: a.key,
    dwellingCount: a.dwellings,
    settlementDwellings: a.settlement,
  }));
  return { buildings, areas };
}

// ---------------------------------------------------------------------------------------------
// Candidates

export function listCandidates(
  actor: Actor,
  { db, clock, availableBy, context }: Deps & { availableBy?: CalendarDate | undefined; context: AuditContext },
): Promise<BatchCandidatesResponse> {
  requirePermission(actor, 'read:allocation:any');
  const today = osloToday(clock());
  const by = availableBy ?? addDays({ date: today, days: DEFAULT_WINDOW_DAYS });
  const showNames = maySeeNames(actor);
  const readNeeds = actorCan(actor, 'read:functional_needs:any');
  return withTenant(db, actor, async (trx) => {
    const { version, criteria } = await currentCriteria(trx, actor.tenantId);
    const rows = await shared.candidateHouseholds(trx);
    const { byHousehold } = await membersAndLanguages(
      trx,
      rows.map((r) => r.id),
      today,
    );
    const municipalityTargetDays = await agreedTargetDays(trx);
    const rule = { childrenShareBelowAge: criteria.occupancy.childrenShareBelowAge, couplesShare: true };
    const items = rows.map((row) => ({
      row,
      reference: row.reference,
      proposed_on: row.proposed_on,
      clock: householdClock(row, { today, municipalityTargetDays }),
    }));
    items.sort(compareHouseholds);
    const households: CandidateHousehold[] = items.map(({ row, clock: c }) => {
      const members = byHousehold.get(row.id) ?? [];
      const current = domainMembers(members);
      const main = members.find((m) => m.relation === 'main');
      return {
        id: row.id,
        reference: row.reference,
        mainPersonName: showNames ? (main?.full_name ?? null) : null,
        compositionKind: composition({ members: current, on: today, sharedHousing: row.shared_housing }).kind,
        persons: members.length,
        bedroomsNeeded: bedroomsNeeded({ members: current, on: today, reunification: reunificationOf(row, current), rule }).now,
        waitingDays: c.dto.daysWaiting,
        dueDate: c.dto.dueDate,
        accessibility: readNeeds ? row.accessibility : null,
        supportNeed: readNeeds ? row.support_need : null,
      };
    });
    const dwellings = (await shared.candidateDwellings(trx, { availableBy: by })).map((d) => ({
      id: d.id,
      reference: d.reference,
      address: [d.street, `${d.postnummer} ${d.poststed}`.trim()].filter(Boolean).join(', '),
      buildingId: d.building_id,
      buildingName: d.building_name,
      type: toMatchingDwelling(d, today).type,
      bedrooms: d.bedrooms,
      rentOre: d.rent_ore === null ? null : Number(d.rent_ore),
      status: d.status,
      availableFrom: d.status_since > today ? d.status_since : null,
    }));
    await recordAuditForSubjects(trx, context, {
      action: 'display',
      entity: 'allocation_batch',
      subjects: householdSubjects(households.map((h) => h.id)),
      fields: displayedFields(actor),
    });
    return { households, dwellings, availableBy: by, criteriaVersion: version };
  });
}

// ---------------------------------------------------------------------------------------------
// Runs

/** Duplicate ids and ids that are not candidates, with pointers into the request. */
function batchProblems(field: 'householdIds' | 'dwellingIds', ids: readonly string[], found: ReadonlySet<string>): FieldProblem[] {
  const seen = new Set<string>();
  const problems: FieldProblem[] = [];
  ids.forEach((id, i) => {
    if (seen.has(id) || !found.has(id)) problems.push({ pointer: `/${field}/${i}`, code: 'allocation.batch_invalid' });
    seen.add(id);
  });
  return problems;
}

/** The domain form of a batch from the database, or 422 allocation.batch_invalid / lock_invalid. */
async function buildInstance(
  trx: Tx,
  actor: Actor,
  input: CreateRunRequest,
  today: CalendarDate,
): Promise<{ instance: MatchingDomainInput; display: RunDisplay }> {
  const { version, criteria } = await currentCriteria(trx, actor.tenantId);
  const householdRows = await shared.candidateHouseholds(trx, { ids: [...new Set(input.householdIds)] });
  const dwellingRows = await shared.candidateDwellings(trx, { ids: [...new Set(input.dwellingIds)] });
  const { byHousehold, languages } = await membersAndLanguages(
    trx,
    householdRows.map((r) => r.id),
    input.plannedMoveIn,
  );
  // A household without a current member cannot be matched (no ages, no bedroom need).
  const usable = householdRows.filter((r) => (byHousehold.get(r.id) ?? []).length > 0);
  const problems = [
    ...batchProblems('householdIds', input.householdIds, new Set(usable.map((r) => r.id))),
    ...batchProblems('dwellingIds', input.dwellingIds, new Set(dwellingRows.map((r) => r.id))),
  ];
  if (input.previousRunId && !(await repo.runExists(trx, input.previousRunId))) {
    problems.push({ pointer: '/previousRunId', code: 'allocation.batch_invalid' });
  }
  if (problems.length > 0) throw appError('allocation.batch_invalid', { errors: problems });

  const householdIds = new Set(input.householdIds);
  const dwellingIds = new Set(input.dwellingIds);
  const lockProblems: FieldProblem[] = input.locks.flatMap((lock, i) =>
    householdIds.has(lock.householdId) && dwellingIds.has(lock.dwellingId) ? [] : [{ pointer: `/locks/${i}`, code: 'allocation.lock_invalid' }],
  );
  if (lockProblems.length > 0) throw appError('allocation.lock_invalid', { errors: lockProblems });

  const plannedMoveIn = input.plannedMoveIn;
  const households = usable.map((row) => toMatchingHousehold(row, byHousehold.get(row.id)!, languages, { criteria, plannedMoveIn }));
  const dwellings = dwellingRows.map((row) => toMatchingDwelling(row, today));
  const { buildings, areas } = await buildingsAndAreas(trx, dwellings, { criteria, plannedMoveIn });
  const names = maySeeNames(actor)
    ? new Map(usable.flatMap((r) => {
        const main = byHousehold.get(r.id)!.find((m) => m.relation === 'main');
        return main ? [[r.id, main.full_name] as const] : [];
      }))
    : new Map<string, string>();
  return {
    instance: {
      kind: 'husly.matching.domain',
      criteriaVersion: version,
      criteria,
      plannedMoveIn,
      households,
      dwellings,
      buildings,
      areas,
      locks: input.locks.map((l) => ({ householdId: l.householdId, dwellingId: l.dwellingId, kind: l.kind })),
    },
    display: { names, addresses: new Map(dwellingRows.map((d) => [d.id, d])) },
  };
}

/** One audit subject per household the batch or run shows. */
function householdSubjects(ids: readonly string[]) {
  return ids.map((id) => ({ type: 'household' as const, id }));
}

const RUN_FIELDS = ['full_name', 'composition', 'ages', 'languages', 'needs', 'accessibility', 'support_need', 'waiting_days'];

export async function createRun(
  actor: Actor,
  { db, clock, input, context }: Deps & { input: CreateRunRequest; context: AuditContext },
): Promise<RunDto> {
  requirePermission(actor, 'write:allocation:any');
  const today = osloToday(clock());
  const { instance, display } = await withTenant(db, actor, (trx) => buildInstance(trx, actor, input, today));
  // Interactive settings: with composition rules the solver stops on its gap or iteration count
  // (reproducible), well inside one request; the time limit is only a safety net.
  const result = await runMatching(instance, { solve: INTERACTIVE_GROUP_OPTIONS });
  const createdAt = clock();
  return withTenant(db, actor, async (trx) => {
    const id = await repo.insertRun(trx, {
      tenantId: actor.tenantId,
      criteriaVersion: instance.criteriaVersion,
      plannedMoveIn: instance.plannedMoveIn,
      previousRunId: input.previousRunId ?? null,
      input: instance,
      result,
      households: instance.households.length,
      dwellings: instance.dwellings.length,
      objective: Math.round(result.quality.objective),
      // Scores are integers, so the integer part of an upper bound is still one (the exact bound
      // stays in the stored result).
      bound: Math.floor(result.quality.bound + 1e-9),
      millis: Math.max(0, Math.round(result.quality.millis)),
      createdBy: actor.userId,
      createdAt,
    });
    await recordAuditForSubjects(trx, context, {
      action: 'create',
      entity: 'allocation_run',
      subjects: householdSubjects(instance.households.map((h) => h.id)),
      fields: RUN_FIELDS,
    });
    const createdBy = await trx.selectFrom('app.staff_user').select('display_name').where('id', '=', actor.userId).executeTakeFirst();
    return presentRun(
      {
        id,
        createdAt,
        createdBy: createdBy?.display_name ?? null,
        criteriaVersion: instance.criteriaVersion,
        plannedMoveIn: instance.plannedMoveIn,
        previousRunId: input.previousRunId ?? null,
        input: instance,
        result,
      },
      display,
    );
  });
}

/** A stored run with its display data (names only to those who may read persons); audited. */
export function getRun(actor: Actor, { db, id, context }: Pick<Deps, 'db'> & { id: string; context: AuditContext }): Promise<RunDto> {
  requirePermission(actor, 'read:allocation:any');
  return withTenant(db, actor, async (trx) => {
    const row = await repo.findRun(trx, id);
    if (!row) throw appError('resource.not_found');
    const input = storedJson<MatchingDomainInput>(row.input);
    const result = storedJson<MatchingResult>(row.result);
    const householdIds = input.households.map((h) => h.id);
    const names = maySeeNames(actor) ? await shared.mainPersonNames(trx, householdIds) : new Map<string, string>();
    const addresses = new Map((await shared.dwellingsById(trx, input.dwellings.map((d) => d.id))).map((d) => [d.id, d]));
    await recordAuditForSubjects(trx, context, {
      action: 'display',
      entity: 'allocation_run',
      subjects: householdSubjects(householdIds),
      fields: RUN_FIELDS,
    });
    return presentRun(
      {
        id: row.id,
        createdAt: row.created_at,
        createdBy: row.created_by_name ?? null,
        criteriaVersion: row.criteria_version,
        plannedMoveIn: row.planned_move_in,
        previousRunId: row.previous_run_id,
        input,
        result,
      },
      { names, addresses },
    );
  });
}

/** The stored instance (the domain form, no names) for `npm run match`; audited as an export. */
export function getRunInstance(
  actor: Actor,
  { db, id, context }: Pick<Deps, 'db'> & { id: string; context: AuditContext },
): Promise<{ instance: MatchingDomainInput; createdAt: Date }> {
  requirePermission(actor, 'read:allocation:any');
  return withTenant(db, actor, async (trx) => {
    const row = await repo.findRunInput(trx, id);
    if (!row) throw appError('resource.not_found');
    const instance = storedJson<MatchingDomainInput>(row.input);
    await recordAuditForSubjects(trx, context, {
      action: 'export',
      entity: 'allocation_run',
      subjects: householdSubjects(instance.households.map((h) => h.id)),
      fields: ['ages', 'composition', 'languages', 'needs', 'accessibility', 'support_need', 'waiting_days'],
    });
    return { instance, createdAt: row.created_at };
  });
}

export function listRuns(actor: Actor, { db, limit }: Pick<Deps, 'db'> & { limit: number }): Promise<RunListResponse> {
  requirePermission(actor, 'read:allocation:any');
  return withTenant(db, actor, async (trx) => ({ items: (await repo.recentRuns(trx, limit)).map(presentRunSummary) }));
}
