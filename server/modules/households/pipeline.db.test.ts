import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { BoardResponse, HouseholdDto, HouseholdListResponse, QuartersResponse } from '../../../shared/api/households';
import { PIPELINE_STATES, TRANSITIONS, type PipelineState } from '../../../shared/domain/pipeline';
import { withTenant } from '../../db/tenant';
import { createTestApp, login, type LoggedIn, type TestApp } from '../../test/app';
import { createTestDatabase, type TestDatabase } from '../../test/database';
import { createTenantFixture, TEST_PASSWORD, type TenantFixture } from '../../test/fixtures';
import {
  api,
  dwellingStatus,
  householdWrites,
  insertHouseholdInState,
  insertTestDwelling,
  insertTestPerson,
} from './households.test-support';

// The settlement pipeline through the HTTP API: the complete transition table (every state ×
// every target), reasons, the reserved dwelling (exclusive, also under 20 concurrent requests;
// freed back to its earlier status), the settlement date rules, the clocks with an injected
// clock (6 months adult, 3 months EM, an agreed 30-day target, stopped when settled), the board
// and the quarterly counts against targets. The test clock starts on 2026-11-21.

let db: TestDatabase;
let t: TestApp;
let a: TenantFixture;
let b: TenantFixture;
let worker: LoggedIn;
let call: ReturnType<typeof api>;
const START = new Date('2026-11-21T09:00:00Z');

beforeAll(async () => {
  db = await createTestDatabase({ poolSize: 8 });
  a = await createTenantFixture(db.app, { kommunenummer: '1506', slug: 'molde', roles: ['admin', 'bosetter', 'leder'] });
  b = await createTenantFixture(db.app, { kommunenummer: '1804', slug: 'bodo', roles: ['admin'] });
  t = await createTestApp(db);
  worker = await login(t.app, a.users.bosetter.email, TEST_PASSWORD);
  call = api(() => t.app, worker);
}, 120_000);
afterAll(async () => {
  await t.app.close();
  await db.destroy();
});
/** Moves the test clock; sessions have idle and absolute timeouts, so sign in again at the new time. */
async function setClock(now: Date) {
  if (t.clock.now.getTime() === now.getTime()) return;
  t.clock.now = now;
  worker = await login(t.app, a.users.bosetter.email, TEST_PASSWORD);
  call = api(() => t.app, worker);
}
afterEach(() => setClock(START));

const own = () => ({ tenantId: a.tenantId, unitId: a.unitId });
const inState = (state: PipelineState, extra: Parameters<typeof insertHouseholdInState>[3] = {}) =>
  insertHouseholdInState(db.app, own(), state, extra);

async function get(id: string) {
  const response = await call('GET', `/api/households/${id}`);
  expect(response.statusCode, response.body).toBe(200);
  return { body: response.json<HouseholdDto>(), etag: String(response.headers.etag) };
}

async function move(id: string, payload: Record<string, unknown>, version?: number) {
  const etag = version === undefined ? (await get(id)).etag : `"${version}"`;
  return call('POST', `/api/households/${id}/transitions`, payload, { 'if-match': etag });
}

async function expectRefusedMove(id: string, payload: Record<string, unknown>, status: number, code: string, pointer?: string) {
  const { etag } = await get(id); // reading writes its audit entry before the count
  const before = await householdWrites(db.app, a.tenantId);
  const response = await call('POST', `/api/households/${id}/transitions`, payload, { 'if-match': etag });
  expect(response.statusCode, response.body).toBe(status);
  expect(response.json().code).toBe(code);
  if (pointer) expect(response.json().errors).toContainEqual({ pointer, code });
  expect(await householdWrites(db.app, a.tenantId)).toEqual(before);
  return response;
}

describe('the transition table, every state × every target', () => {
  const cells = PIPELINE_STATES.flatMap((from) => PIPELINE_STATES.map((to) => [from, to] as const));

  it.each(cells)('%s → %s', async (from, to) => {
    const h = await inState(from);
    const rule = TRANSITIONS[from].find((r) => r.to === to);
    const payload: Record<string, unknown> = { to, reason: 'Begrunnelse for endringen' };
    if (to === 'dwelling_reserved' && from === 'accepted') payload.dwellingId = await insertTestDwelling(db.app, a.tenantId);
    if (to === 'settled') payload.effectiveOn = '2026-11-20';
    if (!rule) {
      await expectRefusedMove(h.id, payload, 409, 'pipeline.transition_invalid', '/to');
      return;
    }
    const before = await householdWrites(db.app, a.tenantId);
    const response = await move(h.id, payload);
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json<HouseholdDto>();
    expect(body.state).toBe(to);
    expect(body.version).toBe(2);
    expect(response.headers.etag).toBe('"2"');
    expect(body.history[0]).toMatchObject({ fromState: from, toState: to, reason: 'Begrunnelse for endringen', actorName: 'Test bosetter' });
    const after = await householdWrites(db.app, a.tenantId);
    expect(after.pipeline_event).toBe(before.pipeline_event + 1);
    // The transition is audited as an update of the household.
    const audit = await withTenant(db.app, { tenantId: a.tenantId }, (trx) =>
      trx.selectFrom('app.audit_log').select(['action', 'fields']).where('subject_id', '=', h.id).where('action', '=', 'update').execute(),
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]!.fields).toContain('pipeline_state');
  });

  const reasoned = PIPELINE_STATES.flatMap((from) => TRANSITIONS[from].filter((r) => r.reasonRequired).map((r) => [from, r.to] as const));

  it.each(reasoned)('%s → %s needs a reason (none or blank: 422, nothing written)', async (from, to) => {
    const h = await inState(from);
    await expectRefusedMove(h.id, { to }, 422, 'pipeline.reason_required', '/reason');
    await expectRefusedMove(h.id, { to, reason: '   ' }, 422, 'pipeline.reason_required', '/reason');
  });

  it('forward steps need no reason', async () => {
    const h = await inState('proposed');
    const response = await move(h.id, { to: 'accepted' });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json<HouseholdDto>().history[0]!.reason).toBe('');
  });

  it('refuses an unknown state name as a bad request', async () => {
    const h = await inState('proposed');
    const response = await move(h.id, { to: 'teleported' });
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe('request.invalid');
  });

  it('needs If-Match: 428 without, 412 with a stale version, nothing written', async () => {
    const h = await inState('proposed');
    const before = await householdWrites(db.app, a.tenantId);
    const missing = await call('POST', `/api/households/${h.id}/transitions`, { to: 'accepted' });
    expect(missing.statusCode).toBe(428);
    const stale = await call('POST', `/api/households/${h.id}/transitions`, { to: 'accepted' }, { 'if-match': '"7"' });
    expect(stale.statusCode).toBe(412);
    expect(stale.json().code).toBe('resource.version_conflict');
    expect(await householdWrites(db.app, a.tenantId)).toEqual(before);
    // Two workers with the same version: the second is refused.
    expect((await move(h.id, { to: 'accepted' }, 1)).statusCode).toBe(200);
    const second = await move(h.id, { to: 'declined', reason: 'Ingen bolig' }, 1);
    expect(second.statusCode).toBe(412);
  });

  it('is 404 for another municipality’s household', async () => {
    const foreign = await insertHouseholdInState(db.app, { tenantId: b.tenantId, unitId: b.unitId }, 'proposed');
    const response = await call('POST', `/api/households/${foreign.id}/transitions`, { to: 'accepted' }, { 'if-match': '"1"' });
    expect(response.statusCode).toBe(404);
  });
});

describe('the reserved dwelling', () => {
  it('requires a dwelling, which must be ready or vacant and of this municipality', async () => {
    const h = await inState('accepted');
    await expectRefusedMove(h.id, { to: 'dwelling_reserved' }, 422, 'household.dwelling_required', '/dwellingId');
    const let_ = await insertTestDwelling(db.app, a.tenantId, { status: 'let' });
    await expectRefusedMove(h.id, { to: 'dwelling_reserved', dwellingId: let_ }, 409, 'household.dwelling_unavailable', '/dwellingId');
    const foreign = await insertTestDwelling(db.app, b.tenantId);
    const response = await expectRefusedMove(h.id, { to: 'dwelling_reserved', dwellingId: foreign }, 404, 'resource.not_found');
    expect(response.body).not.toContain(b.tenantId);
  });

  it('refuses a dwelling another household holds with 409 and that household', async () => {
    const holder = await inState('ready_to_move_in');
    // Even if its status were set back by hand, the holding household still has it.
    await withTenant(db.app, { tenantId: a.tenantId }, (trx) =>
      trx.updateTable('app.dwelling').set({ status: 'ready' }).where('id', '=', holder.dwellingId!).execute(),
    );
    const h = await inState('accepted');
    const response = await expectRefusedMove(h.id, { to: 'dwelling_reserved', dwellingId: holder.dwellingId }, 409, 'household.dwelling_taken');
    expect(response.json().conflict).toEqual({ id: holder.id, reference: holder.reference });
  });

  it('reserves the dwelling, and a step back frees it to the status it had before (ready or vacant)', async () => {
    for (const earlier of ['ready', 'vacant'] as const) {
      const dwellingId = await insertTestDwelling(db.app, a.tenantId, { status: earlier });
      const h = await inState('accepted');
      const reserved = await move(h.id, { to: 'dwelling_reserved', dwellingId, effectiveOn: '2026-11-15' });
      expect(reserved.statusCode, reserved.body).toBe(200);
      expect(reserved.json<HouseholdDto>().reservedDwelling?.id).toBe(dwellingId);
      expect(reserved.json<HouseholdDto>().history[0]!.dwelling?.id).toBe(dwellingId);
      expect(await dwellingStatus(db.app, a.tenantId, dwellingId)).toBe('reserved');
      expect((await move(h.id, { to: 'ready_to_move_in' })).statusCode).toBe(200);
      const back = await move(h.id, { to: 'accepted', reason: 'Boligen ble for liten' });
      expect(back.statusCode, back.body).toBe(200);
      expect(back.json<HouseholdDto>().reservedDwelling).toBeNull();
      expect(back.json<HouseholdDto>().history[0]!.dwelling?.id).toBe(dwellingId);
      expect(await dwellingStatus(db.app, a.tenantId, dwellingId)).toBe(earlier);
      // Free again: another household can reserve it now.
      const next = await inState('accepted');
      expect((await move(next.id, { to: 'dwelling_reserved', dwellingId })).statusCode).toBe(200);
    }
  });

  it('a withdrawal frees the dwelling; a lease’s status is left alone', async () => {
    const dwellingId = await insertTestDwelling(db.app, a.tenantId);
    const h = await inState('accepted');
    expect((await move(h.id, { to: 'dwelling_reserved', dwellingId })).statusCode).toBe(200);
    const withdrawn = await move(h.id, { to: 'withdrawn', reason: 'Flyktningen takket nei' });
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    expect(await dwellingStatus(db.app, a.tenantId, dwellingId)).toBe('ready');

    const leased = await inState('dwelling_reserved');
    await withTenant(db.app, { tenantId: a.tenantId }, (trx) =>
      trx.updateTable('app.dwelling').set({ status: 'let' }).where('id', '=', leased.dwellingId!).execute(),
    );
    expect((await move(leased.id, { to: 'accepted', reason: 'Feilregistrert' })).statusCode).toBe(200);
    expect(await dwellingStatus(db.app, a.tenantId, leased.dwellingId!)).toBe('let');
  });

  it('20 concurrent reservations of one dwelling: exactly one succeeds, the rest 409', async () => {
    const dwellingId = await insertTestDwelling(db.app, a.tenantId);
    const households = await Promise.all(Array.from({ length: 20 }, () => inState('accepted')));
    const responses = await Promise.all(
      households.map((h) =>
        call('POST', `/api/households/${h.id}/transitions`, { to: 'dwelling_reserved', dwellingId }, { 'if-match': '"1"' }),
      ),
    );
    const statuses = responses.map((r) => r.statusCode);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(19);
    expect(new Set(responses.filter((r) => r.statusCode === 409).map((r) => r.json().code))).toEqual(new Set(['household.dwelling_taken']));
    const holders = await withTenant(db.app, { tenantId: a.tenantId }, (trx) =>
      trx.selectFrom('app.household').select('id').where('reserved_dwelling_id', '=', dwellingId).execute(),
    );
    expect(holders).toHaveLength(1);
    const events = await withTenant(db.app, { tenantId: a.tenantId }, (trx) =>
      trx.selectFrom('app.dwelling_status_event').select('status').where('dwelling_id', '=', dwellingId).execute(),
    );
    expect(events.map((e) => e.status)).toEqual(['ready', 'reserved']);
  });
});

describe('settlement', () => {
  async function readyHousehold({ arrivalDate }: { arrivalDate?: string } = {}) {
    const h = await inState('ready_to_move_in', { permitDate: '2026-06-01' });
    const spouse = await insertTestPerson(db.app, a.tenantId, { fullName: 'Ektefelle', birthDate: '1991-01-01', arrivalDate: arrivalDate ?? null });
    await withTenant(db.app, { tenantId: a.tenantId }, (trx) =>
      trx
        .insertInto('app.household_member')
        .values({ tenant_id: a.tenantId, household_id: h.id, person_id: spouse, relation: 'spouse', joined_on: '2026-06-01' })
        .execute(),
    );
    return { ...h, spouse };
  }

  it('refuses a settlement date before the arrival, before the permit, or in the future', async () => {
    const h = await readyHousehold({ arrivalDate: '2026-11-10' });
    await expectRefusedMove(h.id, { to: 'settled', effectiveOn: '2026-11-05' }, 422, 'pipeline.settlement_date_invalid', '/effectiveOn');
    await expectRefusedMove(h.id, { to: 'settled', effectiveOn: '2026-05-30' }, 422, 'pipeline.settlement_date_invalid');
    await expectRefusedMove(h.id, { to: 'settled', effectiveOn: '2026-11-22' }, 422, 'pipeline.settlement_date_invalid');
    const withArrival = await inState('ready_to_move_in');
    const patched = await call('PATCH', `/api/households/${withArrival.id}`, { arrivalDate: '2026-11-18' }, { 'if-match': '"1"' });
    expect(patched.statusCode, patched.body).toBe(200);
    await expectRefusedMove(withArrival.id, { to: 'settled', effectiveOn: '2026-11-17' }, 422, 'pipeline.settlement_date_invalid');
  });

  it('sets the settlement date on the household and its members, and the arrival date where missing', async () => {
    const h = await readyHousehold({ arrivalDate: '2026-11-12' });
    const response = await move(h.id, { to: 'settled', effectiveOn: '2026-11-15' });
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json<HouseholdDto>();
    expect(body).toMatchObject({ state: 'settled', settlementDate: '2026-11-15', arrivalDate: '2026-11-15' });
    expect(body.history[0]!.effectiveOn).toBe('2026-11-15');
    const persons = await withTenant(db.app, { tenantId: a.tenantId }, (trx) =>
      trx.selectFrom('app.person').select(['id', 'settlement_date', 'arrival_date']).where('id', 'in', [h.personId, h.spouse]).execute(),
    );
    expect(persons.find((p) => p.id === h.personId)).toMatchObject({ settlement_date: '2026-11-15', arrival_date: '2026-11-15' });
    expect(persons.find((p) => p.id === h.spouse)).toMatchObject({ settlement_date: '2026-11-15', arrival_date: '2026-11-12' });

    // Recorded by mistake: a step back clears the settlement date again.
    const back = await move(h.id, { to: 'ready_to_move_in', reason: 'Registrert ved en feil' });
    expect(back.statusCode, back.body).toBe(200);
    expect(back.json<HouseholdDto>().settlementDate).toBeNull();
    const after = await withTenant(db.app, { tenantId: a.tenantId }, (trx) =>
      trx.selectFrom('app.person').select('settlement_date').where('id', 'in', [h.personId, h.spouse]).execute(),
    );
    expect(after.every((p) => p.settlement_date === null)).toBe(true);
  });
});

describe('the clocks, with an injected clock', () => {
  async function household(extra: Record<string, unknown>, category = 'resettlement_refugee') {
    const main = await insertTestPerson(db.app, a.tenantId, { fullName: 'Klokke Person', birthDate: '1990-01-01' });
    const response = await call('POST', '/api/households', {
      category,
      guardianName: 'Verge',
      members: [{ personId: main, relation: 'main' }],
      ...extra,
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json<HouseholdDto>().id;
  }
  const clockOf = async (id: string) => (await get(id)).body.clock;
  const at = (date: string) => setClock(new Date(`${date}T10:00:00Z`));

  it('adults: 6 months from the permit date', async () => {
    const id = await household({ residencePermitDate: '2026-05-01' });
    await at('2026-10-31');
    expect(await clockOf(id)).toEqual({
      daysWaiting: 183,
      dueDate: '2026-11-01',
      daysLeft: 1,
      basis: 'national_adult_6_months',
      overdue: false,
      stopped: false,
    });
    await at('2026-11-01');
    expect(await clockOf(id)).toMatchObject({ daysLeft: 0, overdue: false });
    await at('2026-11-02');
    expect(await clockOf(id)).toMatchObject({ daysLeft: -1, overdue: true });
  });

  it('unaccompanied minors: 3 months from the permit date', async () => {
    const id = await household({ residencePermitDate: '2026-05-01' }, 'unaccompanied_minor');
    await at('2026-08-01');
    expect(await clockOf(id)).toMatchObject({ dueDate: '2026-08-01', basis: 'national_em_3_months', overdue: false });
    await at('2026-08-02');
    expect(await clockOf(id)).toMatchObject({ overdue: true, daysLeft: -1 });
  });

  it('an agreed 30-day target: the household’s own, else the municipality’s', async () => {
    const own30 = await household({ residencePermitDate: '2026-10-01', agreedTargetDays: 30 });
    const plain = await household({ residencePermitDate: '2026-10-01' });
    await at('2026-11-01');
    expect(await clockOf(own30)).toMatchObject({ dueDate: '2026-10-31', basis: 'agreed_target', overdue: true, daysLeft: -1 });
    expect(await clockOf(plain)).toMatchObject({ dueDate: '2027-04-01', basis: 'national_adult_6_months', overdue: false });
    await withTenant(db.app, { tenantId: a.tenantId }, (trx) =>
      trx.insertInto('app.settlement_settings').values({ tenant_id: a.tenantId, agreed_target_days: 30 }).execute(),
    );
    try {
      expect(await clockOf(plain)).toMatchObject({ dueDate: '2026-10-31', basis: 'agreed_target', overdue: true });
    } finally {
      // The app role may not delete settings (grants in 0006): clear the target instead.
      await withTenant(db.app, { tenantId: a.tenantId }, (trx) =>
        trx.updateTable('app.settlement_settings').set({ agreed_target_days: null }).execute(),
      );
    }
  });

  it('no permit date: no clock; the permit date of the earliest member counts when the household has none', async () => {
    const none = await household({});
    expect(await clockOf(none)).toEqual({ daysWaiting: null, dueDate: null, daysLeft: null, basis: null, overdue: false, stopped: false });
    const main = await insertTestPerson(db.app, a.tenantId, { fullName: 'Med Tillatelse', birthDate: '1990-01-01', residencePermitDate: '2026-03-01' });
    const created = await call('POST', '/api/households', { category: 'resettlement_refugee', members: [{ personId: main, relation: 'main' }] });
    expect(created.json<HouseholdDto>().clock).toMatchObject({ dueDate: '2026-09-01', overdue: true });
  });

  it('the clock stops when settled: settled on time stays on time, and waiting days freeze', async () => {
    const h = await inState('ready_to_move_in', { permitDate: '2026-06-01' });
    expect((await move(h.id, { to: 'settled', effectiveOn: '2026-11-20' })).statusCode).toBe(200);
    await at('2027-06-01');
    expect(await clockOf(h.id)).toEqual({
      daysWaiting: 172,
      dueDate: '2026-12-01',
      daysLeft: 11,
      basis: 'national_adult_6_months',
      overdue: false,
      stopped: true,
    });
    const late = await inState('ready_to_move_in', { permitDate: '2026-04-01' });
    expect((await move(late.id, { to: 'settled', effectiveOn: '2026-11-20' })).statusCode).toBe(200);
    expect(await clockOf(late.id)).toMatchObject({ overdue: true, stopped: true, daysLeft: -50 });
  });

  it('the list filters overdue households and sorts the most urgent first', async () => {
    const overdue = await household({ residencePermitDate: '2026-01-15' });
    const soon = await household({ residencePermitDate: '2026-05-25' });
    const later = await household({ residencePermitDate: '2026-11-01' });
    const list = async (q: string) =>
      (await call('GET', `/api/households?pageSize=200${q}`)).json<HouseholdListResponse>().items.map((i) => i.id);
    const overdueIds = await list('&overdue=true');
    expect(overdueIds).toContain(overdue);
    expect(overdueIds).not.toContain(soon);
    expect(overdueIds).not.toContain(later);
    const all = await list('');
    expect(all.indexOf(overdue)).toBeLessThan(all.indexOf(soon));
    expect(all.indexOf(soon)).toBeLessThan(all.indexOf(later));
    await at('2026-12-01');
    expect(await list('&overdue=true')).toContain(soon);
  });
});

describe('the board', () => {
  it('has a column per state, most urgent first; settled and closed households of the last 90 days only', async () => {
    const recent = await inState('settled', { settlementDate: '2026-10-01' });
    const old = await inState('settled', { settlementDate: '2026-07-01' });
    const urgent = await inState('accepted', { permitDate: '2026-02-01' });
    const relaxed = await inState('accepted', { permitDate: '2026-10-01' });
    const response = await call('GET', '/api/pipeline/board');
    expect(response.statusCode, response.body).toBe(200);
    const board = response.json<BoardResponse>();
    expect(board.columns.map((c) => c.state)).toEqual([...PIPELINE_STATES]);
    const column = (state: string) => board.columns.find((c) => c.state === state)!.items.map((i) => i.id);
    expect(column('settled')).toContain(recent.id);
    expect(column('settled')).not.toContain(old.id);
    expect(column('accepted').indexOf(urgent.id)).toBeLessThan(column('accepted').indexOf(relaxed.id));
    const filtered = (await call('GET', '/api/pipeline/board?category=unaccompanied_minor')).json<BoardResponse>();
    expect(filtered.columns.flatMap((c) => c.items).every((i) => i.category === 'unaccompanied_minor')).toBe(true);
  });
});

describe('quarterly counts and targets', () => {
  it('counts households and persons settled per quarter, within deadline, against the target in persons', async () => {
    const q1 = await inState('settled', { permitDate: '2024-12-01', settlementDate: '2025-02-10' }); // within 6 months
    const q2 = await inState('moved_on', { permitDate: '2024-06-01', settlementDate: '2025-05-05' }); // late
    // q2's household had three members at settlement (one left before it, one joined after).
    const add = async (relation: 'spouse' | 'child' | 'other', joined: string, left: string | null) => {
      const personId = await insertTestPerson(db.app, a.tenantId, { fullName: 'Medlem', birthDate: '2000-01-01' });
      await withTenant(db.app, { tenantId: a.tenantId }, (trx) =>
        trx
          .insertInto('app.household_member')
          .values({ tenant_id: a.tenantId, household_id: q2.id, person_id: personId, relation, joined_on: joined, left_on: left })
          .execute(),
      );
    };
    await add('spouse', '2024-06-01', null);
    await add('child', '2024-06-01', null);
    await add('other', '2024-06-01', '2025-01-01');
    await add('other', '2025-09-01', null);
    void q1;

    const put = await call('PUT', '/api/pipeline/targets/2025/2', { target: 10 });
    expect(put.statusCode, put.body).toBe(200);
    const response = await call('GET', '/api/pipeline/quarters?year=2025');
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json<QuartersResponse>();
    expect(body.actions.setTarget).toBe(true);
    expect(body.quarters).toEqual([
      { year: 2025, quarter: 1, settled: 1, settledPersons: 1, target: null, settledWithinDeadline: 1 },
      { year: 2025, quarter: 2, settled: 1, settledPersons: 3, target: 10, settledWithinDeadline: 0 },
      { year: 2025, quarter: 3, settled: 0, settledPersons: 0, target: null, settledWithinDeadline: 0 },
      { year: 2025, quarter: 4, settled: 0, settledPersons: 0, target: null, settledWithinDeadline: 0 },
    ]);
    // A new target replaces the old one.
    const again = await call('PUT', '/api/pipeline/targets/2025/2', { target: 12 });
    expect(again.json<QuartersResponse>().quarters[1]!.target).toBe(12);
  });

  it('management sees the aggregates (no names) but may not set targets; bad input is refused', async () => {
    const leder = await login(t.app, a.users.leder.email, TEST_PASSWORD);
    const read = await api(() => t.app, leder)('GET', '/api/pipeline/quarters?year=2025');
    expect(read.statusCode, read.body).toBe(200);
    expect(read.json<QuartersResponse>().actions.setTarget).toBe(false);
    const write = await api(() => t.app, leder)('PUT', '/api/pipeline/targets/2025/1', { target: 3 });
    expect(write.statusCode).toBe(403);
    for (const url of ['/api/pipeline/targets/2025/5', '/api/pipeline/targets/1999/1']) {
      const bad = await call('PUT', url, { target: 3 });
      expect(bad.statusCode).toBe(400);
    }
    const negative = await call('PUT', '/api/pipeline/targets/2025/1', { target: -1 });
    expect(negative.statusCode).toBe(400);
    expect((await call('GET', '/api/pipeline/quarters')).statusCode).toBe(400);
  });
});
