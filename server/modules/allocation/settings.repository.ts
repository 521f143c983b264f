import type { Tx } from '../../db/tenant';

// SQL of the allocation settings (inside withTenant): one row per municipality.

export type AllocationSettingsRow = {
  refusal_reasons: unknown;
  offer_answer_days: number;
  appeal_office: string;
  appeal_address: string;
  appeal_body: string;
  version: number;
};

const columns = ['refusal_reasons', 'offer_answer_days', 'appeal_office', 'appeal_address', 'appeal_body', 'version'] as const;

export function findSettings(trx: Tx): Promise<AllocationSettingsRow | undefined> {
  return trx.selectFrom('app.allocation_settings').select(columns).executeTakeFirst();
}

/** The row, created with `defaults` on first use (ON CONFLICT: two first reads at once are harmless). */
export async function getOrCreateSettings(
  trx: Tx,
  tenantId: string,
  defaults: () => Promise<{ refusalReasons: unknown[]; offerAnswerDays: number; appealOffice: string; appealAddress: string; appealBody: string }>,
): Promise<AllocationSettingsRow> {
  const existing = await findSettings(trx);
  if (existing) return existing;
  const d = await defaults();
  await trx
    .insertInto('app.allocation_settings')
    .values({
      tenant_id: tenantId,
      refusal_reasons: JSON.stringify(d.refusalReasons),
      offer_answer_days: d.offerAnswerDays,
      appeal_office: d.appealOffice,
      appeal_address: d.appealAddress,
      appeal_body: d.appealBody,
    })
    .onConflict((oc) => oc.column('tenant_id').doNothing())
    .execute();
  return trx.selectFrom('app.allocation_settings').select(columns).executeTakeFirstOrThrow();
}

export type AllocationSettingsChanges = {
  refusal_reasons?: string;
  offer_answer_days?: number;
  appeal_office?: string;
  appeal_address?: string;
  appeal_body?: string;
};

/** Optimistic update: false when the version has moved on. */
export async function updateSettings(
  trx: Tx,
  { version, changes, now }: { version: number; changes: AllocationSettingsChanges; now: Date },
): Promise<boolean> {
  const result = await trx
    .updateTable('app.allocation_settings')
    .set((eb) => ({ ...changes, updated_at: now, version: eb('version', '+', 1) }))
    .where('version', '=', version)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}
