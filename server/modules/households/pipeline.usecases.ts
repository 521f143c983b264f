import type { BoardResponse, HouseholdDto, QuartersResponse, TransitionRequest } from '../../../shared/api/households';
import { addDays, osloToday, type CalendarDate } from '../../../shared/domain/calendar-date';
import type { DwellingStatusCode } from '../../../shared/domain/dwelling-rules';
import {
  assertTransition,
  PIPELINE_STATES,
  quarterlyCounts,
  settlementClock,
  validateSettlementDate,
  type PipelineState,
} from '../../../shared/domain/pipeline';
import type { ErrorCode } from '../../../shared/errors';
import { withTenant, type Tx } from '../../db/tenant';
import { appError, type AppError } from '../../http/errors';
import { actorCan, requirePermission, type Actor } from '../auth/actor';
import { recordAudit, type AuditContext } from '../audit/audit.usecases';
import { syncMoveInChecklist } from '../checklist/checklist.usecases';
import { setDwellingStatus } from '../dwellings/dwelling-status';
import * as repo from './households.repository';
import { compareHouseholds, householdClock, isCurrentMember, maySeeNames, presentSummary } from './households.presenters';
import { loadHouseholdDto, readScope, visibleHousehold, type Deps } from './households.usecases';

// The settlement pipeline in the shell (decision 012): transitions with their side effects on the
// household, its members and the reserved dwelling, all in one transaction with the event; the
// board; the quarterly counts against the targets.

/** States in which the household holds its reserved dwelling (the unique index's states). */
const RESERVED_STATES: readonly PipelineState[] = ['dwelling_reserved', 'ready_to_move_in'];
/** Statuses a dwelling can be reserved from. */
const RESERVABLE: readonly string[] = ['ready', 'vacant'];
/** How long settled and closed households stay on the board. */
export const BOARD_RECENT_DAYS = 90;

function fail(code: ErrorCode, pointer: string, conflict?: { id: string; reference: string }): AppError {
  return appError(code, { errors: [{ pointer, code }], ...(conflict ? { conflict } : {}) });
}

async function reserveDwelling(
  trx: Tx,
  actor: Actor,
  { household, dwellingId, effectiveOn }: { household: repo.HouseholdRow; dwellingId: string; effectiveOn: CalendarDate },
): Promise<void> {
  // The dwelling row lock serialises concurrent reservations; the partial unique index
  // household_reserved_dwelling_key backs it should anything slip past.
  const dwelling = await repo.lockDwelling(trx, dwellingId);
  if (!dwelling) throw fail('resource.not_found', '/dwellingId');
  const holder = await repo.dwellingHolder(trx, dwellingId, household.id);
  if (holder) throw fail('household.dwelling_taken', '/dwellingId', { id: holder.id, reference: holder.reference });
  if (!RESERVABLE.includes(dwelling.status)) throw fail('household.dwelling_unavailable', '/dwellingId');
  await setDwellingStatus(trx, {
    tenantId: actor.tenantId,
    dwellingId,
    status: 'reserved',
    validFrom: effectiveOn,
    source: 'user',
    userId: actor.userId,
    note: household.reference,
  });
}

/**
 * The reservation ends (a step back to accepted, or the household leaves the pipeline): the
 * dwelling goes back to the status it had before, read from its status history ('ready' when the
 * history has none) — unless something else has changed it since (e.g. a lease made it 'let').
 */
async function freeDwelling(
  trx: Tx,
  actor: Actor,
  { household, dwellingId, effectiveOn }: { household: repo.HouseholdRow; dwellingId: string; effectiveOn: CalendarDate },
): Promise<void> {
  const dwelling = await repo.lockDwelling(trx, dwellingId);
  if (!dwelling || dwelling.status !== 'reserved') return;
  const before = await repo.statusBeforeReservation(trx, dwellingId);
  const status: DwellingStatusCode = before && RESERVABLE.includes(before) ? (before as DwellingStatusCode) : 'ready';
  await setDwellingStatus(trx, {
    tenantId: actor.tenantId,
    dwellingId,
    status,
    validFrom: effectiveOn,
    source: 'user',
    userId: actor.userId,
    note: household.reference,
  });
}

/** The input of a transition made inside a caller's transaction (the allocation's reservation reuses it). */
export type TransitionInTransaction = {
  clock: () => Date;
  householdId: string;
  /** The version the caller read; omitted: the version locked here (the caller checked otherwise). */
  expectedVersion?: number | undefined;
  to: PipelineState;
  reason?: string | undefined;
  dwellingId?: string | undefined;
  effectiveOn?: CalendarDate | undefined;
  context: AuditContext;
};

/**
 * A pipeline transition inside the caller's transaction, with all its side effects (dwelling
 * status, members, pipeline event, checklist, audit). The caller checks the permission: the
 * household shell needs write:household:any, the allocation's reservation write:allocation:any.
 * Returns the household's new version.
 */
export async function transitionInTransaction(
  trx: Tx,
  actor: Actor,
  { clock, householdId: id, expectedVersion, to, reason, dwellingId, effectiveOn: requestedOn, context }: TransitionInTransaction,
): Promise<{ version: number; from: PipelineState }> {
  const today = osloToday(clock());
  const household = await visibleHousehold(trx, actor, id, { forUpdate: true });
  const version = expectedVersion ?? household.version;
  if (household.version !== version) throw appError('resource.version_conflict');
  const from = household.pipeline_state;
  const check = assertTransition({ from, to, reason });
  if (!check.ok) throw fail(check.code, check.code === 'pipeline.reason_required' ? '/reason' : '/to');
  const effectiveOn = requestedOn ?? today;

  const values: repo.HouseholdValues = { pipeline_state: to, state_changed_at: clock() };
  let eventDwelling = household.reserved_dwelling_id;
  const held = RESERVED_STATES.includes(from) ? household.reserved_dwelling_id : null;

  if (to === 'dwelling_reserved' && from === 'accepted') {
    if (!dwellingId) throw fail('household.dwelling_required', '/dwellingId');
    await reserveDwelling(trx, actor, { household, dwellingId, effectiveOn });
    values.reserved_dwelling_id = dwellingId;
    eventDwelling = dwellingId;
  } else if (dwellingId && dwellingId !== household.reserved_dwelling_id) {
    // Only the reservation itself names a dwelling; another one here would be silently ignored.
    throw fail('request.invalid', '/dwellingId');
  }

  if (held && !RESERVED_STATES.includes(to) && to !== 'settled') {
    // Back to accepted, or withdrawn: the reservation ends and the dwelling is free again.
    await freeDwelling(trx, actor, { household, dwellingId: held, effectiveOn });
    values.reserved_dwelling_id = null;
  }

  const members = (await repo.membersOf(trx, [id])).filter((m) => isCurrentMember(m, today));
  if (to === 'settled') {
    const permits = members.flatMap((m) => (m.residence_permit_date ? [m.residence_permit_date] : [])).sort();
    const permitDate = household.residence_permit_date ?? permits[0] ?? null;
    const verdict = validateSettlementDate({ settlementDate: effectiveOn, arrivalDate: household.arrival_date, permitDate });
    if (!verdict.ok) throw fail(verdict.code, '/effectiveOn');
    // A settlement is a fact: not in the future, and not before any member arrived.
    if (effectiveOn > today || members.some((m) => m.arrival_date && effectiveOn < m.arrival_date)) {
      throw fail('pipeline.settlement_date_invalid', '/effectiveOn');
    }
    values.settlement_date = effectiveOn;
    if (!household.arrival_date) values.arrival_date = effectiveOn;
    await repo.markPersonsSettled(trx, { personIds: members.map((m) => m.person_id), settlementDate: effectiveOn });
  }
  if (from === 'settled' && to === 'ready_to_move_in') {
    // A settlement recorded by mistake: the household holds its dwelling again.
    if (!household.reserved_dwelling_id) throw fail('household.dwelling_required', '/to');
    const holder = await repo.dwellingHolder(trx, household.reserved_dwelling_id, id);
    if (holder) throw fail('household.dwelling_taken', '/to', { id: holder.id, reference: holder.reference });
    values.settlement_date = null;
    await repo.unmarkPersonsSettled(trx, { personIds: members.map((m) => m.person_id), settlementDate: household.settlement_date! });
  }
  if ((to === 'moved_on' || to === 'moved_away') && household.settlement_date && effectiveOn < household.settlement_date) {
    throw fail('request.invalid', '/effectiveOn');
  }

  const updated = await repo.updateHousehold(trx, { id, expectedVersion: version, values, now: clock() });
  if (updated === null) throw appError('resource.version_conflict');
  await repo.insertPipelineEvent(trx, {
    tenant_id: actor.tenantId,
    household_id: id,
    from_state: from,
    to_state: to,
    reason: reason?.trim() ?? '',
    effective_on: effectiveOn,
    dwelling_id: eventDwelling,
    actor_user_id: actor.userId,
    occurred_at: clock(),
  });
  await syncMoveInChecklist(trx, { tenantId: actor.tenantId, householdId: id, actorUserId: actor.userId });
  await recordAudit(trx, context, {
    action: 'update',
    entity: 'household',
    subject: { type: 'household', id },
    fields: ['pipeline_state', ...Object.keys(values).filter((k) => k !== 'pipeline_state' && k !== 'state_changed_at')],
  });
  return { version: updated, from };
}

export function transition(
  actor: Actor,
  { db, clock, id, version, input, context }: Deps & { id: string; version: number; input: TransitionRequest; context: AuditContext },
): Promise<HouseholdDto> {
  requirePermission(actor, 'write:household:any');
  const today = osloToday(clock());
  return withTenant(db, actor, async (trx) => {
    await transitionInTransaction(trx, actor, {
      clock,
      householdId: id,
      expectedVersion: version,
      to: input.to,
      reason: input.reason,
      dwellingId: input.dwellingId,
      effectiveOn: input.effectiveOn,
      context,
    });
    return loadHouseholdDto(trx, actor, id, today);
  });
}

// ---------------------------------------------------------------------------------------------
// Board

export function board(
  actor: Actor,
  { db, clock, query }: Deps & { query: { category?: repo.HouseholdListRow['category'] | undefined; unitId?: string | undefined } },
): Promise<BoardResponse> {
  const scope = readScope(actor);
  const today = osloToday(clock());
  const since = addDays({ date: today, days: -BOARD_RECENT_DAYS });
  return withTenant(db, actor, async (trx) => {
    const rows = await repo.listHouseholds(trx, { scope, category: query.category, unitId: query.unitId });
    const municipalityTargetDays = await repo.agreedTargetDays(trx);
    // Settled and closed households: the last 90 days only (by settlement date, or the day they left).
    const recent = rows.filter((r) => {
      if (['proposed', 'accepted', 'dwelling_reserved', 'ready_to_move_in'].includes(r.pipeline_state)) return true;
      const on = r.pipeline_state === 'settled' && r.settlement_date ? r.settlement_date : osloToday(r.state_changed_at);
      return on >= since;
    });
    const items = recent.map((row) => ({ ...row, clock: householdClock(row, { today, municipalityTargetDays }) }));
    const members = await repo.membersOf(trx, items.map((i) => i.id));
    const showNames = maySeeNames(actor);
    return {
      columns: PIPELINE_STATES.map((state) => {
        const column = items.filter((i) => i.pipeline_state === state).sort(compareHouseholds);
        return {
          state,
          items: column.map((i) =>
            presentSummary(i, { members: members.filter((m) => m.household_id === i.id), clock: i.clock, today, showNames }),
          ),
          total: column.length,
        };
      }),
    };
  });
}

// ---------------------------------------------------------------------------------------------
// Quarterly counts and targets

/** Aggregates without names: those who read households, and management (read:report). */
function requireQuarterAccess(actor: Actor): void {
  if (!actorCan(actor, 'read:household:any') && !actorCan(actor, 'read:report:any')) throw appError('auth.forbidden');
}

async function quartersOf(trx: Tx, actor: Actor, year: number): Promise<QuartersResponse> {
  const settlements = await repo.settlementsIn(trx, year);
  const targets = (await repo.targetsOf(trx, year)).map((t) => ({ year: t.year, quarter: t.quarter as 1 | 2 | 3 | 4, target: t.target }));
  const municipalityTargetDays = await repo.agreedTargetDays(trx);
  const range = { from: { year, quarter: 1 as const }, to: { year, quarter: 4 as const } };
  const households = quarterlyCounts({ settlements: settlements.map((s) => s.settlement_date), targets, range });
  // IMDi counts persons: the target is in persons, and so is the figure it is compared with.
  const persons = quarterlyCounts({
    settlements: settlements.flatMap((s) => Array.from({ length: s.persons }, () => s.settlement_date)),
    targets: [],
    range,
  });
  const withinDeadline = quarterlyCounts({
    settlements: settlements
      .filter(
        (s) =>
          s.permit_date !== null &&
          !settlementClock({
            permitDate: s.permit_date,
            today: s.settlement_date,
            settledOn: s.settlement_date,
            group: s.category === 'unaccompanied_minor' ? 'unaccompanied_minor' : 'adult',
            agreedTargetDays: s.agreed_target_days ?? municipalityTargetDays,
          }).overdue,
      )
      .map((s) => s.settlement_date),
    targets: [],
    range,
  });
  return {
    year,
    quarters: households.map((q, i) => ({
      year: q.year,
      quarter: q.quarter,
      settled: q.settled,
      settledPersons: persons[i]!.settled,
      target: q.target,
      settledWithinDeadline: withinDeadline[i]!.settled,
    })),
    actions: { setTarget: actorCan(actor, 'write:household:any') },
  };
}

export function quarters(actor: Actor, { db, year }: Pick<Deps, 'db'> & { year: number }): Promise<QuartersResponse> {
  requireQuarterAccess(actor);
  return withTenant(db, actor, (trx) => quartersOf(trx, actor, year));
}

export function setTarget(
  actor: Actor,
  { db, clock, year, quarter, target }: Deps & { year: number; quarter: number; target: number },
): Promise<QuartersResponse> {
  requirePermission(actor, 'write:household:any');
  return withTenant(db, actor, async (trx) => {
    await repo.upsertTarget(trx, { tenant_id: actor.tenantId, year, quarter, target, set_by: actor.userId, updated_at: clock() });
    return quartersOf(trx, actor, year);
  });
}
