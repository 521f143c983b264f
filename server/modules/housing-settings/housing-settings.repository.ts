import type { Tx } from '../../db/tenant';

export type HousingSettingsRow = {
  internal_rent_after_months: number;
  lead_months_lease: number[];
  lead_months_head_lease: number[];
  allow_multiple_primary_leases: boolean;
  letter_sender: string;
  letter_address: string;
  letter_phone: string;
  letter_email: string;
  version: number;
  updated_at: Date;
};

const columns = [
  'internal_rent_after_months',
  'lead_months_lease',
  'lead_months_head_lease',
  'allow_multiple_primary_leases',
  'letter_sender',
  'letter_address',
  'letter_phone',
  'letter_email',
  'version',
  'updated_at',
] as const;

/**
 * The municipality's settings; the row is created with the defaults on first read. ON CONFLICT
 * makes two first reads at once harmless.
 */
export async function getOrCreateSettings(trx: Tx, tenantId: string): Promise<HousingSettingsRow> {
  const existing = await trx.selectFrom('app.housing_settings').select(columns).executeTakeFirst();
  if (existing) return existing;
  await trx
    .insertInto('app.housing_settings')
    .values({ tenant_id: tenantId })
    .onConflict((oc) => oc.column('tenant_id').doNothing())
    .execute();
  return trx.selectFrom('app.housing_settings').select(columns).executeTakeFirstOrThrow();
}

export async function updateSettings(
  trx: Tx,
  {
    version,
    changes,
    now,
  }: { version: number; changes: Partial<Omit<HousingSettingsRow, 'version' | 'updated_at'>>; now: Date },
): Promise<boolean> {
  const result = await trx
    .updateTable('app.housing_settings')
    .set((eb) => ({ ...changes, updated_at: now, version: eb('version', '+', 1) }))
    .where('version', '=', version)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}
