import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TaskDto, TaskListResponse } from '../../../shared/api/tasks';
import { withTenant } from '../../db/tenant';
import { createTestApp, injectorFor, login, type LoggedIn, type TestApp } from '../../test/app';
import { createTestDatabase, type TestDatabase } from '../../test/database';
import { createTenantFixture, TEST_PASSWORD, type TenantFixture } from '../../test/fixtures';
import { createSmtpMailer } from './mailer';
import { runScheduler } from './scheduler';
import {
  captureLogger,
  insertDwelling,
  insertLease,
  insertPerson,
  movableClock,
  TENANT_NAME,
} from './tasks.test-support';

let db: TestDatabase;
let t: TestApp;
let a: TenantFixture;
let b: TenantFixture;
let s: Record<'admin' | 'boligkontor' | 'eiendom' | 'bosetter', LoggedIn>;
let otherUnitId: string;
let bAdmin: LoggedIn;

beforeAll(async () => {
  db = await createTestDatabase();
  a = await createTenantFixture(db.app, {
    kommunenummer: '1804',
    slug: 'bodo',
    roles: ['admin', 'boligkontor', 'eiendom', 'bosetter'],
  });
  b = await createTenantFixture(db.app, { kommunenummer: '1506', slug: 'molde', roles: ['admin', 'boligkontor'] });
  otherUnitId = await withTenant(
    db.app,
    { tenantId: a.tenantId },
    async (trx) =>
      (
        await trx
          .insertInto('app.unit')
          .values({ tenant_id: a.tenantId, name: 'Eiendomsforvaltningen', kind: 'eiendom', parent_id: null })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id,
  );
  t = await createTestApp(db, { HUSLY_PUBLIC_URL: 'https://husly.example' });
  t.clock.now = new Date('2026-09-01T10:00:00Z');
  s = {
    admin: await login(t.app, a.users.admin.email, TEST_PASSWORD),
    boligkontor: await login(t.app, a.users.boligkontor.email, TEST_PASSWORD),
    eiendom: await login(t.app, a.users.eiendom.email, TEST_PASSWORD),
    bosetter: await login(t.app, a.users.bosetter.email, TEST_PASSWORD),
  };
  bAdmin = await login(t.app, b.users.admin.email, TEST_PASSWORD);
}, 120_000);
afterAll(async () => {
  await t?.app.close();
  await db?.destroy();
});

const call = injectorFor(() => t.app);

async function createTask(session: LoggedIn, body: Record<string, unknown>): Promise<TaskDto> {
  const response = await call(session, 'POST', '/api/tasks', body);
  expect(response.statusCode, response.body).toBe(201);
  return response.json<TaskDto>();
}

async function countTasks(tenantId: string) {
  return withTenant(
    db.app,
    { tenantId },
    async (trx) => (await trx.selectFrom('app.task').select('id').execute()).length,
  );
}

describe('manual tasks and the inboxes', () => {
  it('a task for oneself shows in Mine oppgaver; overdue is computed from the Oslo date', async () => {
    const mine = await createTask(s.eiendom, {
      title: 'Ring vaktmesteren',
      dueOn: '2026-08-31',
      assigneeUserId: a.users.eiendom.id,
    });
    expect(mine).toMatchObject({
      kind: 'manual',
      title: 'Ring vaktmesteren',
      overdue: true,
      state: 'open',
      actions: { complete: true, update: true },
    });
    const later = await createTask(s.eiendom, {
      title: 'Sjekk måler',
      dueOn: '2026-09-01',
      assigneeUserId: a.users.eiendom.id,
    });
    expect(later.overdue).toBe(false); // due today is not overdue

    const list = (await call(s.eiendom, 'GET', '/api/tasks/mine')).json<TaskListResponse>();
    expect(list.items.map((x) => x.title)).toEqual(['Ring vaktmesteren', 'Sjekk måler']);
    const overdue = (await call(s.eiendom, 'GET', '/api/tasks/mine?overdue=true')).json<TaskListResponse>();
    expect(overdue.items.map((x) => x.id)).toEqual([mine.id]);
    const soon = (await call(s.eiendom, 'GET', '/api/tasks/mine?dueWithinDays=0')).json<TaskListResponse>();
    expect(soon.items).toHaveLength(2);
    // Someone else's inbox is theirs: the boligkontor user sees none of these.
    expect((await call(s.boligkontor, 'GET', '/api/tasks/mine')).json<TaskListResponse>().items).toHaveLength(0);
  });

  it('assigning to others or to a unit needs write:task:unit; the unit inbox shows unit tasks', async () => {
    const before = await countTasks(a.tenantId);
    const refused = await call(s.admin, 'POST', '/api/tasks', {
      title: 'Til enheten',
      dueOn: '2026-09-10',
      assigneeUnitId: a.unitId,
    });
    expect(refused.statusCode).toBe(403);
    const refusedUser = await call(s.admin, 'POST', '/api/tasks', {
      title: 'Til andre',
      dueOn: '2026-09-10',
      assigneeUserId: a.users.eiendom.id,
    });
    expect(refusedUser.statusCode).toBe(403);
    expect(await countTasks(a.tenantId)).toBe(before);

    const unitTask = await createTask(s.boligkontor, {
      title: 'Befaring',
      dueOn: '2026-09-10',
      assigneeUnitId: a.unitId,
    });
    expect(unitTask.assignee).toMatchObject({ unitId: a.unitId, unitName: 'Flyktningtjenesten', userId: null });
    const inbox = (await call(s.eiendom, 'GET', `/api/tasks/unit?unitId=${a.unitId}`)).json<TaskListResponse>();
    expect(inbox.items.map((x) => x.id)).toContain(unitTask.id);
    // Default: the session's active unit (or the only unit).
    const byDefault = (await call(s.eiendom, 'GET', '/api/tasks/unit')).json<TaskListResponse>();
    expect(byDefault.unitId).toBe(a.unitId);
    // A unit of this municipality I am not in → 403; another municipality's → 404.
    expect((await call(s.eiendom, 'GET', `/api/tasks/unit?unitId=${otherUnitId}`)).statusCode).toBe(403);
    expect((await call(s.eiendom, 'GET', `/api/tasks/unit?unitId=${b.unitId}`)).statusCode).toBe(404);
  });

  it('refuses bad input with stable codes and writes nothing', async () => {
    const before = await countTasks(a.tenantId);
    const cases: Array<[Record<string, unknown>, number, string]> = [
      [{ title: '', dueOn: '2026-09-10', assigneeUserId: a.users.eiendom.id }, 400, 'request.invalid'],
      [{ title: 'X', dueOn: '2026-02-30', assigneeUserId: a.users.eiendom.id }, 400, 'request.invalid'],
      [{ title: 'X', dueOn: '2026-09-10' }, 422, 'task.assignee_required'],
      [{ title: 'X', dueOn: '2026-09-10', assigneeUserId: b.users.admin.id }, 422, 'task.assignee_invalid'],
      [{ title: 'X', dueOn: '2026-09-10', assigneeUnitId: b.unitId }, 422, 'task.assignee_invalid'],
      [
        { title: 'X', dueOn: '2026-09-10', assigneeUserId: a.users.eiendom.id, subjectType: 'lease' },
        400,
        'request.invalid',
      ],
      [{ title: 'X\u202E', dueOn: '2026-09-10', assigneeUserId: a.users.eiendom.id }, 400, 'request.invalid'],
      [
        { title: 'X', dueOn: '2026-09-10', assigneeUserId: a.users.eiendom.id, tenantId: b.tenantId },
        400,
        'request.unknown_field',
      ],
    ];
    for (const [body, status, code] of cases) {
      const session = body['assigneeUnitId'] ? s.boligkontor : s.eiendom;
      const response = await call(session, 'POST', '/api/tasks', body);
      expect(response.statusCode, JSON.stringify(body)).toBe(status);
      expect(response.json().code, JSON.stringify(body)).toBe(code);
    }
    expect(await countTasks(a.tenantId)).toBe(before);
  });

  it('complete and dismiss: by the assignee or a member of the assignee unit with write:task:unit', async () => {
    const unitTask = await createTask(s.boligkontor, {
      title: 'Nøkkelutlevering',
      dueOn: '2026-09-05',
      assigneeUnitId: a.unitId,
    });
    // The admin is in the unit but has no unit-task permission.
    expect((await call(s.admin, 'POST', `/api/tasks/${unitTask.id}/complete`, {})).statusCode).toBe(403);
    // Another municipality: not found.
    expect((await call(bAdmin, 'POST', `/api/tasks/${unitTask.id}/complete`, {})).statusCode).toBe(404);

    const done = await call(s.eiendom, 'POST', `/api/tasks/${unitTask.id}/complete`, { note: 'Levert' });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json<TaskDto>()).toMatchObject({
      state: 'done',
      completionNote: 'Levert',
      actions: { complete: false },
    });
    const again = await call(s.boligkontor, 'POST', `/api/tasks/${unitTask.id}/dismiss`, {});
    expect([again.statusCode, again.json().code]).toEqual([409, 'task.not_open']);

    const own = await createTask(s.bosetter, {
      title: 'Egen',
      dueOn: '2026-09-05',
      assigneeUserId: a.users.bosetter.id,
    });
    const dismissed = await call(s.bosetter, 'POST', `/api/tasks/${own.id}/dismiss`, {});
    expect(dismissed.json<TaskDto>().state).toBe('dismissed');
    const closed = (await call(s.bosetter, 'GET', '/api/tasks/mine?state=dismissed')).json<TaskListResponse>();
    expect(closed.items.map((x) => x.id)).toEqual([own.id]);
  });

  it('PATCH reassigns and moves the due date under If-Match', async () => {
    const task = await createTask(s.boligkontor, { title: 'Flytt meg', dueOn: '2026-09-05', assigneeUnitId: a.unitId });
    expect((await call(s.boligkontor, 'PATCH', `/api/tasks/${task.id}`, { dueOn: '2026-09-20' })).statusCode).toBe(428);
    const stale = await call(
      s.boligkontor,
      'PATCH',
      `/api/tasks/${task.id}`,
      { dueOn: '2026-09-20' },
      { 'if-match': `"${task.version + 5}"` },
    );
    expect([stale.statusCode, stale.json().code]).toEqual([412, 'resource.version_conflict']);
    const moved = await call(
      s.boligkontor,
      'PATCH',
      `/api/tasks/${task.id}`,
      { dueOn: '2026-09-20', assigneeUnitId: null, assigneeUserId: a.users.eiendom.id },
      { 'if-match': `"${task.version}"` },
    );
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json<TaskDto>()).toMatchObject({
      dueOn: '2026-09-20',
      assignee: { userId: a.users.eiendom.id, unitId: null },
    });
    expect(moved.headers.etag).toBe(`"${task.version + 1}"`);
    // No assignee at all is refused.
    const none = await call(
      s.eiendom,
      'PATCH',
      `/api/tasks/${task.id}`,
      { assigneeUserId: null },
      { 'if-match': `"${task.version + 1}"` },
    );
    expect([none.statusCode, none.json().code]).toEqual([422, 'task.assignee_required']);
  });

  it('tasks about a subject need read permission on the subject; another municipality\u2019s subject is 404', async () => {
    const dwelling = await insertDwelling(db.app, a.tenantId, { disposingUnitId: a.unitId });
    const lease = await insertLease(db.app, a.tenantId, {
      dwellingId: dwelling.id,
      start: '2026-01-01',
      end: '2029-01-01',
    });
    const task = await createTask(s.boligkontor, {
      title: 'Om kontrakten',
      dueOn: '2026-09-05',
      assigneeUnitId: a.unitId,
      subjectType: 'lease',
      subjectId: lease.id,
    });
    expect(task.subject).toEqual({ type: 'lease', id: lease.id });
    const url = `/api/tasks?subjectType=lease&subjectId=${lease.id}`;
    expect((await call(s.eiendom, 'GET', url)).json<TaskListResponse>().items.map((x) => x.id)).toEqual([task.id]);
    expect((await call(s.admin, 'GET', url)).statusCode).toBe(403); // admin reads no leases
    expect((await call(bAdmin, 'GET', `/api/tasks?subjectType=dwelling&subjectId=${dwelling.id}`)).statusCode).toBe(
      403,
    );
    const bSession = await login(t.app, b.users.boligkontor.email, TEST_PASSWORD);
    expect((await call(bSession, 'GET', url)).statusCode).toBe(404);
    // Creating a task about another municipality's lease is 404 too, and writes nothing.
    const foreign = await call(bSession, 'POST', '/api/tasks', {
      title: 'X',
      dueOn: '2026-09-05',
      assigneeUserId: b.users.boligkontor.id,
      subjectType: 'lease',
      subjectId: lease.id,
    });
    expect(foreign.statusCode).toBe(404);
  });
});

describe('the calendar feed', () => {
  it('serves the open tasks as all-day events for a valid token only; rotation and revocation end old URLs', async () => {
    const none = (await call(s.eiendom, 'GET', '/api/calendar-feed')).json();
    expect(none).toEqual({ active: false, createdAt: null });
    const created = await call(s.eiendom, 'POST', '/api/calendar-feed');
    expect(created.statusCode).toBe(201);
    const { url } = created.json<{ url: string }>();
    expect(url).toMatch(/^https:\/\/husly\.example\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    const path = new URL(url).pathname;
    // Only the hash is stored.
    const token = path.slice('/calendar/'.length, -'.ics'.length);
    const stored = await withTenant(db.app, { tenantId: a.tenantId }, (trx) =>
      trx.selectFrom('app.calendar_feed').select('token_hash').execute(),
    );
    expect(stored.map((r) => r.token_hash).join()).not.toContain(token);

    const feed = await t.app.inject({ method: 'GET', url: path });
    expect(feed.statusCode, feed.body).toBe(200);
    expect(feed.headers['content-type']).toMatch(/^text\/calendar/);
    const body = feed.body.replace(/\r\n[ \t]/g, '');
    expect(body).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(body.trimEnd()).toMatch(/END:VCALENDAR$/);
    const events = body.split('BEGIN:VEVENT').slice(1);
    const mine = (await call(s.eiendom, 'GET', '/api/tasks/mine')).json<TaskListResponse>().items;
    const unit = (await call(s.eiendom, 'GET', '/api/tasks/unit')).json<TaskListResponse>().items;
    const expected = new Set([...mine, ...unit].map((x) => x.id));
    expect(events).toHaveLength(expected.size);
    expect(body).toContain('SUMMARY:Ring vaktmesteren');
    expect(body).toContain('DTSTART;VALUE=DATE:20260831');
    expect(body).not.toContain(TENANT_NAME);

    expect((await call(s.eiendom, 'GET', '/api/calendar-feed')).json().active).toBe(true);
    // Rotate: the old URL is gone, the new one works.
    const rotated = (await call(s.eiendom, 'POST', '/api/calendar-feed')).json<{ url: string }>();
    expect((await t.app.inject({ method: 'GET', url: path })).statusCode).toBe(404);
    const newPath = new URL(rotated.url).pathname;
    expect((await t.app.inject({ method: 'GET', url: newPath })).statusCode).toBe(200);
    // Revoke.
    expect((await call(s.eiendom, 'DELETE', '/api/calendar-feed')).statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: newPath })).statusCode).toBe(404);
    expect((await call(s.eiendom, 'GET', '/api/calendar-feed')).json().active).toBe(false);
    // Malformed and unknown tokens: 404.
    expect((await t.app.inject({ method: 'GET', url: '/calendar/abc.ics' })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: `/calendar/${'A'.repeat(43)}.ics` })).statusCode).toBe(404);
  });

  it("another municipality's feed shows only its own user's tasks", async () => {
    await createTask(bAdmin, { title: 'Molde-oppgave', dueOn: '2026-09-07', assigneeUserId: b.users.admin.id });
    const { url } = (await call(bAdmin, 'POST', '/api/calendar-feed')).json<{ url: string }>();
    const body = (await t.app.inject({ method: 'GET', url: new URL(url).pathname })).body;
    expect(body).toContain('SUMMARY:Molde-oppgave');
    expect(body).not.toContain('Ring vaktmesteren');
  });
});

describe('e-mail notifications through a real SMTP server', () => {
  type Captured = { from: string; to: string[]; data: string };
  let smtp: SMTPServer;
  let port: number;
  const captured: Captured[] = [];
  let failNext = false;

  beforeAll(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['AUTH', 'STARTTLS'],
      logger: false,
      onData(stream, session, callback) {
        let data = '';
        stream.on('data', (chunk: Buffer) => (data += chunk.toString('utf8')));
        stream.on('end', () => {
          if (failNext) return callback(new Error('451 temporary failure'));
          captured.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((r) => r.address),
            data,
          });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    port = (smtp.server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
  });

  it('mails each task once to its assignee (or unit members), without tenant names; a failure is retried', async () => {
    const tenant = await createTenantFixture(db.app, {
      kommunenummer: '0301',
      slug: 'oslo',
      roles: ['boligkontor', 'eiendom', 'admin'],
    });
    // The admin is in the unit but deactivated: no mail to them.
    await withTenant(db.app, { tenantId: tenant.tenantId }, (trx) =>
      trx.updateTable('app.staff_user').set({ active: false }).where('id', '=', tenant.users.admin.id).execute(),
    );
    const dwelling = await insertDwelling(db.app, tenant.tenantId, {
      disposingUnitId: tenant.unitId,
      status: 'let',
      statusSince: '2024-03-01',
    });
    const person = await insertPerson(db.app, tenant.tenantId);
    const lease = await insertLease(db.app, tenant.tenantId, {
      dwellingId: dwelling.id,
      start: '2024-03-01',
      end: '2027-03-01',
      personId: person,
      responsibleUnitId: tenant.unitId,
      reference: 'K-0012',
    });
    const personal = await withTenant(
      db.app,
      { tenantId: tenant.tenantId },
      async (trx) =>
        (
          await trx
            .insertInto('app.task')
            .values({
              tenant_id: tenant.tenantId,
              kind: 'manual',
              title: `Ring ${TENANT_NAME}`,
              due_on: '2026-09-20',
              assignee_user_id: tenant.users.eiendom.id,
            })
            .returning('id')
            .executeTakeFirstOrThrow()
        ).id,
    );
    const time = movableClock('2026-09-01');
    const log = captureLogger();
    const mailer = createSmtpMailer({ url: `smtp://127.0.0.1:${port}`, from: 'husly@oslo.kommune.example' });
    const sweep = () =>
      runScheduler({ db, clock: time.clock, logger: log.logger, mailer, publicUrl: 'https://husly.example' });

    // First the SMTP server refuses: nothing is marked notified, and the log names no address.
    failNext = true;
    const failed = await sweep();
    expect(failed.notificationFailures).toBeGreaterThan(0);
    const notifiedAfterFailure = await withTenant(db.app, { tenantId: tenant.tenantId }, (trx) =>
      trx.selectFrom('app.task').select('notified_at').where('notified_at', 'is not', null).execute(),
    );
    expect(notifiedAfterFailure).toHaveLength(0);
    expect(log.lines.join('')).not.toContain('@oslo.kommune.example');

    failNext = false;
    captured.length = 0;
    const report = await sweep();
    // Quoted-printable soft line breaks undone, so texts can be searched.
    const ours = captured
      .filter((m) => m.to.some((address) => address.endsWith('@oslo.kommune.example')))
      .map((m) => ({ ...m, data: m.data.replace(/=\r\n/g, '') }));
    expect(report.notified).toBeGreaterThanOrEqual(ours.length);
    expect(ours).toHaveLength(2); // the lease reminder and the manual task
    const reminderMail = ours.find((m) => m.data.includes('K-0012'))!;
    expect(reminderMail.to.sort()).toEqual([tenant.users.boligkontor.email, tenant.users.eiendom.email].sort());
    expect(reminderMail.from).toBe('husly@oslo.kommune.example');
    const decoded = reminderMail.data;
    expect(decoded).toMatch(/Subject: Husly: ny oppgave med frist 01\.09\.2026/);
    expect(decoded).toContain('https://husly.example/oppgaver');
    const personalMail = ours.find((m) => m !== reminderMail)!;
    expect(personalMail.to).toEqual([tenant.users.eiendom.email]);
    for (const mail of ours) {
      expect(mail.data).not.toContain('Amina');
      expect(mail.data).not.toContain('Testesen');
    }
    const flags = await withTenant(db.app, { tenantId: tenant.tenantId }, (trx) =>
      trx.selectFrom('app.task').select(['id', 'notified_at', 'subject_id']).execute(),
    );
    expect(flags.every((f) => f.notified_at !== null)).toBe(true);
    expect(flags.map((f) => f.subject_id ?? f.id).sort()).toEqual([lease.id, personal].sort());

    // No re-send on the next sweep.
    captured.length = 0;
    await sweep();
    expect(captured.filter((m) => m.to.some((address) => address.endsWith('@oslo.kommune.example')))).toHaveLength(0);
    mailer.close();
  });
});
