import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { appealStates, createAppealRequest, DecisionDto, updateAppealRequest } from '../../../shared/api/allocation';
import { osloToday } from '../../../shared/domain/calendar-date';
import type { DB } from '../../db/schema';
import { withTenant } from '../../db/tenant';
import { appError } from '../../http/errors';
import { requirePermission, type Actor } from '../auth/actor';
import { recordAudit, type AuditContext } from '../audit/audit.usecases';
import * as repo from './appeals.repository';
import { visibleDecision } from './decisions.usecases';

// Appeals against allocation decisions (forvaltningsloven §§ 28–36). An appeal is registered
// whenever it arrives — one received after the deadline is marked late but still registered, as
// § 31 lets the office consider it all the same. Its handling is a state machine: the office that
// decided first reviews it (§ 33: reverse it itself, or uphold and forward it to the appeal body),
// the appeal body decides; the party may withdraw it until then.

type Deps = { db: Kysely<DB>; clock: () => Date };
type AppealState = (typeof appealStates)[number];

const NEXT: Record<AppealState, readonly AppealState[]> = {
  received: ['upheld_by_office', 'reversed_by_office', 'withdrawn'],
  upheld_by_office: ['sent_to_appeal_body'],
  sent_to_appeal_body: ['upheld', 'reversed', 'withdrawn'],
  reversed_by_office: [],
  upheld: [],
  reversed: [],
  withdrawn: [],
};

/** Whether an appeal may go from one state to another. */
export function appealTransitionAllowed(from: AppealState, to: AppealState): boolean {
  return NEXT[from].includes(to);
}

/** States that close a step and need an outcome date (the table's allocation_appeal_outcome check). */
const needsOutcomeDate = (state: AppealState) => state !== 'received' && state !== 'sent_to_appeal_body';

export function createAppeal(
  actor: Actor,
  {
    db,
    clock,
    decisionId,
    input,
    context,
  }: Deps & { decisionId: string; input: z.infer<typeof createAppealRequest>; context: AuditContext },
): Promise<DecisionDto> {
  requirePermission(actor, 'write:allocation:any');
  const now = clock();
  const today = osloToday(now);
  if (input.receivedOn > today) throw appError('request.invalid', { errors: [{ pointer: '/receivedOn', code: 'request.invalid' }] });
  return withTenant(db, actor, async (trx) => {
    const decision = await visibleDecision(trx, actor, decisionId);
    // An appeal cannot arrive before the decision was made.
    if (input.receivedOn < osloToday(new Date(decision.decidedAt))) {
      throw appError('request.invalid', { errors: [{ pointer: '/receivedOn', code: 'request.invalid' }] });
    }
    await repo.insertAppeal(trx, {
      tenant_id: actor.tenantId,
      decision_id: decisionId,
      received_on: input.receivedOn,
      grounds: input.grounds,
      registered_by: actor.userId,
      created_at: now,
      updated_at: now,
    });
    await recordAudit(trx, context, {
      action: 'create',
      entity: 'allocation_appeal',
      subject: { type: 'household', id: decision.householdId },
      fields: ['received_on', 'grounds'],
    });
    return visibleDecision(trx, actor, decisionId);
  });
}

export function updateAppeal(
  actor: Actor,
  {
    db,
    clock,
    id,
    version,
    input,
    context,
  }: Deps & { id: string; version: number; input: z.infer<typeof updateAppealRequest>; context: AuditContext },
): Promise<DecisionDto> {
  requirePermission(actor, 'write:allocation:any');
  const now = clock();
  const today = osloToday(now);
  return withTenant(db, actor, async (trx) => {
    const appeal = await repo.findAppeal(trx, id, { forUpdate: true });
    if (!appeal) throw appError('resource.not_found');
    const decision = await visibleDecision(trx, actor, appeal.decision_id);
    if (appeal.version !== version) throw appError('resource.version_conflict');
    if (!appealTransitionAllowed(appeal.state, input.state)) {
      throw appError('allocation.appeal_state_invalid', { errors: [{ pointer: '/state', code: 'allocation.appeal_state_invalid' }] });
    }
    const outcomeOn = input.outcomeOn ?? (needsOutcomeDate(input.state) ? today : appeal.outcome_on);
    if (outcomeOn && (outcomeOn > today || outcomeOn < appeal.received_on)) {
      throw appError('request.invalid', { errors: [{ pointer: '/outcomeOn', code: 'request.invalid' }] });
    }
    const updated = await repo.updateAppeal(trx, {
      id,
      expectedVersion: version,
      values: { state: input.state, outcome_on: outcomeOn, outcome_note: input.outcomeNote ?? '' },
      now,
    });
    if (updated === null) throw appError('resource.version_conflict');
    await recordAudit(trx, context, {
      action: 'update',
      entity: 'allocation_appeal',
      subject: { type: 'household', id: decision.householdId },
      fields: ['state', 'outcome_on', 'outcome_note'],
    });
    return visibleDecision(trx, actor, appeal.decision_id);
  });
}
