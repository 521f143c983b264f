import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type {
  AnswerOfferRequest,
  HouseholdAllocationResponse,
  MakeOfferRequest,
  OfferDto,
} from '../../../shared/api/allocation';
import { osloToday, type CalendarDate } from '../../../shared/domain/calendar-date';
import type { DwellingType } from '../../../shared/domain/dwelling-rules';
import type { PipelineState } from '../../../shared/domain/pipeline';
import { formatDate } from '../../../shared/i18n';
import type { ErrorCode } from '../../../shared/errors';
import type { DB } from '../../db/schema';
import { withTenant, type Tx } from '../../db/tenant';
import { appError, type AppError } from '../../http/errors';
import { requirePermission, type Actor } from '../auth/actor';
import { recordAudit, type AuditContext } from '../audit/audit.usecases';
import { transitionInTransaction } from '../households/pipeline.usecases';
import { findLetterSender, staffName } from '../letters/letters.repository';
import { senderName } from '../letters/letters.rules';
import { loadDecisionDtos } from './decisions.usecases';
import { renderAllocationLetter } from './letters/allocation-letter.pdf';
import { letterLabels, offerLetterContent } from './letters/offer-letter';
import { offerSummaryTranslations, summaryLanguageFor } from './letters/offer-summary.translations';
import { presentOfferRow } from './offers.presenters';
import * as repo from './offers.repository';

// Offers and answers (issue 6 item 5): an offer is created by the reservation (state 'reserved',
// reservation.usecases.ts); here it is made to the household with a letter (→ 'offered'), answered
// (→ 'accepted' or 'refused' with a reason from the municipality's list, free text and its
// consequence, R5.6) or withdrawn. A refusal or withdrawal frees the dwelling: the household steps
// back dwelling_reserved → accepted through the pipeline's own transition (in this transaction),
// which gives the dwelling back its status from before the reservation.

export type Deps = { db: Kysely<DB>; clock: () => Date };

function fail(code: ErrorCode, pointer?: string): AppError {
  return appError(code, pointer ? { errors: [{ pointer, code }] } : {});
}

/** Offers name households and dwellings: read:allocation; another municipality's is 404 (RLS). */
export async function visibleOffer(trx: Tx, id: string, options: { forUpdate?: boolean } = {}): Promise<repo.OfferRow> {
  const row = await repo.findOffer(trx, id, options);
  if (!row || row.household_anonymised_at) throw appError('resource.not_found');
  return row;
}

function auditOffer(trx: Tx, context: AuditContext, row: repo.OfferRow, action: 'display' | 'update' | 'create', fields: string[]) {
  return recordAudit(trx, context, {
    action,
    entity: 'allocation_offer',
    subject: { type: 'household', id: row.household_id },
    fields,
  });
}

const offerFields = ['household_reference', 'dwelling_address', 'state', 'score', 'contributions', 'refusal_reason', 'refusal_text'];

export function listOffers(
  actor: Actor,
  { db, query }: Pick<Deps, 'db'> & { query: { state?: repo.OfferState | undefined; householdId?: string | undefined } },
): Promise<{ items: OfferDto[] }> {
  requirePermission(actor, 'read:allocation:any');
  return withTenant(db, actor, async (trx) => {
    const rows = await repo.listOffers(trx, { ...query, unitIds: null });
    // A list shows references and addresses, no names: not a display of anyone's record (decision 007).
    return { items: rows.map((row) => presentOfferRow(actor, row)) };
  });
}

export function getOffer(actor: Actor, { db, id, context }: Pick<Deps, 'db'> & { id: string; context: AuditContext }): Promise<OfferDto> {
  requirePermission(actor, 'read:allocation:any');
  return withTenant(db, actor, async (trx) => {
    const row = await visibleOffer(trx, id);
    await auditOffer(trx, context, row, 'display', offerFields);
    return presentOfferRow(actor, row);
  });
}

// ---------------------------------------------------------------------------------------------
// The pipeline step that goes with an offer's end or a decision

/**
 * Moves the household in the pipeline through the pipeline's own transition (its rules, event,
 * checklist, dwelling status and audit), in the caller's transaction — but only when the household
 * is where the offer left it (`from`, holding the offer's dwelling). A household someone has moved
 * by hand in between is left alone.
 */
export async function stepPipeline(
  trx: Tx,
  actor: Actor,
  {
    clock,
    offer,
    from,
    to,
    reason,
    effectiveOn,
    context,
  }: {
    clock: () => Date;
    offer: Pick<repo.OfferRow, 'household_id' | 'dwelling_id'>;
    from: PipelineState;
    to: PipelineState;
    reason?: string;
    effectiveOn: CalendarDate;
    context: AuditContext;
  },
): Promise<boolean> {
  const household = await trx
    .selectFrom('app.household')
    .select(['pipeline_state', 'reserved_dwelling_id', 'version'])
    .where('id', '=', offer.household_id)
    .forUpdate()
    .executeTakeFirst();
  if (!household || household.pipeline_state !== from || household.reserved_dwelling_id !== offer.dwelling_id) return false;
  await transitionInTransaction(trx, actor, {
    clock,
    householdId: offer.household_id,
    expectedVersion: household.version,
    to,
    reason: reason?.slice(0, 2000),
    effectiveOn,
    context,
  });
  return true;
}

// ---------------------------------------------------------------------------------------------
// Make the offer (with its letter)

async function produceOfferLetter(
  trx: Tx,
  actor: Actor,
  { row, form, summaryLanguage, answerDue, now }: { row: repo.OfferRow; form: 'nb' | 'nn'; summaryLanguage: string | null; answerDue: string; now: Date },
): Promise<void> {
  const today = osloToday(now);
  const sender = await findLetterSender(trx, actor.tenantId);
  const from = senderName(sender);
  const worker = await staffName(trx, actor.userId);
  const unit = await repo.unitName(trx, row.responsible_unit_id);
  const main = await repo.mainPersonOf(trx, row.household_id);
  const postalLine = `${row.postnummer} ${row.poststed}`.trim();
  const content = offerLetterContent({
    form,
    householdReference: row.household_reference,
    dwellingReference: row.dwelling_reference,
    street: row.street,
    postalLine,
    dwellingType: row.dwelling_type as DwellingType,
    bedrooms: row.bedrooms,
    rentOre: row.rent_ore === null ? null : Number(row.rent_ore),
    availableFrom: row.dwelling_status_since > today ? row.dwelling_status_since : null,
    answerDue,
    letterDate: today,
    contact: { name: worker, unit: unit || from, phone: sender.phone, email: sender.email },
    summaryLanguage,
  });
  const pdf = await renderAllocationLetter({
    form,
    createdAt: now,
    sender: { name: from, address: sender.address, phone: sender.phone, email: sender.email },
    labels: letterLabels[form],
    letterDate: formatDate(today),
    reference: row.household_reference,
    // Before moving in, the household is reached through the settlement service: the letter is
    // addressed by name only (the worker hands it over or sends it where the household lives now).
    recipient: { name: main?.anonymised_at ? '' : (main?.full_name ?? ''), street: '', postalLine: '' },
    ...content,
    signature: { name: worker, unit: unit, sender: from },
  });
  await repo.insertLetter(trx, {
    tenantId: actor.tenantId,
    kind: 'offer',
    offerId: row.id,
    form,
    summaryLanguage,
    pdf,
    sha256: createHash('sha256').update(pdf).digest('hex'),
    createdBy: actor.userId,
    createdAt: now,
  });
}

export function makeOffer(
  actor: Actor,
  { db, clock, id, version, input, context }: Deps & { id: string; version: number; input: MakeOfferRequest; context: AuditContext },
): Promise<OfferDto> {
  requirePermission(actor, 'write:allocation:any');
  const now = clock();
  const today = osloToday(now);
  if (input.answerDue < today) throw fail('allocation.answer_due_invalid', '/answerDue');
  const requested = input.summaryLanguage;
  if (requested && !['nb', 'nn', 'no'].includes(requested) && !offerSummaryTranslations.has(requested)) {
    throw fail('request.invalid', '/summaryLanguage');
  }
  return withTenant(db, actor, async (trx) => {
    const row = await visibleOffer(trx, id, { forUpdate: true });
    if (row.version !== version) throw appError('resource.version_conflict');
    if (row.state !== 'reserved') throw fail('allocation.offer_state_invalid');
    const main = await repo.mainPersonOf(trx, row.household_id);
    const summaryLanguage = summaryLanguageFor(requested, main?.letterLanguage ?? null);
    const form = input.form ?? 'nb';
    const updated = await repo.updateOffer(trx, {
      id,
      expectedVersion: version,
      values: {
        state: 'offered',
        offered_at: now,
        offered_by: actor.userId,
        answer_due: input.answerDue,
        letter_form: form,
        summary_language: summaryLanguage,
      },
      now,
    });
    if (updated === null) throw appError('resource.version_conflict');
    const offered = (await repo.findOffer(trx, id))!;
    await produceOfferLetter(trx, actor, { row: offered, form, summaryLanguage, answerDue: input.answerDue, now });
    await auditOffer(trx, context, offered, 'update', ['state', 'answer_due', 'letter', 'full_name', 'dwelling_address']);
    return presentOfferRow(actor, offered);
  });
}

// ---------------------------------------------------------------------------------------------
// Answer and withdraw

export function answerOffer(
  actor: Actor,
  { db, clock, id, version, input, context }: Deps & { id: string; version: number; input: AnswerOfferRequest; context: AuditContext },
): Promise<OfferDto> {
  requirePermission(actor, 'write:allocation:any');
  const now = clock();
  const today = osloToday(now);
  const answeredOn = input.answeredOn ?? today;
  if (answeredOn > today) throw fail('request.invalid', '/answeredOn');
  return withTenant(db, actor, async (trx) => {
    const row = await visibleOffer(trx, id, { forUpdate: true });
    if (row.version !== version) throw appError('resource.version_conflict');
    if (row.state !== 'offered') throw fail('allocation.offer_state_invalid');
    let values: Parameters<typeof repo.updateOffer>[1]['values'];
    if (input.answer === 'accepted') {
      values = { state: 'accepted', answered_at: now, answered_on: answeredOn };
    } else {
      const settings = await repo.readSettings(trx);
      const reason = settings.refusalReasons.find((r) => r.code === input.reasonCode);
      if (!reason) throw fail('allocation.refusal_reason_unknown', '/reasonCode');
      values = {
        state: 'refused',
        answered_at: now,
        answered_on: answeredOn,
        refusal_reason: reason.code,
        refusal_text: input.text ?? '',
        consequence: input.consequence,
        closed_reason: `Tilbud avslått: ${reason.label}`.slice(0, 2000),
      };
      // The refusal frees the dwelling (issue 6 item 5): back to accepted, dwelling back to ready.
      await stepPipeline(trx, actor, {
        clock,
        offer: row,
        from: 'dwelling_reserved',
        to: 'accepted',
        reason: `Tilbud avslått: ${reason.label}`,
        effectiveOn: answeredOn,
        context,
      });
    }
    const updated = await repo.updateOffer(trx, { id, expectedVersion: version, values, now });
    if (updated === null) throw appError('resource.version_conflict');
    const after = (await repo.findOffer(trx, id))!;
    await auditOffer(trx, context, after, 'update', ['state', 'answered_on', 'refusal_reason', 'refusal_text', 'consequence']);
    return presentOfferRow(actor, after);
  });
}

export function withdrawOffer(
  actor: Actor,
  { db, clock, id, version, reason, context }: Deps & { id: string; version: number; reason: string; context: AuditContext },
): Promise<OfferDto> {
  requirePermission(actor, 'write:allocation:any');
  const now = clock();
  return withTenant(db, actor, async (trx) => {
    const row = await visibleOffer(trx, id, { forUpdate: true });
    if (row.version !== version) throw appError('resource.version_conflict');
    if (row.state !== 'reserved' && row.state !== 'offered') throw fail('allocation.offer_state_invalid');
    await stepPipeline(trx, actor, {
      clock,
      offer: row,
      from: 'dwelling_reserved',
      to: 'accepted',
      reason: `Tilbud trukket tilbake: ${reason}`,
      effectiveOn: osloToday(now),
      context,
    });
    const updated = await repo.updateOffer(trx, {
      id,
      expectedVersion: version,
      values: { state: 'withdrawn', closed_reason: reason.slice(0, 2000) },
      now,
    });
    if (updated === null) throw appError('resource.version_conflict');
    const after = (await repo.findOffer(trx, id))!;
    await auditOffer(trx, context, after, 'update', ['state', 'closed_reason']);
    return presentOfferRow(actor, after);
  });
}

// ---------------------------------------------------------------------------------------------
// Letters and the household's allocation

/** The latest offer letter as sent. It names the household's main person: audited. */
export function offerLetterPdf(
  actor: Actor,
  { db, id, context }: Pick<Deps, 'db'> & { id: string; context: AuditContext },
): Promise<{ pdf: Buffer; sha256: string; fileName: string }> {
  requirePermission(actor, 'read:allocation:any');
  return withTenant(db, actor, async (trx) => {
    const row = await visibleOffer(trx, id);
    const letter = await repo.latestLetter(trx, { offerId: id });
    if (!letter) throw appError('resource.not_found');
    await recordAudit(trx, context, {
      action: 'display',
      entity: 'allocation_letter',
      subject: { type: 'household', id: row.household_id },
      fields: ['full_name', 'dwelling_address', 'answer_due'],
    });
    const reference = row.household_reference.replace(/[^A-Za-z0-9._-]+/g, '-');
    return { pdf: Buffer.from(letter.pdf), sha256: letter.sha256, fileName: `tilbud-bolig-${reference}.pdf` };
  });
}

/** Offers and decisions of one household, newest first (household page). Audited. */
export function householdAllocation(
  actor: Actor,
  { db, householdId, context }: Pick<Deps, 'db'> & { householdId: string; context: AuditContext },
): Promise<HouseholdAllocationResponse> {
  requirePermission(actor, 'read:allocation:any');
  return withTenant(db, actor, async (trx) => {
    const household = await trx
      .selectFrom('app.household')
      .select(['id', 'anonymised_at'])
      .where('id', '=', householdId)
      .executeTakeFirst();
    if (!household || household.anonymised_at) throw appError('resource.not_found');
    const offers = await repo.listOffers(trx, { householdId, unitIds: null });
    const decisions = await loadDecisionDtos(trx, actor, { householdId });
    await recordAudit(trx, context, {
      action: 'display',
      entity: 'allocation',
      subject: { type: 'household', id: householdId },
      fields: [...offerFields, 'decisions', 'appeals'],
    });
    return { offers: offers.map((row) => presentOfferRow(actor, row)), decisions };
  });
}

