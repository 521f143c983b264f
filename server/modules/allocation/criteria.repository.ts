import { sql } from 'kysely';
import type { Tx } from '../../db/tenant';

// SQL of the criteria versions (inside withTenant). The table has SELECT and INSERT grants only:
// a saved version is never changed, a change is the next version (issue 6 item 1).

function versionQuery(trx: Tx) {
  return trx
    .selectFrom('app.allocation_criteria_version as v')
    .leftJoin('app.staff_user as s', 's.id', 'v.created_by')
    .select(['v.version', 'v.criteria', 'v.note', 'v.created_at', 'v.created_by', 's.display_name as created_by_name']);
}

export type CriteriaVersionRow = NonNullable<Awaited<ReturnType<ReturnType<typeof versionQuery>['executeTakeFirst']>>>;

export function latestVersion(trx: Tx): Promise<CriteriaVersionRow | undefined> {
  return versionQuery(trx).orderBy('v.version', 'desc').limit(1).executeTakeFirst();
}

export function findVersion(trx: Tx, version: number): Promise<CriteriaVersionRow | undefined> {
  return versionQuery(trx).where('v.version', '=', version).executeTakeFirst();
}

/** Every version but the criteria themselves, newest first. */
export function listVersions(trx: Tx) {
  return trx
    .selectFrom('app.allocation_criteria_version as v')
    .leftJoin('app.staff_user as s', 's.id', 'v.created_by')
    .select(['v.version', 'v.note', 'v.created_at', 's.display_name as created_by_name'])
    .orderBy('v.version', 'desc')
    .execute();
}

/**
 * Inserts a version; false when that version number exists already (two saves from the same
 * version at once: the primary key lets exactly one through).
 */
export async function insertVersion(
  trx: Tx,
  values: { tenantId: string; version: number; criteria: unknown; note: string; createdBy: string | null; createdAt: Date },
): Promise<boolean> {
  const row = await trx
    .insertInto('app.allocation_criteria_version')
    .values({
      tenant_id: values.tenantId,
      version: values.version,
      criteria: JSON.stringify(values.criteria),
      note: values.note,
      created_by: values.createdBy,
      created_at: values.createdAt,
    })
    .onConflict((oc) => oc.columns(['tenant_id', 'version']).doNothing())
    .returning('version')
    .executeTakeFirst();
  return row !== undefined;
}

export async function maxVersion(trx: Tx): Promise<number> {
  const row = await trx.selectFrom('app.allocation_criteria_version').select(sql<number | null>`max(version)`.as('v')).executeTakeFirst();
  return row?.v ?? 0;
}
