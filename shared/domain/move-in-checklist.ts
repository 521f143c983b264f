// The move-in checklist (sjekkliste for innflytting) of one household, generated from its arrival
// date (issue 5 item 6; requirements P6 R6.1–R6.12, R3.7).
//
// A template is data: a list of items, each with a stable key, a due date relative to the arrival
// date, the staff role that owns it and the requirement it comes from. Husly ships a default
// (DEFAULT_MOVE_IN_CHECKLIST); a municipality stores its own copy, in which it may disable items
// (`enabled: false`), change offsets, owners and the interpreter flag, and add its own items
// (`sourceRef: null`). validateChecklistTemplate checks a stored or submitted template.
//
// generateMoveInTasks turns a template into task specs for app.task (decision 010): kind
// `movein.<key>`, params `{ key, arrivalDate }` so the UI renders the title in the reader's
// language, and a dedupe key `movein:<key>:<householdId>:<arrivalDate>`. Inserted with
// ON CONFLICT (tenant_id, dedupe_key) DO NOTHING, a re-run creates nothing new.
//
// A changed arrival date yields NEW keys (the arrival date is part of the key, as a lease's end
// date is for lease reminders), so the new dates are created as fresh tasks. The shell must then
// dismiss the household's OPEN `movein.*` tasks whose params.arrivalDate differs from the current
// arrival date (done ones stay done — the work was done); see isSupersededMoveInTask. Disabling an
// item in the template does not touch tasks already created.

import { addDays, isCalendarDate, type CalendarDate } from './calendar-date';
import { type DwellingType } from './dwelling-rules';
import { staffRoles, type StaffRole } from './roles';

/** When an item applies only to some dwellings. 'shared_housing': bofellesskap (R6.8). */
export type ChecklistCondition = 'shared_housing';
export const checklistConditions: readonly ChecklistCondition[] = ['shared_housing'];

export type ChecklistItem = {
  /** Stable, lower-case snake_case; part of the task kind and dedupe key, so never renamed. */
  key: string;
  /** Due date relative to the arrival date, in days; negative = before arrival. */
  offsetDays: number;
  /** The staff role responsible; the municipality maps it to a unit (unitForRole). */
  ownerRole: StaffRole;
  /** The item involves the household directly and needs an interpreter (R6.4, 002:3616). */
  requiresInterpreter?: boolean;
  /** Only generated when the condition holds for the household's dwelling. */
  onlyWhen?: ChecklistCondition;
  /** false: the municipality has switched the item off. Default true. */
  enabled?: boolean;
  /** The requirement the item comes from (e.g. 'R6.1'); null for a municipality's own item. */
  sourceRef: string | null;
  /**
   * The title of a municipality's own item (required when sourceRef is null), in the
   * municipality's language; Husly's items are translated by key and need none.
   */
  label?: string;
};

// Bounds: furnishing and the deposit guarantee start up to two months ahead; follow-up items
// (BankID, GP) may run for up to half a year after arrival (R3.7: these take time).
export const MIN_OFFSET_DAYS = -60;
export const MAX_OFFSET_DAYS = 180;
export const MAX_CHECKLIST_ITEMS = 100;

// Keys go into `movein.<key>` and `movein:<key>:…`, so no ':' or '.'; 64 keeps the dedupe key short.
const KEY_PATTERN = /^[a-z][a-z0-9_]{1,63}$/;
const MAX_SOURCE_REF_LENGTH = 40;
export const MAX_LABEL_LENGTH = 200;

/**
 * The default template (data, not code). Offsets are a starting point a municipality adjusts;
 * owners follow §1.5: eiendom furnishes and reads meters, boligkontor holds keys and leases,
 * bosetter (settlement worker) follows the household, nav_veileder leads NAV's part.
 */
export const DEFAULT_MOVE_IN_CHECKLIST: readonly ChecklistItem[] = [
  // R6.1/R6.2: every flat furnished with the same standard package (grunnpakke) before
  // settlement, so the household can move in the same day.
  { key: 'furnished_standard_package', offsetDays: -3, ownerRole: 'eiendom', sourceRef: 'R6.1' },
  // §3.4 instruments: the deposit guarantee (depositumsgaranti) must be in place before the lease starts.
  { key: 'deposit_guarantee', offsetDays: -7, ownerRole: 'nav_veileder', sourceRef: '§3.4' },
  // R6.8: house rules are made before move-in in shared housing, and explained on arrival.
  {
    key: 'house_rules_explained',
    offsetDays: 0,
    ownerRole: 'miljoarbeider',
    requiresInterpreter: true,
    onlyWhen: 'shared_housing',
    sourceRef: 'R6.8',
  },
  // R6.10: who signs varies (housing office, municipal company); signed on the day at the latest.
  { key: 'lease_signed', offsetDays: 0, ownerRole: 'boligkontor', requiresInterpreter: true, sourceRef: 'R6.10' },
  // R6.1: move-in the same day — keys handed over on arrival.
  { key: 'keys_handed_over', offsetDays: 0, ownerRole: 'boligkontor', sourceRef: 'R6.1' },
  // R7.3/R6.12: electricity is the tenant's (or included in the rent); the reading fixes the start.
  { key: 'meter_readings', offsetDays: 0, ownerRole: 'eiendom', sourceRef: 'R6.12' },
  // R6.6: the welcome folder (velkomstperm), in the household's language.
  { key: 'welcome_folder_handed_over', offsetDays: 0, ownerRole: 'bosetter', sourceRef: 'R6.6' },
  // R6.5: 7 of 13 did not know how to contact the landlord — the "who to contact" card.
  { key: 'contacts_card_handed_over', offsetDays: 0, ownerRole: 'bosetter', sourceRef: 'R6.5' },
  // R6.4: information meeting on lease, tenancy, rent and bostøtte, with an interpreter.
  {
    key: 'information_meeting',
    offsetDays: 7,
    ownerRole: 'boligkontor',
    requiresInterpreter: true,
    sourceRef: 'R6.4',
  },
  // R6.7: joint intake meeting (felles innkomstmøte), NAV and the settlement worker together.
  {
    key: 'joint_intake_meeting',
    offsetDays: 7,
    ownerRole: 'nav_veileder',
    requiresInterpreter: true,
    sourceRef: 'R6.7',
  },
  // R3.7: bank account, BankID and GP take time; the settlement worker follows them up.
  { key: 'bank_account', offsetDays: 14, ownerRole: 'bosetter', sourceRef: 'R3.7' },
  { key: 'gp_registered', offsetDays: 14, ownerRole: 'bosetter', sourceRef: 'R3.7' },
  // R6.11: active help to apply for bostøtte (Husbanken); within the first month.
  { key: 'housing_allowance_applied', offsetDays: 21, ownerRole: 'bosetter', sourceRef: 'R6.11' },
  { key: 'bankid', offsetDays: 30, ownerRole: 'bosetter', sourceRef: 'R3.7' },
];

// ---------------------------------------------------------------------------------------------
// Validation of a municipality's template

export type ChecklistTemplateProblemCode =
  | 'not_a_list'
  | 'too_many_items'
  | 'item_invalid'
  | 'key_invalid'
  | 'key_duplicate'
  | 'offset_invalid'
  | 'offset_out_of_range'
  | 'role_unknown'
  | 'condition_unknown'
  | 'flag_invalid'
  | 'source_ref_invalid'
  | 'label_required'
  | 'label_invalid';

/** pointer: a JSON pointer into the submitted list (the shape of the HTTP layer's field errors). */
export type ChecklistTemplateProblem = { pointer: string; problem: ChecklistTemplateProblemCode };

export type ChecklistTemplateCheck =
  | { ok: true; items: ChecklistItem[] }
  | { ok: false; code: 'checklist.template_invalid'; problems: ChecklistTemplateProblem[] };

function isStaffRole(value: unknown): value is StaffRole {
  return typeof value === 'string' && (staffRoles as readonly string[]).includes(value);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Checks a template as submitted or stored (so it takes unknown): every item has a well-formed
 * key unique in the list (disabled items included: a key, once used, keeps its meaning), a whole
 * offset within MIN_OFFSET_DAYS..MAX_OFFSET_DAYS, a known staff role and, when present, a known
 * condition and boolean flags. Every problem is reported, not just the first. An empty list (or
 * one with every item disabled) is valid: the municipality then uses no checklist.
 */
export function validateChecklistTemplate(items: unknown): ChecklistTemplateCheck {
  const problems: ChecklistTemplateProblem[] = [];
  const fail = () => ({ ok: false, code: 'checklist.template_invalid', problems }) as const;
  if (!Array.isArray(items)) {
    problems.push({ pointer: '', problem: 'not_a_list' });
    return fail();
  }
  if (items.length > MAX_CHECKLIST_ITEMS) {
    problems.push({ pointer: '', problem: 'too_many_items' });
    return fail();
  }
  const seen = new Set<string>();
  const valid: ChecklistItem[] = [];
  items.forEach((item: unknown, index) => {
    const at = (field: string) => `/${index}${field ? `/${field}` : ''}`;
    if (!isRecord(item)) {
      problems.push({ pointer: at(''), problem: 'item_invalid' });
      return;
    }
    const before = problems.length;
    const { key, offsetDays, ownerRole, requiresInterpreter, onlyWhen, enabled, sourceRef, label } = item;
    if (typeof key !== 'string' || !KEY_PATTERN.test(key)) {
      problems.push({ pointer: at('key'), problem: 'key_invalid' });
    } else if (seen.has(key)) {
      problems.push({ pointer: at('key'), problem: 'key_duplicate' });
    } else {
      seen.add(key);
    }
    if (typeof offsetDays !== 'number' || !Number.isInteger(offsetDays)) {
      problems.push({ pointer: at('offsetDays'), problem: 'offset_invalid' });
    } else if (offsetDays < MIN_OFFSET_DAYS || offsetDays > MAX_OFFSET_DAYS) {
      problems.push({ pointer: at('offsetDays'), problem: 'offset_out_of_range' });
    }
    if (!isStaffRole(ownerRole)) problems.push({ pointer: at('ownerRole'), problem: 'role_unknown' });
    if (onlyWhen !== undefined && !(checklistConditions as readonly unknown[]).includes(onlyWhen)) {
      problems.push({ pointer: at('onlyWhen'), problem: 'condition_unknown' });
    }
    if (requiresInterpreter !== undefined && typeof requiresInterpreter !== 'boolean') {
      problems.push({ pointer: at('requiresInterpreter'), problem: 'flag_invalid' });
    }
    if (enabled !== undefined && typeof enabled !== 'boolean') {
      problems.push({ pointer: at('enabled'), problem: 'flag_invalid' });
    }
    if (
      sourceRef !== null &&
      (typeof sourceRef !== 'string' || sourceRef.trim() === '' || sourceRef.length > MAX_SOURCE_REF_LENGTH)
    ) {
      problems.push({ pointer: at('sourceRef'), problem: 'source_ref_invalid' });
    }
    // A label is shown as the task's title: text on one line, within the task title's 200 chars.
    const cleanLabel = typeof label === 'string' ? label.normalize('NFC').trim() : label;
    if (cleanLabel !== undefined) {
      if (
        typeof cleanLabel !== 'string' ||
        cleanLabel === '' ||
        cleanLabel.length > MAX_LABEL_LENGTH ||
        /\p{Cc}/u.test(cleanLabel)
      ) {
        problems.push({ pointer: at('label'), problem: 'label_invalid' });
      }
    } else if (sourceRef === null) {
      // The municipality's own item has no translated title: it must bring its own.
      problems.push({ pointer: at('label'), problem: 'label_required' });
    }
    if (problems.length === before) {
      // Rebuilt field by field: unknown properties are dropped, never stored.
      valid.push({
        key: key as string,
        offsetDays: offsetDays as number,
        ownerRole: ownerRole as StaffRole,
        ...(requiresInterpreter !== undefined && { requiresInterpreter: requiresInterpreter as boolean }),
        ...(onlyWhen !== undefined && { onlyWhen: onlyWhen as ChecklistCondition }),
        ...(enabled !== undefined && { enabled: enabled as boolean }),
        sourceRef: sourceRef as string | null,
        ...(cleanLabel !== undefined && { label: cleanLabel as string }),
      });
    }
  });
  return problems.length > 0 ? fail() : { ok: true, items: valid };
}

// ---------------------------------------------------------------------------------------------
// Generation

export type MoveInTaskSpec = {
  kind: `movein.${string}`;
  dedupeKey: string;
  dueOn: CalendarDate;
  /** The unit the municipality maps ownerRole to; null when it maps none (the shell decides). */
  assigneeUnitId: string | null;
  ownerRole: StaffRole;
  requiresInterpreter: boolean;
  /** The item's own title (a municipality's own item), else null: the UI translates by key. */
  label: string | null;
  subject: { type: 'household'; id: string };
  params: { key: string; arrivalDate: CalendarDate };
};

/** Shared housing (bofellesskap) and a room in one both count as shared housing (R6.8). */
const SHARED_HOUSING_TYPES: readonly DwellingType[] = ['shared_housing', 'shared_room'];

function conditionHolds(condition: ChecklistCondition, dwellingType: DwellingType | null | undefined): boolean {
  switch (condition) {
    case 'shared_housing':
      // Unknown dwelling (not yet reserved): the item is left out; a re-run once the dwelling
      // is known adds it, and the other items are not duplicated.
      return dwellingType != null && SHARED_HOUSING_TYPES.includes(dwellingType);
  }
}

export function moveInDedupeKey({
  key,
  householdId,
  arrivalDate,
}: {
  key: string;
  householdId: string;
  arrivalDate: CalendarDate;
}): string {
  return `movein:${key}:${householdId}:${arrivalDate}`;
}

/**
 * The move-in tasks of one household arriving on `arrivalDate`, in due-date order (template
 * order within a day). Disabled items and items whose condition does not hold are left out.
 * `template` must have passed validateChecklistTemplate; a malformed arrival date or household
 * id is a programming error (validated at the edge) and throws.
 */
export function generateMoveInTasks({
  householdId,
  arrivalDate,
  template,
  dwellingType,
  unitForRole,
}: {
  householdId: string;
  arrivalDate: CalendarDate;
  template: readonly ChecklistItem[];
  dwellingType?: DwellingType | null | undefined;
  unitForRole: Partial<Record<StaffRole, string>>;
}): MoveInTaskSpec[] {
  if (!isCalendarDate(arrivalDate)) throw new RangeError(`not a calendar date: ${JSON.stringify(arrivalDate)}`);
  if (householdId === '' || householdId.includes(':')) throw new RangeError('householdId must be a non-empty id');
  return template
    .map((item, order) => ({ item, order }))
    .filter(({ item }) => item.enabled !== false)
    .filter(({ item }) => item.onlyWhen === undefined || conditionHolds(item.onlyWhen, dwellingType))
    .map(({ item, order }) => ({
      order,
      spec: {
        kind: `movein.${item.key}` as const,
        dedupeKey: moveInDedupeKey({ key: item.key, householdId, arrivalDate }),
        dueOn: addDays({ date: arrivalDate, days: item.offsetDays }),
        assigneeUnitId: unitForRole[item.ownerRole] ?? null,
        ownerRole: item.ownerRole,
        requiresInterpreter: item.requiresInterpreter ?? false,
        label: item.label ?? null,
        subject: { type: 'household' as const, id: householdId },
        params: { key: item.key, arrivalDate },
      },
    }))
    .sort((a, b) => (a.spec.dueOn < b.spec.dueOn ? -1 : a.spec.dueOn > b.spec.dueOn ? 1 : a.order - b.order))
    .map(({ spec }) => spec);
}

/**
 * Whether an open move-in task belongs to an earlier arrival date and should be dismissed by
 * the shell (the arrival date moved, so the household got fresh tasks with new dedupe keys).
 */
export function isSupersededMoveInTask({
  task,
  currentArrivalDate,
}: {
  task: { kind: string; params: unknown };
  currentArrivalDate: CalendarDate | null;
}): boolean {
  if (!task.kind.startsWith('movein.')) return false;
  const arrival = isRecord(task.params) ? task.params['arrivalDate'] : undefined;
  return currentArrivalDate === null || arrival !== currentArrivalDate;
}
