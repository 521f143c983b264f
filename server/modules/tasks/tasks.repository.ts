import { sql, type ExpressionBuilder } from 'kysely';
import type { TaskFilters, TaskSubjectType } from '../../../shared/api/tasks';
import { addDays, type CalendarDate } from '../../../shared/domain/calendar-date';
import type { DB } from '../../db/schema';
import type { Tx } from '../../db/tenant';

// All SQL of the tasks module (Kysely only). Every function runs inside the caller's tenant
// transaction, so row-level security scopes it to one municipality.

export const LIST_LIMIT = 200;

export type TaskRow = {
  id: string;
  kind: string;
  title: string;
  description: string;
  params: Record<string, string | number | null>;
  subject_type: TaskSubjectType | null;
  subject_id: string | null;
  due_on: CalendarDate;
  assignee_user_id: string | null;
  assignee_unit_id: string | null;
  assignee_user_name: string | null;
  assignee_unit_name: string | null;
  state: 'open' | 'done' | 'dismissed';
  completed_at: Date | null;
  completion_note: string;
  created_at: Date;
  version: number;
};

function tasksQuery(trx: Tx) {
  return trx
    .selectFrom('app.task as t')
    .leftJoin('app.staff_user as su', 'su.id', 't.assignee_user_id')
    .leftJoin('app.unit as u', 'u.id', 't.assignee_unit_id')
    .select([
      't.id',
      't.kind',
      't.title',
      't.description',
      't.params',
      't.subject_type',
      't.subject_id',
      't.due_on',
      't.assignee_user_id',
      't.assignee_unit_id',
      'su.display_name as assignee_user_name',
      'u.name as assignee_unit_name',
      't.state',
      't.completed_at',
      't.completion_note',
      't.created_at',
      't.version',
    ]);
}

type Scope =
  | { kind: 'user'; userId: string }
  | { kind: 'unit'; unitId: string }
  | { kind: 'subject'; subjectType: TaskSubjectType; subjectId: string };

/**
 * Tasks in a scope (my inbox, a unit's inbox, one subject), filtered; open tasks by due date
 * (overdue first), closed ones most recently closed first. One more row than the limit is read
 * to tell whether the list was cut.
 */
export async function listTasks(
  trx: Tx,
  {
    scope,
    filters,
    today,
  }: {
    scope: Scope;
    filters: Omit<TaskFilters, 'state'> & { state: TaskFilters['state'] | 'all' };
    today: CalendarDate;
  },
): Promise<{ rows: TaskRow[]; truncated: boolean }> {
  let query = tasksQuery(trx);
  if (scope.kind === 'user') query = query.where('t.assignee_user_id', '=', scope.userId);
  else if (scope.kind === 'unit') query = query.where('t.assignee_unit_id', '=', scope.unitId);
  else query = query.where('t.subject_type', '=', scope.subjectType).where('t.subject_id', '=', scope.subjectId);
  if (filters.state !== 'all') query = query.where('t.state', '=', filters.state);
  if (filters.overdue) query = query.where('t.state', '=', 'open').where('t.due_on', '<', today);
  if (filters.dueWithinDays !== undefined)
    query = query.where('t.due_on', '<=', addDays({ date: today, days: filters.dueWithinDays }));
  if (filters.kind) query = query.where('t.kind', '=', filters.kind);
  const rows = (await query
    .orderBy(sql`case when t.state = 'open' then 0 else 1 end`)
    .orderBy(sql`case when t.state = 'open' then t.due_on end asc`)
    .orderBy('t.completed_at', 'desc')
    .orderBy('t.id')
    .limit(LIST_LIMIT + 1)
    .execute()) as TaskRow[];
  return { rows: rows.slice(0, LIST_LIMIT), truncated: rows.length > LIST_LIMIT };
}

export async function findTask(trx: Tx, id: string, { lock = false } = {}): Promise<TaskRow | undefined> {
  let query = tasksQuery(trx).where('t.id', '=', id);
  if (lock) query = query.forUpdate('t');
  return (await query.executeTakeFirst()) as TaskRow | undefined;
}

export async function insertTask(
  trx: Tx,
  values: {
    tenantId: string;
    kind: string;
    title: string;
    description: string;
    params?: Record<string, string | number | null>;
    subjectType: TaskSubjectType | null;
    subjectId: string | null;
    dueOn: CalendarDate;
    assigneeUserId: string | null;
    assigneeUnitId: string | null;
    createdBy: string | null;
  },
): Promise<string> {
  const row = await trx
    .insertInto('app.task')
    .values({
      tenant_id: values.tenantId,
      kind: values.kind,
      title: values.title,
      description: values.description,
      params: JSON.stringify(values.params ?? {}),
      subject_type: values.subjectType,
      subject_id: values.subjectId,
      due_on: values.dueOn,
      assignee_user_id: values.assigneeUserId,
      assignee_unit_id: values.assigneeUnitId,
      created_by: values.createdBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Closes an open task; false when it was no longer open (someone closed it first). */
export async function closeTask(
  trx: Tx,
  {
    id,
    state,
    userId,
    note,
    now,
  }: { id: string; state: 'done' | 'dismissed'; userId: string | null; note: string; now: Date },
): Promise<boolean> {
  const result = await trx
    .updateTable('app.task')
    .set((eb) => ({
      state,
      completed_at: now,
      completed_by: userId,
      completion_note: note,
      updated_at: now,
      version: eb('version', '+', 1),
    }))
    .where('id', '=', id)
    .where('state', '=', 'open')
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Optimistic concurrency: changes only the version the user saw. */
export async function updateTask(
  trx: Tx,
  {
    id,
    version,
    changes,
    now,
  }: {
    id: string;
    version: number;
    changes: { due_on?: CalendarDate; assignee_user_id?: string | null; assignee_unit_id?: string | null };
    now: Date;
  },
): Promise<boolean> {
  const result = await trx
    .updateTable('app.task')
    .set((eb) => ({
      ...changes,
      // A reassigned task is news to its new assignee: notify again.
      ...(changes.assignee_user_id !== undefined || changes.assignee_unit_id !== undefined
        ? { notified_at: null }
        : {}),
      updated_at: now,
      version: eb('version', '+', 1),
    }))
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function findActiveUser(trx: Tx, id: string): Promise<{ id: string } | undefined> {
  return trx
    .selectFrom('app.staff_user')
    .select('id')
    .where('id', '=', id)
    .where('active', '=', true)
    .executeTakeFirst();
}

export async function assigneeOptions(trx: Tx) {
  const users = await trx
    .selectFrom('app.staff_user')
    .select(['id', 'display_name'])
    .where('active', '=', true)
    .orderBy('display_name')
    .execute();
  const units = await trx.selectFrom('app.unit').select(['id', 'name']).orderBy('name').execute();
  return { users, units };
}

/**
 * Whether the subject exists in this municipality, and for dwellings which unit disposes of it
 * (read:dwelling:unit is scoped by it). Households get their table in a later issue.
 */
export async function findSubject(
  trx: Tx,
  type: TaskSubjectType,
  id: string,
): Promise<{ exists: boolean; unitIds: string[] }> {
  const exists = (row: unknown) => ({ exists: row !== undefined, unitIds: [] as string[] });
  switch (type) {
    case 'dwelling': {
      const row = await trx
        .selectFrom('app.dwelling')
        .select('disposing_unit_id')
        .where('id', '=', id)
        .executeTakeFirst();
      return { exists: row !== undefined, unitIds: row?.disposing_unit_id ? [row.disposing_unit_id] : [] };
    }
    case 'building':
      return exists(await trx.selectFrom('app.building').select('id').where('id', '=', id).executeTakeFirst());
    case 'lease':
      return exists(await trx.selectFrom('app.lease').select('id').where('id', '=', id).executeTakeFirst());
    case 'landlord':
      return exists(await trx.selectFrom('app.landlord').select('id').where('id', '=', id).executeTakeFirst());
    case 'person':
      return exists(await trx.selectFrom('app.person').select('id').where('id', '=', id).executeTakeFirst());
    case 'household': {
      const row = await trx
        .selectFrom('app.household')
        .select('responsible_unit_id')
        .where('id', '=', id)
        .executeTakeFirst();
      return { exists: row !== undefined, unitIds: row ? [row.responsible_unit_id] : [] };
    }
  }
}

// ---- Calendar feed ----------------------------------------------------------------------------

export async function activeFeed(trx: Tx, userId: string) {
  return trx
    .selectFrom('app.calendar_feed')
    .select(['id', 'created_at'])
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
}

export async function revokeFeeds(trx: Tx, userId: string, now: Date): Promise<number> {
  const result = await trx
    .updateTable('app.calendar_feed')
    .set({ revoked_at: now })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function insertFeed(trx: Tx, values: { tenantId: string; userId: string; tokenHash: string }) {
  return trx
    .insertInto('app.calendar_feed')
    .values({ tenant_id: values.tenantId, user_id: values.userId, token_hash: values.tokenHash })
    .returning(['id', 'created_at'])
    .executeTakeFirstOrThrow();
}

/** The tenant holding an active feed token (SECURITY DEFINER: the one narrow cross-tenant door). */
export async function resolveFeedTenant(
  db: { selectNoFrom: Tx['selectNoFrom'] },
  tokenHash: string,
): Promise<string | null> {
  const row = await db
    .selectNoFrom(sql<string | null>`app.resolve_calendar_feed(${tokenHash})`.as('tenant_id'))
    .executeTakeFirst();
  return row?.tenant_id ?? null;
}

export async function feedOwner(trx: Tx, tokenHash: string) {
  return trx
    .selectFrom('app.calendar_feed as f')
    .innerJoin('app.staff_user as su', 'su.id', 'f.user_id')
    .select(['su.id', 'su.roles', 'su.active'])
    .where('f.token_hash', '=', tokenHash)
    .where('f.revoked_at', 'is', null)
    .executeTakeFirst();
}

export async function userUnitIds(trx: Tx, userId: string): Promise<string[]> {
  const rows = await trx.selectFrom('app.staff_unit').select('unit_id').where('user_id', '=', userId).execute();
  return rows.map((r) => r.unit_id);
}

/** Open tasks of a user and (when given) of their units, for the calendar feed. */
export async function openTasksFor(trx: Tx, { userId, unitIds }: { userId: string; unitIds: string[] }) {
  return trx
    .selectFrom('app.task')
    .select(['id', 'kind', 'title', 'params', 'due_on', 'updated_at'])
    .where('state', '=', 'open')
    .where((eb: ExpressionBuilder<DB, 'app.task'>) =>
      unitIds.length > 0
        ? eb.or([eb('assignee_user_id', '=', userId), eb('assignee_unit_id', 'in', unitIds)])
        : eb('assignee_user_id', '=', userId),
    )
    .orderBy('due_on')
    .limit(1000)
    .execute();
}

export async function municipalityLanguage(trx: Tx): Promise<'nb' | 'nn'> {
  const row = await trx.selectFrom('app.municipality').select('language').executeTakeFirst();
  return row?.language ?? 'nb';
}
