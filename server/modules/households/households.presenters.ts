import type {
  ClockDto,
  ContactRole,
  HouseholdDto,
  HouseholdSummaryDto,
  MemberDto,
} from '../../../shared/api/households';
import { ageOn, isMinorOn, type BirthDate } from '../../../shared/domain/birth-date';
import { osloToday, type CalendarDate } from '../../../shared/domain/calendar-date';
import {
  ageOutSchedule,
  bedroomsNeeded,
  composition,
  type Member,
} from '../../../shared/domain/household-composition';
import {
  compareUrgency,
  settlementClock,
  TRANSITIONS,
  WAITING_STATES,
  type PipelineState,
  type SettlementClock,
} from '../../../shared/domain/pipeline';
import { actorCan, type Actor } from '../auth/actor';
import type { ContactRow } from './contacts.repository';
import type * as repo from './households.repository';

// Rows become JSON here only (the privacy boundary): names only for those who may read persons,
// accessibility (functional-needs data) only with that permission, the actions the user may take.

const FINAL_STATES: readonly PipelineState[] = ['moved_on', 'moved_away', 'declined', 'withdrawn'];
const SETTLED_STATES: readonly PipelineState[] = ['settled', 'moved_on', 'moved_away'];

export type ClockInput = {
  category: string;
  pipeline_state: PipelineState;
  state_changed_at: Date;
  permit_date: CalendarDate | null;
  agreed_target_days: number | null;
  settlement_date: CalendarDate | null;
};

export type HouseholdClock = { dto: ClockDto; clock: SettlementClock | null; waiting: boolean };

/**
 * The household's settlement clock (decision 012): EM households count 3 months, everyone else 6;
 * the household's agreed target, else the municipality's, shortens it. The clock stops on the
 * settlement date once settled, and on the day the household left the pipeline (declined,
 * withdrawn), which is never "overdue". Without a permit date there is no clock.
 */
export function householdClock(row: ClockInput, { today, municipalityTargetDays }: { today: CalendarDate; municipalityTargetDays: number | null }): HouseholdClock {
  const waiting = WAITING_STATES.includes(row.pipeline_state);
  if (!row.permit_date) {
    return {
      dto: { daysWaiting: null, dueDate: null, daysLeft: null, basis: null, overdue: false, stopped: !waiting },
      clock: null,
      waiting,
    };
  }
  const settled = SETTLED_STATES.includes(row.pipeline_state);
  const exitedOn = !waiting && !settled ? osloToday(row.state_changed_at) : null;
  const clock = settlementClock({
    permitDate: row.permit_date,
    today,
    settledOn: settled ? row.settlement_date : exitedOn,
    group: row.category === 'unaccompanied_minor' ? 'unaccompanied_minor' : 'adult',
    agreedTargetDays: row.agreed_target_days ?? municipalityTargetDays,
  });
  return {
    dto: {
      daysWaiting: clock.daysWaiting,
      dueDate: clock.dueDate,
      daysLeft: clock.daysLeft,
      basis: clock.basis,
      overdue: exitedOn ? false : clock.overdue,
      stopped: clock.stopped,
    },
    clock,
    waiting,
  };
}

/**
 * Most urgent first: running clocks by compareUrgency; waiting households without a permit date
 * after them (their deadline is unknown); stopped clocks last. Ties: earliest proposal, reference.
 */
export function compareHouseholds(
  a: { clock: HouseholdClock; proposed_on: string; reference: string },
  b: { clock: HouseholdClock; proposed_on: string; reference: string },
): number {
  const rank = (c: HouseholdClock) => (c.clock && !c.clock.stopped ? 0 : c.waiting ? 1 : 2);
  const byRank = rank(a.clock) - rank(b.clock);
  if (byRank !== 0) return byRank;
  if (a.clock.clock && b.clock.clock) {
    const byUrgency = compareUrgency(a.clock.clock, b.clock.clock);
    if (byUrgency !== 0) return byUrgency;
  }
  return a.proposed_on.localeCompare(b.proposed_on) || a.reference.localeCompare(b.reference);
}

export function birthDateOf(row: { birth_date: string | null; birth_date_precision: BirthDate['precision'] | null }): BirthDate | null {
  return row.birth_date ? { date: row.birth_date, precision: row.birth_date_precision ?? 'exact' } : null;
}

export function isCurrentMember(member: { left_on: string | null }, today: CalendarDate): boolean {
  return member.left_on === null || member.left_on > today;
}

export function domainMembers(members: readonly repo.MemberRow[], today: CalendarDate): Member[] {
  return members.filter((m) => isCurrentMember(m, today)).map((m) => ({ relation: m.relation, birthDate: birthDateOf(m) }));
}

export function compositionOf(members: readonly repo.MemberRow[], today: CalendarDate, sharedHousing: boolean) {
  return composition({ members: domainMembers(members, today), on: today, sharedHousing });
}

/** Names are shown to those who may read persons at the scope the household was read at. */
export function maySeeNames(actor: Actor): boolean {
  return actorCan(actor, 'read:person:unit');
}

export function presentSummary(
  row: repo.HouseholdListRow,
  { members, clock, today, showNames }: { members: readonly repo.MemberRow[]; clock: HouseholdClock; today: CalendarDate; showNames: boolean },
): HouseholdSummaryDto {
  const main = members.find((m) => m.relation === 'main' && isCurrentMember(m, today));
  return {
    id: row.id,
    reference: row.reference,
    imdiCaseId: row.imdi_case_id,
    category: row.category,
    state: row.pipeline_state,
    mainPersonName: showNames ? (main?.full_name ?? null) : null,
    composition: compositionOf(members, today, row.shared_housing),
    proposedOn: row.proposed_on,
    residencePermitDate: row.permit_date,
    arrivalDate: row.arrival_date,
    clock: clock.dto,
    responsibleUnit: { id: row.responsible_unit_id, name: row.unit_name },
  };
}

export type DetailParts = {
  row: repo.HouseholdRow;
  members: readonly repo.MemberRow[];
  languages: readonly { person_id: string; code: string; interpreter_needed: boolean; preferred_for_letters: boolean }[];
  history: Awaited<ReturnType<typeof repo.historyOf>>;
  contacts: ContactRow[];
  permitDate: CalendarDate | null;
  municipalityTargetDays: number | null;
  today: CalendarDate;
};

/** The fields a display of a household shows (for the audit entry). */
export function displayedFields(actor: Actor): string[] {
  const fields = ['members', 'birth_dates', 'languages', 'guardian', 'pipeline', 'dates', 'needs', 'income_sources', 'contacts'];
  if (actorCan(actor, 'read:functional_needs:any')) fields.push('accessibility', 'support_need');
  return fields;
}

export function presentHousehold(actor: Actor, parts: DetailParts): HouseholdDto {
  const { row, members, today } = parts;
  const canWrite = actorCan(actor, 'write:household:any');
  const readNeeds = actorCan(actor, 'read:functional_needs:any');
  const current = domainMembers(members, today);

  const reunificationPersons: Member[] = [];
  const hasSpouse = current.some((m) => m.relation === 'spouse');
  for (let i = 0; i < row.reunification_adults; i++) {
    reunificationPersons.push({ relation: i === 0 && !hasSpouse ? 'spouse' : 'other', birthDate: null });
  }
  for (let i = 0; i < row.reunification_children; i++) reunificationPersons.push({ relation: 'child', birthDate: null });
  const bedrooms = bedroomsNeeded({
    members: current,
    on: today,
    reunification: { persons: reunificationPersons, expectedDate: row.reunification_expected_on },
  });

  const clock = householdClock(
    { ...row, permit_date: parts.permitDate },
    { today, municipalityTargetDays: parts.municipalityTargetDays },
  );

  const main = members.find((m) => m.relation === 'main' && isCurrentMember(m, today));
  const mainBirth = main ? birthDateOf(main) : null;
  const ageOut =
    row.category === 'unaccompanied_minor' && mainBirth
      ? ageOutSchedule({ birthDate: mainBirth }).map(({ age, date }) => ({ age, date }))
      : [];

  const memberDtos: MemberDto[] = members.map((m) => {
    const birth = birthDateOf(m);
    return {
      personId: m.person_id,
      fullName: m.full_name,
      transliteration: m.transliteration,
      relation: m.relation,
      birthDate: birth,
      age: birth ? ageOn(birth, today).years : null,
      isMinor: birth ? isMinorOn(birth, today) : m.relation === 'child' || m.relation === 'grandchild',
      languages: parts.languages
        .filter((l) => l.person_id === m.person_id)
        .map((l) => ({ code: l.code, interpreterNeeded: l.interpreter_needed, preferredForLetters: l.preferred_for_letters })),
      joinedOn: m.joined_on,
      leftOn: m.left_on,
    };
  });

  return {
    id: row.id,
    reference: row.reference,
    imdiCaseId: row.imdi_case_id,
    category: row.category,
    state: row.pipeline_state,
    stateChangedAt: row.state_changed_at.toISOString(),
    responsibleUnit: { id: row.responsible_unit_id, name: row.unit_name },
    proposedOn: row.proposed_on,
    residencePermitDate: row.residence_permit_date,
    receptionCentre: row.reception_centre,
    agreedTargetDays: row.agreed_target_days,
    plannedArrivalDate: row.planned_arrival_date,
    arrivalDate: row.arrival_date,
    settlementDate: row.settlement_date,
    reservedDwelling:
      row.reserved_dwelling_id && row.dwelling_reference
        ? {
            id: row.reserved_dwelling_id,
            reference: row.dwelling_reference,
            address: `${row.dwelling_street}, ${row.dwelling_postnummer} ${row.dwelling_poststed ?? ''}`.trim(),
          }
        : null,
    sharedHousing: row.shared_housing,
    guardian: row.guardian_name
      ? { name: row.guardian_name, phone: row.guardian_phone, email: row.guardian_email, appointedOn: row.guardian_appointed_on }
      : null,
    members: memberDtos,
    composition: composition({ members: current, on: today, sharedHousing: row.shared_housing }),
    bedrooms: { now: bedrooms.now, withReunification: bedrooms.withReunification },
    reunification: {
      adults: row.reunification_adults,
      children: row.reunification_children,
      expectedOn: row.reunification_expected_on,
    },
    needs: {
      accessibility: readNeeds ? row.accessibility : null,
      supportNeed: readNeeds ? row.support_need : null,
      nearSchool: row.near_school,
      nearKindergarten: row.near_kindergarten,
      nearIntroSite: row.near_intro_site,
      preferredArea: row.preferred_area,
      maxRentOre: row.max_rent_ore === null ? null : Number(row.max_rent_ore),
      notes: row.needs_notes,
    },
    incomeSources: row.income_sources as HouseholdDto['incomeSources'],
    clock: clock.dto,
    history: parts.history.map((e) => ({
      id: e.id,
      fromState: e.from_state,
      toState: e.to_state,
      reason: e.reason,
      effectiveOn: e.effective_on,
      dwelling: e.dwelling_id && e.dwelling_reference ? { id: e.dwelling_id, reference: e.dwelling_reference } : null,
      actorName: e.actor_name,
      occurredAt: e.occurred_at.toISOString(),
    })),
    contacts: parts.contacts.map((c) => ({
      id: c.id,
      role: c.role as ContactRole,
      staffUserId: c.staff_user_id,
      name: c.name,
      phone: c.phone,
      email: c.email,
      availability: c.availability,
      sortOrder: c.sort_order,
    })),
    ageOut,
    version: row.version,
    createdAt: row.created_at.toISOString(),
    actions: {
      update: canWrite,
      transition: canWrite ? TRANSITIONS[row.pipeline_state].map((r) => ({ to: r.to, reasonRequired: r.reasonRequired })) : [],
      readFunctionalNeeds: readNeeds,
      writeFunctionalNeeds: canWrite && actorCan(actor, 'write:functional_needs:any'),
      contactCard: actorCan(actor, 'read:household:unit'),
    },
  };
}

export { FINAL_STATES, SETTLED_STATES };
