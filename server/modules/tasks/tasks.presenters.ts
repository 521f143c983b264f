import type { TaskDto } from '../../../shared/api/tasks';
import type { CalendarDate } from '../../../shared/domain/calendar-date';
import type { Actor } from '../auth/actor';
import { canActOnTask } from './tasks.policies';
import type { TaskRow } from './tasks.repository';

/** The only place a task row becomes JSON. */
export function presentTask(row: TaskRow, { actor, today }: { actor: Actor; today: CalendarDate }): TaskDto {
  const open = row.state === 'open';
  const act = open && canActOnTask(actor, row);
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    description: row.description,
    params: row.params,
    subject: row.subject_type && row.subject_id ? { type: row.subject_type, id: row.subject_id } : null,
    dueOn: row.due_on,
    overdue: open && row.due_on < today,
    state: row.state,
    assignee: {
      userId: row.assignee_user_id,
      userName: row.assignee_user_name,
      unitId: row.assignee_unit_id,
      unitName: row.assignee_unit_name,
    },
    completedAt: row.completed_at ? row.completed_at.toISOString() : null,
    completionNote: row.completion_note,
    createdAt: row.created_at.toISOString(),
    version: row.version,
    actions: { complete: act, update: act },
  };
}
