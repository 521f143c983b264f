import { sql, type Kysely } from 'kysely';
import type { AuditSearchQuery } from '../../../shared/api/audit';
import type { AuditLogTable, DB } from '../../db/schema';
import type { Tx } from '../../db/tenant';
import type { Insertable } from 'kysely';

export async function insertAuditEntry(trx: Tx, entry: Insertable<AuditLogTable>): Promise<void> {
  await trx.insertInto('app.audit_log').values(entry).execute();
}

/** Many entries in one statement. */
export async function insertAuditEntries(trx: Tx, entries: readonly Insertable<AuditLogTable>[]): Promise<void> {
  if (entries.length === 0) return;
  await trx.insertInto('app.audit_log').values([...entries]).execute();
}

/** Calendar dates are Oslo days: [from 00:00, to+1 00:00) in Europe/Oslo. */
function osloDayStart(date: string) {
  return sql<Date>`(${date}::date)::timestamp AT TIME ZONE 'Europe/Oslo'`;
}

export async function searchAudit(trx: Tx, query: AuditSearchQuery) {
  let q = trx
    .selectFrom('app.audit_log as a')
    .leftJoin('app.staff_user as actor', (j) => j.onRef('actor.tenant_id', '=', 'a.tenant_id').onRef('actor.id', '=', 'a.actor_user_id'))
    .leftJoin('app.unit as u', (j) => j.onRef('u.tenant_id', '=', 'a.tenant_id').onRef('u.id', '=', 'a.actor_unit_id'))
    .leftJoin('app.staff_user as subj', (j) =>
      j.onRef('subj.tenant_id', '=', 'a.tenant_id').onRef('subj.id', '=', 'a.subject_id').on('a.subject_type', '=', 'staff_user'),
    );
  if (query.subjectId) q = q.where('a.subject_id', '=', query.subjectId);
  if (query.userId) q = q.where('a.actor_user_id', '=', query.userId);
  if (query.action) q = q.where('a.action', '=', query.action);
  if (query.from) q = q.where('a.occurred_at', '>=', osloDayStart(query.from));
  if (query.to) q = q.where('a.occurred_at', '<', sql<Date>`${osloDayStart(query.to)} + interval '1 day'`);
  const total = await q.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
  const rows = await q
    .select([
      'a.seq',
      'a.occurred_at',
      'a.actor_user_id',
      'actor.display_name as actor_name',
      'a.actor_roles',
      'a.actor_unit_id',
      'u.name as unit_name',
      'a.action',
      'a.entity',
      'a.subject_type',
      'a.subject_id',
      'subj.display_name as subject_name',
      'a.fields',
      'a.purpose',
      'a.purpose_ref',
      'a.request_id',
    ])
    .orderBy('a.seq', 'desc')
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
    .execute();
  return { total: total.n, rows };
}

export function insightRows(trx: Tx, { subjectId, from, to }: { subjectId: string; from: string; to: string }) {
  return trx
    .selectFrom('app.audit_log as a')
    .leftJoin('app.staff_user as actor', (j) => j.onRef('actor.tenant_id', '=', 'a.tenant_id').onRef('actor.id', '=', 'a.actor_user_id'))
    .leftJoin('app.unit as u', (j) => j.onRef('u.tenant_id', '=', 'a.tenant_id').onRef('u.id', '=', 'a.actor_unit_id'))
    .select(['a.occurred_at', 'a.action', 'a.purpose', 'a.actor_roles', 'u.name as unit_name', 'actor.display_name as actor_name'])
    .where('a.subject_id', '=', subjectId)
    .where('a.occurred_at', '>=', osloDayStart(from))
    .where('a.occurred_at', '<', sql<Date>`${osloDayStart(to)} + interval '1 day'`)
    .orderBy('a.occurred_at')
    .orderBy('a.seq')
    .execute();
}

export type ChainBreak = { tenantId: string; seq: number; reason: 'hash' | 'link' | 'gap' };

/**
 * Recomputes every entry's hash from its content and the previous entry's hash. Runs on the
 * owner handle (it must see every municipality). Returns the first broken entry per tenant.
 */
export async function verifyAuditChain(owner: Kysely<DB>): Promise<{ checked: number; breaks: ChainBreak[] }> {
  const result = await sql<{ tenant_id: string; seq: number; hash_ok: boolean; link_ok: boolean; gap: boolean }>`
    SELECT a.tenant_id, a.seq,
           a.hash = app.audit_digest(a.prev_hash, a) AS hash_ok,
           a.prev_hash = coalesce(lag(a.hash) OVER w, '\\x'::bytea) AS link_ok,
           a.seq <> coalesce(lag(a.seq) OVER w, 0) + 1 AS gap
      FROM app.audit_log a
    WINDOW w AS (PARTITION BY a.tenant_id ORDER BY a.seq)
     ORDER BY a.tenant_id, a.seq`.execute(owner);
  const breaks = new Map<string, ChainBreak>();
  for (const row of result.rows) {
    if (breaks.has(row.tenant_id)) continue;
    const reason = !row.hash_ok ? 'hash' : !row.link_ok ? 'link' : row.gap ? 'gap' : null;
    if (reason) breaks.set(row.tenant_id, { tenantId: row.tenant_id, seq: Number(row.seq), reason });
  }
  return { checked: result.rows.length, breaks: [...breaks.values()] };
}
