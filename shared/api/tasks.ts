import { z } from 'zod';
import { isCalendarDate } from '../domain/calendar-date';
import { formatDate, translate, type Language } from '../i18n';
import { nb as tasksNb } from '../i18n/sections/tasks';
import { plainText } from './text';

// Tasks and reminders (issue 4, decision 010): one generic task with a kind (a string, so later
// modules add kinds without a migration), params for rendering generated tasks in the reader's
// language, an optional subject, a due date and an assignee user and/or unit.

export const taskStates = ['open', 'done', 'dismissed'] as const;
export type TaskState = (typeof taskStates)[number];

export const taskSubjectTypes = ['dwelling', 'building', 'lease', 'landlord', 'household', 'person'] as const;
export type TaskSubjectType = (typeof taskSubjectTypes)[number];

/**
 * Kinds the scheduler generates today; other modules add theirs. `manual` is a user's own task.
 * The move-in checklist adds one kind per item, `movein.<key>` (MOVE_IN_KIND_PREFIX), params
 * { key, arrivalDate, reference, ownerRole, requiresInterpreter: 1 | 0 }; the EM age-out warning
 * is `household.age_out`, params { age, date, monthsBefore, reference }; an offer of a dwelling left
 * unanswered past its deadline is `allocation.offer_unanswered`, params { reference,
 * dwellingReference, answerDue, offerId }.
 */
export const taskKinds = [
  'manual',
  'lease.end',
  'head_lease.end',
  'dwelling.internal_rent',
  'household.age_out',
  'allocation.offer_unanswered',
] as const;
export const MOVE_IN_KIND_PREFIX = 'movein.';

type MoveInItemKey = keyof typeof tasksNb.kinds.moveInItems;

/** True for the keys of Husly's default checklist, whose titles are translated. */
export function isTranslatedMoveInKey(key: string): key is MoveInItemKey {
  return Object.hasOwn(tasksNb.kinds.moveInItems, key);
}

const calendarDate = z.string().refine(isCalendarDate, { error: 'invalid_format' });
const paramValue = z.union([z.string(), z.number(), z.null()]);

export const taskDto = z.object({
  id: z.uuid(),
  kind: z.string(),
  /** The user's own title (manual tasks); '' for generated tasks, which are rendered from params. */
  title: z.string(),
  description: z.string(),
  params: z.record(z.string(), paramValue),
  subject: z.object({ type: z.enum(taskSubjectTypes), id: z.uuid() }).nullable(),
  dueOn: z.string(),
  /** Open and due before today (Europe/Oslo). */
  overdue: z.boolean(),
  state: z.enum(taskStates),
  assignee: z.object({
    userId: z.uuid().nullable(),
    userName: z.string().nullable(),
    unitId: z.uuid().nullable(),
    unitName: z.string().nullable(),
  }),
  completedAt: z.string().nullable(),
  completionNote: z.string(),
  createdAt: z.string(),
  version: z.number().int(),
  /** What the current user may do with this task (the server decides; the UI only shows it). */
  actions: z.object({ complete: z.boolean(), update: z.boolean() }),
});
export type TaskDto = z.infer<typeof taskDto>;

export const taskListResponse = z.object({
  items: z.array(taskDto),
  /** True when more tasks matched than the list holds (the limit is 200). */
  truncated: z.boolean(),
  /** The unit whose inbox this is (unit inbox only). */
  unitId: z.uuid().nullable(),
});
export type TaskListResponse = z.infer<typeof taskListResponse>;

const booleanFlag = z.enum(['true', 'false']).transform((v) => v === 'true');

/** Filters shared by both inboxes and the subject list. */
export const taskFilters = z.strictObject({
  state: z.enum(taskStates).default('open'),
  overdue: booleanFlag.optional(),
  dueWithinDays: z.coerce.number().int().min(0).max(3660).optional(),
  kind: z
    .string()
    .regex(/^[a-z][a-z0-9_.]{1,60}$/)
    .optional(),
});
export type TaskFilters = z.infer<typeof taskFilters>;

export const unitInboxQuery = taskFilters.extend({ unitId: z.uuid().optional() });
export const subjectTasksQuery = taskFilters.extend({
  subjectType: z.enum(taskSubjectTypes),
  subjectId: z.uuid(),
  state: z.enum([...taskStates, 'all']).default('all'),
});

const assigneeFields = {
  assigneeUserId: z.uuid().nullable().optional(),
  assigneeUnitId: z.uuid().nullable().optional(),
};

/** A manual task. Tell the user: the title shows in e-mail and calendars, so no names in it. */
export const createTaskRequest = z.strictObject({
  title: plainText({ min: 1, max: 200 }),
  description: plainText({ min: 0, max: 4000 }).optional(),
  dueOn: calendarDate,
  ...assigneeFields,
  subjectType: z.enum(taskSubjectTypes).optional(),
  subjectId: z.uuid().optional(),
});
export type CreateTaskRequest = z.infer<typeof createTaskRequest>;

export const closeTaskRequest = z.strictObject({ note: plainText({ min: 0, max: 2000 }).optional() });
export type CloseTaskRequest = z.infer<typeof closeTaskRequest>;

/** Reassign or move the due date (If-Match: "<version>"). */
export const updateTaskRequest = z.strictObject({ dueOn: calendarDate.optional(), ...assigneeFields });
export type UpdateTaskRequest = z.infer<typeof updateTaskRequest>;

export const taskIdParams = z.strictObject({ id: z.uuid() });

/** Whom the current user may assign tasks to (only themselves without write:task:unit). */
export const assigneeOptionsResponse = z.object({
  users: z.array(z.object({ id: z.uuid(), displayName: z.string() })),
  units: z.array(z.object({ id: z.uuid(), name: z.string() })),
});
export type AssigneeOptionsResponse = z.infer<typeof assigneeOptionsResponse>;

export const calendarFeedStatus = z.object({ active: z.boolean(), createdAt: z.string().nullable() });
export type CalendarFeedStatus = z.infer<typeof calendarFeedStatus>;
/** The feed URL is shown once, when created or rotated; only its hash is kept. */
export const calendarFeedCreated = z.object({ url: z.string(), createdAt: z.string() });
export type CalendarFeedCreated = z.infer<typeof calendarFeedCreated>;

// ---- Rendering ---------------------------------------------------------------------------------

/** Where the subject of a task is shown in the web app (null when it has no page yet). */
export function subjectPath(subject: { type: TaskSubjectType; id: string } | null): string | null {
  if (!subject) return null;
  const base: Partial<Record<TaskSubjectType, string>> = {
    lease: '/kontrakter/',
    dwelling: '/boliger/',
    landlord: '/utleiere/',
    building: '/bygg/',
    household: '/husstander/',
    person: '/personer/',
  };
  const prefix = base[subject.type];
  return prefix ? `${prefix}${subject.id}` : null;
}

type Renderable = { kind: string; title: string; params: Readonly<Record<string, string | number | null>> };

function text(value: string | number | null | undefined): string {
  return value === null || value === undefined ? '' : String(value);
}

function date(value: string | number | null | undefined): string {
  return typeof value === 'string' ? formatDate(value) : '';
}

/**
 * The title of a task in `lang`. Manual tasks have the user's own title; generated ones are
 * rendered from kind and params ("Leiekontrakt K-0012 utløper 01.03.2027 – 3 måneder igjen"), so
 * every reader sees them in their language. An unknown kind (a newer server) shows its title or kind.
 */
export function taskTitle(lang: Language, task: Renderable): string {
  const p = task.params;
  const months = typeof p['monthsBefore'] === 'number' ? p['monthsBefore'] : 0;
  const monthsLeft =
    months === 1 ? translate(lang, 'tasks.kinds.oneMonthLeft') : translate(lang, 'tasks.kinds.monthsLeft', { months });
  switch (task.kind) {
    case 'manual':
      return task.title;
    case 'lease.end':
      return translate(lang, 'tasks.kinds.leaseEnd', {
        reference: text(p['reference']),
        endDate: date(p['endDate']),
        monthsLeft,
      });
    case 'head_lease.end':
      return translate(lang, 'tasks.kinds.headLeaseEnd', {
        reference: text(p['reference']),
        endDate: date(p['endDate']),
        monthsLeft,
      });
    case 'dwelling.internal_rent':
      return translate(lang, 'tasks.kinds.internalRent', {
        dwellingReference: text(p['dwellingReference']),
        vacantSince: date(p['vacantSince']),
      });
    case 'household.age_out':
      return translate(lang, 'tasks.kinds.ageOut', {
        reference: text(p['reference']),
        age: typeof p['age'] === 'number' ? p['age'] : text(p['age']),
        date: date(p['date']),
        monthsLeft,
      });
    case 'allocation.offer_unanswered':
      return translate(lang, 'tasks.kinds.offerUnanswered', {
        reference: text(p['reference']),
        dwellingReference: text(p['dwellingReference']),
        answerDue: date(p['answerDue']),
      });
    default:
      if (task.kind.startsWith(MOVE_IN_KIND_PREFIX)) return moveInTitle(lang, task);
      return task.title || task.kind;
  }
}

/**
 * A move-in checklist task: the municipality's own label (its own items; stored as the title),
 * else Husly's translated item title, the interpreter marker, the household and the arrival date.
 */
function moveInTitle(lang: Language, task: Renderable): string {
  const p = task.params;
  const key = text(p['key']) || task.kind.slice(MOVE_IN_KIND_PREFIX.length);
  const item = task.title
    ? task.title
    : isTranslatedMoveInKey(key)
      ? translate(lang, `tasks.kinds.moveInItems.${key}`)
      : key;
  const interpreter = p['requiresInterpreter'] === 1 ? translate(lang, 'tasks.kinds.interpreterMarker') : '';
  const reference = text(p['reference']);
  return reference
    ? translate(lang, 'tasks.kinds.moveIn', { item, interpreter, reference, arrivalDate: date(p['arrivalDate']) })
    : translate(lang, 'tasks.kinds.moveInNoReference', { item, interpreter, arrivalDate: date(p['arrivalDate']) });
}

/** The extra instruction a generated task carries (e.g. the needs assessment, R8.2/R8.5), or ''. */
export function taskInstruction(lang: Language, task: Renderable): string {
  const p = task.params;
  if (task.kind === 'lease.end' && p['action'] === 'needs_assessment_and_letter') {
    return translate(lang, 'tasks.kinds.needsAssessmentAndLetter');
  }
  if (task.kind === 'head_lease.end') return translate(lang, 'tasks.kinds.headLeaseInstruction');
  if (task.kind === 'dwelling.internal_rent') {
    return translate(lang, 'tasks.kinds.internalRentInstruction', { accrualStart: date(p['accrualStart']) });
  }
  if (task.kind === 'household.age_out') {
    return translate(lang, 'tasks.kinds.ageOutInstruction', { age: typeof p['age'] === 'number' ? p['age'] : 0 });
  }
  if (task.kind === 'allocation.offer_unanswered') return translate(lang, 'tasks.kinds.offerUnansweredInstruction');
  return '';
}
