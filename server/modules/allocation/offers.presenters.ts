import { z } from 'zod';
import { contribution, type OfferDto } from '../../../shared/api/allocation';
import { actorCan, type Actor } from '../auth/actor';
import type { OfferRow } from './offers.repository';

// An offer as the API shows it, with what the current user may do with it (the server decides;
// the web client only shows the actions it is given).

const explanationContributions = z.object({ contributions: z.array(contribution) });

/** The contributions recorded at reservation; [] when the offer was reserved without a run. */
export function contributionsOf(explanation: unknown): OfferDto['contributions'] {
  const value = typeof explanation === 'string' ? (JSON.parse(explanation) as unknown) : explanation;
  const parsed = explanationContributions.safeParse(value);
  return parsed.success ? parsed.data.contributions : [];
}

export function addressOf(row: { street: string; postnummer: string; poststed: string }): string {
  return [row.street, `${row.postnummer} ${row.poststed}`.trim()].filter(Boolean).join(', ');
}

export function offerActions(actor: Actor, row: Pick<OfferRow, 'state' | 'decision_id'>): OfferDto['actions'] {
  const write = actorCan(actor, 'write:allocation:any');
  return {
    offer: write && row.state === 'reserved',
    answer: write && row.state === 'offered',
    decide: write && row.state === 'accepted' && row.decision_id === null,
    withdraw: write && (row.state === 'reserved' || row.state === 'offered'),
  };
}

export function presentOfferRow(actor: Actor, row: OfferRow): OfferDto {
  return {
    id: row.id,
    householdId: row.household_id,
    householdReference: row.household_reference,
    dwellingId: row.dwelling_id,
    dwellingReference: row.dwelling_reference,
    address: addressOf(row),
    runId: row.run_id,
    criteriaVersion: row.criteria_version,
    state: row.state,
    score: row.score,
    contributions: contributionsOf(row.explanation),
    reservedAt: row.reserved_at.toISOString(),
    offeredAt: row.offered_at?.toISOString() ?? null,
    answerDue: row.answer_due,
    answeredAt: row.answered_at?.toISOString() ?? null,
    refusalReason: row.refusal_reason,
    refusalText: row.refusal_text,
    consequence: row.consequence,
    letterLanguage: row.summary_language,
    decisionId: row.decision_id,
    leaseId: row.lease_id,
    version: row.version,
    actions: offerActions(actor, row),
  };
}
