import { withTenant } from '../../db/tenant';
import { describeAuthzMatrix, onBoth, tenantOf, useAuthzFixture, type AuthzEndpoint, type AuthzTarget } from '../../test/authz';
import { insertReservedOffer } from './offers.test-support';

// Every role × every offer, decision and appeal endpoint (issue 6 items 5–6): allowed → 2xx,
// denied → 403, another municipality's object → 404 for those allowed (expectations from
// shared/domain/permissions.ts: read:allocation for reads, write:allocation for changes).

const fx = useAuthzFixture();

const unitOf = (target: AuthzTarget) => (target === 'own-tenant' ? fx.a.unitId : fx.b.unitId);
const reserved = (target: AuthzTarget) => insertReservedOffer(fx.db.app, { tenantId: tenantOf(fx, target), unitId: unitOf(target) });

/** An offer moved on directly to `state` (offered, or accepted), as the use cases would leave it. */
async function offerIn(target: AuthzTarget, state: 'offered' | 'accepted') {
  const o = await reserved(target);
  await withTenant(fx.db.app, { tenantId: tenantOf(fx, target) }, (trx) =>
    trx
      .updateTable('app.allocation_offer')
      .set({
        state,
        offered_at: new Date('2026-11-20T10:00:00Z'),
        answer_due: '2026-11-28',
        ...(state === 'accepted' ? { answered_at: new Date('2026-11-21T08:00:00Z'), answered_on: '2026-11-21' } : {}),
      })
      .where('id', '=', o.offerId)
      .execute(),
  );
  return o;
}

/** A rejection decision with one appeal, inserted directly. */
async function decisionOf(target: AuthzTarget) {
  const tenantId = tenantOf(fx, target);
  const o = await reserved(target);
  return withTenant(fx.db.app, { tenantId }, async (trx) => {
    const decision = await trx
      .insertInto('app.allocation_decision')
      .values({
        tenant_id: tenantId,
        reference: `TV-2026-${Math.floor(Math.random() * 9000 + 1000)}${Math.floor(Math.random() * 90 + 10)}`,
        household_id: o.householdId,
        outcome: 'rejected',
        criteria_version: 1,
        assessment: 'Vurdert etter kriteriene.',
        appeal_deadline: '2026-12-12',
        decided_at: new Date('2026-11-20T10:00:00Z'),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('app.allocation_letter')
      .values({ tenant_id: tenantId, kind: 'decision', decision_id: decision.id, form: 'nb', pdf: Buffer.from('%PDF-1.7'), sha256: '0'.repeat(64) })
      .execute();
    const appeal = await trx
      .insertInto('app.allocation_appeal')
      .values({ tenant_id: tenantId, decision_id: decision.id, received_on: '2026-11-21', grounds: 'Uenig.' })
      .returning('id')
      .executeTakeFirstOrThrow();
    return { decisionId: decision.id, appealId: appeal.id, householdId: o.householdId };
  });
}

const endpoints: AuthzEndpoint[] = [
  {
    name: 'GET /api/allocation/offers',
    permission: 'read:allocation:any',
    own: () => ({ method: 'GET', url: '/api/allocation/offers?state=reserved' }),
  },
  {
    name: 'GET /api/allocation/offers/:id',
    permission: 'read:allocation:any',
    ...onBoth(async (target) => ({ method: 'GET', url: `/api/allocation/offers/${(await reserved(target)).offerId}` })),
  },
  {
    name: 'POST /api/allocation/offers/:id/offer',
    permission: 'write:allocation:any',
    ...onBoth(async (target) => {
      const id = (await reserved(target)).offerId;
      return { method: 'POST', url: `/api/allocation/offers/${id}/offer`, payload: { answerDue: '2026-11-28' }, headers: { 'if-match': '"1"' } };
    }),
  },
  {
    name: 'GET /api/allocation/offers/:id/letter.pdf',
    permission: 'read:allocation:any',
    ...onBoth(async (target) => {
      const o = await offerIn(target, 'offered');
      await withTenant(fx.db.app, { tenantId: tenantOf(fx, target) }, (trx) =>
        trx
          .insertInto('app.allocation_letter')
          .values({ tenant_id: tenantOf(fx, target), kind: 'offer', offer_id: o.offerId, form: 'nb', pdf: Buffer.from('%PDF-1.7'), sha256: '0'.repeat(64) })
          .execute(),
      );
      return { method: 'GET', url: `/api/allocation/offers/${o.offerId}/letter.pdf` };
    }),
  },
  {
    name: 'POST /api/allocation/offers/:id/answer',
    permission: 'write:allocation:any',
    ...onBoth(async (target) => {
      const id = (await offerIn(target, 'offered')).offerId;
      return { method: 'POST', url: `/api/allocation/offers/${id}/answer`, payload: { answer: 'accepted' }, headers: { 'if-match': '"1"' } };
    }),
  },
  {
    name: 'POST /api/allocation/offers/:id/withdraw',
    permission: 'write:allocation:any',
    ...onBoth(async (target) => {
      const id = (await reserved(target)).offerId;
      return { method: 'POST', url: `/api/allocation/offers/${id}/withdraw`, payload: { reason: 'Feil bolig' }, headers: { 'if-match': '"1"' } };
    }),
  },
  {
    name: 'GET /api/households/:id/allocation',
    permission: 'read:allocation:any',
    ...onBoth(async (target) => ({ method: 'GET', url: `/api/households/${(await reserved(target)).householdId}/allocation` })),
  },
  {
    name: 'POST /api/allocation/decisions',
    permission: 'write:allocation:any',
    ...onBoth(async (target) => ({
      method: 'POST',
      url: '/api/allocation/decisions',
      payload: {
        outcome: 'allocated',
        offerId: (await offerIn(target, 'accepted')).offerId,
        assessment: 'Passer husstanden.',
        lease: { startDate: '2026-12-01', endDate: '2029-11-30', rentOre: 950_000 },
      },
    })),
  },
  {
    name: 'GET /api/allocation/decisions/:id',
    permission: 'read:allocation:any',
    ...onBoth(async (target) => ({ method: 'GET', url: `/api/allocation/decisions/${(await decisionOf(target)).decisionId}` })),
  },
  {
    name: 'GET /api/allocation/decisions/:id/letter.pdf',
    permission: 'read:allocation:any',
    ...onBoth(async (target) => ({ method: 'GET', url: `/api/allocation/decisions/${(await decisionOf(target)).decisionId}/letter.pdf` })),
  },
  {
    name: 'POST /api/allocation/decisions/:id/appeals',
    permission: 'write:allocation:any',
    ...onBoth(async (target) => ({
      method: 'POST',
      url: `/api/allocation/decisions/${(await decisionOf(target)).decisionId}/appeals`,
      payload: { receivedOn: '2026-11-21', grounds: 'Boligen er for liten.' },
    })),
  },
  {
    name: 'PATCH /api/allocation/appeals/:id',
    permission: 'write:allocation:any',
    ...onBoth(async (target) => ({
      method: 'PATCH',
      url: `/api/allocation/appeals/${(await decisionOf(target)).appealId}`,
      payload: { state: 'upheld_by_office', outcomeNote: 'Opprettholdt.' },
      headers: { 'if-match': '"1"' },
    })),
  },
];

describeAuthzMatrix('the role × offer, decision and appeal endpoint matrix', { fixture: fx, endpoints, reader: 'bosetter' });
