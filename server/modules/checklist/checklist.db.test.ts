import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { taskTitle } from '../../../shared/api/tasks';
import { DEFAULT_MOVE_IN_CHECKLIST } from '../../../shared/domain/move-in-checklist';
import { withTenant } from '../../db/tenant';
import { createTestApp, injectAs, login, type TestApp } from '../../test/app';
import { createTestDatabase, type TestDatabase } from '../../test/database';
import { createTenantFixture, TEST_PASSWORD, type TenantFixture } from '../../test/fixtures';
import { syncMoveInChecklist } from './checklist.usecases';
import { householdTasks, insertHousehold, insertUnit, updateHousehold } from './checklist.test-support';

// The move-in checklist as tasks (issue 5 item 6): generated from the arrival date with due dates
// and owners, the shared-housing-only item, idempotent, and a moved arrival date replaces the
// open tasks while done work stays done.

let db: TestDatabase;
let a: TenantFixture;
let t: TestApp;
let housingOffice: string;
let nav: string;

beforeAll(async () => {
  db = await createTestDatabase();
  a = await createTenantFixture(db.app, { kommunenummer: '1506', slug: 'molde', roles: ['admin', 'bosetter'] });
  housingOffice = await insertUnit(db.app, a.tenantId, 'Boligkontoret');
  nav = await insertUnit(db.app, a.tenantId, 'NAV Molde');
  t = await createTestApp(db);
}, 120_000);
afterAll(async () => {
  await t?.app.close();
  await db?.destroy();
});

const sync = (householdId: string) =>
  withTenant(db.app, { tenantId: a.tenantId }, (trx) =>
    syncMoveInChecklist(trx, { tenantId: a.tenantId, householdId, actorUserId: a.users.bosetter.id }),
  );

async function storeSettings(values: { unit_for_role?: Record<string, string>; checklist?: unknown[] | null }) {
  await withTenant(db.app, { tenantId: a.tenantId }, async (trx) => {
    await trx
      .insertInto('app.settlement_settings')
      .values({ tenant_id: a.tenantId })
      .onConflict((oc) => oc.column('tenant_id').doNothing())
      .execute();
    await trx
      .updateTable('app.settlement_settings')
      .set({
        ...(values.unit_for_role && { unit_for_role: JSON.stringify(values.unit_for_role) }),
        ...(values.checklist !== undefined && {
          checklist: values.checklist === null ? null : JSON.stringify(values.checklist),
        }),
      })
      .execute();
  });
}

describe('syncMoveInChecklist', () => {
  beforeAll(async () => {
    await storeSettings({ unit_for_role: { boligkontor: housingOffice, nav_veileder: nav }, checklist: null });
  });

  it('creates one task per item from the arrival date: due dates, owners mapped to units, the rest to the responsible unit', async () => {
    const h = await insertHousehold(db.app, a, { arrivalDate: '2026-03-10', dwellingType: 'flat' });
    expect(await sync(h.id)).toBe(DEFAULT_MOVE_IN_CHECKLIST.length - 1); // not the shared-housing item
    const tasks = await householdTasks(db.app, a.tenantId, h.id);
    const byKey = new Map(tasks.map((task) => [task.params['key'], task]));
    expect(byKey.has('house_rules_explained')).toBe(false);
    expect(byKey.get('deposit_guarantee')).toMatchObject({
      kind: 'movein.deposit_guarantee',
      due_on: '2026-03-03',
      assignee_unit_id: nav,
      state: 'open',
      dedupe_key: `movein:deposit_guarantee:${h.id}:2026-03-10`,
      created_by: a.users.bosetter.id,
    });
    expect(byKey.get('keys_handed_over')).toMatchObject({ due_on: '2026-03-10', assignee_unit_id: housingOffice });
    // eiendom and bosetter are not mapped: the household's responsible unit gets them.
    expect(byKey.get('furnished_standard_package')).toMatchObject({ due_on: '2026-03-07', assignee_unit_id: a.unitId });
    expect(byKey.get('bankid')).toMatchObject({ due_on: '2026-04-09', assignee_unit_id: a.unitId });
    expect(byKey.get('joint_intake_meeting')!.params).toEqual({
      key: 'joint_intake_meeting',
      arrivalDate: '2026-03-10',
      reference: h.reference,
      ownerRole: 'nav_veileder',
      requiresInterpreter: 1,
    });
    expect(taskTitle('nb', byKey.get('joint_intake_meeting')!)).toBe(
      `Felles innkomstmøte med NAV og bosetter (tolk) – husstand ${h.reference}, ankomst 10.03.2026`,
    );
    expect(tasks.every((task) => task.title === '')).toBe(true);
  });

  it('a re-run creates nothing new', async () => {
    const h = await insertHousehold(db.app, a, { arrivalDate: '2026-04-01' });
    const first = await sync(h.id);
    expect(first).toBeGreaterThan(0);
    expect(await sync(h.id)).toBe(0);
    expect(await sync(h.id)).toBe(0);
    expect(await householdTasks(db.app, a.tenantId, h.id)).toHaveLength(first);
  });

  it('adds the shared-housing item once the household is in shared housing (dwelling type or flag)', async () => {
    const byType = await insertHousehold(db.app, a, { arrivalDate: '2026-04-01', dwellingType: 'shared_housing' });
    await sync(byType.id);
    expect((await householdTasks(db.app, a.tenantId, byType.id)).map((x) => x.kind)).toContain(
      'movein.house_rules_explained',
    );

    const byFlag = await insertHousehold(db.app, a, { arrivalDate: '2026-04-01' });
    await sync(byFlag.id);
    const before = await householdTasks(db.app, a.tenantId, byFlag.id);
    expect(before.map((x) => x.kind)).not.toContain('movein.house_rules_explained');
    await updateHousehold(db.app, a.tenantId, byFlag.id, { shared_housing: true });
    expect(await sync(byFlag.id)).toBe(1);
    const rules = (await householdTasks(db.app, a.tenantId, byFlag.id)).find(
      (x) => x.kind === 'movein.house_rules_explained',
    );
    expect(rules).toMatchObject({ due_on: '2026-04-01', assignee_unit_id: a.unitId });
  });

  it('a moved arrival date dismisses the open tasks of the old date, keeps the done ones, and creates the new', async () => {
    const h = await insertHousehold(db.app, a, { arrivalDate: '2026-05-04' });
    const count = await sync(h.id);
    const done = (await householdTasks(db.app, a.tenantId, h.id)).find((x) => x.kind === 'movein.deposit_guarantee')!;
    await withTenant(db.app, { tenantId: a.tenantId }, (trx) =>
      trx
        .updateTable('app.task')
        .set({ state: 'done', completed_at: new Date(), completed_by: a.users.bosetter.id })
        .where('id', '=', done.id)
        .execute(),
    );

    await updateHousehold(db.app, a.tenantId, h.id, { arrival_date: '2026-05-18' });
    expect(await sync(h.id)).toBe(count);
    const tasks = await householdTasks(db.app, a.tenantId, h.id);
    const old = tasks.filter((x) => x.params['arrivalDate'] === '2026-05-04');
    const fresh = tasks.filter((x) => x.params['arrivalDate'] === '2026-05-18');
    expect(fresh).toHaveLength(count);
    expect(fresh.every((x) => x.state === 'open')).toBe(true);
    expect(old.find((x) => x.id === done.id)!.state).toBe('done');
    const dismissed = old.filter((x) => x.id !== done.id);
    expect(dismissed.every((x) => x.state === 'dismissed' && x.completed_by === null)).toBe(true);
    expect(dismissed[0]!.completion_note).toBe('Ankomstdatoen er endret; oppgaven er erstattet av en ny med ny frist.');
    expect(fresh.find((x) => x.kind === 'movein.keys_handed_over')!.due_on).toBe('2026-05-18');

    // Back to the first date: the system's dismissals are reopened, the done one stays done.
    const userDismissed = fresh.find((x) => x.kind === 'movein.bankid')!;
    await withTenant(db.app, { tenantId: a.tenantId }, (trx) =>
      trx
        .updateTable('app.task')
        .set({ state: 'dismissed', completed_at: new Date(), completed_by: a.users.bosetter.id })
        .where('id', '=', userDismissed.id)
        .execute(),
    );
    await updateHousehold(db.app, a.tenantId, h.id, { arrival_date: '2026-05-04' });
    expect(await sync(h.id)).toBe(count - 1); // every item of the first date but the done one
    const after = await householdTasks(db.app, a.tenantId, h.id);
    const open = after.filter((x) => x.state === 'open');
    expect(open.every((x) => x.params['arrivalDate'] === '2026-05-04')).toBe(true);
    expect(open).toHaveLength(count - 1);
    expect(after.find((x) => x.id === done.id)!.state).toBe('done');
    // Moving away from the second date again leaves the user's own dismissal as it was.
    expect(after.find((x) => x.id === userDismissed.id)).toMatchObject({
      state: 'dismissed',
      completed_by: a.users.bosetter.id,
    });
  });

  it('no arrival date: only dismisses; a household that left the pipeline gets no checklist', async () => {
    const h = await insertHousehold(db.app, a, { arrivalDate: '2026-06-01' });
    const count = await sync(h.id);
    await updateHousehold(db.app, a.tenantId, h.id, { arrival_date: null });
    expect(await sync(h.id)).toBe(0);
    const tasks = await householdTasks(db.app, a.tenantId, h.id);
    expect(tasks).toHaveLength(count);
    expect(tasks.every((x) => x.state === 'dismissed' && x.completion_note === 'Ankomstdatoen er fjernet.')).toBe(true);

    const declined = await insertHousehold(db.app, a, { arrivalDate: '2026-06-01' });
    await sync(declined.id);
    await updateHousehold(db.app, a.tenantId, declined.id, { pipeline_state: 'declined' });
    expect(await sync(declined.id)).toBe(0);
    expect((await householdTasks(db.app, a.tenantId, declined.id)).every((x) => x.state === 'dismissed')).toBe(true);
  });

  it("uses the municipality's own template: its own items titled by their label, disabled ones left out", async () => {
    await storeSettings({
      checklist: [
        { key: 'keys_handed_over', offsetDays: 1, ownerRole: 'boligkontor', sourceRef: 'R6.1' },
        { key: 'meter_readings', offsetDays: 0, ownerRole: 'eiendom', sourceRef: 'R6.12', enabled: false },
        {
          key: 'neighbours_informed',
          label: 'Naboene er informert',
          offsetDays: -2,
          ownerRole: 'miljoarbeider',
          requiresInterpreter: false,
          sourceRef: null,
        },
      ],
    });
    try {
      const h = await insertHousehold(db.app, a, { arrivalDate: '2026-07-01' });
      expect(await sync(h.id)).toBe(2);
      const tasks = await householdTasks(db.app, a.tenantId, h.id);
      expect(tasks.map((x) => [x.kind, x.due_on, x.title])).toEqual([
        ['movein.neighbours_informed', '2026-06-29', 'Naboene er informert'],
        ['movein.keys_handed_over', '2026-07-02', ''],
      ]);
      expect(taskTitle('en', tasks[0]!)).toBe(`Naboene er informert – household ${h.reference}, arrival 01.07.2026`);
    } finally {
      await storeSettings({ checklist: null });
    }
  });

  it('the tasks show on the household and in the unit inbox', async () => {
    const h = await insertHousehold(db.app, a, { arrivalDate: '2026-08-03' });
    const count = await sync(h.id);
    const bosetter = await login(t.app, a.users.bosetter.email, TEST_PASSWORD);
    const onHousehold = await injectAs(t.app, bosetter, 'GET', `/api/tasks?subjectType=household&subjectId=${h.id}`);
    expect(onHousehold.statusCode, onHousehold.body).toBe(200);
    expect(onHousehold.json().items).toHaveLength(count);
    const inbox = await injectAs(t.app, bosetter, 'GET', `/api/tasks/unit?unitId=${a.unitId}`);
    expect(inbox.statusCode, inbox.body).toBe(200);
    const ids = new Set(inbox.json().items.map((x: { id: string }) => x.id));
    for (const task of onHousehold
      .json()
      .items.filter((x: { assignee: { unitId: string } }) => x.assignee.unitId === a.unitId))
      expect(ids.has(task.id)).toBe(true);
  });
});
