import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DecisionDto, OfferDto } from '../../../shared/api/allocation';
import { withTenant } from '../../db/tenant';
import { createTestApp, login, type LoggedIn, type TestApp } from '../../test/app';
import { createTestDatabase, type TestDatabase } from '../../test/database';
import { createTenantFixture, TEST_PASSWORD, type TenantFixture } from '../../test/fixtures';
import { api, dwellingStatus } from '../households/households.test-support';
import { insertLandlord } from '../leases/leases.test-support';
import { flat, readPdf } from '../letters/pdf-text.test-support';
import { insertLease } from '../tasks/tasks.test-support';
import { insertReservedOffer } from './offers.test-support';

// Allocation decisions (enkeltvedtak, issue 6 item 6) through the HTTP API: allocation after an
// accepted offer creates the lease (direct, or sub under the head lease of a privately rented
// dwelling) and moves the household to ready_to_move_in, all in one transaction with the decision
// and its letter; rejection; the letter's required content read from the stored PDF; appeals and
// their state machine. The test clock is 2026-11-21.

let db: TestDatabase;
let t: TestApp;
let a: TenantFixture;
let b: TenantFixture;
let worker: LoggedIn;
let call: ReturnType<typeof api>;

beforeAll(async () => {
  db = await createTestDatabase();
  a = await createTenantFixture(db.app, { kommunenummer: '1506', slug: 'molde', roles: ['admin', 'bosetter'] });
  b = await createTenantFixture(db.app, { kommunenummer: '1804', slug: 'bodo', roles: ['admin'] });
  t = await createTestApp(db);
  worker = await login(t.app, a.users.bosetter.email, TEST_PASSWORD);
  call = api(() => t.app, worker);
  await withTenant(db.app, { tenantId: a.tenantId }, (trx) =>
    trx
      .insertInto('app.allocation_settings')
      .values({
        tenant_id: a.tenantId,
        refusal_reasons: JSON.stringify([{ code: 'location', label: 'Beliggenhet' }]),
        appeal_office: 'Boligkontoret i Molde',
        appeal_address: 'Postboks 1, 6401 Molde',
        appeal_body: 'Molde kommunes klagenemnd',
      })
      .execute(),
  );
}, 120_000);
afterAll(async () => {
  await t.app.close();
  await db.destroy();
});

const own = () => ({ tenantId: a.tenantId, unitId: a.unitId });
const ifMatch = (version: number) => ({ 'if-match': `"${version}"` });
const lease = { startDate: '2026-12-01', endDate: '2029-11-30', rentOre: 950_000, depositOre: 1_900_000 };
const assessment = 'Boligen har tre soverom og passer husstanden.\n\nSkolen ligger åtte minutter unna.';

/** An offer made and accepted, ready for the decision. */
async function acceptedOffer(options: Parameters<typeof insertReservedOffer>[2] = {}) {
  const o = await insertReservedOffer(db.app, own(), options);
  const made = await call('POST', `/api/allocation/offers/${o.offerId}/offer`, { answerDue: '2026-11-28' }, ifMatch(1));
  expect(made.statusCode, made.body).toBe(200);
  const answered = await call('POST', `/api/allocation/offers/${o.offerId}/answer`, { answer: 'accepted' }, ifMatch(2));
  expect(answered.statusCode, answered.body).toBe(200);
  return o;
}

async function decide(body: object) {
  const response = await call('POST', '/api/allocation/decisions', body);
  return { response, body: response.json<DecisionDto>() };
}

describe('allocation decisions', { timeout: 60_000 }, () => {
  let decision: DecisionDto;
  let offer: Awaited<ReturnType<typeof acceptedOffer>>;

  it('allocates: the decision, the lease to the main person, the household ready to move in, the letter', async () => {
    offer = await acceptedOffer();
    const { response, body } = await decide({ outcome: 'allocated', offerId: offer.offerId, assessment, lease });
    expect(response.statusCode, response.body).toBe(201);
    decision = body;
    expect(decision).toMatchObject({
      reference: 'TV-2026-0001',
      householdId: offer.householdId,
      dwellingId: offer.dwellingId,
      offerId: offer.offerId,
      outcome: 'allocated',
      criteriaVersion: 1,
      assessment,
      appealDeadline: '2026-12-12',
      decidedBy: 'Test bosetter',
      appeals: [],
    });
    const row = await withTenant(db.app, { tenantId: a.tenantId }, (trx) =>
      trx
        .selectFrom('app.lease')
        .select(['kind', 'tenant_person_id', 'legal_basis', 'rent_ore', 'start_date', 'responsible_unit_id'])
        .where('id', '=', decision.leaseId!)
        .executeTakeFirstOrThrow(),
    );
    expect(row).toMatchObject({ kind: 'direct', tenant_person_id: offer.personId, legal_basis: 'hl_11_1', start_date: '2026-12-01', responsible_unit_id: a.unitId });
    const household = await withTenant(db.app, { tenantId: a.tenantId }, (trx) =>
      trx.selectFrom('app.household').select(['pipeline_state', 'reserved_dwelling_id']).where('id', '=', offer.householdId).executeTakeFirstOrThrow(),
    );
    expect(household).toEqual({ pipeline_state: 'ready_to_move_in', reserved_dwelling_id: offer.dwellingId });
    expect(await dwellingStatus(db.app, a.tenantId, offer.dwellingId)).toBe('reserved'); // let from 1 December
    const offerNow = (await call('GET', `/api/allocation/offers/${offer.offerId}`)).json<OfferDto>();
    expect(offerNow).toMatchObject({ decisionId: decision.id, leaseId: decision.leaseId, actions: { decide: false } });
    expect((await call('GET', `/api/allocation/decisions/${decision.id}`)).json<DecisionDto>()).toEqual(decision);
  });

  it('the decision letter has the required content (forvaltningsloven §§ 18, 24–25, 27–29, 33, 42)', async () => {
    const response = await call('GET', `/api/allocation/decisions/${decision.id}/letter.pdf`);
    expect(response.statusCode).toBe(200);
    const text = flat((await readPdf(response.rawPayload)).text).replace(/\u00a0/g, ' ');
    for (const expected of [
      'Vedtak om tildeling av kommunal bolig',
      'TV-2026-0001',
      'Fjordgata 4, 6413',
      'tildelingskriterier, versjon 1',
      'Nær skole: 70 poeng',
      'Sum: 1110 poeng',
      'Boligen har tre soverom og passer husstanden.',
      'Skolen ligger åtte minutter unna.',
      'tre uker fra den dagen du fikk dette brevet (forvaltningsloven §§ 28 og 29)',
      'går fristen ut 12.12.2026',
      'Send klagen til Boligkontoret i Molde, Postboks 1, 6401 Molde',
      'sender vi klagen videre til Molde kommunes klagenemnd',
      '§ 33',
      '(forvaltningsloven § 18)',
      'forvaltningsloven § 42',
    ]) {
      expect(text, expected).toContain(expected);
    }
  });

  it('one decision per offer; an offer not accepted, or no lease terms, is refused', async () => {
    const again = await decide({ outcome: 'allocated', offerId: offer.offerId, assessment, lease });
    expect(again.response.statusCode).toBe(409);
    expect(again.response.json().code).toBe('allocation.decision_exists');

    const reserved = await insertReservedOffer(db.app, own());
    const notAccepted = await decide({ outcome: 'allocated', offerId: reserved.offerId, assessment, lease });
    expect(notAccepted.response.statusCode).toBe(409);
    expect(notAccepted.response.json().code).toBe('allocation.offer_state_invalid');

    const accepted = await acceptedOffer();
    const noLease = await decide({ outcome: 'allocated', offerId: accepted.offerId, assessment });
    expect(noLease.response.statusCode).toBe(422);
    expect(noLease.response.json().code).toBe('allocation.lease_terms_required');
    // Nothing was written: the reference sequence is untouched.
    const ok = await decide({ outcome: 'allocated', offerId: accepted.offerId, assessment, lease: { ...lease, endDate: null } });
    expect(ok.response.statusCode, ok.response.body).toBe(201);
    expect(ok.body.reference).toBe('TV-2026-0002');
  });

  it('a privately rented dwelling is sublet under its active head lease', async () => {
    const o = await acceptedOffer({ disposalForm: 'private_sublet' });
    const landlordId = await insertLandlord(db.app, a.tenantId);
    const head = await insertLease(db.app, a.tenantId, { dwellingId: o.dwellingId, kind: 'head', landlordId, start: '2026-01-01', end: '2031-01-01' });
    const { response, body } = await decide({ outcome: 'allocated', offerId: o.offerId, assessment, lease });
    expect(response.statusCode, response.body).toBe(201);
    const row = await withTenant(db.app, { tenantId: a.tenantId }, (trx) =>
      trx.selectFrom('app.lease').select(['kind', 'head_lease_id']).where('id', '=', body.leaseId!).executeTakeFirstOrThrow(),
    );
    expect(row).toEqual({ kind: 'sub', head_lease_id: head.id });
  });

  it('rejects (avslag) for a household without a lease, with its own letter', async () => {
    const o = await insertReservedOffer(db.app, own());
    const { response, body } = await decide({ outcome: 'rejected', householdId: o.householdId, assessment: 'Husstanden har fått tilbud og avslått det.', form: 'nn' });
    expect(response.statusCode, response.body).toBe(201);
    expect(body).toMatchObject({ outcome: 'rejected', leaseId: null, offerId: null, dwellingId: null, criteriaVersion: 1 });
    const text = flat((await readPdf((await call('GET', `/api/allocation/decisions/${body.id}/letter.pdf`)).rawPayload)).text);
    expect(text).toContain('Vedtak om avslag på kommunal bustad');
    expect(text).toContain('forvaltningslova § 18');
  });
});

describe('appeals', { timeout: 60_000 }, () => {
  it('registers appeals (late ones marked late) and moves them through the handling states only', async () => {
    const o = await acceptedOffer();
    const { body: decision } = await decide({ outcome: 'allocated', offerId: o.offerId, assessment, lease });
    const url = `/api/allocation/decisions/${decision.id}/appeals`;
    const created = await call('POST', url, { receivedOn: '2026-11-21', grounds: 'Boligen ligger for langt fra arbeid.' });
    expect(created.statusCode, created.body).toBe(201);
    const appeal = created.json<DecisionDto>().appeals[0]!;
    expect(appeal).toMatchObject({ state: 'received', late: false, version: 1 });
    expect((await call('POST', url, { receivedOn: '2026-11-22', grounds: 'x' })).statusCode).toBe(400); // in the future

    const patch = (state: string, version: number, extra: object = {}) =>
      call('PATCH', `/api/allocation/appeals/${appeal.id}`, { state, ...extra }, ifMatch(version));
    const skip = await patch('upheld', 1);
    expect(skip.statusCode).toBe(409);
    expect(skip.json().code).toBe('allocation.appeal_state_invalid');
    expect((await patch('upheld_by_office', 7)).json().code).toBe('resource.version_conflict');
    const upheld = await patch('upheld_by_office', 1, { outcomeNote: 'Kontoret opprettholder vedtaket.' });
    expect(upheld.statusCode, upheld.body).toBe(200);
    expect(upheld.json<DecisionDto>().appeals[0]).toMatchObject({ state: 'upheld_by_office', outcomeOn: '2026-11-21' });
    expect((await patch('sent_to_appeal_body', 2)).statusCode).toBe(200);
    const final = await patch('reversed', 3, { outcomeOn: '2026-11-21', outcomeNote: 'Klagenemnda ga klageren medhold.' });
    expect(final.json<DecisionDto>().appeals[0]).toMatchObject({ state: 'reversed', version: 4 });
    expect((await patch('withdrawn', 4)).json().code).toBe('allocation.appeal_state_invalid');

    // Three weeks and a day later: still registered, marked late.
    t.clock.now = new Date('2026-12-14T09:00:00Z');
    const session = await login(t.app, a.users.bosetter.email, TEST_PASSWORD);
    const late = await api(() => t.app, session)('POST', url, { receivedOn: '2026-12-13', grounds: 'Sen klage.' });
    t.clock.now = new Date('2026-11-21T09:00:00Z');
    expect(late.statusCode, late.body).toBe(201);
    expect(late.json<DecisionDto>().appeals.find((x) => x.receivedOn === '2026-12-13')).toMatchObject({ late: true, state: 'received' });
  });

  it('another municipality’s decision is 404', async () => {
    const other = await insertReservedOffer(db.app, { tenantId: b.tenantId, unitId: b.unitId });
    const rejected = await withTenant(db.app, { tenantId: b.tenantId }, (trx) =>
      trx
        .insertInto('app.allocation_decision')
        .values({
          tenant_id: b.tenantId,
          reference: 'TV-2026-0001',
          household_id: other.householdId,
          outcome: 'rejected',
          criteria_version: 1,
          assessment: 'x',
          appeal_deadline: '2026-12-12',
        })
        .returning('id')
        .executeTakeFirstOrThrow(),
    );
    expect((await call('GET', `/api/allocation/decisions/${rejected.id}`)).statusCode).toBe(404);
    expect((await call('GET', `/api/allocation/decisions/${rejected.id}/letter.pdf`)).statusCode).toBe(404);
    expect((await call('POST', `/api/allocation/decisions/${rejected.id}/appeals`, { receivedOn: '2026-11-21', grounds: 'x' })).statusCode).toBe(404);
  });
});
