import { sql, type Kysely } from 'kysely';
import type { Logger } from 'pino';
import { taskTitle } from '../../../shared/api/tasks';
import { addDays, addMonths, type CalendarDate } from '../../../shared/domain/calendar-date';
import { leaseReminderDates } from '../../../shared/domain/reminders';
import { internalRentAccrualStart, internalRentAccrues } from '../../../shared/domain/vacancy';
import { formatDate, translate } from '../../../shared/i18n';
import type { Database } from '../../db/db';
import type { DB } from '../../db/schema';
import { withPlatform, withTenant, type Tx } from '../../db/tenant';
import { errorForLog } from '../../http/logging';
import type { Clock } from '../auth/auth.usecases';
import { setDwellingStatus } from '../dwellings/dwelling-status';
import { readHousingSettings } from '../housing-settings/housing-settings.usecases';
import type { Mailer } from './mailer';
import { osloToday } from '../../../shared/domain/calendar-date';
import { ageOutSchedule } from '../../../shared/domain/household-composition';
import { anonymiseExpired } from '../persons/retention';

// The reminder engine's sweep (decision 010). One sweep goes over every municipality and
//   1. ends leases whose period is over and moves their dwellings on (vacant, or reserved/let for
//      the next lease), and marks dwellings let when an occupancy lease has started;
//   2. creates the lease-end reminders and the internal-rent tasks that have fallen due;
//   3. creates the age-out warnings for unaccompanied minors (18, 20 and 23; issue 5 item 8), and
//      a follow-up task for each offer of a dwelling left unanswered past its deadline (issue 6);
//   4. anonymises the persons whose retention period has run out (persons/retention.ts), in a
//      transaction of its own, so a failure there does not undo the reminders;
//   5. e-mails the assignees of tasks not yet notified (when SMTP is configured).
//
// Idempotent: every generated task has a dedupe key, inserted with ON CONFLICT DO NOTHING, and
// every status change is a no-op when already made — so any number of sweeps, restarts or
// instances create each reminder exactly once.
//
// When a reminder is created: once its due date is at most REMINDER_WINDOW_DAYS ahead (so it is
// in the inbox two weeks before it is due, and never months ahead, cluttering it). A reminder
// whose due date has passed is still created (late), unless a later reminder of the same lease
// (a shorter lead time) is already due too: a lease registered two months before it ends gets its
// 3-month reminder, not also the 6-month one.

export const REMINDER_WINDOW_DAYS = 14;
const MAX_LEAD_MONTHS = 12;
const NOTIFY_BATCH = 200;
const MAX_CONSECUTIVE_MAIL_FAILURES = 3;
// pg_try_advisory_lock key: one sweep at a time across all app instances on one database.
const SWEEP_LOCK_KEY = 4_851_203_001;

export type SchedulerDeps = {
  db: Database;
  clock: Clock;
  mailer?: Mailer | null | undefined;
  logger: Logger;
  /** Links in e-mails point here (HUSLY_PUBLIC_URL). */
  publicUrl?: string;
};

export type SweepReport = {
  /** False when another sweep held the lock: this one did nothing. */
  ran: boolean;
  tenants: number;
  remindersCreated: number;
  leasesEnded: number;
  statusChanges: number;
  remindersSuperseded: number;
  skippedWithoutAssignee: number;
  notified: number;
  notificationFailures: number;
  /** EM age-out warnings created (household.age_out). */
  ageOutWarningsCreated: number;
  /** Persons anonymised because their retention period ran out. */
  personsAnonymised: number;
  /** Tasks for offers whose answer deadline has passed (allocation.offer_unanswered). */
  offerTasksCreated: number;
};

const emptyReport = (): SweepReport => ({
  ran: false,
  tenants: 0,
  remindersCreated: 0,
  leasesEnded: 0,
  statusChanges: 0,
  remindersSuperseded: 0,
  skippedWithoutAssignee: 0,
  notified: 0,
  notificationFailures: 0,
  ageOutWarningsCreated: 0,
  personsAnonymised: 0,
  offerTasksCreated: 0,
});

// PGlite is one embedded database in one process, where a session lock would be held by the only
// session there is: sweeps on it are kept apart in-process instead.
const runningOnPglite = new WeakSet<object>();

/** One sweep over all municipalities, unless another sweep holds the lock (then `ran: false`). */
export async function runScheduler(deps: SchedulerDeps): Promise<SweepReport> {
  if (deps.db.kind === 'pglite') {
    if (runningOnPglite.has(deps.db.app)) return emptyReport();
    runningOnPglite.add(deps.db.app);
    try {
      return await sweepAll(deps.db.app, deps);
    } finally {
      runningOnPglite.delete(deps.db.app);
    }
  }
  // A session-level advisory lock lives on one connection: pin one and run the whole sweep on it
  // (also right with a pool of one).
  return deps.db.app.connection().execute(async (connection) => {
    const { rows } = await sql<{
      locked: boolean;
    }>`select pg_try_advisory_lock(${sql.lit(SWEEP_LOCK_KEY)}::bigint) as locked`.execute(connection);
    if (!rows[0]?.locked) return emptyReport();
    try {
      return await sweepAll(connection, deps);
    } finally {
      await sql`select pg_advisory_unlock(${sql.lit(SWEEP_LOCK_KEY)}::bigint)`.execute(connection);
    }
  });
}

/** The sweep without the lock (exported so tests can prove the inserts alone are idempotent). */
export async function sweepAll(db: Kysely<DB>, deps: Omit<SchedulerDeps, 'db'>): Promise<SweepReport> {
  const report = { ...emptyReport(), ran: true };
  const now = deps.clock();
  const today = osloToday(now);
  const tenants = await withPlatform(db, (trx) =>
    trx.selectFrom('app.municipality').select('tenant_id').orderBy('tenant_id').execute(),
  );
  for (const { tenant_id: tenantId } of tenants) {
    report.tenants += 1;
    try {
      const result = await withTenant(db, { tenantId }, (trx) => sweepTenant(trx, { tenantId, today }));
      report.remindersCreated += result.remindersCreated;
      report.leasesEnded += result.leasesEnded;
      report.statusChanges += result.statusChanges;
      report.remindersSuperseded += result.remindersSuperseded;
      report.skippedWithoutAssignee += result.skippedWithoutAssignee;
      report.ageOutWarningsCreated += result.ageOutWarningsCreated;
      report.offerTasksCreated += result.offerTasksCreated;
      try {
        report.personsAnonymised += await withTenant(db, { tenantId }, (trx) =>
          anonymiseExpired(trx, { tenantId, now }),
        );
      } catch (error) {
        deps.logger.error({ tenantId, err: errorForLog(error) }, 'retention sweep failed for a municipality');
      }
      if (deps.mailer) {
        const mail = await notifyTenant(db, {
          tenantId,
          now,
          mailer: deps.mailer,
          logger: deps.logger,
          publicUrl: deps.publicUrl ?? '',
        });
        report.notified += mail.notified;
        report.notificationFailures += mail.failures;
      }
    } catch (error) {
      // One municipality's failure must not stop the others; the next sweep tries again.
      deps.logger.error({ tenantId, err: errorForLog(error) }, 'scheduler sweep failed for a municipality');
    }
  }
  deps.logger.info({ ...report }, 'scheduler sweep');
  return report;
}

type TenantResult = Pick<
  SweepReport,
  | 'remindersCreated'
  | 'leasesEnded'
  | 'statusChanges'
  | 'remindersSuperseded'
  | 'skippedWithoutAssignee'
  | 'ageOutWarningsCreated'
  | 'offerTasksCreated'
>;

async function sweepTenant(
  trx: Tx,
  { tenantId, today }: { tenantId: string; today: CalendarDate },
): Promise<TenantResult> {
  const result: TenantResult = {
    remindersCreated: 0,
    leasesEnded: 0,
    statusChanges: 0,
    remindersSuperseded: 0,
    skippedWithoutAssignee: 0,
    ageOutWarningsCreated: 0,
    offerTasksCreated: 0,
  };
  const settings = await readHousingSettings(trx, tenantId);
  await endLeases(trx, { tenantId, today, result });
  await startLeases(trx, { tenantId, today, result });
  result.remindersSuperseded += await dismissSupersededReminders(trx);
  await createLeaseReminders(trx, { tenantId, today, settings, result });
  await createInternalRentTasks(trx, { tenantId, today, thresholdMonths: settings.internal_rent_after_months, result });
  await createAgeOutWarnings(trx, { tenantId, today, result });
  await createOfferUnansweredTasks(trx, { tenantId, today, result });
  return result;
}

// ---- 1. Date-driven status changes ------------------------------------------------------------

const effectiveEnd = sql<CalendarDate>`coalesce(l.terminated_on, l.end_date)`;

/**
 * Leases whose period is over become 'ended'. For a lease to a household, its dwelling then
 * stands vacant from the end date — unless the next lease already holds it (let) or is waiting
 * to start (reserved). Only a dwelling that the ended lease held (let / notice given) is moved:
 * a status a user has set since (e.g. renovation) is left alone.
 */
async function endLeases(
  trx: Tx,
  { tenantId, today, result }: { tenantId: string; today: CalendarDate; result: TenantResult },
) {
  const ended = await trx
    .selectFrom('app.lease as l')
    .select(['l.id', 'l.dwelling_id', 'l.kind', effectiveEnd.as('end_on')])
    .where('l.state', 'in', ['active', 'notice_given'])
    .where(effectiveEnd, '<=', today)
    .orderBy('l.id')
    .forUpdate()
    .execute();
  for (const lease of ended) {
    const updated = await trx
      .updateTable('app.lease')
      .set((eb) => ({ state: 'ended', updated_at: new Date(), version: eb('version', '+', 1) }))
      .where('id', '=', lease.id)
      .where('state', 'in', ['active', 'notice_given'])
      .executeTakeFirst();
    if (updated.numUpdatedRows > 0n) result.leasesEnded += 1;
    if (lease.kind === 'head') continue;

    const dwelling = await trx
      .selectFrom('app.dwelling')
      .select('status')
      .where('id', '=', lease.dwelling_id)
      .forUpdate()
      .executeTakeFirst();
    if (!dwelling || !['let', 'notice_given'].includes(dwelling.status)) continue;
    const next = await trx
      .selectFrom('app.lease')
      .select('start_date')
      .where('dwelling_id', '=', lease.dwelling_id)
      .where('layer', '=', 'occupancy')
      .where('state', 'in', ['active', 'notice_given'])
      .where('id', '<>', lease.id)
      .where('start_date', '>=', lease.end_on)
      .orderBy('start_date')
      .executeTakeFirst();
    if (next && next.start_date <= today) continue; // startLeases marks it let from its start
    const changed = await setDwellingStatus(trx, {
      tenantId,
      dwellingId: lease.dwelling_id,
      status: next ? 'reserved' : 'vacant',
      validFrom: lease.end_on,
      source: 'scheduler',
      userId: null,
    });
    if (changed) result.statusChanges += 1;
  }
}

/** An occupancy lease that has started makes its dwelling 'let' from the start date. */
async function startLeases(
  trx: Tx,
  { tenantId, today, result }: { tenantId: string; today: CalendarDate; result: TenantResult },
) {
  const started = await trx
    .selectFrom('app.lease as l')
    .innerJoin('app.dwelling as d', 'd.id', 'l.dwelling_id')
    .select(['l.dwelling_id', 'l.start_date'])
    .where('l.layer', '=', 'occupancy')
    .where('l.state', 'in', ['active', 'notice_given'])
    .where('l.start_date', '<=', today)
    .where((eb) => eb.or([eb(effectiveEnd, 'is', null), eb(effectiveEnd, '>', today)]))
    .where('d.status', 'in', ['reserved', 'ready', 'vacant'])
    .orderBy('l.id')
    .execute();
  for (const lease of started) {
    const changed = await setDwellingStatus(trx, {
      tenantId,
      dwellingId: lease.dwelling_id,
      status: 'let',
      validFrom: lease.start_date,
      source: 'scheduler',
      userId: null,
    });
    if (changed) result.statusChanges += 1;
  }
}

// ---- 2. Reminders ------------------------------------------------------------------------------

/**
 * Open lease-end reminders that no longer apply: the lease got a new end date (renewed — it gets
 * fresh reminders), was terminated early or cancelled. They are dismissed by the system.
 */
async function dismissSupersededReminders(trx: Tx): Promise<number> {
  const result = await sql`
    update app.task t
       set state = 'dismissed', completed_at = now(), completed_by = null, updated_at = now(), version = t.version + 1
      from app.lease l
     where t.subject_type = 'lease' and t.subject_id = l.id
       and t.kind in ('lease.end', 'head_lease.end') and t.state = 'open'
       and (l.state = 'cancelled' or l.terminated_on is not null or l.end_date is null
            or t.params ->> 'endDate' is distinct from l.end_date::text)`.execute(trx);
  return Number(result.numAffectedRows ?? 0n);
}

async function insertGenerated(
  trx: Tx,
  values: {
    tenantId: string;
    kind: string;
    dedupeKey: string;
    params: Record<string, string | number | null>;
    subjectType: 'lease' | 'dwelling' | 'household';
    subjectId: string;
    dueOn: CalendarDate;
    assigneeUserId: string | null;
    assigneeUnitId: string | null;
  },
): Promise<boolean> {
  const row = await trx
    .insertInto('app.task')
    .values({
      tenant_id: values.tenantId,
      kind: values.kind,
      params: JSON.stringify(values.params),
      subject_type: values.subjectType,
      subject_id: values.subjectId,
      due_on: values.dueOn,
      assignee_user_id: values.assigneeUserId,
      assignee_unit_id: values.assigneeUnitId,
      dedupe_key: values.dedupeKey,
    })
    .onConflict((oc) => oc.columns(['tenant_id', 'dedupe_key']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

async function createLeaseReminders(
  trx: Tx,
  {
    tenantId,
    today,
    settings,
    result,
  }: {
    tenantId: string;
    today: CalendarDate;
    settings: { lead_months_lease: number[]; lead_months_head_lease: number[] };
    result: TenantResult;
  },
) {
  const horizon = addDays({ date: addMonths({ date: today, months: MAX_LEAD_MONTHS }), days: REMINDER_WINDOW_DAYS });
  const windowEnd = addDays({ date: today, days: REMINDER_WINDOW_DAYS });
  const leases = await trx
    .selectFrom('app.lease as l')
    .innerJoin('app.dwelling as d', 'd.id', 'l.dwelling_id')
    .select([
      'l.id',
      'l.reference',
      'l.kind',
      'l.end_date',
      'l.responsible_unit_id',
      'l.signed_by_user_id',
      'd.reference as dwelling_reference',
      'd.disposing_unit_id',
    ])
    .where('l.state', '=', 'active')
    .where('l.terminated_on', 'is', null)
    .where('l.end_date', 'is not', null)
    .where('l.end_date', '>', today)
    .where('l.end_date', '<=', horizon)
    .orderBy('l.id')
    .execute();

  for (const lease of leases) {
    const end = lease.end_date!;
    const head = lease.kind === 'head';
    const leadTimes = head ? settings.lead_months_head_lease : settings.lead_months_lease;
    const reminders = leaseReminderDates({ lease: { kind: head ? 'head' : 'sub', end }, leadTimes });
    const candidates = reminders.filter((r) => r.dueDate <= windowEnd);
    // A reminder is superseded when a later one (shorter lead time) is already due.
    const due = candidates.filter(
      (r) => !candidates.some((later) => later.monthsBefore < r.monthsBefore && later.dueDate <= today),
    );
    if (due.length === 0) continue;
    const assigneeUnitId = lease.responsible_unit_id ?? lease.disposing_unit_id;
    const assigneeUserId = assigneeUnitId ? null : lease.signed_by_user_id;
    if (!assigneeUnitId && !assigneeUserId) {
      result.skippedWithoutAssignee += due.length;
      continue;
    }
    const firstLead = Math.max(...leadTimes);
    for (const reminder of due) {
      const created = await insertGenerated(trx, {
        tenantId,
        kind: head ? 'head_lease.end' : 'lease.end',
        dedupeKey: `${reminder.key}:${lease.id}:${end}`,
        params: {
          reference: lease.reference,
          endDate: end,
          monthsBefore: reminder.monthsBefore,
          dwellingReference: lease.dwelling_reference,
          // R8.2/R8.5: the first reminder to a household starts the needs assessment and the letter.
          action: !head && reminder.monthsBefore === firstLead ? 'needs_assessment_and_letter' : null,
        },
        subjectType: 'lease',
        subjectId: lease.id,
        dueOn: reminder.dueDate,
        assigneeUserId,
        assigneeUnitId,
      });
      if (created) result.remindersCreated += 1;
    }
  }
}

/**
 * R4.13: a dwelling vacant longer than the municipality's threshold costs its disposing unit
 * internal rent; that unit gets one task per vacancy period (the key holds the vacancy's start).
 */
async function createInternalRentTasks(
  trx: Tx,
  {
    tenantId,
    today,
    thresholdMonths,
    result,
  }: { tenantId: string; today: CalendarDate; thresholdMonths: number; result: TenantResult },
) {
  const vacant = await trx
    .selectFrom('app.dwelling')
    .select(['id', 'reference', 'status_since', 'disposing_unit_id'])
    .where('status', '=', 'vacant')
    .where('disposing_unit_id', 'is not', null)
    .where('status_since', '<=', today)
    .orderBy('id')
    .execute();
  for (const dwelling of vacant) {
    const vacantSince = dwelling.status_since;
    if (!internalRentAccrues({ vacantSince, today, thresholdMonths })) continue;
    const accrualStart = internalRentAccrualStart({ vacantSince, thresholdMonths });
    const created = await insertGenerated(trx, {
      tenantId,
      kind: 'dwelling.internal_rent',
      dedupeKey: `internal-rent:${dwelling.id}:${vacantSince}`,
      params: { dwellingReference: dwelling.reference, vacantSince, accrualStart, thresholdMonths },
      subjectType: 'dwelling',
      subjectId: dwelling.id,
      dueOn: accrualStart,
      assigneeUserId: null,
      assigneeUnitId: dwelling.disposing_unit_id,
    });
    if (created) result.remindersCreated += 1;
  }
}

/** Households of unaccompanied minors that get age-out warnings: all but those that left. */
const AGE_OUT_EXCLUDED_STATES = ['declined', 'withdrawn', 'moved_away'] as const;

/**
 * Issue 5 item 8: housing and follow-up arrangements for an unaccompanied minor change at 18, 20
 * and 23. For every active member with a birth date of an EM household (the main person and any
 * other young member; an adult's ages are all past), a warning 6 and 3 months ahead of each age
 * (ageOutSchedule), to the household's responsible unit, about the household. The same policy as
 * the lease reminders: created once due within REMINDER_WINDOW_DAYS, or late when already due —
 * unless the shorter warning for the same age is due too, or the age has been reached.
 */
async function createAgeOutWarnings(
  trx: Tx,
  { tenantId, today, result }: { tenantId: string; today: CalendarDate; result: TenantResult },
) {
  const windowEnd = addDays({ date: today, days: REMINDER_WINDOW_DAYS });
  const members = await trx
    .selectFrom('app.household as h')
    .innerJoin('app.household_member as m', 'm.household_id', 'h.id')
    .innerJoin('app.person as p', 'p.id', 'm.person_id')
    .select([
      'h.id as household_id',
      'h.reference',
      'h.responsible_unit_id',
      'p.id as person_id',
      'p.birth_date',
      'p.birth_date_precision',
    ])
    .where('h.category', '=', 'unaccompanied_minor')
    .where('h.pipeline_state', 'not in', [...AGE_OUT_EXCLUDED_STATES])
    .where('h.anonymised_at', 'is', null)
    .where('m.left_on', 'is', null)
    .where('p.anonymised_at', 'is', null)
    .where('p.birth_date', 'is not', null)
    .where('p.birth_date_precision', 'is not', null)
    .orderBy('h.id')
    .orderBy('p.id')
    .execute();
  for (const member of members) {
    const schedule = ageOutSchedule({
      birthDate: { date: member.birth_date!, precision: member.birth_date_precision! },
    });
    for (const ageOut of schedule) {
      if (ageOut.date <= today) continue; // reached: a warning would come too late to help
      const candidates = ageOut.warnings.filter((w) => w.dueDate <= windowEnd);
      const due = candidates.filter(
        (w) => !candidates.some((later) => later.monthsBefore < w.monthsBefore && later.dueDate <= today),
      );
      for (const warning of due) {
        const created = await insertGenerated(trx, {
          tenantId,
          kind: 'household.age_out',
          dedupeKey: `${warning.key}:${member.person_id}`,
          params: {
            age: ageOut.age,
            date: ageOut.date,
            monthsBefore: warning.monthsBefore,
            reference: member.reference,
          },
          subjectType: 'household',
          subjectId: member.household_id,
          dueOn: warning.dueDate,
          assigneeUserId: null,
          assigneeUnitId: member.responsible_unit_id,
        });
        if (created) result.ageOutWarningsCreated += 1;
      }
    }
  }
}

/**
 * An offer still unanswered after its answer deadline (issue 6 item 5): a task for the household's
 * responsible unit to follow it up (R5.4–R5.5: dialogue with the household before anything else).
 * One task per offer and deadline: a deadline moved later gives a new task when that one passes too.
 */
async function createOfferUnansweredTasks(
  trx: Tx,
  { tenantId, today, result }: { tenantId: string; today: CalendarDate; result: TenantResult },
) {
  const overdue = await trx
    .selectFrom('app.allocation_offer as o')
    .innerJoin('app.household as h', 'h.id', 'o.household_id')
    .innerJoin('app.dwelling as d', 'd.id', 'o.dwelling_id')
    .select(['o.id', 'o.answer_due', 'o.offered_by', 'o.household_id', 'h.reference', 'h.responsible_unit_id', 'd.reference as dwelling_reference'])
    .where('o.state', '=', 'offered')
    .where('o.answer_due', '<', today)
    .where('h.anonymised_at', 'is', null)
    .orderBy('o.id')
    .execute();
  for (const offer of overdue) {
    const created = await insertGenerated(trx, {
      tenantId,
      kind: 'allocation.offer_unanswered',
      dedupeKey: `allocation.offer_unanswered:${offer.id}:${offer.answer_due}`,
      params: { reference: offer.reference, dwellingReference: offer.dwelling_reference, answerDue: offer.answer_due, offerId: offer.id },
      subjectType: 'household',
      subjectId: offer.household_id,
      dueOn: today,
      assigneeUserId: null,
      assigneeUnitId: offer.responsible_unit_id,
    });
    if (created) result.offerTasksCreated += 1;
  }
}

// ---- 5. E-mail ---------------------------------------------------------------------------------

/**
 * One mail per open task not yet notified, to its assignee user and the active members of its
 * assignee unit. Each task in its own transaction: the row is locked (SKIP LOCKED, so a parallel
 * sweep passes it by), the mail is sent, and only then is notified_at set — a failed send rolls
 * back and is retried on the next sweep.
 */
async function notifyTenant(
  db: Kysely<DB>,
  {
    tenantId,
    now,
    mailer,
    logger,
    publicUrl,
  }: { tenantId: string; now: Date; mailer: Mailer; logger: Logger; publicUrl: string },
): Promise<{ notified: number; failures: number }> {
  const pending = await withTenant(db, { tenantId }, (trx) =>
    trx
      .selectFrom('app.task')
      .select('id')
      .where('state', '=', 'open')
      .where('notified_at', 'is', null)
      .orderBy('created_at')
      .orderBy('id')
      .limit(NOTIFY_BATCH)
      .execute(),
  );
  let notified = 0;
  let failures = 0;
  let consecutiveFailures = 0;
  for (const { id } of pending) {
    if (consecutiveFailures >= MAX_CONSECUTIVE_MAIL_FAILURES) break; // the server is down: next sweep
    try {
      const sent = await withTenant(db, { tenantId }, async (trx) => {
        const task = await trx
          .selectFrom('app.task')
          .select(['id', 'kind', 'title', 'params', 'due_on', 'assignee_user_id', 'assignee_unit_id'])
          .where('id', '=', id)
          .where('state', '=', 'open')
          .where('notified_at', 'is', null)
          .forUpdate()
          .skipLocked()
          .executeTakeFirst();
        if (!task) return false;
        const recipients = await trx
          .selectFrom('app.staff_user as su')
          .select('su.email')
          .where('su.active', '=', true)
          .where((eb) =>
            eb.or([
              eb('su.id', '=', task.assignee_user_id),
              eb.exists(
                eb
                  .selectFrom('app.staff_unit as m')
                  .select('m.user_id')
                  .whereRef('m.user_id', '=', 'su.id')
                  .where('m.unit_id', '=', task.assignee_unit_id),
              ),
            ]),
          )
          .orderBy('su.email')
          .execute();
        if (recipients.length === 0) return false; // nobody to tell yet; tried again next sweep
        const lang = (await trx.selectFrom('app.municipality').select('language').executeTakeFirst())?.language ?? 'nb';
        const dueOn = formatDate(task.due_on);
        // Manual titles are free text a user typed: kept out of the mail in case they hold a name.
        const title = task.kind === 'manual' ? null : taskTitle(lang, task);
        await mailer.send({
          to: [...new Set(recipients.map((r) => r.email))],
          subject: translate(lang, 'tasks.mail.subject', { dueOn }),
          text: [
            translate(lang, 'tasks.mail.greeting'),
            '',
            title === null ? translate(lang, 'tasks.mail.manualTask') : translate(lang, 'tasks.mail.task', { title }),
            translate(lang, 'tasks.mail.due', { dueOn }),
            '',
            translate(lang, 'tasks.mail.link', { url: `${publicUrl}/oppgaver` }),
            '',
            translate(lang, 'tasks.mail.footer'),
          ].join('\n'),
        });
        await trx.updateTable('app.task').set({ notified_at: now }).where('id', '=', task.id).execute();
        return true;
      });
      if (sent) notified += 1;
      consecutiveFailures = 0;
    } catch (error) {
      failures += 1;
      consecutiveFailures += 1;
      logger.warn({ tenantId, err: errorForLog(error) }, 'task notification failed; retried on the next sweep');
    }
  }
  return { notified, failures };
}

// ---- Running with the app ----------------------------------------------------------------------

export type SchedulerHandle = { stop(): Promise<void> };

/** Runs a sweep now and every `intervalMinutes`; `stop` waits for a sweep in progress. */
export function startScheduler(deps: SchedulerDeps & { intervalMinutes: number }): SchedulerHandle {
  let current: Promise<unknown> = Promise.resolve();
  let stopped = false;
  const tick = () => {
    if (stopped) return;
    current = runScheduler(deps).catch((error: unknown) => {
      deps.logger.error({ err: errorForLog(error) }, 'scheduler sweep failed');
    });
  };
  tick();
  const timer = setInterval(tick, deps.intervalMinutes * 60_000);
  timer.unref();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await current;
    },
  };
}
