// Household composition, bedroom need and EM age-out dates (requirements §3.2 "Household",
// §1.7, R3.8, §4.1; issue 5 items 3 and 8).
//
// Members carry a relation to the household's main person and a birth date that may be
// approximate (birth-date.ts). Whether someone counts as a child is their age on a given date
// (under 18, by birth-date.ts's conservative rule for year-only dates). A member without any
// birth date counts as a child when the relation is 'child' or 'grandchild', otherwise as an
// adult. A legal guardian (verge) of an unaccompanied minor is not a household member: the
// guardian is recorded on the person, not here.
//
// COMPOSITION CATEGORY (one per household, first match wins; Husly's rule, since no
// directorate defines these groups precisely; §3.2 lists "single adult, family, large family,
// EM, bofellesskap group"):
//   1. unaccompanied_minor    no adult member (EM, enslig mindreårig, alone or with siblings)
//   2. shared_housing_group   the worker marked the household as a bofellesskap group
//   3. multi_generation       a parent of the main person, or a grandchild, lives in the household
//   4. large_family           ≥ 5 children, or ≥ 7 persons (LARGE_FAMILY below: Husly's
//                             definition; we found no official Norwegian threshold)
//   5. single_parent_family   children, and the main person has no spouse in the household
//   6. family_with_children   children and a couple (N = `children`)
//   7. single_adult           the main person alone
//   8. couple                 main person and spouse, no children (adults only)
//   9. shared_housing_group   any other adults-only household: two or more adults, no couple
//                             (unrelated adults or adult siblings settled together)
//   "Children" are members under 18 on the date; an adult son of 20 counts as an adult. The
//   flags isLargeFamily / isMultiGeneration are returned too, since a household can be both.
//
// BEDROOMS NEEDED. Source: Canada's National Occupancy Standard (CMHC, "What is the National
// Occupancy Standard?", cmhc-schl.gc.ca; Statistics Canada "Housing suitability"). We found no
// Norwegian norm for bedrooms per household: Husbanken publishes none, and SSB's "trangbodd"
// counts rooms (more persons than rooms), not bedrooms. Husly's default adapts the NOS and is
// adjustable per municipality (BedroomRule):
//   - at most two persons per bedroom;
//   - the main person and a spouse share one bedroom (NOS: couples share);
//   - two parents of the main person share one bedroom (assumed to be a couple);
//   - every other member aged 18 or over has a bedroom of their own (NOS: adults, and a lone
//     parent, do not share with children);
//   - members under `childrenShareBelowAge` (default 18) share two to a bedroom, an odd one
//     out has one alone; members from that age up to 18 have one each;
//   - an unaccompanied minor who is the main person has a bedroom of their own;
//   - at least one bedroom. (NOS lets a single person live in a studio; the worker can accept
//     that in the needs profile.)
//   Deliberate difference from NOS: NOS lets children share only if of the same sex (any sex
//   under 5). This rule does not use sex at all; where siblings should not share, the
//   municipality lowers `childrenShareBelowAge` or the worker raises the need by hand.
//   Expected family reunification (familiegjenforening, §3.2) adds the expected persons to the
//   household and gives a second figure, so the dwelling can be chosen for the later size.
//
// EM AGE-OUT (§1.7, issue 5 item 8): housing and follow-up arrangements for unaccompanied minors
// change at 18 (majority, the guardianship ends), 20 and 23 (the ages the issue names for the
// end of municipal follow-up measures). Note: barnevernsloven's aftercare (ettervern) now runs
// to 25 for those under child-welfare measures; a municipality can add 25 to the ages.

import { ageOn, dateOfAge, type BirthDate, AGE_OF_MAJORITY } from './birth-date';
import { addMonths, type CalendarDate } from './calendar-date';

export type Relation = 'main' | 'spouse' | 'child' | 'parent' | 'sibling' | 'grandchild' | 'other';

export type Member = { relation: Relation; birthDate: BirthDate | null };

export type CompositionKind =
  | 'single_adult'
  | 'couple'
  | 'single_parent_family'
  | 'family_with_children'
  | 'large_family'
  | 'unaccompanied_minor'
  | 'shared_housing_group'
  | 'multi_generation';

export type Composition = {
  size: number;
  adults: number;
  children: number;
  kind: CompositionKind;
  isLargeFamily: boolean;
  isMultiGeneration: boolean;
};

// Husly's definition of a large family (no official threshold found): ≥ 5 children or ≥ 7 persons.
export const LARGE_FAMILY = { minChildren: 5, minPersons: 7 } as const;

function isChildOn(member: Member, date: CalendarDate): boolean {
  if (member.birthDate === null) return member.relation === 'child' || member.relation === 'grandchild';
  return ageOn(member.birthDate, date).years < AGE_OF_MAJORITY;
}

export type HouseholdProblem = 'no_members' | 'no_main_person' | 'several_main_persons' | 'several_spouses';

/** Exactly one main person and at most one spouse. */
export function validateMembers(
  members: readonly Member[],
): { ok: true } | { ok: false; code: 'household.members_invalid'; reason: HouseholdProblem } {
  const fail = (reason: HouseholdProblem) => ({ ok: false, code: 'household.members_invalid', reason }) as const;
  if (members.length === 0) return fail('no_members');
  const mains = members.filter((m) => m.relation === 'main').length;
  if (mains === 0) return fail('no_main_person');
  if (mains > 1) return fail('several_main_persons');
  if (members.filter((m) => m.relation === 'spouse').length > 1) return fail('several_spouses');
  return { ok: true };
}

/** Size, adults/children on `date` and the composition category (rules in the header). */
export function composition({
  members,
  on,
  sharedHousing = false,
}: {
  members: readonly Member[];
  on: CalendarDate;
  sharedHousing?: boolean | undefined;
}): Composition {
  const size = members.length;
  const children = members.filter((m) => isChildOn(m, on)).length;
  const adults = size - children;
  const has = (relation: Relation) => members.some((m) => m.relation === relation);
  const isLargeFamily = children >= LARGE_FAMILY.minChildren || size >= LARGE_FAMILY.minPersons;
  const isMultiGeneration = has('parent') || has('grandchild');

  const kind = ((): CompositionKind => {
    if (adults === 0) return 'unaccompanied_minor';
    if (sharedHousing) return 'shared_housing_group';
    if (isMultiGeneration) return 'multi_generation';
    if (isLargeFamily) return 'large_family';
    if (children > 0) return has('spouse') ? 'family_with_children' : 'single_parent_family';
    if (size === 1) return 'single_adult';
    return has('spouse') ? 'couple' : 'shared_housing_group';
  })();

  return { size, adults, children, kind, isLargeFamily, isMultiGeneration };
}

// ---------------------------------------------------------------------------------------------
// Bedrooms

export type BedroomRule = {
  /** Members under this age (not main person or spouse) share two to a bedroom. 0 = nobody shares. */
  childrenShareBelowAge: number;
  /** Whether the main person and spouse (and two parents of the main person) share a bedroom. */
  couplesShare: boolean;
};

/** Husly's default, after Canada's National Occupancy Standard (see the header). */
export const DEFAULT_BEDROOM_RULE: BedroomRule = { childrenShareBelowAge: 18, couplesShare: true };

const PERSONS_PER_SHARED_BEDROOM = 2;

function bedroomsFor(members: readonly Member[], on: CalendarDate, rule: BedroomRule): number {
  if (
    !Number.isInteger(rule.childrenShareBelowAge) ||
    rule.childrenShareBelowAge < 0 ||
    rule.childrenShareBelowAge > 18
  ) {
    throw new RangeError(`childrenShareBelowAge must be a whole number 0–18: ${rule.childrenShareBelowAge}`);
  }
  let rooms = 0;
  let sharers = 0;
  let parents = 0;
  for (const m of members) {
    if (m.relation === 'main') {
      rooms += 1; // shared with the spouse when couplesShare
      continue;
    }
    if (m.relation === 'spouse') {
      if (!rule.couplesShare) rooms += 1;
      continue;
    }
    if (m.relation === 'parent') {
      parents += 1;
      continue;
    }
    if (!isChildOn(m, on)) {
      rooms += 1;
      continue;
    }
    // A child with no birth date counts as young enough to share.
    const age = m.birthDate === null ? 0 : ageOn(m.birthDate, on).years;
    if (age < rule.childrenShareBelowAge) sharers += 1;
    else rooms += 1;
  }
  rooms += rule.couplesShare ? Math.ceil(parents / PERSONS_PER_SHARED_BEDROOM) : parents;
  rooms += Math.ceil(sharers / PERSONS_PER_SHARED_BEDROOM);
  return Math.max(1, rooms);
}

export type ExpectedReunification = {
  /** The persons expected to join (relation to the main person; birth date if known). */
  persons: readonly Member[];
  /** When they are expected, if known. */
  expectedDate?: CalendarDate | null | undefined;
};

export type BedroomNeed = {
  now: number;
  /** With the expected family reunification, or equal to `now` when none is expected. */
  withReunification: number;
  rule: BedroomRule;
};

/**
 * Bedrooms the household needs on `on` by `rule` (default: DEFAULT_BEDROOM_RULE), now and once
 * the expected family members have arrived. Ages for the later figure are taken on the expected
 * date when known (children may have grown past the sharing age by then), else on `on`.
 */
export function bedroomsNeeded({
  members,
  on,
  reunification,
  rule = DEFAULT_BEDROOM_RULE,
}: {
  members: readonly Member[];
  on: CalendarDate;
  reunification?: ExpectedReunification | null | undefined;
  rule?: BedroomRule | undefined;
}): BedroomNeed {
  const now = bedroomsFor(members, on, rule);
  if (!reunification || reunification.persons.length === 0) return { now, withReunification: now, rule };
  const later = reunification.expectedDate && reunification.expectedDate > on ? reunification.expectedDate : on;
  return { now, withReunification: bedroomsFor([...members, ...reunification.persons], later, rule), rule };
}

// ---------------------------------------------------------------------------------------------
// Unaccompanied minors: age-out dates and warnings

export const DEFAULT_AGE_OUT_AGES: readonly number[] = [18, 20, 23];
export const DEFAULT_AGE_OUT_LEAD_MONTHS: readonly number[] = [6, 3];

export type AgeOutWarning = { key: `em-age-out:${number}y:${number}m`; monthsBefore: number; dueDate: CalendarDate };
export type AgeOut = { age: number; date: CalendarDate; warnings: AgeOutWarning[] };

/**
 * For an unaccompanied minor: the day they reach each age in `ages` (default 18, 20, 23) and
 * the warning dates `leadMonths` before each (default 6 and 3 months), ages in ascending order.
 * With a year-only birth date the age-out date is 31 December of that year (the youngest possible
 * birthday, see birth-date.ts): the same rule that keeps the person a minor until then. Past
 * dates are returned too: whether
 * a late task is still useful is the scheduler's decision, as in reminders.ts. `key` is stable
 * per (age, lead time), so the scheduler can create each task once.
 */
export function ageOutSchedule({
  birthDate,
  ages = DEFAULT_AGE_OUT_AGES,
  leadMonths = DEFAULT_AGE_OUT_LEAD_MONTHS,
}: {
  birthDate: BirthDate;
  ages?: readonly number[] | undefined;
  leadMonths?: readonly number[] | undefined;
}): AgeOut[] {
  for (const a of ages) if (!Number.isInteger(a) || a < 1) throw new RangeError(`age must be a whole number ≥ 1: ${a}`);
  for (const m of leadMonths) {
    if (!Number.isInteger(m) || m < 1) throw new RangeError(`lead time must be a whole number of months ≥ 1: ${m}`);
  }
  const leads = [...new Set(leadMonths)].sort((a, b) => b - a);
  return [...new Set(ages)]
    .sort((a, b) => a - b)
    .map((age) => {
      const date = dateOfAge(birthDate, age);
      return {
        age,
        date,
        warnings: leads.map((monthsBefore) => ({
          key: `em-age-out:${age}y:${monthsBefore}m` as const,
          monthsBefore,
          dueDate: addMonths({ date, months: -monthsBefore }),
        })),
      };
    });
}
