import type { Selectable } from 'kysely';
import type { DB } from '../../db/schema';
import type { Tx } from '../../db/tenant';

// Reads for the import (what the register already holds) and the exports. All SQL of the
// module; every query runs in a withTenant transaction, so RLS limits it to one municipality.

export async function municipalityKommunenummer(trx: Tx, tenantId: string): Promise<string> {
  const row = await trx
    .selectFrom('app.municipality')
    .select('kommunenummer')
    .where('tenant_id', '=', tenantId)
    .executeTakeFirstOrThrow();
  return row.kommunenummer;
}

export async function existingReferences(trx: Tx): Promise<Set<string>> {
  const rows = await trx.selectFrom('app.dwelling').select('reference').execute();
  return new Set(rows.map((r) => r.reference.toLowerCase()));
}

/** kommunenummer/gnr/bnr/fnr/snr/bruksenhetsnummer of every registered bruksenhet. */
export async function existingCadastreUnits(trx: Tx): Promise<Set<string>> {
  const rows = await trx
    .selectFrom('app.dwelling')
    .select(['kommunenummer', 'gnr', 'bnr', 'fnr', 'snr', 'bruksenhetsnummer'])
    .where('bruksenhetsnummer', 'is not', null)
    .where('gnr', 'is not', null)
    .where('bnr', 'is not', null)
    .execute();
  return new Set(
    rows.map((r) => [r.kommunenummer, r.gnr, r.bnr, r.fnr ?? 0, r.snr ?? 0, r.bruksenhetsnummer].join('/')),
  );
}

export async function dwellingsByReference(
  trx: Tx,
  references: readonly string[],
): Promise<Map<string, { id: string; type: string }>> {
  if (references.length === 0) return new Map();
  const rows = await trx
    .selectFrom('app.dwelling')
    .select(['id', 'reference', 'type'])
    .where('reference', 'in', [...new Set(references)])
    .execute();
  return new Map(rows.map((r) => [r.reference.toLowerCase(), { id: r.id, type: r.type }]));
}

export type ExportDwellingRow = Selectable<DB['app.dwelling']>;

export async function allDwellings(trx: Tx): Promise<ExportDwellingRow[]> {
  return trx.selectFrom('app.dwelling').selectAll().orderBy('reference').execute();
}

export type ExportLeaseRow = {
  dwelling_id: string;
  reference: string;
  kind: 'head' | 'sub' | 'direct';
  state: 'active' | 'notice_given' | 'ended' | 'cancelled';
  start_date: string;
  end_date: string | null;
  terminated_on: string | null;
};

/** Running and future leases to households (no tenant columns: names never leave in an export). */
export async function openOccupancyLeases(trx: Tx): Promise<ExportLeaseRow[]> {
  return trx
    .selectFrom('app.lease')
    .select(['dwelling_id', 'reference', 'kind', 'state', 'start_date', 'end_date', 'terminated_on'])
    .where('kind', '<>', 'head')
    .where('state', 'in', ['active', 'notice_given'])
    .orderBy('start_date')
    .execute();
}
