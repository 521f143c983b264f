// The settlement pipeline (bosettingsløp) of one household, from IMDi's proposal to
// "settled" and beyond, with its clocks (requirements §3.2, P3 R3.1–R3.9, P6, R2.5–R2.6).
//
// States:
//   proposed → accepted → dwelling_reserved → ready_to_move_in → settled → moved_on | moved_away
//   declined  the municipality declines IMDi's proposal (R2.1: settlement is voluntary for
//             municipalities; R2.8 limits it in practice, hence a reason is required)
//   withdrawn IMDi or the refugee withdraws before settlement (R3.9, 1.7: settlement with public
//             help is voluntary for the refugee; refusing after the decision counts as declining)
//
// Every transition is in TRANSITIONS below; anything else is refused with
// `pipeline.transition_invalid`. Exits (declined, withdrawn) and back-steps (a reservation that
// falls through, a settlement recorded by mistake) need a reason, which the shell stores with
// who and when (issue 5: "each transition records who, when and why").
//
// Clocks (R3.5, R2.6): from the residence-permit date (vedtak om oppholdstillatelse) the state's
// target is settlement within 6 months for adults and 3 months for unaccompanied minors (EM).
// An agreement with IMDi may set a shorter target in days (Trondheim's K11 agreement: 30 days).
// When both apply, the due date is the earlier one: an agreement never relaxes the national goal.

import { addDays, addMonths, daysBetween, isCalendarDate, type CalendarDate } from './calendar-date';

export const PIPELINE_STATES = [
  'proposed',
  'accepted',
  'dwelling_reserved',
  'ready_to_move_in',
  'settled',
  'moved_on',
  'moved_away',
  'declined',
  'withdrawn',
] as const;

export type PipelineState = (typeof PIPELINE_STATES)[number];

/** forward: the normal flow; back: a step back (correction or a plan that fell through); exit: leaves the flow. */
export type TransitionKind = 'forward' | 'back' | 'exit';

export type TransitionRule = { to: PipelineState; kind: TransitionKind; reasonRequired: boolean };

const forward = (to: PipelineState): TransitionRule => ({ to, kind: 'forward', reasonRequired: false });
const back = (to: PipelineState): TransitionRule => ({ to, kind: 'back', reasonRequired: true });
const leave = (to: PipelineState): TransitionRule => ({ to, kind: 'exit', reasonRequired: true });

/**
 * The complete transition table. A state not listed as a `to` of `from` cannot follow it.
 * - declined: from proposed, and from accepted (the municipality revokes its acceptance, e.g.
 *   no dwelling can be found within the agreed time).
 * - withdrawn: from every pre-settlement state.
 * - moved_on (videre i boligkarrieren: a new dwelling in this municipality) and moved_away
 *   (sekundærflytting to another municipality) only after settled; recording either needs no
 *   reason beyond the event itself.
 * - declined, withdrawn, moved_on and moved_away are final: a new proposal from IMDi is a new
 *   pipeline, so the history of the old one stays intact.
 */
export const TRANSITIONS: Readonly<Record<PipelineState, readonly TransitionRule[]>> = {
  proposed: [forward('accepted'), leave('declined'), leave('withdrawn')],
  accepted: [forward('dwelling_reserved'), leave('declined'), leave('withdrawn')],
  dwelling_reserved: [forward('ready_to_move_in'), back('accepted'), leave('withdrawn')],
  ready_to_move_in: [forward('settled'), back('dwelling_reserved'), back('accepted'), leave('withdrawn')],
  settled: [forward('moved_on'), forward('moved_away'), back('ready_to_move_in')],
  moved_on: [],
  moved_away: [],
  declined: [],
  withdrawn: [],
};

/** States in which the household is still waiting to be settled, so the clock runs. */
export const WAITING_STATES: readonly PipelineState[] = [
  'proposed',
  'accepted',
  'dwelling_reserved',
  'ready_to_move_in',
];

export function isPipelineState(value: unknown): value is PipelineState {
  return typeof value === 'string' && (PIPELINE_STATES as readonly string[]).includes(value);
}

function ruleFor(from: unknown, to: unknown): TransitionRule | undefined {
  if (!isPipelineState(from) || !isPipelineState(to)) return undefined;
  return TRANSITIONS[from].find((rule) => rule.to === to);
}

/** Whether `to` may follow `from` at all (a missing reason is checked by assertTransition). */
export function canTransition(from: PipelineState, to: PipelineState): boolean {
  return ruleFor(from, to) !== undefined;
}

export type TransitionCheck =
  | { ok: true; kind: TransitionKind }
  | { ok: false; code: 'pipeline.transition_invalid'; from: string; to: string }
  | { ok: false; code: 'pipeline.reason_required'; from: PipelineState; to: PipelineState };

/**
 * Checks a requested transition. Unknown state names (bad input) are refused as invalid; a
 * reason of only whitespace counts as no reason.
 */
export function assertTransition({
  from,
  to,
  reason,
}: {
  from: PipelineState | string;
  to: PipelineState | string;
  reason?: string | null | undefined;
}): TransitionCheck {
  const rule = ruleFor(from, to);
  if (!rule || !isPipelineState(from)) return { ok: false, code: 'pipeline.transition_invalid', from, to };
  if (rule.reasonRequired && !reason?.trim()) return { ok: false, code: 'pipeline.reason_required', from, to: rule.to };
  return { ok: true, kind: rule.kind };
}

// ---------------------------------------------------------------------------------------------
// Dates on a pipeline

export type SettlementDateProblem = 'not_a_date' | 'before_arrival' | 'before_permit';

/**
 * A settlement date must be a real date and cannot come before the arrival in Norway or before
 * the residence permit it follows from (issue 5: "settlement date before arrival" is rejected).
 */
export function validateSettlementDate({
  settlementDate,
  arrivalDate,
  permitDate,
}: {
  settlementDate: string;
  arrivalDate?: CalendarDate | null | undefined;
  permitDate?: CalendarDate | null | undefined;
}): { ok: true } | { ok: false; code: 'pipeline.settlement_date_invalid'; reason: SettlementDateProblem } {
  const fail = (reason: SettlementDateProblem) =>
    ({ ok: false, code: 'pipeline.settlement_date_invalid', reason }) as const;
  if (!isCalendarDate(settlementDate)) return fail('not_a_date');
  if (arrivalDate && settlementDate < arrivalDate) return fail('before_arrival');
  if (permitDate && settlementDate < permitDate) return fail('before_permit');
  return { ok: true };
}

// ---------------------------------------------------------------------------------------------
// Clocks

// R3.5: adults within 6 months of the positive decision, unaccompanied minors within 3 months.
export const NATIONAL_TARGET_MONTHS = { adult: 6, unaccompanied_minor: 3 } as const;

export type ClockGroup = keyof typeof NATIONAL_TARGET_MONTHS;

export type DueDateBasis = 'national_adult_6_months' | 'national_em_3_months' | 'agreed_target';

export type SettlementClock = {
  permitDate: CalendarDate;
  dueDate: CalendarDate;
  basis: DueDateBasis;
  /** Days from the permit date to today, or to the settlement date once settled (frozen then). */
  daysWaiting: number;
  /** Whether the clock has stopped (settled). */
  stopped: boolean;
  /** Days from today (or the settlement date) to the due date; 0 on the due date, negative when late. */
  daysLeft: number;
  /** Days past the due date, 0 when not late. */
  daysOverdue: number;
  /** Waiting past the due date, or settled after it. Settlement on the due date is on time. */
  overdue: boolean;
  /**
   * Sort key for "most urgent first" (ascending): waiting households by days left (overdue ones
   * first, most overdue at the top); stopped clocks after every running one. Ties: compareUrgency.
   */
  urgencyKey: number;
};

// Stopped clocks sort after every running one; the offset is far beyond any real wait
// (a century is about 36 525 days) yet keeps the key a plain, JSON-safe number.
const STOPPED_OFFSET = 10_000_000;

/**
 * The settlement clock of one person or household, on `today` (the shell's Europe/Oslo date).
 * `group` is 'unaccompanied_minor' for EM cases, otherwise 'adult' (families included: the
 * 6-month target covers everyone who is not an EM). `agreedTargetDays` is the municipality's
 * target from its agreement with IMDi, in days after the permit date, when it has one.
 */
export function settlementClock({
  permitDate,
  today,
  settledOn,
  group,
  agreedTargetDays,
}: {
  permitDate: CalendarDate;
  today: CalendarDate;
  settledOn?: CalendarDate | null | undefined;
  group: ClockGroup;
  agreedTargetDays?: number | null | undefined;
}): SettlementClock {
  if (agreedTargetDays != null && (!Number.isInteger(agreedTargetDays) || agreedTargetDays < 0)) {
    throw new RangeError(`agreedTargetDays must be a whole number of days ≥ 0: ${agreedTargetDays}`);
  }
  const nationalDue = addMonths({ date: permitDate, months: NATIONAL_TARGET_MONTHS[group] });
  let dueDate = nationalDue;
  let basis: DueDateBasis = group === 'adult' ? 'national_adult_6_months' : 'national_em_3_months';
  if (agreedTargetDays != null) {
    const agreedDue = addDays({ date: permitDate, days: agreedTargetDays });
    if (agreedDue < nationalDue) {
      dueDate = agreedDue;
      basis = 'agreed_target';
    }
  }

  const stopped = settledOn != null;
  const end = settledOn ?? today;
  const daysWaiting = Math.max(0, daysBetween({ from: permitDate, to: end }));
  const daysLeft = daysBetween({ from: end, to: dueDate });
  const daysOverdue = Math.max(0, -daysLeft);
  return {
    permitDate,
    dueDate,
    basis,
    daysWaiting,
    stopped,
    daysLeft,
    daysOverdue,
    overdue: daysOverdue > 0,
    urgencyKey: stopped ? STOPPED_OFFSET + daysLeft : daysLeft,
  };
}

/** Most urgent first: by urgency key, then the longest wait, then the earliest permit date. */
export function compareUrgency(a: SettlementClock, b: SettlementClock): number {
  return (
    a.urgencyKey - b.urgencyKey ||
    b.daysWaiting - a.daysWaiting ||
    (a.permitDate < b.permitDate ? -1 : a.permitDate > b.permitDate ? 1 : 0)
  );
}

// ---------------------------------------------------------------------------------------------
// Quarterly counts (R2.5–R2.6: agreements ask for quarterly settlement, Trondheim 1/4 a quarter)

export type Quarter = { year: number; quarter: 1 | 2 | 3 | 4 };

export function quarterOf(date: CalendarDate): Quarter {
  if (!isCalendarDate(date)) throw new RangeError(`not a calendar date (YYYY-MM-DD): ${JSON.stringify(date)}`);
  const month = Number(date.slice(5, 7));
  return { year: Number(date.slice(0, 4)), quarter: (Math.floor((month - 1) / 3) + 1) as Quarter['quarter'] };
}

export type QuarterCount = Quarter & {
  settled: number;
  /** The quarter's target, or null when none was entered. */
  target: number | null;
  /** settled − target (negative: behind), or null without a target. */
  difference: number | null;
};

const quarterIndex = ({ year, quarter }: Quarter): number => year * 4 + (quarter - 1);

/**
 * Settled versus target per quarter. `settlements` are settlement dates (one per person, or per
 * household, as the caller counts). Without `range` the result covers every quarter that has a
 * settlement or a target, from the first to the last with none skipped; with it, exactly the
 * quarters from `range.from` to `range.to` inclusive.
 */
export function quarterlyCounts({
  settlements,
  targets,
  range,
}: {
  settlements: readonly CalendarDate[];
  targets: readonly (Quarter & { target: number })[];
  range?: { from: Quarter; to: Quarter } | undefined;
}): QuarterCount[] {
  const settledBy = new Map<number, number>();
  for (const date of settlements) {
    const index = quarterIndex(quarterOf(date));
    settledBy.set(index, (settledBy.get(index) ?? 0) + 1);
  }
  const targetBy = new Map<number, number>();
  for (const t of targets) {
    if (![1, 2, 3, 4].includes(t.quarter) || !Number.isInteger(t.year)) throw new RangeError('invalid quarter');
    if (!Number.isInteger(t.target) || t.target < 0)
      throw new RangeError(`target must be a whole number ≥ 0: ${t.target}`);
    targetBy.set(quarterIndex(t), t.target);
  }

  let first: number;
  let last: number;
  if (range) {
    first = quarterIndex(range.from);
    last = quarterIndex(range.to);
  } else {
    const all = [...settledBy.keys(), ...targetBy.keys()];
    if (all.length === 0) return [];
    first = Math.min(...all);
    last = Math.max(...all);
  }

  const result: QuarterCount[] = [];
  for (let index = first; index <= last; index++) {
    const settled = settledBy.get(index) ?? 0;
    const target = targetBy.get(index) ?? null;
    result.push({
      year: Math.floor(index / 4),
      quarter: ((index % 4) + 1) as Quarter['quarter'],
      settled,
      target,
      difference: target === null ? null : settled - target,
    });
  }
  return result;
}
