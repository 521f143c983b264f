import { describe, expect, it } from 'vitest';
import type { BirthDate } from './birth-date';
import {
  DEFAULT_BEDROOM_RULE,
  ageOutSchedule,
  bedroomsNeeded,
  composition,
  validateMembers,
  type Member,
  type Relation,
} from './household-composition';

const on = '2026-05-10';
const born = (date: string): BirthDate => ({ date, precision: 'exact' });
const m = (relation: Relation, date: string | null): Member => ({
  relation,
  birthDate: date === null ? null : born(date),
});

const adult = (relation: Relation = 'main') => m(relation, '1990-03-01');
const childAged = (years: number) => m('child', `${2026 - years}-01-15`);

describe('validateMembers', () => {
  it('needs exactly one main person and at most one spouse', () => {
    expect(validateMembers([])).toEqual({ ok: false, code: 'household.members_invalid', reason: 'no_members' });
    expect(validateMembers([adult('spouse')])).toMatchObject({ reason: 'no_main_person' });
    expect(validateMembers([adult(), adult()])).toMatchObject({ reason: 'several_main_persons' });
    expect(validateMembers([adult(), adult('spouse'), adult('spouse')])).toMatchObject({ reason: 'several_spouses' });
    expect(validateMembers([adult(), adult('spouse'), childAged(3)])).toEqual({ ok: true });
  });
});

describe('composition', () => {
  it.each([
    ['single adult', [adult()], 'single_adult', 1, 1, 0],
    ['couple', [adult(), adult('spouse')], 'couple', 2, 2, 0],
    ['single parent with two children', [adult(), childAged(4), childAged(9)], 'single_parent_family', 3, 1, 2],
    [
      'couple with three children',
      [adult(), adult('spouse'), childAged(1), childAged(5), childAged(12)],
      'family_with_children',
      5,
      2,
      3,
    ],
    [
      'couple with five children (large: ≥ 5 children)',
      [adult(), adult('spouse'), ...[1, 3, 6, 9, 12].map(childAged)],
      'large_family',
      7,
      2,
      5,
    ],
    [
      'single parent with four children and an adult son: 6 persons, not large',
      [adult(), m('child', '2005-01-01'), ...[2, 4, 6, 8].map(childAged)],
      'single_parent_family',
      6,
      2,
      4,
    ],
    [
      'couple with four children and an aunt: 7 persons (large)',
      [adult(), adult('spouse'), adult('other'), ...[2, 4, 6, 8].map(childAged)],
      'large_family',
      7,
      3,
      4,
    ],
    ['unaccompanied minor', [m('main', '2010-06-01')], 'unaccompanied_minor', 1, 0, 1],
    [
      'two unaccompanied siblings',
      [m('main', '2010-06-01'), m('sibling', '2012-02-02')],
      'unaccompanied_minor',
      2,
      0,
      2,
    ],
    [
      'three generations',
      [adult(), adult('spouse'), m('parent', '1955-01-01'), childAged(7)],
      'multi_generation',
      4,
      3,
      1,
    ],
    ['adult with an elderly parent', [adult(), m('parent', '1950-01-01')], 'multi_generation', 2, 2, 0],
    ['two unrelated adults', [adult(), adult('other')], 'shared_housing_group', 2, 2, 0],
    ['adult siblings', [adult(), adult('sibling')], 'shared_housing_group', 2, 2, 0],
    ['couple with an adult son', [adult(), adult('spouse'), m('child', '2004-01-01')], 'couple', 3, 3, 0],
  ] as const)('%s → %s', (_name, members, kind, size, adults, children) => {
    expect(composition({ members, on })).toMatchObject({ kind, size, adults, children });
  });

  it('a household the worker marked as a bofellesskap group is a shared-housing group', () => {
    expect(composition({ members: [adult(), adult('other'), adult('other')], on, sharedHousing: true }).kind).toBe(
      'shared_housing_group',
    );
    // …but a group of minors is still an EM household.
    expect(
      composition({ members: [m('main', '2010-01-01'), m('other', '2011-01-01')], on, sharedHousing: true }).kind,
    ).toBe('unaccompanied_minor');
  });

  it('a multi-generation household with many children keeps both flags', () => {
    const result = composition({
      members: [adult(), adult('spouse'), m('parent', '1950-01-01'), ...[1, 2, 3, 4, 5].map(childAged)],
      on,
    });
    expect(result).toMatchObject({
      kind: 'multi_generation',
      isMultiGeneration: true,
      isLargeFamily: true,
      children: 5,
    });
  });

  it('counts children by age on the given date (an 18th birthday turns a child into an adult)', () => {
    const members = [adult(), m('child', '2008-05-17')];
    expect(composition({ members, on: '2026-05-16' })).toMatchObject({ kind: 'single_parent_family', children: 1 });
    expect(composition({ members, on: '2026-05-17' })).toMatchObject({ kind: 'shared_housing_group', children: 0 });
  });

  it('approximate birth dates: year only counts as a child until the end of the 18th year', () => {
    const members: Member[] = [adult(), { relation: 'child', birthDate: { date: '2008-01-01', precision: 'year' } }];
    expect(composition({ members, on: '2026-12-30' }).children).toBe(1);
    expect(composition({ members, on: '2026-12-31' }).children).toBe(0);
  });

  it('members without a birth date: children and grandchildren count as children, others as adults', () => {
    const result = composition({
      members: [m('main', null), m('child', null), m('grandchild', null), m('other', null)],
      on,
    });
    expect(result).toMatchObject({ adults: 2, children: 2 });
  });
});

describe('bedroomsNeeded (default rule, after the National Occupancy Standard)', () => {
  const need = (members: Member[]) => bedroomsNeeded({ members, on }).now;

  it.each([
    ['single adult', [adult()], 1],
    ['couple', [adult(), adult('spouse')], 1],
    ['couple with one child', [adult(), adult('spouse'), childAged(3)], 2],
    ['couple with two children', [adult(), adult('spouse'), childAged(3), childAged(8)], 2],
    ['couple with three children', [adult(), adult('spouse'), childAged(3), childAged(8), childAged(12)], 3],
    ['single parent with one child (the parent does not share)', [adult(), childAged(5)], 2],
    ['couple with six children', [adult(), adult('spouse'), ...[1, 3, 5, 7, 9, 11].map(childAged)], 4],
    ['unaccompanied minor', [m('main', '2010-01-01')], 1],
    [
      'two unaccompanied siblings: the main person has a room of their own',
      [m('main', '2010-01-01'), m('sibling', '2012-01-01')],
      2,
    ],
    ['three unrelated adults', [adult(), adult('other'), adult('other')], 3],
    ['couple, adult son and child', [adult(), adult('spouse'), m('child', '2004-01-01'), childAged(10)], 3],
    [
      'three generations: grandparents share',
      [adult(), adult('spouse'), m('parent', '1950-01-01'), m('parent', '1952-01-01'), childAged(4)],
      3,
    ],
    ['one grandparent', [adult(), m('parent', '1950-01-01')], 2],
  ] as const)('%s → %i', (_name, members, rooms) => {
    expect(need([...members])).toBe(rooms);
  });

  it('the rule is an explicit, adjustable object', () => {
    const members = [adult(), adult('spouse'), childAged(3), childAged(13)];
    expect(bedroomsNeeded({ members, on }).rule).toEqual(DEFAULT_BEDROOM_RULE);
    expect(bedroomsNeeded({ members, on }).now).toBe(2);
    // A municipality where children share only below 12: the 13-year-old has a room of their own.
    expect(bedroomsNeeded({ members, on, rule: { childrenShareBelowAge: 12, couplesShare: true } }).now).toBe(3);
    // Nobody shares.
    expect(bedroomsNeeded({ members, on, rule: { childrenShareBelowAge: 0, couplesShare: false } }).now).toBe(4);
    expect(() => bedroomsNeeded({ members, on, rule: { childrenShareBelowAge: 19, couplesShare: true } })).toThrow(
      RangeError,
    );
  });

  it('expected family reunification raises the need', () => {
    const members = [adult(), childAged(6)];
    const result = bedroomsNeeded({
      members,
      on,
      reunification: { persons: [adult('spouse'), childAged(10), childAged(14)], expectedDate: '2026-11-01' },
    });
    // Now: parent 1 + child 1 = 2. Later: couple 1 + three children sharing = 1 + 2 = 3.
    expect(result).toMatchObject({ now: 2, withReunification: 3 });
  });

  it('ages for the reunified household are taken on the expected date', () => {
    const members = [adult(), adult('spouse'), m('child', '2008-09-01')];
    const rule = { childrenShareBelowAge: 18, couplesShare: true };
    // By 2026-10-01 the first child is 18 and needs a room of their own.
    const result = bedroomsNeeded({
      members,
      on,
      rule,
      reunification: { persons: [m('child', '2015-01-01')], expectedDate: '2026-10-01' },
    });
    expect(result).toMatchObject({ now: 2, withReunification: 3 });
  });

  it('without expected reunification both figures are the same', () => {
    expect(bedroomsNeeded({ members: [adult()], on, reunification: { persons: [] } })).toMatchObject({
      now: 1,
      withReunification: 1,
    });
  });
});

describe('ageOutSchedule (unaccompanied minors)', () => {
  it('gives the 18th, 20th and 23rd birthdays with warnings 6 and 3 months ahead', () => {
    const schedule = ageOutSchedule({ birthDate: born('2009-08-31') });
    expect(schedule.map((a) => [a.age, a.date])).toEqual([
      [18, '2027-08-31'],
      [20, '2029-08-31'],
      [23, '2032-08-31'],
    ]);
    expect(schedule[0]?.warnings).toEqual([
      { key: 'em-age-out:18y:6m', monthsBefore: 6, dueDate: '2027-02-28' },
      { key: 'em-age-out:18y:3m', monthsBefore: 3, dueDate: '2027-05-31' },
    ]);
    expect(schedule[2]?.warnings[0]?.dueDate).toBe('2032-02-29'); // leap year
  });

  it('year-only birth dates age out on 31 December; the 01.01 convention on 1 January', () => {
    expect(ageOutSchedule({ birthDate: { date: '2009-01-01', precision: 'year' } })[0]?.date).toBe('2027-12-31');
    expect(ageOutSchedule({ birthDate: { date: '2009-01-01', precision: 'jan1_convention' } })[0]?.date).toBe(
      '2027-01-01',
    );
  });

  it('takes other ages and lead times (e.g. aftercare to 25), sorted and without duplicates', () => {
    const schedule = ageOutSchedule({ birthDate: born('2009-08-15'), ages: [25, 18, 18], leadMonths: [1, 12, 1] });
    expect(schedule.map((a) => a.age)).toEqual([18, 25]);
    expect(schedule[0]?.warnings.map((w) => w.dueDate)).toEqual(['2026-08-15', '2027-07-15']);
  });

  it('refuses nonsense ages and lead times', () => {
    expect(() => ageOutSchedule({ birthDate: born('2009-08-15'), ages: [0] })).toThrow(RangeError);
    expect(() => ageOutSchedule({ birthDate: born('2009-08-15'), leadMonths: [0] })).toThrow(RangeError);
  });
});
