import { actorCan, type Actor } from '../auth/actor';
import type { TaskRow } from './tasks.repository';

// Who may act on a task: its assignee (write:task:own), or a member of its assignee unit with
// write:task:unit. Everyone else in the municipality is refused (403); another municipality's task
// is not found (RLS).

export function canActOnTask(actor: Actor, task: Pick<TaskRow, 'assignee_user_id' | 'assignee_unit_id'>): boolean {
  if (task.assignee_user_id === actor.userId && actorCan(actor, 'write:task:own')) return true;
  return (
    task.assignee_unit_id !== null &&
    actor.unitIds.includes(task.assignee_unit_id) &&
    actorCan(actor, 'write:task:unit')
  );
}

/** Assigning to someone else than oneself (another user, or a unit) is unit-level task work. */
export function canAssignOthers(actor: Actor): boolean {
  return actorCan(actor, 'write:task:unit');
}
