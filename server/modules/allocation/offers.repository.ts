import { sql, type Updateable } from 'kysely';
import { DEFAULT_OFFER_ANSWER_DAYS, DEFAULT_REFUSAL_REASONS } from '../../../shared/domain/allocation-criteria';
import type { AllocationOfferTable } from '../../db/schema';
import type { Tx } from '../../db/tenant';

// SQL of offers, answers and the allocation letters (inside withTenant: row-level security scopes
// every query to the actor's municipality).

export type OfferState = 'reserved' | 'offered' | 'accepted' | 'refused' | 'withdrawn' | 'expired';

function offerQuery(trx: Tx) {
  return trx
    .selectFrom('app.allocation_offer as o')
    .innerJoin('app.household as h', 'h.id', 'o.household_id')
    .innerJoin('app.dwelling as d', 'd.id', 'o.dwelling_id')
    .leftJoin('app.allocation_decision as dec', 'dec.offer_id', 'o.id')
    .selectAll('o')
    .select([
      'h.reference as household_reference',
      'h.responsible_unit_id',
      'h.pipeline_state',
      'h.reserved_dwelling_id',
      'h.version as household_version',
      'h.anonymised_at as household_anonymised_at',
      'd.reference as dwelling_reference',
      'd.street',
      'd.postnummer',
      'd.poststed',
      'd.type as dwelling_type',
      'd.bedrooms',
      'd.rent_ore',
      'd.status as dwelling_status',
      'd.status_since as dwelling_status_since',
      'd.disposal_form',
      'dec.id as decision_id',
      'dec.lease_id',
    ]);
}

export type OfferRow = NonNullable<Awaited<ReturnType<ReturnType<typeof offerQuery>['executeTakeFirst']>>>;

export async function findOffer(trx: Tx, id: string, { forUpdate = false } = {}): Promise<OfferRow | undefined> {
  if (forUpdate) {
    const locked = await trx.selectFrom('app.allocation_offer').select('id').where('id', '=', id).forUpdate().executeTakeFirst();
    if (!locked) return undefined;
  }
  return offerQuery(trx).where('o.id', '=', id).executeTakeFirst();
}

export async function listOffers(
  trx: Tx,
  { state, householdId, unitIds }: { state?: OfferState | undefined; householdId?: string | undefined; unitIds: readonly string[] | null },
): Promise<OfferRow[]> {
  let q = offerQuery(trx).where('h.anonymised_at', 'is', null);
  if (state) q = q.where('o.state', '=', state);
  if (householdId) q = q.where('o.household_id', '=', householdId);
  if (unitIds !== null) q = unitIds.length === 0 ? q.where(sql<boolean>`false`) : q.where('h.responsible_unit_id', 'in', [...unitIds]);
  return q.orderBy('o.reserved_at', 'desc').orderBy('o.id').limit(500).execute();
}

/** Updates the offer if it still has `expectedVersion`; returns the new version or null. */
export async function updateOffer(
  trx: Tx,
  { id, expectedVersion, values, now }: { id: string; expectedVersion: number; values: Updateable<AllocationOfferTable>; now: Date },
): Promise<number | null> {
  const row = await trx
    .updateTable('app.allocation_offer')
    .set((eb) => ({ ...values, updated_at: now, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .returning('version')
    .executeTakeFirst();
  return row?.version ?? null;
}

export type AllocationSettings = {
  refusalReasons: Array<{ code: string; label: string }>;
  offerAnswerDays: number;
  appealOffice: string;
  appealAddress: string;
  appealBody: string;
};

/** The municipality's allocation settings, or Husly's defaults when none are saved yet. */
export async function readSettings(trx: Tx): Promise<AllocationSettings> {
  const row = await trx.selectFrom('app.allocation_settings').selectAll().executeTakeFirst();
  if (!row) {
    return {
      refusalReasons: DEFAULT_REFUSAL_REASONS.map((r) => ({ ...r })),
      offerAnswerDays: DEFAULT_OFFER_ANSWER_DAYS,
      appealOffice: '',
      appealAddress: '',
      appealBody: '',
    };
  }
  const reasons = typeof row.refusal_reasons === 'string' ? (JSON.parse(row.refusal_reasons) as unknown) : row.refusal_reasons;
  return {
    refusalReasons: Array.isArray(reasons) ? (reasons as Array<{ code: string; label: string }>) : [],
    offerAnswerDays: row.offer_answer_days,
    appealOffice: row.appeal_office,
    appealAddress: row.appeal_address,
    appealBody: row.appeal_body,
  };
}

/** The household's main person (current member) with the language they want letters in. */
export async function mainPersonOf(trx: Tx, householdId: string) {
  const main = await trx
    .selectFrom('app.household_member as m')
    .innerJoin('app.person as p', 'p.id', 'm.person_id')
    .select(['p.id', 'p.full_name', 'p.anonymised_at'])
    .where('m.household_id', '=', householdId)
    .where('m.relation', '=', 'main')
    .where('m.left_on', 'is', null)
    .executeTakeFirst();
  if (!main) return undefined;
  const language = await trx
    .selectFrom('app.person_language')
    .select('code')
    .where('person_id', '=', main.id)
    .where('preferred_for_letters', '=', true)
    .orderBy('code')
    .executeTakeFirst();
  return { ...main, letterLanguage: language?.code ?? null };
}

export async function unitName(trx: Tx, unitId: string): Promise<string> {
  const row = await trx.selectFrom('app.unit').select('name').where('id', '=', unitId).executeTakeFirst();
  return row?.name ?? '';
}

export async function insertLetter(
  trx: Tx,
  values: {
    tenantId: string;
    kind: 'offer' | 'decision';
    offerId?: string | null;
    decisionId?: string | null;
    form: 'nb' | 'nn';
    summaryLanguage: string | null;
    pdf: Buffer;
    sha256: string;
    createdBy: string;
    createdAt: Date;
  },
): Promise<string> {
  const row = await trx
    .insertInto('app.allocation_letter')
    .values({
      tenant_id: values.tenantId,
      kind: values.kind,
      offer_id: values.offerId ?? null,
      decision_id: values.decisionId ?? null,
      form: values.form,
      summary_language: values.summaryLanguage,
      pdf: values.pdf,
      sha256: values.sha256,
      created_by: values.createdBy,
      created_at: values.createdAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The latest letter of an offer or a decision. */
export async function latestLetter(trx: Tx, subject: { offerId: string } | { decisionId: string }) {
  let q = trx.selectFrom('app.allocation_letter').select(['id', 'pdf', 'sha256', 'form', 'summary_language', 'created_at']);
  q = 'offerId' in subject ? q.where('offer_id', '=', subject.offerId) : q.where('decision_id', '=', subject.decisionId);
  return q.orderBy('created_at', 'desc').orderBy('id', 'desc').executeTakeFirst();
}
