import { readFileSync } from 'node:fs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isMinorOn, type BirthDatePrecision } from '../shared/domain/birth-date';
import { validateMembers, type Relation } from '../shared/domain/household-composition';
import { PIPELINE_STATES, settlementClock, TRANSITIONS, type PipelineState } from '../shared/domain/pipeline';
import { refugeeCategories } from '../shared/intake/imdi-intake';
import { withTenant } from './db/tenant';
import { findMunicipalityByNumber } from './modules/municipalities/municipalities.usecases';
import { seedDemo } from './seed';
import { ALLOCATION_HOUSEHOLDS } from './seed-allocation';
import { DEMO_EMERGENCY_PHONE, DEMO_HOUSEHOLDS, DEMO_QUARTER_TARGETS, seedHouseholds } from './seed-households';
import { createTestDatabase, tableRowCount, type TestDatabase } from './test/database';
import { createTenantFixture } from './test/fixtures';

// The demo households (server/seed-households.ts) on a fresh database, through the demo seed:
// every pipeline state and category, valid by the API's rules, reserved dwellings that really are
// reserved, a consistent pipeline history, contacts for arriving and settled households — and a
// second run that changes nothing.

const TODAY = '2026-03-10';
const clock = () => new Date(`${TODAY}T10:00:00Z`);

let db: TestDatabase;
let tenantId: string;
beforeAll(async () => {
  db = await createTestDatabase();
}, 120_000);

afterAll(() => db.destroy());

async function countRows(id: string) {
  return withTenant(db.app, { tenantId: id }, async (trx) => {
    const count = (table: string) => tableRowCount(trx, table);
    return {
      households: await count('app.household'),
      persons: await count('app.person'),
      members: await count('app.household_member'),
      events: await count('app.pipeline_event'),
      contacts: await count('app.household_contact'),
      special: await count('app.special_category_record'),
      targets: await count('app.settlement_target'),
      settings: await count('app.settlement_settings'),
      dwellingEvents: await count('app.dwelling_status_event'),
      tasks: await count('app.task'),
    };
  });
}

describe('the demo household seed', () => {
  it('seeds households in every pipeline state and category into a fresh database, with the demo', async () => {
    const result = await seedDemo({ db: db.app, password: 'husly-demo', clock });
    expect(result.created).toBe(true);
    tenantId = (await findMunicipalityByNumber(db.app, '1506'))!.tenant_id;
    const counts = await countRows(tenantId);
    // The demo seed adds the allocation batch's households (server/seed-allocation.ts) after these.
    expect(counts.households).toBe(DEMO_HOUSEHOLDS.length + ALLOCATION_HOUSEHOLDS.length);
    expect(counts.households).toBeGreaterThanOrEqual(20);
    expect(counts.targets).toBe(4);
    expect(counts.settings).toBe(1);
    expect(counts.special).toBeGreaterThanOrEqual(2);

    await withTenant(db.app, { tenantId }, async (trx) => {
      const households = await trx.selectFrom('app.household').selectAll().orderBy('reference').execute();
      expect(new Set(households.map((h) => h.pipeline_state))).toEqual(new Set(PIPELINE_STATES));
      expect(new Set(households.map((h) => h.category))).toEqual(new Set(refugeeCategories));
      for (const h of households) expect(h.reference).toMatch(/^H-\d{4}-\d{4}$/);

      const settings = await trx.selectFrom('app.settlement_settings').selectAll().executeTakeFirstOrThrow();
      expect(settings).toMatchObject({ agreed_target_days: null, emergency_phone: DEMO_EMERGENCY_PHONE });
      const targets = await trx
        .selectFrom('app.settlement_target')
        .select(['year', 'quarter', 'target'])
        .orderBy('quarter')
        .execute();
      expect(targets).toEqual(DEMO_QUARTER_TARGETS.map((target, i) => ({ year: 2026, quarter: i + 1, target })));

      const members = await trx
        .selectFrom('app.household_member as m')
        .innerJoin('app.person as p', (j) =>
          j.onRef('p.tenant_id', '=', 'm.tenant_id').onRef('p.id', '=', 'm.person_id'),
        )
        .select([
          'm.household_id',
          'm.relation',
          'p.full_name',
          'p.transliteration',
          'p.birth_date',
          'p.birth_date_precision',
          'p.identity_number',
          'p.duf_number',
          'p.arrival_date',
          'p.settlement_date',
        ])
        .execute();
      const scripts = ['Arabic', 'Ethiopic', 'Cyrillic', 'Latin'].map((script) =>
        members.some((m) => new RegExp(`^\\p{Script=${script}}`, 'u').test(m.full_name)),
      );
      expect(scripts).toEqual([true, true, true, true]);
      // Dari in the Perso-Arabic script: letters Arabic does not have (پ چ ژ گ ی).
      expect(members.some((m) => /[\u067E\u0686\u0698\u06AF\u06CC]/u.test(m.full_name))).toBe(true);
      expect(members.some((m) => m.full_name.includes("'"))).toBe(true);
      expect(members.filter((m) => !/^\p{Script=Latin}/u.test(m.full_name)).every((m) => m.transliteration)).toBe(true);
      expect(members.some((m) => m.birth_date_precision === 'year')).toBe(true);
      expect(members.some((m) => m.identity_number === null && m.duf_number === null)).toBe(true);

      for (const h of households) {
        const own = members.filter((m) => m.household_id === h.id);
        const birth = (m: (typeof own)[number]) => ({
          date: m.birth_date!,
          precision: m.birth_date_precision as BirthDatePrecision,
        });
        expect(
          validateMembers(own.map((m) => ({ relation: m.relation as Relation, birthDate: birth(m) }))),
          h.reference,
        ).toEqual({ ok: true });
        const main = own.find((m) => m.relation === 'main')!;
        if (isMinorOn(birth(main), TODAY)) expect(h.guardian_name, h.reference).not.toBeNull();
        if (
          h.category === 'unaccompanied_minor' &&
          ['proposed', 'accepted', 'ready_to_move_in'].includes(h.pipeline_state)
        ) {
          expect(isMinorOn(birth(main), TODAY), h.reference).toBe(true);
        }
        if (h.settlement_date) {
          expect(h.arrival_date! <= h.settlement_date, h.reference).toBe(true);
          expect(own.every((m) => m.settlement_date === h.settlement_date && m.arrival_date === h.arrival_date)).toBe(
            true,
          );
        }
        if (['settled', 'moved_on', 'moved_away'].includes(h.pipeline_state)) expect(h.settlement_date).not.toBeNull();
        expect(h.residence_permit_date! <= h.proposed_on).toBe(true);
      }
      // A few EMs with a guardian.
      expect(
        households.filter((h) => h.category === 'unaccompanied_minor' && h.guardian_name).length,
      ).toBeGreaterThanOrEqual(3);

      // Some are overdue by the national rule or by their agreed target.
      const overdue = households.filter(
        (h) =>
          ['proposed', 'accepted', 'dwelling_reserved', 'ready_to_move_in'].includes(h.pipeline_state) &&
          settlementClock({
            permitDate: h.residence_permit_date!,
            group: h.category === 'unaccompanied_minor' ? 'unaccompanied_minor' : 'adult',
            agreedTargetDays: h.agreed_target_days,
            today: TODAY,
          }).overdue,
      );
      expect(overdue.length).toBeGreaterThanOrEqual(3);
      expect(overdue.some((h) => h.category === 'unaccompanied_minor')).toBe(true);
      expect(overdue.some((h) => h.agreed_target_days !== null)).toBe(true);

      // The history: a legal path from proposed (with IMDi's proposal as the first event) to the
      // current state, in date order, every step with an actor.
      const events = await trx
        .selectFrom('app.pipeline_event')
        .selectAll()
        .orderBy('occurred_at')
        .orderBy('effective_on')
        .execute();
      for (const h of households) {
        const own = events.filter((e) => e.household_id === h.id);
        expect(own[0]).toMatchObject({ from_state: null, to_state: 'proposed', effective_on: h.proposed_on });
        for (const [i, e] of own.entries()) {
          expect(e.actor_user_id).not.toBeNull();
          if (i === 0) continue;
          const prev = own[i - 1]!;
          expect(e.from_state).toBe(prev.to_state);
          expect(
            TRANSITIONS[prev.to_state as PipelineState].some((r) => r.to === e.to_state),
            `${h.reference} ${prev.to_state}→${e.to_state}`,
          ).toBe(true);
          expect(e.effective_on >= prev.effective_on).toBe(true);
          if (e.to_state === 'declined' || e.to_state === 'withdrawn') expect(e.reason.trim()).not.toBe('');
        }
        expect(own.at(-1)!.to_state).toBe(h.pipeline_state);
      }

      // Reserved and ready households hold a dwelling that is reserved, with a history event.
      const holding = households.filter((h) => ['dwelling_reserved', 'ready_to_move_in'].includes(h.pipeline_state));
      expect(holding.length).toBeGreaterThanOrEqual(4);
      const dwellings = await trx
        .selectFrom('app.dwelling')
        .select(['id', 'status'])
        .where(
          'id',
          'in',
          holding.map((h) => h.reserved_dwelling_id!),
        )
        .execute();
      expect(dwellings).toHaveLength(holding.length);
      expect(dwellings.every((d) => d.status === 'reserved')).toBe(true);
      const latest = await sql<{ n: number }>`select count(*)::int as n from app.dwelling d
        cross join lateral (select e.status, e.valid_from from app.dwelling_status_event e
          where e.dwelling_id = d.id order by e.changed_at desc, e.valid_from desc limit 1) latest
        where (d.status, d.status_since) is distinct from (latest.status, latest.valid_from)`.execute(trx);
      expect(latest.rows[0]!.n).toBe(0);

      // Contacts for arriving and settled households, with the Molde demo staff; all reachable.
      const contacts = await trx.selectFrom('app.household_contact').selectAll().execute();
      for (const h of households.filter((x) => ['ready_to_move_in', 'settled'].includes(x.pipeline_state))) {
        const roles = contacts.filter((c) => c.household_id === h.id).map((c) => c.role);
        expect(roles, h.reference).toEqual(expect.arrayContaining(['settlement_worker', 'nav_adviser', 'emergency']));
        if (h.category === 'unaccompanied_minor')
          expect(roles).toEqual(expect.arrayContaining(['on_site_staff', 'guardian']));
      }
      const staff = await trx.selectFrom('app.staff_user').select(['id', 'email']).execute();
      const staffIds = new Set(staff.map((s) => s.id));
      expect(contacts.filter((c) => c.staff_user_id !== null).every((c) => staffIds.has(c.staff_user_id!))).toBe(true);
      expect(staff.every((s) => s.email.endsWith('@molde.kommune.example'))).toBe(true);

      // Households with an arrival date have their move-in checklist as tasks (checklist module).
      const tasks = await trx
        .selectFrom('app.task')
        .select(['subject_id'])
        .where('subject_type', '=', 'household')
        .where('kind', 'like', 'movein.%')
        .execute();
      const withChecklist = new Set(tasks.map((t) => t.subject_id));
      const arriving = households.filter(
        (h) => h.arrival_date && ['ready_to_move_in', 'settled'].includes(h.pipeline_state),
      );
      expect(arriving.length).toBeGreaterThanOrEqual(5);
      expect(arriving.filter((h) => !withChecklist.has(h.id)).map((h) => h.reference)).toEqual([]);

      // Settled households this year count towards the quarters.
      expect(households.some((h) => h.settlement_date?.startsWith('2026'))).toBe(true);
    });
  });

  it('does not duplicate anything when run again', async () => {
    const before = await countRows(tenantId);
    const again = await seedHouseholds({ db: db.app, tenantId, today: TODAY });
    expect(again.created).toBe(false);
    expect((await seedDemo({ db: db.app, password: 'husly-demo', clock })).created).toBe(false);
    expect(await countRows(tenantId)).toEqual(before);
  });

  it('shares no IMDi case, identity number or DUF number with the example proposal the browser test imports', async () => {
    const example = readFileSync(new URL('../docs/examples/imdi-intake-example.json', import.meta.url), 'utf8');
    const numbers = new Set(example.match(/[0-9]{11,12}/g));
    const caseIds = new Set(example.match(/IMDI-[0-9]{4}-[0-9]+/g));
    await withTenant(db.app, { tenantId }, async (trx) => {
      const persons = await trx.selectFrom('app.person').select(['identity_number', 'duf_number']).execute();
      expect(persons.filter((p) => numbers.has(p.identity_number ?? '') || numbers.has(p.duf_number ?? ''))).toEqual(
        [],
      );
      const households = await trx.selectFrom('app.household').select('imdi_case_id').execute();
      expect(households.filter((h) => caseIds.has(h.imdi_case_id ?? ''))).toEqual([]);
    });
  });

  it('two seeds at once write the households exactly once', async () => {
    const fresh = await createTestDatabase();
    try {
      const fixture = await createTenantFixture(fresh.app, {
        kommunenummer: '1506',
        slug: 'molde',
        roles: ['admin', 'bosetter'],
      });
      const results = await Promise.all([
        seedHouseholds({ db: fresh.app, tenantId: fixture.tenantId, today: TODAY }),
        seedHouseholds({ db: fresh.app, tenantId: fixture.tenantId, today: TODAY }),
      ]);
      expect(results.map((r) => r.created).sort()).toEqual([false, true]);
      // Without a housing stock there is nothing to reserve: those households stay accepted.
      const created = results.find((r) => r.created)!;
      expect(created.counts.reserved).toBe(0);
      const states = await withTenant(fresh.app, { tenantId: fixture.tenantId }, (trx) =>
        trx.selectFrom('app.household').select('pipeline_state').execute(),
      );
      expect(states).toHaveLength(DEMO_HOUSEHOLDS.length);
      expect(
        states.some((s) => s.pipeline_state === 'dwelling_reserved' || s.pipeline_state === 'ready_to_move_in'),
      ).toBe(false);
    } finally {
      await fresh.destroy();
    }
  });
});
