import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withTenant } from '../../db/tenant';
import { createTestApp } from '../../test/app';
import { createTestDatabase, type TestDatabase } from '../../test/database';
import { createTenantFixture, type TenantFixture } from '../../test/fixtures';
import { setDwellingStatus } from '../dwellings/dwelling-status';
import { runScheduler, sweepAll } from './scheduler';
import { captureLogger, insertDwelling, insertLandlord, insertLease, movableClock } from './tasks.test-support';

// The reminder engine (issue 4 item 5, decision 010): each reminder exactly once across restarts,
// renewals, parallel sweeps; the date-driven status changes; internal rent once per vacancy.

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase({ poolSize: 6 });
}, 120_000);
afterAll(async () => {
  await db?.destroy();
});

async function tasksOf(tenantId: string, subjectId?: string) {
  return withTenant(db.app, { tenantId }, (trx) => {
    let query = trx.selectFrom('app.task').selectAll().orderBy('due_on').orderBy('kind');
    if (subjectId) query = query.where('subject_id', '=', subjectId);
    return query.execute();
  });
}

async function dwellingOf(tenantId: string, id: string) {
  return withTenant(db.app, { tenantId }, (trx) =>
    trx.selectFrom('app.dwelling').select(['status', 'status_since']).where('id', '=', id).executeTakeFirstOrThrow(),
  );
}

async function statusEvents(tenantId: string, dwellingId: string) {
  return withTenant(db.app, { tenantId }, (trx) =>
    trx
      .selectFrom('app.dwelling_status_event')
      .select(['status', 'valid_from', 'source'])
      .where('dwelling_id', '=', dwellingId)
      .orderBy('changed_at')
      .execute(),
  );
}

describe('lease-end reminders', () => {
  let a: TenantFixture;
  let lease: { id: string; reference: string };
  let headLease: { id: string; reference: string };
  let dwellingReference: string;
  const time = movableClock('2026-09-01');
  const log = captureLogger();
  const sweep = () => runScheduler({ db, clock: time.clock, logger: log.logger });

  beforeAll(async () => {
    a = await createTenantFixture(db.app, { kommunenummer: '1804', slug: 'bodo', roles: ['admin', 'boligkontor'] });
    const home = await insertDwelling(db.app, a.tenantId, { status: 'let', statusSince: '2024-03-01' });
    dwellingReference = home.reference;
    lease = await insertLease(db.app, a.tenantId, {
      dwellingId: home.id,
      kind: 'direct',
      start: '2024-03-01',
      end: '2027-03-01',
      responsibleUnitId: a.unitId,
    });
    // A head lease with no responsible unit: the dwelling's disposing unit gets its reminders.
    const rented = await insertDwelling(db.app, a.tenantId, { disposingUnitId: a.unitId, status: 'ready' });
    headLease = await insertLease(db.app, a.tenantId, {
      dwellingId: rented.id,
      kind: 'head',
      start: '2024-03-15',
      end: '2027-03-15',
      landlordId: await insertLandlord(db.app, a.tenantId),
    });
  });

  it('creates each reminder once its due date is within two weeks, exactly once across restarts and clock moves', async () => {
    // 1 September 2026: the 6-month reminders of both (due 1 and 15 September) are in the window.
    expect((await sweep()).remindersCreated).toBe(2);
    expect((await tasksOf(a.tenantId)).map((t) => [t.kind, t.due_on])).toEqual([
      ['lease.end', '2026-09-01'],
      ['head_lease.end', '2026-09-15'],
    ]);

    // A restart: a new app whose scheduler sweeps at boot, with the same clock.
    const restarted = await createTestApp(db, { SCHEDULER_INTERVAL_MINUTES: 60 });
    restarted.clock.now = time.now;
    await restarted.app.ready();
    await restarted.app.close(); // waits for the boot sweep
    expect(restarted.logs.filter((line) => line.includes('"scheduler sweep"'))).toHaveLength(1);
    expect(await tasksOf(a.tenantId)).toHaveLength(2);
    expect((await sweep()).remindersCreated).toBe(0);

    // Move the clock: 20 November → the lease's 3-month reminder (due 1 December).
    time.at('2026-11-20');
    expect((await sweep()).remindersCreated).toBe(1);
    expect((await sweep()).remindersCreated).toBe(0);
    expect(await tasksOf(a.tenantId)).toHaveLength(3);

    // 5 December → the head lease's 3-month reminder (15 December); 10 February → its 1-month one.
    time.at('2026-12-05');
    await sweep();
    await sweep();
    time.at('2027-02-10');
    await sweep();
    await sweep();

    const all = await tasksOf(a.tenantId);
    expect(all.map((t) => [t.kind, t.due_on, t.params['monthsBefore']])).toEqual([
      ['lease.end', '2026-09-01', 6],
      ['head_lease.end', '2026-09-15', 6],
      ['lease.end', '2026-12-01', 3],
      ['head_lease.end', '2026-12-15', 3],
      ['head_lease.end', '2027-02-15', 1],
    ]);
    const [first, , second] = all;
    expect(first).toMatchObject({
      subject_type: 'lease',
      subject_id: lease.id,
      assignee_unit_id: a.unitId,
      assignee_user_id: null,
      dedupe_key: `lease-end:6m:${lease.id}:2027-03-01`,
      state: 'open',
    });
    // R8.2/R8.5: the first reminder to a household asks for the needs assessment and the letter.
    expect(first!.params).toEqual({
      reference: lease.reference,
      endDate: '2027-03-01',
      monthsBefore: 6,
      dwellingReference,
      action: 'needs_assessment_and_letter',
    });
    expect(second!.params['action']).toBeNull();
    expect(all.filter((t) => t.subject_id === headLease.id).every((t) => t.assignee_unit_id === a.unitId)).toBe(true);
  });

  it('a renewed lease (new end date) gets fresh reminders and its old open ones are dismissed', async () => {
    await withTenant(db.app, { tenantId: a.tenantId }, (trx) =>
      trx.updateTable('app.lease').set({ end_date: '2030-03-01' }).where('id', '=', lease.id).execute(),
    );
    time.at('2027-02-11');
    const report = await sweep();
    expect(report.remindersSuperseded).toBe(2);
    const old = await tasksOf(a.tenantId, lease.id);
    expect(old.map((t) => t.state)).toEqual(['dismissed', 'dismissed']);
    expect(old.every((t) => t.completed_at !== null && t.completed_by === null)).toBe(true);

    time.at('2029-08-25');
    await sweep();
    await sweep();
    const renewed = (await tasksOf(a.tenantId, lease.id)).filter((t) => t.params['endDate'] === '2030-03-01');
    expect(renewed.map((t) => [t.dedupe_key, t.due_on, t.state])).toEqual([
      [`lease-end:6m:${lease.id}:2030-03-01`, '2029-09-01', 'open'],
    ]);
  });
});

describe('lead times from the housing settings, late reminders', () => {
  it('uses the municipality lead times, and a lease registered late gets only its latest due reminder', async () => {
    const t = await createTenantFixture(db.app, { kommunenummer: '1506', slug: 'molde', roles: ['admin'] });
    await withTenant(db.app, { tenantId: t.tenantId }, (trx) =>
      trx
        .insertInto('app.housing_settings')
        .values({ tenant_id: t.tenantId, lead_months_lease: [4, 2] })
        .execute(),
    );
    const time = movableClock('2026-09-01');
    const d = await insertDwelling(db.app, t.tenantId, { disposingUnitId: t.unitId });
    // Ends 1 October: the 4-month (1 June) and 2-month (1 August) reminders are both past.
    const late = await insertLease(db.app, t.tenantId, { dwellingId: d.id, start: '2023-10-01', end: '2026-10-01' });
    // Ends 15 January 2027: the 4-month reminder (15 September) is within two weeks.
    const d2 = await insertDwelling(db.app, t.tenantId, { disposingUnitId: t.unitId });
    const timely = await insertLease(db.app, t.tenantId, { dwellingId: d2.id, start: '2024-01-15', end: '2027-01-15' });
    // No responsible unit, no disposing unit, no signer: nobody to remind (counted, not created).
    const d3 = await insertDwelling(db.app, t.tenantId);
    await insertLease(db.app, t.tenantId, { dwellingId: d3.id, start: '2024-01-15', end: '2026-11-01' });

    const report = await runScheduler({ db, clock: time.clock, logger: captureLogger().logger });
    expect(report.skippedWithoutAssignee).toBe(1);
    expect(
      (await tasksOf(t.tenantId, late.id)).map((x) => [x.due_on, x.params['monthsBefore'], x.params['action']]),
    ).toEqual([['2026-08-01', 2, null]]);
    expect(
      (await tasksOf(t.tenantId, timely.id)).map((x) => [x.due_on, x.params['monthsBefore'], x.params['action']]),
    ).toEqual([['2026-09-15', 4, 'needs_assessment_and_letter']]);
  });
});

describe('date-driven status changes', () => {
  let t: TenantFixture;
  const time = movableClock('2026-09-01');
  const sweep = () => runScheduler({ db, clock: time.clock, logger: captureLogger().logger });
  const ids = {} as Record<'reserved' | 'ended' | 'handover' | 'gap' | 'renovated', string>;
  const leases = {} as Record<'ended' | 'handoverOld' | 'gapOld' | 'renovated', string>;

  beforeAll(async () => {
    t = await createTenantFixture(db.app, { kommunenummer: '0301', slug: 'oslo', roles: ['admin'] });
    const tid = t.tenantId;
    // Reserved, and its lease starts today → let from today.
    ids.reserved = (await insertDwelling(db.app, tid, { status: 'reserved', statusSince: '2026-08-20' })).id;
    await insertLease(db.app, tid, { dwellingId: ids.reserved, start: '2026-09-01', end: '2029-09-01' });
    // Let, lease ended 15 August, nothing follows → ended, vacant from 15 August.
    ids.ended = (
      await insertDwelling(db.app, tid, { status: 'let', statusSince: '2023-08-15', disposingUnitId: t.unitId })
    ).id;
    leases.ended = (
      await insertLease(db.app, tid, { dwellingId: ids.ended, start: '2023-08-15', end: '2026-08-15' })
    ).id;
    // Let, lease ended 1 August and the next one started that day → stays let.
    ids.handover = (await insertDwelling(db.app, tid, { status: 'let', statusSince: '2023-08-01' })).id;
    leases.handoverOld = (
      await insertLease(db.app, tid, { dwellingId: ids.handover, start: '2023-08-01', end: '2026-08-01' })
    ).id;
    await insertLease(db.app, tid, { dwellingId: ids.handover, start: '2026-08-01', end: '2029-08-01' });
    // Let, lease ended 1 August, the next starts 1 October → reserved from 1 August, let from 1 October.
    ids.gap = (await insertDwelling(db.app, tid, { status: 'let', statusSince: '2023-08-01' })).id;
    leases.gapOld = (
      await insertLease(db.app, tid, { dwellingId: ids.gap, start: '2023-08-01', end: '2026-08-01' })
    ).id;
    await insertLease(db.app, tid, { dwellingId: ids.gap, start: '2026-10-01', end: '2029-10-01' });
    // A user put the dwelling under renovation after the tenant left: the scheduler leaves it.
    ids.renovated = (await insertDwelling(db.app, tid, { status: 'renovation', statusSince: '2026-07-01' })).id;
    leases.renovated = (
      await insertLease(db.app, tid, { dwellingId: ids.renovated, start: '2023-07-01', end: '2026-07-01' })
    ).id;
  });

  it('moves dwellings and leases on, through setDwellingStatus with history, once', async () => {
    const report = await sweep();
    expect(report.leasesEnded).toBe(4);
    expect(await dwellingOf(t.tenantId, ids.reserved)).toEqual({ status: 'let', status_since: '2026-09-01' });
    expect(await dwellingOf(t.tenantId, ids.ended)).toEqual({ status: 'vacant', status_since: '2026-08-15' });
    expect(await dwellingOf(t.tenantId, ids.handover)).toEqual({ status: 'let', status_since: '2023-08-01' });
    expect(await dwellingOf(t.tenantId, ids.gap)).toEqual({ status: 'reserved', status_since: '2026-08-01' });
    expect(await dwellingOf(t.tenantId, ids.renovated)).toEqual({ status: 'renovation', status_since: '2026-07-01' });
    expect(await statusEvents(t.tenantId, ids.ended)).toEqual([
      { status: 'vacant', valid_from: '2026-08-15', source: 'scheduler' },
    ]);

    const states = await withTenant(db.app, { tenantId: t.tenantId }, (trx) =>
      trx.selectFrom('app.lease').select(['id', 'state']).where('id', 'in', Object.values(leases)).execute(),
    );
    expect(states.every((l) => l.state === 'ended')).toBe(true);

    // A second sweep changes nothing and writes no history.
    const again = await sweep();
    expect([again.leasesEnded, again.statusChanges]).toEqual([0, 0]);
    expect(await statusEvents(t.tenantId, ids.ended)).toHaveLength(1);

    time.at('2026-10-01');
    await sweep();
    expect(await dwellingOf(t.tenantId, ids.gap)).toEqual({ status: 'let', status_since: '2026-10-01' });
    expect((await statusEvents(t.tenantId, ids.gap)).map((e) => e.status)).toEqual(['reserved', 'let']);
  });

  it('a dwelling vacant longer than the threshold gets one internal-rent task per vacancy period', async () => {
    // Vacant since 15 August, threshold 2 months: internal rent from 15 October.
    time.at('2026-10-14');
    await sweep();
    expect((await tasksOf(t.tenantId, ids.ended)).filter((x) => x.kind === 'dwelling.internal_rent')).toHaveLength(0);
    time.at('2026-10-15');
    await sweep();
    await sweep();
    time.at('2026-11-20');
    await sweep();
    let rent = (await tasksOf(t.tenantId, ids.ended)).filter((x) => x.kind === 'dwelling.internal_rent');
    expect(rent.map((x) => [x.due_on, x.assignee_unit_id, x.dedupe_key])).toEqual([
      ['2026-10-15', t.unitId, `internal-rent:${ids.ended}:2026-08-15`],
    ]);
    expect(rent[0]!.params).toMatchObject({
      vacantSince: '2026-08-15',
      accrualStart: '2026-10-15',
      thresholdMonths: 2,
    });

    // Let again, then vacant again from 1 January: a new vacancy period, a new task (once).
    await withTenant(db.app, { tenantId: t.tenantId }, async (trx) => {
      await setDwellingStatus(trx, {
        tenantId: t.tenantId,
        dwellingId: ids.ended,
        status: 'let',
        validFrom: '2026-12-01',
        source: 'user',
        userId: null,
      });
      await setDwellingStatus(trx, {
        tenantId: t.tenantId,
        dwellingId: ids.ended,
        status: 'vacant',
        validFrom: '2027-01-01',
        source: 'user',
        userId: null,
      });
    });
    time.at('2027-03-02');
    await sweep();
    await sweep();
    rent = (await tasksOf(t.tenantId, ids.ended)).filter((x) => x.kind === 'dwelling.internal_rent');
    expect(rent.map((x) => x.due_on)).toEqual(['2026-10-15', '2027-03-01']);
  });
});

describe('parallel sweeps', () => {
  it('two sweeps at once (with and without the lock) still create each reminder exactly once', async () => {
    const t = await createTenantFixture(db.app, { kommunenummer: '4601', slug: 'bergen', roles: ['admin'] });
    const time = movableClock('2026-09-01');
    const leaseIds: string[] = [];
    for (let i = 0; i < 12; i++) {
      const d = await insertDwelling(db.app, t.tenantId, {
        disposingUnitId: t.unitId,
        status: 'vacant',
        statusSince: '2026-01-01',
      });
      // Ends 1 March 2027 (6-month reminder due today) or 10 September 2026 (both past: the 3-month one, late).
      const end = i % 2 === 0 ? '2027-03-01' : '2026-09-10';
      leaseIds.push(
        (
          await insertLease(db.app, t.tenantId, {
            dwellingId: d.id,
            start: '2024-03-01',
            end,
            responsibleUnitId: t.unitId,
          })
        ).id,
      );
    }
    const logger = captureLogger().logger;
    // The inserts alone, no lock: both sweeps run everything at the same time.
    await Promise.all([
      sweepAll(db.app, { clock: time.clock, logger }),
      sweepAll(db.app, { clock: time.clock, logger }),
    ]);
    // Through runScheduler: the lock lets one sweep run (the other may find it taken).
    const reports = await Promise.all([
      runScheduler({ db, clock: time.clock, logger }),
      runScheduler({ db, clock: time.clock, logger }),
    ]);
    expect(reports.some((r) => r.ran)).toBe(true);
    expect(reports.reduce((n, r) => n + r.remindersCreated, 0)).toBe(0);

    const tasks = await tasksOf(t.tenantId);
    const reminders = tasks.filter((x) => x.kind === 'lease.end');
    expect(reminders).toHaveLength(12);
    expect(new Set(reminders.map((x) => x.subject_id)).size).toBe(12);
    // The dwellings were marked vacant, but their leases have started: let, so no internal rent.
    expect(tasks.filter((x) => x.kind === 'dwelling.internal_rent')).toHaveLength(0);
  });
});
