import type { Kysely } from 'kysely';
import type { OfferDto, Proposal, ReserveRequest } from '../../../shared/api/allocation';
import type { FieldProblem } from '../../../shared/errors';
import type { DB } from '../../db/schema';
import { withTenant } from '../../db/tenant';
import { appError } from '../../http/errors';
import { requirePermission, type Actor } from '../auth/actor';
import { recordAudit, type AuditContext } from '../audit/audit.usecases';
import { transitionInTransaction } from '../households/pipeline.usecases';
import { findOffer } from './offers.repository';
import { presentOffer } from './reservation.presenters';
import * as repo from './reservation.repository';
import { storedJson } from './runs.presenters';

// Reserving the accepted proposals of a run in one action (issue 6 items 4–5): per pair an
// offer in state 'reserved' with the proposal's score and explanation (what staff saw when they
// reserved) and the criteria version, then the household's pipeline step accepted →
// dwelling_reserved with the dwelling (dwelling status → reserved, pipeline event, move-in
// checklist), all in ONE transaction: a failing pair rolls back every pair.
// Exclusive in the database: the offer row is inserted first, so the partial unique indexes on
// live offers decide a race (two staff reserving the same dwelling at once → exactly one
// succeeds, the other gets 409 allocation.dwelling_reserved; the same household from two runs →
// 409 allocation.household_has_offer).

export function reserve(
  actor: Actor,
  { db, clock, runId, input, context }: { db: Kysely<DB>; clock: () => Date; runId: string; input: ReserveRequest; context: AuditContext },
): Promise<{ items: OfferDto[] }> {
  requirePermission(actor, 'write:allocation:any');
  return withTenant(db, actor, async (trx) => {
    const run = await repo.runProposals(trx, runId);
    if (!run) throw appError('resource.not_found');
    const proposals = storedJson<Proposal[] | null>(run.proposals) ?? [];
    const byPair = new Map(proposals.map((p) => [`${p.householdId}/${p.dwellingId}`, p]));

    const problems: FieldProblem[] = [];
    const seenHouseholds = new Set<string>();
    const seenDwellings = new Set<string>();
    const chosen: Proposal[] = [];
    input.pairs.forEach((pair, i) => {
      const proposal = byPair.get(`${pair.householdId}/${pair.dwellingId}`);
      // A run proposes each household and each dwelling at most once, so a repeated one is
      // not a proposal of the run either.
      if (!proposal || seenHouseholds.has(pair.householdId) || seenDwellings.has(pair.dwellingId)) {
        problems.push({ pointer: `/pairs/${i}`, code: 'allocation.pair_not_proposed' });
      } else chosen.push(proposal);
      seenHouseholds.add(pair.householdId);
      seenDwellings.add(pair.dwellingId);
    });
    if (problems.length > 0) throw appError('allocation.pair_not_proposed', { errors: problems });

    const now = clock();
    const offerIds: string[] = [];
    for (const proposal of chosen) {
      const offerId = await repo.insertReservedOffer(trx, {
        tenantId: actor.tenantId,
        householdId: proposal.householdId,
        dwellingId: proposal.dwellingId,
        runId,
        criteriaVersion: run.criteria_version,
        score: proposal.score,
        explanation: { contributions: proposal.contributions, hardRules: proposal.hardRules, locked: proposal.locked },
        reservedBy: actor.userId,
        reservedAt: now,
      });
      offerIds.push(offerId);
      // The household may have moved on since the run (another step, another dwelling): the
      // transition re-checks its state and the dwelling's, and refuses with its own codes.
      await transitionInTransaction(trx, actor, {
        clock,
        householdId: proposal.householdId,
        to: 'dwelling_reserved',
        dwellingId: proposal.dwellingId,
        context,
      });
      await recordAudit(trx, context, {
        action: 'create',
        entity: 'allocation_offer',
        subject: { type: 'household', id: proposal.householdId },
        fields: ['dwelling', 'score', 'explanation', 'criteria_version'],
      });
    }
    const items: OfferDto[] = [];
    for (const id of offerIds) items.push(presentOffer(actor, (await findOffer(trx, id))!));
    return { items };
  });
}
