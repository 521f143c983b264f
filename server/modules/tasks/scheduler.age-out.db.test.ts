import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { taskTitle, taskInstruction } from '../../../shared/api/tasks';
import { withTenant } from '../../db/tenant';
import { createTestDatabase, type TestDatabase } from '../../test/database';
import { createTenantFixture, type TenantFixture } from '../../test/fixtures';
import { insertHousehold } from '../checklist/checklist.test-support';
import { runScheduler } from './scheduler';
import { captureLogger, movableClock } from './tasks.test-support';

// Issue 5 item 8: an unaccompanied minor's housing and follow-up change at 18, 20 and 23. The
// sweep warns 6 and 3 months ahead (due at 17½ and 17¾ for 18), each warning once, to the
// household's responsible unit — with an injected clock.

let db: TestDatabase;
let a: TenantFixture;
const time = movableClock('2026-11-20');
const log = captureLogger();
const sweep = () => runScheduler({ db, clock: time.clock, logger: log.logger });

beforeAll(async () => {
  db = await createTestDatabase();
  a = await createTenantFixture(db.app, { kommunenummer: '1506', slug: 'molde', roles: ['admin', 'bosetter'] });
}, 120_000);
afterAll(async () => {
  await db?.destroy();
});

async function ageOutTasks(householdId?: string) {
  return withTenant(db.app, { tenantId: a.tenantId }, (trx) => {
    let query = trx
      .selectFrom('app.task')
      .selectAll()
      .where('kind', '=', 'household.age_out')
      .orderBy('due_on')
      .orderBy('dedupe_key');
    if (householdId) query = query.where('subject_id', '=', householdId);
    return query.execute();
  });
}

describe('EM age-out warnings', () => {
  let em: Awaited<ReturnType<typeof insertHousehold>>;
  let late: Awaited<ReturnType<typeof insertHousehold>>;

  beforeAll(async () => {
    // Turns 18 on 15.06.2027: warnings due 15.12.2026 (17½) and 15.03.2027 (17¾).
    em = await insertHousehold(db.app, a, {
      category: 'unaccompanied_minor',
      guardianName: 'Verge Vestrheim',
      members: [{ relation: 'main', birthDate: '2009-06-15' }],
    });
    // Registered late: turns 18 on 10.02.2027 (3-month warning already due on 10.11.2026) and a
    // sibling who turns 20 on 20.01.2027 (3-month warning already due on 20.10.2026).
    late = await insertHousehold(db.app, a, {
      category: 'unaccompanied_minor',
      members: [
        { relation: 'main', birthDate: '2009-02-10' },
        { relation: 'sibling', birthDate: '2007-01-20' },
        { relation: 'sibling', birthDate: '2009-01-01', leftOn: '2026-09-01' }, // left: no warnings
      ],
    });
    // Neither an adult household nor a declined EM household gets warnings.
    await insertHousehold(db.app, a, { members: [{ relation: 'main', birthDate: '2009-06-15' }] });
    await insertHousehold(db.app, a, {
      category: 'unaccompanied_minor',
      state: 'declined',
      members: [{ relation: 'main', birthDate: '2009-06-15' }],
    });
  });

  it('creates the warnings as they come within two weeks, late ones only when the shorter one is not due yet', async () => {
    time.at('2026-11-20');
    const first = await sweep();
    expect(first.ran).toBe(true);
    expect(first.ageOutWarningsCreated).toBe(2);
    expect(typeof first.personsAnonymised).toBe('number');
    expect(await ageOutTasks(em.id)).toEqual([]);
    // The late household: under 3 months to go → the 3-month warnings only (late), not the 6-month ones.
    expect((await ageOutTasks(late.id)).map((t) => [t.dedupe_key, t.due_on])).toEqual([
      [`em-age-out:20y:3m:${late.personIds[1]}`, '2026-10-20'],
      [`em-age-out:18y:3m:${late.personIds[0]}`, '2026-11-10'],
    ]);

    time.at('2026-12-01'); // 15.12 is within 14 days
    const second = await sweep();
    expect(second.ageOutWarningsCreated).toBe(1);
    const [warning] = await ageOutTasks(em.id);
    expect(warning).toMatchObject({
      due_on: '2026-12-15',
      subject_type: 'household',
      subject_id: em.id,
      assignee_unit_id: a.unitId,
      assignee_user_id: null,
      state: 'open',
      dedupe_key: `em-age-out:18y:6m:${em.personIds[0]}`,
    });
    expect(warning!.params).toEqual({ age: 18, date: '2027-06-15', monthsBefore: 6, reference: em.reference });
    expect(taskTitle('nb', warning!)).toBe(
      `Enslig mindreårig i husstand ${em.reference} fyller 18 år 15.06.2027 – 6 måneder igjen`,
    );
    expect(taskTitle('en', warning!)).toBe(
      `Unaccompanied minor in household ${em.reference} turns 18 on 15.06.2027 – 6 months left`,
    );
    expect(taskInstruction('nn', warning!)).toContain('18 år');
    expect(await ageOutTasks(late.id)).toHaveLength(2);
  });

  it('creates each warning once, however many sweeps run', async () => {
    time.at('2026-12-01');
    const before = await ageOutTasks();
    for (let i = 0; i < 3; i++) expect((await sweep()).ageOutWarningsCreated).toBe(0);
    await Promise.all([sweep(), sweep()]);
    expect(await ageOutTasks()).toEqual(before);
  });

  it('the 3-month warning comes at 17¾; nothing once the age is reached; 20 and 23 follow the same rule', async () => {
    time.at('2027-03-05');
    expect((await sweep()).ageOutWarningsCreated).toBe(1);
    expect((await ageOutTasks(em.id)).map((t) => [t.dedupe_key, t.due_on])).toEqual([
      [`em-age-out:18y:6m:${em.personIds[0]}`, '2026-12-15'],
      [`em-age-out:18y:3m:${em.personIds[0]}`, '2027-03-15'],
    ]);

    // 15.06.2027 passed: no more for 18; the 6-month warning for 20 comes at 19½ (15.12.2028).
    time.at('2027-07-01');
    expect((await sweep()).ageOutWarningsCreated).toBe(0);
    time.at('2028-12-10');
    await sweep();
    expect((await ageOutTasks(em.id)).map((t) => t.dedupe_key)).toContain(`em-age-out:20y:6m:${em.personIds[0]}`);
    time.at('2031-12-10');
    await sweep();
    expect((await ageOutTasks(em.id)).map((t) => t.dedupe_key)).toContain(`em-age-out:23y:6m:${em.personIds[0]}`);
    // The member who left the household never got a warning.
    expect((await ageOutTasks(late.id)).some((t) => t.dedupe_key?.endsWith(late.personIds[2]!))).toBe(false);
  });
});
