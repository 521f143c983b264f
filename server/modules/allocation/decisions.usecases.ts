import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { CreateDecisionRequest, DecisionDto } from '../../../shared/api/allocation';
import type { CreateLeaseInput } from '../../../shared/api/leases';
import { APPEAL_PERIOD_DAYS, DEFAULT_ALLOCATION_CRITERIA } from '../../../shared/domain/allocation-criteria';
import { addDays, osloToday } from '../../../shared/domain/calendar-date';
import { formatDate } from '../../../shared/i18n';
import type { ErrorCode } from '../../../shared/errors';
import type { DB } from '../../db/schema';
import { withTenant, type Tx } from '../../db/tenant';
import { appError, type AppError } from '../../http/errors';
import { actorCan, requirePermission, type Actor } from '../auth/actor';
import { recordAudit, type AuditContext } from '../audit/audit.usecases';
import { insertLease } from '../leases/leases.usecases';
import { findLetterSender, staffName } from '../letters/letters.repository';
import { senderName } from '../letters/letters.rules';
import * as repo from './decisions.repository';
import { renderAllocationLetter } from './letters/allocation-letter.pdf';
import { decisionLetterContent } from './letters/decision-letter';
import { letterLabels } from './letters/offer-letter';
import { addressOf, contributionsOf } from './offers.presenters';
import * as offers from './offers.repository';
import { stepPipeline, visibleOffer } from './offers.usecases';

// Allocation decisions (enkeltvedtak, issue 6 item 6; forvaltningsloven § 2): allocation of a
// municipal dwelling after an accepted offer, or rejection. One transaction records the decision
// (the criteria version the offer applied, the assessment and reasons, the appeal deadline), on
// allocation creates the lease through the leases module's own rules (insertLease) and moves the
// household dwelling_reserved → ready_to_move_in, and stores the decision letter as sent.

type Deps = { db: Kysely<DB>; clock: () => Date };

function fail(code: ErrorCode, pointer?: string): AppError {
  return appError(code, pointer ? { errors: [{ pointer, code }] } : {});
}

export function presentDecision(
  actor: Actor,
  row: repo.DecisionRow,
  { appeals, decidedBy }: { appeals: repo.AppealRow[]; decidedBy: string | null },
): DecisionDto {
  return {
    id: row.id,
    reference: row.reference,
    householdId: row.household_id,
    householdReference: row.household_reference,
    dwellingId: row.dwelling_id,
    offerId: row.offer_id,
    outcome: row.outcome,
    criteriaVersion: row.criteria_version,
    assessment: row.assessment,
    decidedAt: row.decided_at.toISOString(),
    decidedBy,
    appealDeadline: row.appeal_deadline,
    leaseId: row.lease_id,
    appeals: appeals.map((a) => ({
      id: a.id,
      receivedOn: a.received_on,
      grounds: a.grounds,
      late: a.received_on > row.appeal_deadline,
      state: a.state,
      outcomeOn: a.outcome_on,
      outcomeNote: a.outcome_note,
      version: a.version,
    })),
    actions: { appeal: actorCan(actor, 'write:allocation:any') },
  };
}

/** Decisions of a household (newest first), or one decision, as DTOs. */
export async function loadDecisionDtos(trx: Tx, actor: Actor, by: { householdId: string } | { id: string }): Promise<DecisionDto[]> {
  const rows =
    'id' in by ? [await repo.findDecision(trx, by.id)].filter((r): r is repo.DecisionRow => r !== undefined) : await repo.decisionsOfHousehold(trx, by.householdId);
  const appeals = await repo.appealsOf(trx, rows.map((r) => r.id));
  const names = new Map<string, string>();
  for (const id of new Set(rows.flatMap((r) => (r.decided_by ? [r.decided_by] : [])))) names.set(id, await staffName(trx, id));
  return rows.map((row) =>
    presentDecision(actor, row, {
      appeals: appeals.filter((a) => a.decision_id === row.id),
      decidedBy: row.decided_by ? (names.get(row.decided_by) ?? null) : null,
    }),
  );
}

export async function visibleDecision(trx: Tx, actor: Actor, id: string): Promise<DecisionDto> {
  const row = await repo.findDecision(trx, id);
  if (!row || row.household_anonymised_at) throw appError('resource.not_found');
  return (await loadDecisionDtos(trx, actor, { id }))[0]!;
}

/** The current criteria version (version 1 with Husly's defaults when none is saved yet). */
async function currentCriteriaVersion(trx: Tx, tenantId: string): Promise<number> {
  const row = await trx.selectFrom('app.allocation_criteria_version').select(sql<number | null>`max(version)`.as('v')).executeTakeFirst();
  if (row?.v) return row.v;
  await trx
    .insertInto('app.allocation_criteria_version')
    .values({ tenant_id: tenantId, version: 1, criteria: JSON.stringify(DEFAULT_ALLOCATION_CRITERIA), note: 'Husly standard' })
    .onConflict((oc) => oc.columns(['tenant_id', 'version']).doNothing())
    .execute();
  return 1;
}

const leaseBasis = { '9-3': 'hl_9_3', '11-1': 'hl_11_1' } as const;

async function produceDecisionLetter(
  trx: Tx,
  actor: Actor,
  {
    decisionId,
    offer,
    now,
  }: {
    decisionId: string;
    offer: offers.OfferRow | null;
    now: Date;
  },
): Promise<void> {
  const row = (await repo.findDecision(trx, decisionId))!;
  const settings = await offers.readSettings(trx);
  const sender = await findLetterSender(trx, actor.tenantId);
  const from = senderName(sender);
  const worker = await staffName(trx, actor.userId);
  const main = await offers.mainPersonOf(trx, row.household_id);
  const lease = row.lease_id ? await repo.leaseReference(trx, row.lease_id) : undefined;
  const unitRow = await trx
    .selectFrom('app.household as h')
    .innerJoin('app.unit as u', 'u.id', 'h.responsible_unit_id')
    .select('u.name')
    .where('h.id', '=', row.household_id)
    .executeTakeFirst();
  const today = osloToday(now);
  const form = row.letter_form;
  const content = decisionLetterContent({
    form,
    outcome: row.outcome,
    decisionReference: row.reference,
    householdReference: row.household_reference,
    decidedOn: today,
    dwelling: offer && row.outcome === 'allocated' ? { reference: offer.dwelling_reference, address: addressOf(offer) } : null,
    lease: lease ? { reference: lease.reference, startDate: lease.start_date, rentOre: Number(lease.rent_ore) } : null,
    criteriaVersion: row.criteria_version,
    contributions: offer ? contributionsOf(offer.explanation) : [],
    score: offer?.score ?? null,
    assessment: row.assessment,
    appealDeadline: row.appeal_deadline,
    // Where the appeal goes (settings), else the office that decided at the letters' address.
    appeal: {
      office: settings.appealOffice || from,
      address: settings.appealAddress || sender.address || from,
      body: settings.appealBody || (form === 'nb' ? 'kommunens klageorgan' : 'klageorganet i kommunen'),
    },
  });
  const pdf = await renderAllocationLetter({
    form,
    createdAt: now,
    sender: { name: from, address: sender.address, phone: sender.phone, email: sender.email },
    labels: letterLabels[form],
    letterDate: formatDate(today),
    reference: row.reference,
    recipient: { name: main?.anonymised_at ? '' : (main?.full_name ?? ''), street: '', postalLine: '' },
    ...content,
    signature: { name: worker, unit: unitRow?.name ?? '', sender: from },
  });
  await offers.insertLetter(trx, {
    tenantId: actor.tenantId,
    kind: 'decision',
    decisionId,
    form,
    summaryLanguage: null,
    pdf,
    sha256: createHash('sha256').update(pdf).digest('hex'),
    createdBy: actor.userId,
    createdAt: now,
  });
}

export function createDecision(
  actor: Actor,
  {
    db,
    clock,
    input,
    context,
    allowSyntheticIdentity = false,
  }: Deps & { input: CreateDecisionRequest; context: AuditContext; allowSyntheticIdentity?: boolean },
): Promise<DecisionDto> {
  requirePermission(actor, 'write:allocation:any');
  const now = clock();
  const today = osloToday(now);
  if (input.outcome === 'allocated') {
    if (!input.offerId) throw fail('request.invalid', '/offerId');
    if (!input.lease) throw fail('allocation.lease_terms_required', '/lease');
  } else if (!input.householdId && !input.offerId) {
    throw fail('request.invalid', '/householdId');
  }
  return withTenant(db, actor, async (trx) => {
    const offer = input.offerId ? await visibleOffer(trx, input.offerId, { forUpdate: true }) : null;
    if (offer && input.householdId && offer.household_id !== input.householdId) throw fail('request.invalid', '/offerId');
    if (offer?.decision_id) throw fail('allocation.decision_exists', '/offerId');
    if (input.outcome === 'allocated' && offer?.state !== 'accepted') throw fail('allocation.offer_state_invalid', '/offerId');

    const householdId = offer?.household_id ?? input.householdId!;
    const household = await trx
      .selectFrom('app.household')
      .select(['id', 'responsible_unit_id', 'anonymised_at'])
      .where('id', '=', householdId)
      .executeTakeFirst();
    if (!household || household.anonymised_at) throw fail('resource.not_found', '/householdId');

    const criteriaVersion = offer?.criteria_version ?? (await currentCriteriaVersion(trx, actor.tenantId));
    const reference = await repo.nextDecisionReference(trx, { tenantId: actor.tenantId, year: Number(today.slice(0, 4)) });
    const inserted = await trx
      .insertInto('app.allocation_decision')
      .values({
        tenant_id: actor.tenantId,
        reference,
        household_id: householdId,
        offer_id: offer?.id ?? null,
        dwelling_id: offer?.dwelling_id ?? null,
        outcome: input.outcome,
        criteria_version: criteriaVersion,
        assessment: input.assessment,
        letter_form: input.form ?? 'nb',
        // Forvaltningsloven § 29: three weeks from the notice reaching the party; the deadline
        // recorded is counted from the decision date (the letter says it runs from receipt).
        appeal_deadline: addDays({ date: today, days: APPEAL_PERIOD_DAYS }),
        decided_by: actor.userId,
        decided_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();

    if (input.outcome === 'allocated' && offer && input.lease) {
      const main = await offers.mainPersonOf(trx, householdId);
      if (!main || main.anonymised_at) throw fail('lease.tenant_required', '/householdId');
      // A dwelling the municipality rents from a private landlord is sublet under its head lease
      // (R4.14); its own dwellings are let directly.
      let headLeaseId: string | null = null;
      if (offer.disposal_form === 'private_sublet') {
        const head = await repo.activeHeadLease(trx, { dwellingId: offer.dwelling_id, on: input.lease.startDate });
        if (!head) throw fail('lease.head_lease_required', '/lease');
        headLeaseId = head.id;
      }
      const terms = input.lease;
      const leaseInput: CreateLeaseInput = {
        kind: headLeaseId ? 'sub' : 'direct',
        dwellingId: offer.dwelling_id,
        ...(headLeaseId ? { headLeaseId } : {}),
        tenantPersonId: main.id,
        responsibleUnitId: household.responsible_unit_id,
        startDate: terms.startDate,
        endDate: terms.endDate,
        // Husleieloven § 11-1 (municipal housing for the disadvantaged) by default; open-ended
        // when no end date is given.
        legalBasis: terms.endDate === null ? 'open_ended' : leaseBasis[terms.legalBasis ?? '11-1'],
        rentOre: terms.rentOre,
        ...(terms.depositOre !== undefined ? { depositOre: terms.depositOre } : {}),
        notes: `Tildelingsvedtak ${reference}`,
      };
      const lease = await insertLease(trx, { tenantId: actor.tenantId, userId: actor.userId, today, source: 'user', allowSyntheticIdentity }, leaseInput);
      await trx.updateTable('app.allocation_decision').set({ lease_id: lease.id }).where('id', '=', inserted.id).execute();
      await recordAudit(trx, context, { action: 'create', entity: 'lease', subject: { type: 'lease', id: lease.id } });
      await stepPipeline(trx, actor, {
        clock,
        offer,
        from: 'dwelling_reserved',
        to: 'ready_to_move_in',
        effectiveOn: today,
        context,
      });
    }

    await produceDecisionLetter(trx, actor, { decisionId: inserted.id, offer, now });
    await recordAudit(trx, context, {
      action: 'create',
      entity: 'allocation_decision',
      subject: { type: 'household', id: householdId },
      fields: ['outcome', 'assessment', 'criteria_version', 'appeal_deadline', 'letter', 'full_name'],
    });
    return visibleDecision(trx, actor, inserted.id);
  });
}

export function getDecision(actor: Actor, { db, id, context }: Pick<Deps, 'db'> & { id: string; context: AuditContext }): Promise<DecisionDto> {
  requirePermission(actor, 'read:allocation:any');
  return withTenant(db, actor, async (trx) => {
    const dto = await visibleDecision(trx, actor, id);
    await recordAudit(trx, context, {
      action: 'display',
      entity: 'allocation_decision',
      subject: { type: 'household', id: dto.householdId },
      fields: ['outcome', 'assessment', 'appeals'],
    });
    return dto;
  });
}

export function decisionLetterPdf(
  actor: Actor,
  { db, id, context }: Pick<Deps, 'db'> & { id: string; context: AuditContext },
): Promise<{ pdf: Buffer; sha256: string; fileName: string }> {
  requirePermission(actor, 'read:allocation:any');
  return withTenant(db, actor, async (trx) => {
    const dto = await visibleDecision(trx, actor, id);
    const letter = await offers.latestLetter(trx, { decisionId: id });
    if (!letter) throw appError('resource.not_found');
    await recordAudit(trx, context, {
      action: 'display',
      entity: 'allocation_letter',
      subject: { type: 'household', id: dto.householdId },
      fields: ['full_name', 'outcome', 'assessment'],
    });
    return { pdf: Buffer.from(letter.pdf), sha256: letter.sha256, fileName: `vedtak-${dto.reference.replace(/[^A-Za-z0-9._-]+/g, '-')}.pdf` };
  });
}
