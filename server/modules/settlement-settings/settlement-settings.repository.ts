import type { Tx } from '../../db/tenant';

// All SQL of the settlement settings (Kysely only), inside the caller's tenant transaction.

export type SettlementSettingsRow = {
  agreed_target_days: number | null;
  checklist: unknown[] | null;
  unit_for_role: Record<string, string>;
  retention_months: number;
  emergency_phone: string;
  version: number;
  updated_at: Date;
};

const columns = [
  'agreed_target_days',
  'checklist',
  'unit_for_role',
  'retention_months',
  'emergency_phone',
  'version',
  'updated_at',
] as const;

/** The stored row, or undefined when the municipality has never saved its settings. */
export function findSettings(trx: Tx): Promise<SettlementSettingsRow | undefined> {
  return trx.selectFrom('app.settlement_settings').select(columns).executeTakeFirst();
}

/** The row, created with the defaults on first use (ON CONFLICT: two first reads at once are harmless). */
export async function getOrCreateSettings(trx: Tx, tenantId: string): Promise<SettlementSettingsRow> {
  const existing = await findSettings(trx);
  if (existing) return existing;
  await trx
    .insertInto('app.settlement_settings')
    .values({ tenant_id: tenantId })
    .onConflict((oc) => oc.column('tenant_id').doNothing())
    .execute();
  return trx.selectFrom('app.settlement_settings').select(columns).executeTakeFirstOrThrow();
}

export type SettlementSettingsChanges = {
  agreed_target_days?: number | null;
  checklist?: string | null;
  unit_for_role?: string;
  retention_months?: number;
  emergency_phone?: string;
};

/** Optimistic update: false when the version has moved on. */
export async function updateSettings(
  trx: Tx,
  { version, changes, now }: { version: number; changes: SettlementSettingsChanges; now: Date },
): Promise<boolean> {
  const result = await trx
    .updateTable('app.settlement_settings')
    .set((eb) => ({ ...changes, updated_at: now, version: eb('version', '+', 1) }))
    .where('version', '=', version)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}
