import { beforeAll, expect, it } from 'vitest';
import { withTenant } from '../../db/tenant';
import { describeAuthzMatrix, sendAs, useAuthzFixture, type AuthzEndpoint, type AuthzRequest } from '../../test/authz';
import { insertDwelling, insertLease } from './tasks.test-support';

// ASVS 8.2.1/8.2.2, RELIABILITY S5 for the tasks, calendar-feed and housing-settings endpoints:
// every role × endpoint, the expectation computed from the permission matrix. Allowed → 2xx,
// denied → 403; another municipality's object → 404 (no existence oracle). Task actions are
// decided per task (assignee / unit member with write:task:unit) after the task is found, so a
// foreign task is 404 for every role.

const fx = useAuthzFixture();
let leaseA: string;
let leaseB: string;
let taskB: string;

beforeAll(async () => {
  const { a, b, db } = fx;
  leaseA = (
    await insertLease(db.app, a.tenantId, {
      dwellingId: (await insertDwelling(db.app, a.tenantId)).id,
      start: '2026-01-01',
      end: '2029-01-01',
    })
  ).id;
  leaseB = (
    await insertLease(db.app, b.tenantId, {
      dwellingId: (await insertDwelling(db.app, b.tenantId)).id,
      start: '2026-01-01',
      end: '2029-01-01',
    })
  ).id;
  taskB = await withTenant(
    db.app,
    { tenantId: b.tenantId },
    async (trx) =>
      (
        await trx
          .insertInto('app.task')
          .values({
            tenant_id: b.tenantId,
            kind: 'manual',
            title: 'B',
            due_on: '2026-12-01',
            assignee_unit_id: b.unitId,
          })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id,
  );
}, 120_000);
/** A fresh open task in A, assigned to the fixture unit (every fixture user is a member) or to `userId`. */
async function taskInA(assignee: { unit?: true; userId?: string }): Promise<{ id: string; version: number }> {
  const { a } = fx;
  return withTenant(fx.db.app, { tenantId: a.tenantId }, async (trx) =>
    trx
      .insertInto('app.task')
      .values({
        tenant_id: a.tenantId,
        kind: 'manual',
        title: 'A',
        due_on: '2026-12-01',
        assignee_unit_id: assignee.unit ? a.unitId : null,
        assignee_user_id: assignee.userId ?? null,
      })
      .returning(['id', 'version'])
      .executeTakeFirstOrThrow(),
  );
}

const endpoints: AuthzEndpoint[] = [
  {
    name: 'GET /api/tasks/mine',
    permission: 'read:task:own',
    own: async () => ({ method: 'GET', url: '/api/tasks/mine' }),
  },
  {
    name: 'GET /api/tasks/unit',
    permission: 'read:task:unit',
    own: async () => ({ method: 'GET', url: `/api/tasks/unit?unitId=${fx.a.unitId}` }),
    other: async () => ({ method: 'GET', url: `/api/tasks/unit?unitId=${fx.b.unitId}` }),
  },
  {
    name: 'GET /api/tasks/assignees',
    permission: 'write:task:own',
    own: async () => ({ method: 'GET', url: '/api/tasks/assignees' }),
  },
  {
    name: 'GET /api/tasks?subjectType=lease',
    permission: 'read:lease:any',
    own: async () => ({ method: 'GET', url: `/api/tasks?subjectType=lease&subjectId=${leaseA}` }),
    other: async () => ({ method: 'GET', url: `/api/tasks?subjectType=lease&subjectId=${leaseB}` }),
  },
  {
    name: 'POST /api/tasks (for oneself)',
    permission: 'write:task:own',
    own: async (role) => ({
      method: 'POST',
      url: '/api/tasks',
      payload: { title: 'Meg', dueOn: '2026-12-01', assigneeUserId: fx.a.users[role].id },
    }),
  },
  {
    name: 'POST /api/tasks (for a unit)',
    permission: 'write:task:unit',
    own: async () => ({
      method: 'POST',
      url: '/api/tasks',
      payload: { title: 'Enhet', dueOn: '2026-12-01', assigneeUnitId: fx.a.unitId },
    }),
  },
  {
    name: 'POST /api/tasks/:id/complete (own task)',
    permission: 'write:task:own',
    own: async (role) => ({
      method: 'POST',
      url: `/api/tasks/${(await taskInA({ userId: fx.a.users[role].id })).id}/complete`,
      payload: {},
    }),
    other: async () => ({ method: 'POST', url: `/api/tasks/${taskB}/complete`, payload: {} }),
    foreignIs404: true,
  },
  {
    name: 'POST /api/tasks/:id/complete (unit task)',
    permission: 'write:task:unit',
    own: async () => ({
      method: 'POST',
      url: `/api/tasks/${(await taskInA({ unit: true })).id}/complete`,
      payload: {},
    }),
    other: async () => ({ method: 'POST', url: `/api/tasks/${taskB}/complete`, payload: {} }),
    foreignIs404: true,
  },
  {
    name: 'POST /api/tasks/:id/dismiss (unit task)',
    permission: 'write:task:unit',
    own: async () => ({ method: 'POST', url: `/api/tasks/${(await taskInA({ unit: true })).id}/dismiss`, payload: {} }),
    other: async () => ({ method: 'POST', url: `/api/tasks/${taskB}/dismiss`, payload: {} }),
    foreignIs404: true,
  },
  {
    name: 'PATCH /api/tasks/:id (unit task)',
    permission: 'write:task:unit',
    own: async () => {
      const task = await taskInA({ unit: true });
      return {
        method: 'PATCH',
        url: `/api/tasks/${task.id}`,
        payload: { dueOn: '2026-12-24' },
        headers: { 'if-match': `"${task.version}"` },
      };
    },
    other: async () => ({
      method: 'PATCH',
      url: `/api/tasks/${taskB}`,
      payload: { dueOn: '2026-12-24' },
      headers: { 'if-match': '"1"' },
    }),
    foreignIs404: true,
  },
  {
    name: 'GET /api/calendar-feed',
    permission: 'read:task:own',
    own: async () => ({ method: 'GET', url: '/api/calendar-feed' }),
  },
  {
    name: 'POST /api/calendar-feed',
    permission: 'write:task:own',
    own: async () => ({ method: 'POST', url: '/api/calendar-feed' }),
  },
  {
    name: 'DELETE /api/calendar-feed',
    permission: 'write:task:own',
    own: async () => ({ method: 'DELETE', url: '/api/calendar-feed' }),
  },
  {
    name: 'GET /api/housing-settings',
    permission: 'read:housing_settings:any',
    own: async () => ({ method: 'GET', url: '/api/housing-settings' }),
  },
  {
    name: 'PATCH /api/housing-settings',
    permission: 'write:housing_settings:any',
    own: () => ({
      method: 'PATCH',
      url: '/api/housing-settings',
      payload: { internalRentAfterMonths: 2 },
      etagFrom: '/api/housing-settings',
    }),
  },
];

describeAuthzMatrix('the tasks role × endpoint matrix', { fixture: fx, endpoints }, () => {
  it('the calendar feed needs no session but a valid token; a session cookie alone gets 404', async () => {
    const response = await fx.t.app.inject({
      method: 'GET',
      url: `/calendar/${'x'.repeat(43)}.ics`,
      headers: { cookie: fx.sessions.admin.cookie },
    });
    expect(response.statusCode).toBe(404);
  });

  it('every state-changing task endpoint refuses a request without the CSRF token', async () => {
    const task = await taskInA({ unit: true });
    const requests: AuthzRequest[] = [
      { method: 'POST', url: '/api/tasks', payload: { title: 'X', dueOn: '2026-12-01', assigneeUnitId: fx.a.unitId } },
      { method: 'POST', url: `/api/tasks/${task.id}/complete`, payload: {} },
      { method: 'POST', url: '/api/calendar-feed' },
      { method: 'DELETE', url: '/api/calendar-feed' },
    ];
    for (const request of requests) {
      const response = await sendAs(fx, fx.sessions.boligkontor, request, { csrf: false });
      expect(response.statusCode, request.url).toBe(403);
      expect(response.json().code).toBe('auth.csrf');
    }
  });
});
