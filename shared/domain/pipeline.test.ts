import { describe, expect, it } from 'vitest';
import {
  PIPELINE_STATES,
  WAITING_STATES,
  assertTransition,
  canTransition,
  compareUrgency,
  quarterOf,
  quarterlyCounts,
  settlementClock,
  validateSettlementDate,
  type PipelineState,
} from './pipeline';

// The expected table, written out by hand from the domain (not derived from TRANSITIONS):
// F = allowed, no reason needed; R = allowed with a reason; . = refused.
// Columns in the order of `order` below.
const order: PipelineState[] = [
  'proposed',
  'accepted',
  'dwelling_reserved',
  'ready_to_move_in',
  'settled',
  'moved_on',
  'moved_away',
  'declined',
  'withdrawn',
];
const expected: Record<PipelineState, string> = {
  //                  pro acc dwe rea set mon maw dec wit
  proposed: /*     */ '.   F   .   .   .   .   .   R   R',
  accepted: /*     */ '.   .   F   .   .   .   .   R   R',
  dwelling_reserved: ' .   R   .   F   .   .   .   .   R',
  ready_to_move_in: ' .   R   R   .   F   .   .   .   R',
  settled: /*      */ '.   .   .   R   .   F   F   .   .',
  moved_on: /*     */ '.   .   .   .   .   .   .   .   .',
  moved_away: /*   */ '.   .   .   .   .   .   .   .   .',
  declined: /*     */ '.   .   .   .   .   .   .   .   .',
  withdrawn: /*    */ '.   .   .   .   .   .   .   .   .',
};

const pairs = order.flatMap((from) => {
  const cells = expected[from].trim().split(/\s+/);
  return order.map((to, i) => ({ from, to, cell: cells[i] as 'F' | 'R' | '.' }));
});

describe('pipeline transition table: every (from, to) pair', () => {
  it('the hand-written table covers every state exactly once in both directions', () => {
    expect([...order].sort()).toEqual([...PIPELINE_STATES].sort());
    expect(pairs).toHaveLength(PIPELINE_STATES.length ** 2);
    for (const from of order) expect(expected[from].trim().split(/\s+/)).toHaveLength(order.length);
  });

  it.each(pairs)('$from → $to: $cell', ({ from, to, cell }) => {
    expect(canTransition(from, to)).toBe(cell !== '.');
    if (cell === '.') {
      expect(assertTransition({ from, to, reason: 'any reason' })).toEqual({
        ok: false,
        code: 'pipeline.transition_invalid',
        from,
        to,
      });
      return;
    }
    expect(assertTransition({ from, to, reason: 'the household asked for it' })).toMatchObject({ ok: true });
    const withoutReason = assertTransition({ from, to });
    if (cell === 'R') {
      expect(withoutReason).toEqual({ ok: false, code: 'pipeline.reason_required', from, to });
      expect(assertTransition({ from, to, reason: '   \n' })).toMatchObject({ code: 'pipeline.reason_required' });
    } else {
      expect(withoutReason).toMatchObject({ ok: true });
    }
  });
});

describe('assertTransition', () => {
  it('when the state is unknown (bad input), the transition is refused as invalid', () => {
    expect(assertTransition({ from: 'proposed', to: 'bosatt' })).toEqual({
      ok: false,
      code: 'pipeline.transition_invalid',
      from: 'proposed',
      to: 'bosatt',
    });
    expect(assertTransition({ from: '__proto__', to: 'accepted' })).toMatchObject({
      code: 'pipeline.transition_invalid',
    });
    expect(assertTransition({ from: 'toString', to: 'accepted' })).toMatchObject({
      code: 'pipeline.transition_invalid',
    });
  });

  it('tells forward steps, back-steps and exits apart', () => {
    expect(assertTransition({ from: 'accepted', to: 'dwelling_reserved' })).toEqual({ ok: true, kind: 'forward' });
    expect(assertTransition({ from: 'dwelling_reserved', to: 'accepted', reason: 'landlord withdrew' })).toEqual({
      ok: true,
      kind: 'back',
    });
    expect(assertTransition({ from: 'proposed', to: 'declined', reason: 'no dwelling' })).toEqual({
      ok: true,
      kind: 'exit',
    });
  });

  it('settlement is voluntary (R3.9): withdrawal is possible from every waiting state, never after settlement', () => {
    for (const from of WAITING_STATES) expect(canTransition(from, 'withdrawn')).toBe(true);
    expect(canTransition('settled', 'withdrawn')).toBe(false);
  });
});

describe('validateSettlementDate', () => {
  it('rejects a settlement date before the arrival or the permit, and non-dates', () => {
    expect(validateSettlementDate({ settlementDate: '2025-03-01', arrivalDate: '2025-03-02' })).toEqual({
      ok: false,
      code: 'pipeline.settlement_date_invalid',
      reason: 'before_arrival',
    });
    expect(validateSettlementDate({ settlementDate: '2025-03-01', permitDate: '2025-03-10' })).toMatchObject({
      reason: 'before_permit',
    });
    expect(validateSettlementDate({ settlementDate: '2025-02-30' })).toMatchObject({ reason: 'not_a_date' });
  });

  it('accepts settlement on the arrival day and without known arrival', () => {
    expect(validateSettlementDate({ settlementDate: '2025-03-02', arrivalDate: '2025-03-02' })).toEqual({ ok: true });
    expect(validateSettlementDate({ settlementDate: '2025-03-02', arrivalDate: null, permitDate: null })).toEqual({
      ok: true,
    });
  });
});

describe('settlementClock (injected today)', () => {
  it('adults: due 6 months after the permit; days waiting and days left count from today', () => {
    const clock = settlementClock({ permitDate: '2025-01-15', today: '2025-03-01', group: 'adult' });
    expect(clock).toMatchObject({
      dueDate: '2025-07-15',
      basis: 'national_adult_6_months',
      daysWaiting: 45,
      daysLeft: 136,
      daysOverdue: 0,
      overdue: false,
      stopped: false,
    });
  });

  it('unaccompanied minors: due 3 months after the permit (R3.5)', () => {
    const clock = settlementClock({ permitDate: '2025-01-15', today: '2025-04-16', group: 'unaccompanied_minor' });
    expect(clock).toMatchObject({
      dueDate: '2025-04-15',
      basis: 'national_em_3_months',
      daysOverdue: 1,
      overdue: true,
    });
  });

  it('on the due date itself the household is not overdue; the day after it is', () => {
    expect(settlementClock({ permitDate: '2025-01-15', today: '2025-07-15', group: 'adult' })).toMatchObject({
      daysLeft: 0,
      overdue: false,
    });
    expect(settlementClock({ permitDate: '2025-01-15', today: '2025-07-16', group: 'adult' })).toMatchObject({
      daysLeft: -1,
      daysOverdue: 1,
      overdue: true,
    });
  });

  it('an agreed target (Trondheim: 30 days) sets an earlier due date', () => {
    const clock = settlementClock({
      permitDate: '2025-01-15',
      today: '2025-02-20',
      group: 'adult',
      agreedTargetDays: 30,
    });
    expect(clock).toMatchObject({ dueDate: '2025-02-14', basis: 'agreed_target', daysOverdue: 6, overdue: true });
  });

  it('an agreed target longer than the national one never relaxes it', () => {
    const clock = settlementClock({
      permitDate: '2025-01-15',
      today: '2025-02-20',
      group: 'unaccompanied_minor',
      agreedTargetDays: 120,
    });
    expect(clock).toMatchObject({ dueDate: '2025-04-15', basis: 'national_em_3_months' });
  });

  it('month arithmetic is calendar-correct at month ends and in leap years', () => {
    const due = (permitDate: string, group: 'adult' | 'unaccompanied_minor') =>
      settlementClock({ permitDate, today: permitDate, group }).dueDate;
    expect(due('2023-08-31', 'adult')).toBe('2024-02-29'); // 31 Aug + 6 months, leap year
    expect(due('2024-08-31', 'adult')).toBe('2025-02-28'); // common year
    expect(due('2023-11-30', 'unaccompanied_minor')).toBe('2024-02-29');
    expect(due('2024-11-30', 'unaccompanied_minor')).toBe('2025-02-28');
    expect(due('2024-02-29', 'adult')).toBe('2024-08-29');
    expect(due('2024-10-31', 'unaccompanied_minor')).toBe('2025-01-31'); // across the year end
    expect(due('2024-12-31', 'adult')).toBe('2025-06-30');
  });

  it('agreed days count across the leap day', () => {
    expect(
      settlementClock({ permitDate: '2024-02-01', today: '2024-02-01', group: 'adult', agreedTargetDays: 30 }).dueDate,
    ).toBe('2024-03-02');
    expect(
      settlementClock({ permitDate: '2023-02-01', today: '2023-02-01', group: 'adult', agreedTargetDays: 30 }).dueDate,
    ).toBe('2023-03-03');
  });

  it('once settled the clock stops at the settlement date', () => {
    const onTime = settlementClock({
      permitDate: '2025-01-15',
      today: '2026-01-01',
      settledOn: '2025-07-15',
      group: 'adult',
    });
    expect(onTime).toMatchObject({ stopped: true, daysWaiting: 181, daysLeft: 0, overdue: false });
    const late = settlementClock({
      permitDate: '2025-01-15',
      today: '2026-01-01',
      settledOn: '2025-07-20',
      group: 'adult',
    });
    expect(late).toMatchObject({ stopped: true, daysOverdue: 5, overdue: true });
  });

  it('refuses a negative or fractional agreed target (a programming error)', () => {
    expect(() =>
      settlementClock({ permitDate: '2025-01-15', today: '2025-01-15', group: 'adult', agreedTargetDays: -1 }),
    ).toThrow(RangeError);
    expect(() =>
      settlementClock({ permitDate: '2025-01-15', today: '2025-01-15', group: 'adult', agreedTargetDays: 1.5 }),
    ).toThrow(RangeError);
  });

  it('sorts by urgency: most overdue first, then soonest due, settled households last', () => {
    const today = '2025-06-01';
    const cases = {
      emOverdue: settlementClock({ permitDate: '2025-01-01', today, group: 'unaccompanied_minor' }), // due 04-01
      adultOverdue: settlementClock({ permitDate: '2024-11-20', today, group: 'adult' }), // due 05-20
      adultSoon: settlementClock({ permitDate: '2024-12-10', today, group: 'adult' }), // due 06-10
      adultLater: settlementClock({ permitDate: '2025-05-01', today, group: 'adult' }), // due 11-01
      settledLate: settlementClock({ permitDate: '2024-01-01', today, settledOn: '2025-01-01', group: 'adult' }),
    };
    const sorted = Object.entries(cases)
      .sort(([, a], [, b]) => compareUrgency(a, b))
      .map(([name]) => name);
    expect(sorted).toEqual(['emOverdue', 'adultOverdue', 'adultSoon', 'adultLater', 'settledLate']);
  });

  it('breaks urgency ties by the longer wait', () => {
    const today = '2025-06-01';
    const a = settlementClock({ permitDate: '2025-03-01', today, group: 'unaccompanied_minor' }); // due 06-01
    const b = settlementClock({ permitDate: '2024-12-01', today, group: 'adult' }); // due 06-01
    expect(a.urgencyKey).toBe(b.urgencyKey);
    expect([a, b].sort(compareUrgency)[0]).toBe(b);
  });
});

describe('quarterOf and quarterlyCounts', () => {
  it('maps months to quarters', () => {
    expect(quarterOf('2025-01-01')).toEqual({ year: 2025, quarter: 1 });
    expect(quarterOf('2025-03-31')).toEqual({ year: 2025, quarter: 1 });
    expect(quarterOf('2025-04-01')).toEqual({ year: 2025, quarter: 2 });
    expect(quarterOf('2025-12-31')).toEqual({ year: 2025, quarter: 4 });
    expect(() => quarterOf('2025-13-01')).toThrow(RangeError);
  });

  it('counts settled versus target per quarter, with no quarter skipped', () => {
    const result = quarterlyCounts({
      settlements: ['2025-01-10', '2025-03-31', '2025-04-01', '2025-10-15', '2025-10-16', '2025-12-31'],
      targets: [
        { year: 2025, quarter: 1, target: 3 },
        { year: 2025, quarter: 2, target: 3 },
        { year: 2025, quarter: 3, target: 3 },
      ],
    });
    expect(result).toEqual([
      { year: 2025, quarter: 1, settled: 2, target: 3, difference: -1 },
      { year: 2025, quarter: 2, settled: 1, target: 3, difference: -2 },
      { year: 2025, quarter: 3, settled: 0, target: 3, difference: -3 },
      { year: 2025, quarter: 4, settled: 3, target: null, difference: null },
    ]);
  });

  it('covers exactly the requested range, across a year end', () => {
    const result = quarterlyCounts({
      settlements: ['2024-11-01', '2025-02-01', '2023-01-01'],
      targets: [{ year: 2025, quarter: 1, target: 1 }],
      range: { from: { year: 2024, quarter: 4 }, to: { year: 2025, quarter: 2 } },
    });
    expect(result.map((q) => [q.year, q.quarter, q.settled, q.difference])).toEqual([
      [2024, 4, 1, null],
      [2025, 1, 1, 0],
      [2025, 2, 0, null],
    ]);
  });

  it('returns nothing without settlements or targets, and refuses nonsense targets', () => {
    expect(quarterlyCounts({ settlements: [], targets: [] })).toEqual([]);
    expect(() => quarterlyCounts({ settlements: [], targets: [{ year: 2025, quarter: 1, target: -1 }] })).toThrow(
      RangeError,
    );
    expect(() => quarterlyCounts({ settlements: [], targets: [{ year: 2025, quarter: 5 as 1, target: 1 }] })).toThrow(
      RangeError,
    );
  });
});
