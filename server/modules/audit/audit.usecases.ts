import type { Kysely } from 'kysely';
import type { AuditEntryDto, AuditSearchQuery, InsightResponse, SubjectType } from '../../../shared/api/audit';
import type { Purpose } from '../../../shared/domain/purposes';
import type { AuditAction, DB } from '../../db/schema';
import { withTenant, type Tx } from '../../db/tenant';
import { appError, AppError } from '../../http/errors';
import { requirePermission, type Actor } from '../auth/actor';
import * as repo from './audit.repository';
import { csvDocument, csvField } from '../../http/csv';

export type AuditContext = {
  actor: Pick<Actor, 'userId' | 'activeUnitId' | 'roles' | 'tenantId'>;
  requestId: string;
  now: Date;
  purpose: Purpose;
  purposeRef?: string | null;
};

export type AuditEvent = {
  action: AuditAction;
  entity: string;
  subject?: { type: SubjectType; id: string } | null;
  fields?: readonly string[];
};

/**
 * Writes one audit entry in the caller's transaction — the same transaction that reads or
 * changes the data. Fail closed: if the entry cannot be written, the transaction fails and no
 * personal data leaves the server (503 `audit.unavailable`).
 */
export async function recordAudit(trx: Tx, context: AuditContext, event: AuditEvent): Promise<void> {
  await failClosed(() => repo.insertAuditEntry(trx, auditRow(context, event)));
}

/**
 * One audit entry per subject, in one statement (an allocation batch shows up to thousands of
 * households); same columns and fail-closed behaviour as recordAudit.
 */
export async function recordAuditForSubjects(
  trx: Tx,
  context: AuditContext,
  event: Omit<AuditEvent, 'subject'> & { subjects: readonly { type: SubjectType; id: string }[] },
): Promise<void> {
  if (event.subjects.length === 0) return;
  const { subjects, ...rest } = event;
  await failClosed(() => repo.insertAuditEntries(trx, subjects.map((subject) => auditRow(context, { ...rest, subject }))));
}

function auditRow(context: AuditContext, event: AuditEvent) {
  return {
    tenant_id: context.actor.tenantId,
    occurred_at: context.now,
    actor_user_id: context.actor.userId,
    actor_unit_id: context.actor.activeUnitId,
    actor_roles: [...context.actor.roles],
    action: event.action,
    entity: event.entity,
    subject_type: event.subject?.type ?? null,
    subject_id: event.subject?.id ?? null,
    fields: [...(event.fields ?? [])],
    purpose: context.purpose,
    purpose_ref: context.purposeRef ?? null,
    request_id: context.requestId,
  };
}

async function failClosed(write: () => Promise<void>): Promise<void> {
  try {
    await write();
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw appError('audit.unavailable');
  }
}

function presentEntry(row: Awaited<ReturnType<typeof repo.searchAudit>>['rows'][number]): AuditEntryDto {
  return {
    seq: row.seq,
    occurredAt: row.occurred_at.toISOString(),
    actor: { userId: row.actor_user_id, name: row.actor_name, roles: row.actor_roles },
    unit: row.actor_unit_id && row.unit_name ? { id: row.actor_unit_id, name: row.unit_name } : null,
    action: row.action,
    entity: row.entity,
    subject:
      row.subject_type && row.subject_id ? { type: row.subject_type, id: row.subject_id, name: row.subject_name } : null,
    fields: row.fields,
    purpose: row.purpose,
    purposeRef: row.purpose_ref,
    requestId: row.request_id,
  };
}

/** The auditor's search (by person, user, period, action). */
export function searchAudit(actor: Actor, { db, query }: { db: Kysely<DB>; query: AuditSearchQuery }) {
  requirePermission(actor, 'read:audit:any');
  return withTenant(db, actor, async (trx) => {
    const { total, rows } = await repo.searchAudit(trx, query);
    return { items: rows.map(presentEntry), total, page: query.page, pageSize: query.pageSize };
  });
}

const csvColumns = ['seq', 'tidspunkt', 'bruker', 'roller', 'enhet', 'handling', 'objekt', 'person', 'felt', 'formal', 'referanse', 'foresporsel'];

const csvCell = (value: string | number | null): string => csvField(value === null ? '' : String(value));

/** CSV export of a search, itself audited as an export. */
export function exportAuditCsv(
  actor: Actor,
  { db, query, context }: { db: Kysely<DB>; query: AuditSearchQuery; context: AuditContext },
): Promise<string> {
  requirePermission(actor, 'export:audit:any');
  return withTenant(db, actor, async (trx) => {
    const { rows } = await repo.searchAudit(trx, { ...query, page: 1, pageSize: 100_000 });
    await recordAudit(trx, context, { action: 'export', entity: 'audit_log', fields: csvColumns });
    const lines = rows.map(presentEntry).map((e) =>
      [
        e.seq,
        e.occurredAt,
        e.actor.name,
        e.actor.roles.join(' '),
        e.unit?.name ?? null,
        e.action,
        e.entity,
        e.subject?.id ?? null,
        e.fields.join(' '),
        e.purpose,
        e.purposeRef,
        e.requestId,
      ].map(csvCell),
    );
    return csvDocument([csvColumns.map(csvCell), ...lines]);
  });
}

async function subjectName(trx: Tx, type: SubjectType, id: string): Promise<string | null> {
  if (type === 'staff_user') {
    const row = await trx.selectFrom('app.staff_user').select('display_name').where('id', '=', id).executeTakeFirst();
    return row?.display_name ?? null;
  }
  if (type === 'person') {
    const row = await trx.selectFrom('app.person').select('full_name').where('id', '=', id).executeTakeFirst();
    return row?.full_name ?? null;
  }
  if (type === 'landlord') {
    const row = await trx.selectFrom('app.landlord').select('name').where('id', '=', id).executeTakeFirst();
    return row?.name ?? null;
  }
  if (type === 'lease') {
    const row = await trx.selectFrom('app.lease').select('reference').where('id', '=', id).executeTakeFirst();
    return row?.reference ?? null;
  }
  return null; // households arrive with the household issue
}

/**
 * The data subject's insight report (innsyn, GDPR art. 15): every access in the period with its
 * date, unit, role and purpose. Employee names only when the municipality's documented setting
 * says so (CJEU C-579/21: dates and purposes are owed, names only where needed).
 */
export function insightReport(
  actor: Actor,
  {
    db,
    subject,
    from,
    to,
    context,
  }: {
    db: Kysely<DB>;
    subject: { type: SubjectType; id: string };
    from: string;
    to: string;
    context: AuditContext;
  },
): Promise<InsightResponse> {
  requirePermission(actor, 'read:insight:any');
  return withTenant(db, actor, async (trx) => {
    const name = await subjectName(trx, subject.type, subject.id);
    if (!name) throw appError('resource.not_found');
    const municipality = await trx
      .selectFrom('app.municipality')
      .select(['name', 'insight_employee_names'])
      .executeTakeFirstOrThrow();
    const rows = await repo.insightRows(trx, { subjectId: subject.id, from, to });
    await recordAudit(trx, context, { action: 'export', entity: 'insight', subject, fields: ['access_log'] });
    return {
      subject: { ...subject, name },
      municipality: municipality.name,
      period: { from, to },
      employeeNamesShown: municipality.insight_employee_names,
      entries: rows.map((r) => ({
        occurredAt: r.occurred_at.toISOString(),
        unitName: r.unit_name,
        roles: r.actor_roles,
        action: r.action,
        purpose: r.purpose,
        employeeName: municipality.insight_employee_names ? r.actor_name : null,
      })),
    };
  });
}
