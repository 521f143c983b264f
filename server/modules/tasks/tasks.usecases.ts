import type { Kysely } from 'kysely';
import type {
  AssigneeOptionsResponse,
  CloseTaskRequest,
  CreateTaskRequest,
  TaskDto,
  TaskFilters,
  TaskListResponse,
  TaskSubjectType,
  UpdateTaskRequest,
} from '../../../shared/api/tasks';
import type { DB } from '../../db/schema';
import { withTenant, type Tx } from '../../db/tenant';
import { appError } from '../../http/errors';
import { actorCan, requirePermission, type Actor } from '../auth/actor';
import type { Clock } from '../auth/auth.usecases';
import { canActOnTask, canAssignOthers } from './tasks.policies';
import { presentTask } from './tasks.presenters';
import * as repo from './tasks.repository';
import { osloToday } from '../../../shared/domain/calendar-date';
import { unitExists } from '../units/units.repository';

type Deps = { db: Kysely<DB>; clock: Clock };

function list(
  actor: Actor,
  today: string,
  result: { rows: repo.TaskRow[]; truncated: boolean },
  unitId: string | null,
): TaskListResponse {
  return { items: result.rows.map((row) => presentTask(row, { actor, today })), truncated: result.truncated, unitId };
}

/** "Mine oppgaver": tasks assigned to me personally. */
export function listMyTasks(
  actor: Actor,
  { db, clock, filters }: Deps & { filters: TaskFilters },
): Promise<TaskListResponse> {
  requirePermission(actor, 'read:task:own');
  const today = osloToday(clock());
  return withTenant(db, actor, async (trx) =>
    list(
      actor,
      today,
      await repo.listTasks(trx, { scope: { kind: 'user', userId: actor.userId }, filters, today }),
      null,
    ),
  );
}

/** A unit's inbox: one of my units, by default the session's active unit. */
export function listUnitTasks(
  actor: Actor,
  { db, clock, filters, unitId }: Deps & { filters: TaskFilters; unitId: string | undefined },
): Promise<TaskListResponse> {
  requirePermission(actor, 'read:task:unit');
  const today = osloToday(clock());
  const chosen = unitId ?? actor.activeUnitId ?? actor.unitIds[0] ?? null;
  return withTenant(db, actor, async (trx) => {
    if (chosen === null) return { items: [], truncated: false, unitId: null };
    if (!actor.unitIds.includes(chosen)) {
      // Another unit of my municipality: not mine to read. Unknown or another municipality's: not found.
      throw appError((await unitExists(trx, chosen)) ? 'auth.forbidden' : 'resource.not_found');
    }
    return list(
      actor,
      today,
      await repo.listTasks(trx, { scope: { kind: 'unit', unitId: chosen }, filters, today }),
      chosen,
    );
  });
}

const subjectPermissions: Record<
  TaskSubjectType,
  { any: Parameters<typeof actorCan>[1]; unit?: Parameters<typeof actorCan>[1] }
> = {
  dwelling: { any: 'read:dwelling:any', unit: 'read:dwelling:unit' },
  building: { any: 'read:dwelling:any' },
  lease: { any: 'read:lease:any' },
  landlord: { any: 'read:landlord:any' },
  household: { any: 'read:household:any', unit: 'read:household:unit' },
  person: { any: 'read:person:any' },
};

/**
 * Tasks about a subject are visible to whoever may read the subject (a lease's tasks to those who
 * read leases …). Refused (403) without that permission; a subject not in this municipality → 404.
 */
async function requireSubjectReadable(actor: Actor, trx: Tx, type: TaskSubjectType, id: string): Promise<void> {
  const needed = subjectPermissions[type];
  const any = actorCan(actor, needed.any);
  const unitScoped = needed.unit !== undefined && actorCan(actor, needed.unit);
  if (!any && !unitScoped) throw appError('auth.forbidden');
  const subject = await repo.findSubject(trx, type, id);
  if (!subject.exists) throw appError('resource.not_found');
  if (!any && !subject.unitIds.some((unitId) => actor.unitIds.includes(unitId))) throw appError('auth.forbidden');
}

export function listSubjectTasks(
  actor: Actor,
  {
    db,
    clock,
    subjectType,
    subjectId,
    filters,
  }: Deps & {
    subjectType: TaskSubjectType;
    subjectId: string;
    filters: Omit<TaskFilters, 'state'> & { state: TaskFilters['state'] | 'all' };
  },
): Promise<TaskListResponse> {
  requirePermission(actor, 'read:task:own');
  const today = osloToday(clock());
  return withTenant(db, actor, async (trx) => {
    await requireSubjectReadable(actor, trx, subjectType, subjectId);
    const result = await repo.listTasks(trx, { scope: { kind: 'subject', subjectType, subjectId }, filters, today });
    return list(actor, today, result, null);
  });
}

/** The assignee after a create or a change, checked: others only with write:task:unit, active users only. */
async function checkAssignee(
  actor: Actor,
  trx: Tx,
  { userId, unitId }: { userId: string | null; unitId: string | null },
): Promise<void> {
  if (userId === null && unitId === null) {
    throw appError('task.assignee_required', {
      errors: [{ pointer: '/assigneeUserId', code: 'task.assignee_required' }],
    });
  }
  if ((userId !== null && userId !== actor.userId) || unitId !== null) {
    if (!canAssignOthers(actor)) throw appError('auth.forbidden');
  }
  if (userId !== null && !(await repo.findActiveUser(trx, userId))) {
    throw appError('task.assignee_invalid', {
      errors: [{ pointer: '/assigneeUserId', code: 'task.assignee_invalid' }],
    });
  }
  if (unitId !== null && !(await unitExists(trx, unitId))) {
    throw appError('task.assignee_invalid', {
      errors: [{ pointer: '/assigneeUnitId', code: 'task.assignee_invalid' }],
    });
  }
}

/** A manual task: for oneself (everyone), or for another user or a unit (write:task:unit). */
export function createTask(actor: Actor, { db, clock, input }: Deps & { input: CreateTaskRequest }): Promise<TaskDto> {
  requirePermission(actor, 'write:task:own');
  if ((input.subjectType === undefined) !== (input.subjectId === undefined)) {
    const pointer = input.subjectType === undefined ? '/subjectType' : '/subjectId';
    throw appError('request.invalid', { errors: [{ pointer, code: 'required' }] });
  }
  const today = osloToday(clock());
  return withTenant(db, actor, async (trx) => {
    const assignee = { userId: input.assigneeUserId ?? null, unitId: input.assigneeUnitId ?? null };
    await checkAssignee(actor, trx, assignee);
    if (input.subjectType && input.subjectId)
      await requireSubjectReadable(actor, trx, input.subjectType, input.subjectId);
    const id = await repo.insertTask(trx, {
      tenantId: actor.tenantId,
      kind: 'manual',
      title: input.title,
      description: input.description ?? '',
      subjectType: input.subjectType ?? null,
      subjectId: input.subjectId ?? null,
      dueOn: input.dueOn,
      assigneeUserId: assignee.userId,
      assigneeUnitId: assignee.unitId,
      createdBy: actor.userId,
    });
    return presentTask((await repo.findTask(trx, id))!, { actor, today });
  });
}

async function actionableTask(actor: Actor, trx: Tx, id: string): Promise<repo.TaskRow> {
  const task = await repo.findTask(trx, id, { lock: true });
  if (!task) throw appError('resource.not_found');
  if (!canActOnTask(actor, task)) throw appError('auth.forbidden');
  if (task.state !== 'open') throw appError('task.not_open');
  return task;
}

/** Complete (done) or dismiss an open task, with an optional note. */
export function closeTask(
  actor: Actor,
  { db, clock, id, state, input }: Deps & { id: string; state: 'done' | 'dismissed'; input: CloseTaskRequest },
): Promise<TaskDto> {
  requirePermission(actor, 'write:task:own');
  const now = clock();
  const today = osloToday(now);
  return withTenant(db, actor, async (trx) => {
    await actionableTask(actor, trx, id);
    if (!(await repo.closeTask(trx, { id, state, userId: actor.userId, note: input.note ?? '', now }))) {
      throw appError('task.not_open');
    }
    return presentTask((await repo.findTask(trx, id))!, { actor, today });
  });
}

/** Reassign or move the due date of an open task (optimistic concurrency). */
export function updateTask(
  actor: Actor,
  { db, clock, id, version, input }: Deps & { id: string; version: number; input: UpdateTaskRequest },
): Promise<TaskDto> {
  requirePermission(actor, 'write:task:own');
  const now = clock();
  const today = osloToday(now);
  return withTenant(db, actor, async (trx) => {
    const task = await actionableTask(actor, trx, id);
    const reassigning = input.assigneeUserId !== undefined || input.assigneeUnitId !== undefined;
    if (reassigning) {
      await checkAssignee(actor, trx, {
        userId: input.assigneeUserId !== undefined ? input.assigneeUserId : task.assignee_user_id,
        unitId: input.assigneeUnitId !== undefined ? input.assigneeUnitId : task.assignee_unit_id,
      });
    }
    const changes = {
      ...(input.dueOn !== undefined ? { due_on: input.dueOn } : {}),
      ...(input.assigneeUserId !== undefined ? { assignee_user_id: input.assigneeUserId } : {}),
      ...(input.assigneeUnitId !== undefined ? { assignee_unit_id: input.assigneeUnitId } : {}),
    };
    if (!(await repo.updateTask(trx, { id, version, changes, now }))) throw appError('resource.version_conflict');
    return presentTask((await repo.findTask(trx, id))!, { actor, today });
  });
}

/** Whom I may assign to: everyone active and every unit with write:task:unit, else only me. */
export function assigneeOptions(actor: Actor, { db }: { db: Kysely<DB> }): Promise<AssigneeOptionsResponse> {
  requirePermission(actor, 'write:task:own');
  return withTenant(db, actor, async (trx) => {
    const options = await repo.assigneeOptions(trx);
    const others = canAssignOthers(actor);
    return {
      users: options.users
        .filter((u) => others || u.id === actor.userId)
        .map((u) => ({ id: u.id, displayName: u.display_name })),
      units: others ? options.units : [],
    };
  });
}
