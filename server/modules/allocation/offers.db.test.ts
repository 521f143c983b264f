import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HouseholdAllocationResponse, OfferDto } from '../../../shared/api/allocation';
import type { Logger } from 'pino';
import { withTenant } from '../../db/tenant';
import { createTestApp, login, type LoggedIn, type TestApp } from '../../test/app';
import { createTestDatabase, type TestDatabase } from '../../test/database';
import { createTenantFixture, TEST_PASSWORD, type TenantFixture } from '../../test/fixtures';
import { actualTexts } from '../contact-card/contact-card.test-support';
import { api, dwellingStatus } from '../households/households.test-support';
import { flat, readPdf } from '../letters/pdf-text.test-support';
import { sweepAll } from '../tasks/scheduler';
import { insertReservedOffer } from './offers.test-support';

// Offers through the HTTP API (issue 6 item 5): making the offer with its letter (bokmål/nynorsk,
// summary in the household's language), the answer (accepted; refused with a reason from the
// municipality's list, which frees the dwelling through the pipeline), withdrawal, state and
// version rules, the household's allocation record, and the task for an unanswered offer.
// The test clock is 2026-11-21.

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
}, 120_000);
afterAll(async () => {
  await t.app.close();
  await db.destroy();
});

const own = () => ({ tenantId: a.tenantId, unitId: a.unitId });
const ifMatch = (version: number) => ({ 'if-match': `"${version}"` });

async function getOffer(id: string) {
  const response = await call('GET', `/api/allocation/offers/${id}`);
  expect(response.statusCode, response.body).toBe(200);
  expect(response.headers.etag).toBe(`"${response.json<OfferDto>().version}"`);
  return response.json<OfferDto>();
}

async function offerIt(id: string, body: object = { answerDue: '2026-11-28' }) {
  const current = await getOffer(id);
  const response = await call('POST', `/api/allocation/offers/${id}/offer`, body, ifMatch(current.version));
  expect(response.statusCode, response.body).toBe(200);
  return response.json<OfferDto>();
}

async function household(id: string) {
  return withTenant(db.app, { tenantId: a.tenantId }, (trx) =>
    trx.selectFrom('app.household').select(['pipeline_state', 'reserved_dwelling_id']).where('id', '=', id).executeTakeFirstOrThrow(),
  );
}

describe('making an offer', { timeout: 60_000 }, () => {
  it('offers a reserved dwelling, stores the letter with a summary in the household’s letter language, and audits', async () => {
    const o = await insertReservedOffer(db.app, own(), { letterLanguage: 'ar' });
    const before = await getOffer(o.offerId);
    expect(before.state).toBe('reserved');
    expect(before.actions).toEqual({ offer: true, answer: false, decide: false, withdraw: true });
    expect(before.contributions.reduce((sum, c) => sum + c.points, 0)).toBe(before.score);

    const offered = await offerIt(o.offerId);
    expect(offered).toMatchObject({ state: 'offered', answerDue: '2026-11-28', letterLanguage: 'ar', version: before.version + 1 });
    expect(offered.actions).toEqual({ offer: false, answer: true, decide: false, withdraw: true });

    const letter = await call('GET', `/api/allocation/offers/${o.offerId}/letter.pdf`);
    expect(letter.statusCode).toBe(200);
    expect(letter.headers['content-type']).toBe('application/pdf');
    const pdf = letter.rawPayload;
    const { createHash } = await import('node:crypto');
    expect(letter.headers['x-content-sha256']).toBe(createHash('sha256').update(pdf).digest('hex'));
    const text = flat((await readPdf(pdf)).text).replace(/\u00a0/g, ' ');
    expect(text).toContain('Tilbud om bolig');
    expect(text).toContain('Fjordgata 4, 6413');
    expect(text).toContain('9 500,00 kr');
    expect(text).toContain('Gi oss svar innen 28.11.2026');
    expect(text).toContain('Test bosetter');
    expect(flat(actualTexts(pdf).join(' '))).toContain('ملخص باللغة العربية');

    const audit = await withTenant(db.app, { tenantId: a.tenantId }, (trx) =>
      trx.selectFrom('app.audit_log').select(['entity', 'action', 'purpose']).where('subject_id', '=', o.householdId).execute(),
    );
    expect(audit).toContainEqual({ entity: 'allocation_offer', action: 'update', purpose: 'allocation' });
    expect(audit).toContainEqual({ entity: 'allocation_offer', action: 'display', purpose: 'allocation' });
    expect(audit).toContainEqual({ entity: 'allocation_letter', action: 'display', purpose: 'allocation' });
  });

  it('writes the letter in nynorsk with the summary language asked for, or none for a Norwegian speaker', async () => {
    const o = await insertReservedOffer(db.app, own(), { letterLanguage: 'nb' });
    const offered = await offerIt(o.offerId, { answerDue: '2026-11-21', form: 'nn' });
    expect(offered.letterLanguage).toBeNull();
    const pdf = (await call('GET', `/api/allocation/offers/${o.offerId}/letter.pdf`)).rawPayload;
    expect(flat((await readPdf(pdf)).text)).toContain('Tilbod om bustad');

    const withTigrinya = await insertReservedOffer(db.app, own(), { letterLanguage: 'ar' });
    expect((await offerIt(withTigrinya.offerId, { answerDue: '2026-11-30', summaryLanguage: 'ti' })).letterLanguage).toBe('ti');
  });

  it('refuses an answer date in the past, an untranslated summary language, a stale or missing version, and a second offer', async () => {
    const o = await insertReservedOffer(db.app, own());
    const current = await getOffer(o.offerId);
    const url = `/api/allocation/offers/${o.offerId}/offer`;
    const past = await call('POST', url, { answerDue: '2026-11-20' }, ifMatch(current.version));
    expect(past.statusCode).toBe(422);
    expect(past.json().code).toBe('allocation.answer_due_invalid');
    expect((await call('POST', url, { answerDue: '2026-11-28', summaryLanguage: 'fr' }, ifMatch(current.version))).statusCode).toBe(400);
    expect((await call('POST', url, { answerDue: '2026-11-28' })).json().code).toBe('resource.version_required');
    expect((await call('POST', url, { answerDue: '2026-11-28' }, ifMatch(current.version + 5))).json().code).toBe('resource.version_conflict');
    await offerIt(o.offerId);
    const again = await call('POST', url, { answerDue: '2026-11-28' }, ifMatch(current.version + 1));
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('allocation.offer_state_invalid');
  });
});

describe('answers and withdrawal', { timeout: 60_000 }, () => {
  it('an acceptance keeps the dwelling reserved and lets the office decide', async () => {
    const o = await insertReservedOffer(db.app, own());
    const offered = await offerIt(o.offerId);
    const response = await call('POST', `/api/allocation/offers/${o.offerId}/answer`, { answer: 'accepted' }, ifMatch(offered.version));
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json<OfferDto>()).toMatchObject({ state: 'accepted', actions: { decide: true, answer: false, withdraw: false } });
    expect(await household(o.householdId)).toEqual({ pipeline_state: 'dwelling_reserved', reserved_dwelling_id: o.dwellingId });
    expect(await dwellingStatus(db.app, a.tenantId, o.dwellingId)).toBe('reserved');
  });

  it('a refusal needs a reason from the list, records text and consequence, and frees the dwelling', async () => {
    const o = await insertReservedOffer(db.app, own());
    const offered = await offerIt(o.offerId);
    const url = `/api/allocation/offers/${o.offerId}/answer`;
    const refusal = { answer: 'refused', reasonCode: 'location', text: 'Langt fra skolen til eldste barn', consequence: 'new_offer' };
    const unknown = await call('POST', url, { ...refusal, reasonCode: 'too_cold' }, ifMatch(offered.version));
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().code).toBe('allocation.refusal_reason_unknown');
    expect((await household(o.householdId)).pipeline_state).toBe('dwelling_reserved');

    const response = await call('POST', url, refusal, ifMatch(offered.version));
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json<OfferDto>()).toMatchObject({
      state: 'refused',
      refusalReason: 'location',
      refusalText: 'Langt fra skolen til eldste barn',
      consequence: 'new_offer',
    });
    expect(await household(o.householdId)).toEqual({ pipeline_state: 'accepted', reserved_dwelling_id: null });
    expect(await dwellingStatus(db.app, a.tenantId, o.dwellingId)).toBe('ready');
    const event = await withTenant(db.app, { tenantId: a.tenantId }, (trx) =>
      trx.selectFrom('app.pipeline_event').select(['to_state', 'reason']).where('household_id', '=', o.householdId).orderBy('occurred_at', 'desc').executeTakeFirstOrThrow(),
    );
    expect(event).toEqual({ to_state: 'accepted', reason: 'Tilbud avslått: Beliggenhet (avstand til skole, arbeid, nettverk)' });
    // The dwelling can be offered to someone else now (the live-offer index no longer holds it).
    const again = await call('POST', url, refusal, ifMatch(offered.version + 1));
    expect(again.json().code).toBe('allocation.offer_state_invalid');
  });

  it('an answer to an offer not yet made is refused with 409', async () => {
    const o = await insertReservedOffer(db.app, own());
    const response = await call('POST', `/api/allocation/offers/${o.offerId}/answer`, { answer: 'accepted' }, ifMatch(1));
    expect(response.statusCode).toBe(409);
    expect(response.json().code).toBe('allocation.offer_state_invalid');
  });

  it('a withdrawal of a reserved offer frees the dwelling; an answered offer cannot be withdrawn', async () => {
    const o = await insertReservedOffer(db.app, own());
    const response = await call('POST', `/api/allocation/offers/${o.offerId}/withdraw`, { reason: 'Feil bolig valgt' }, ifMatch(1));
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json<OfferDto>().state).toBe('withdrawn');
    expect(await household(o.householdId)).toEqual({ pipeline_state: 'accepted', reserved_dwelling_id: null });
    expect(await dwellingStatus(db.app, a.tenantId, o.dwellingId)).toBe('ready');

    const accepted = await insertReservedOffer(db.app, own());
    const offered = await offerIt(accepted.offerId);
    await call('POST', `/api/allocation/offers/${accepted.offerId}/answer`, { answer: 'accepted' }, ifMatch(offered.version));
    const late = await call('POST', `/api/allocation/offers/${accepted.offerId}/withdraw`, { reason: 'x' }, ifMatch(offered.version + 1));
    expect(late.json().code).toBe('allocation.offer_state_invalid');
  });
});

describe('lists, the household record and other municipalities', { timeout: 60_000 }, () => {
  it('lists offers by state and household, and gives a household’s offers newest first', async () => {
    const o = await insertReservedOffer(db.app, own());
    const list = await call('GET', `/api/allocation/offers?householdId=${o.householdId}`);
    expect(list.json<{ items: OfferDto[] }>().items.map((i) => i.id)).toEqual([o.offerId]);
    const reserved = await call('GET', '/api/allocation/offers?state=reserved');
    expect(reserved.json<{ items: OfferDto[] }>().items.every((i) => i.state === 'reserved')).toBe(true);

    const record = await call('GET', `/api/households/${o.householdId}/allocation`);
    expect(record.statusCode, record.body).toBe(200);
    expect(record.json<HouseholdAllocationResponse>()).toMatchObject({ offers: [{ id: o.offerId }], decisions: [] });
  });

  it('another municipality’s offer is 404 everywhere', async () => {
    const other = await insertReservedOffer(db.app, { tenantId: b.tenantId, unitId: b.unitId });
    for (const [method, url, body] of [
      ['GET', `/api/allocation/offers/${other.offerId}`, undefined],
      ['GET', `/api/allocation/offers/${other.offerId}/letter.pdf`, undefined],
      ['POST', `/api/allocation/offers/${other.offerId}/offer`, { answerDue: '2026-11-28' }],
      ['POST', `/api/allocation/offers/${other.offerId}/withdraw`, { reason: 'x' }],
      ['GET', `/api/households/${other.householdId}/allocation`, undefined],
    ] as const) {
      const response = await call(method, url, body, ifMatch(1));
      expect(response.statusCode, `${method} ${url}`).toBe(404);
    }
  });
});

describe('the unanswered-offer task', { timeout: 60_000 }, () => {
  it('is created once per offer and deadline when the deadline has passed, for the household’s unit', async () => {
    const o = await insertReservedOffer(db.app, own());
    await offerIt(o.offerId, { answerDue: '2026-11-23' });
    const logger = { info: () => undefined, error: () => undefined } as unknown as Logger;
    const tasks = () =>
      withTenant(db.app, { tenantId: a.tenantId }, (trx) =>
        trx
          .selectFrom('app.task')
          .select(['kind', 'assignee_unit_id', 'subject_id', 'due_on', 'params'])
          .where('kind', '=', 'allocation.offer_unanswered')
          .where('subject_id', '=', o.householdId)
          .execute(),
      );
    // On the deadline itself: still time to answer.
    await sweepAll(db.app, { clock: () => new Date('2026-11-23T10:00:00Z'), logger });
    expect(await tasks()).toEqual([]);
    const first = await sweepAll(db.app, { clock: () => new Date('2026-11-24T10:00:00Z'), logger });
    expect(first.offerTasksCreated).toBeGreaterThanOrEqual(1);
    await sweepAll(db.app, { clock: () => new Date('2026-11-25T10:00:00Z'), logger });
    const created = await tasks();
    expect(created).toHaveLength(1);
    expect(created[0]).toMatchObject({ assignee_unit_id: a.unitId, due_on: '2026-11-24' });
    expect(created[0]!.params).toMatchObject({ answerDue: '2026-11-23', offerId: o.offerId });
  });
});
