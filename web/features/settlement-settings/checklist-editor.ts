import type { z } from 'zod';
import type { checklistItemInput } from '../../../shared/api/settlement-settings';
import { isTranslatedMoveInKey } from '../../../shared/api/tasks';
import { validateChecklistTemplate } from '../../../shared/domain/move-in-checklist';
import type { StaffRole } from '../../../shared/domain/roles';
import { translate, type Language } from '../../../shared/i18n';

// The checklist template as the settings page edits it: one row per item, the number of days as
// typed (so "abc" or "3.5" can be shown at its row), and the problems of each row by field.

type ChecklistItemInput = z.infer<typeof checklistItemInput>;

export type ChecklistRow = {
  key: string;
  /** The title of a municipality's own item (sourceRef null); Husly's items are translated. */
  label: string;
  offsetDays: string;
  ownerRole: StaffRole;
  requiresInterpreter: boolean;
  sharedHousingOnly: boolean;
  enabled: boolean;
  sourceRef: string | null;
};

export function toRows(items: readonly ChecklistItemInput[]): ChecklistRow[] {
  return items.map((item) => ({
    key: item.key,
    label: item.label ?? '',
    offsetDays: String(item.offsetDays),
    ownerRole: item.ownerRole,
    requiresInterpreter: item.requiresInterpreter ?? false,
    sharedHousingOnly: item.onlyWhen === 'shared_housing',
    enabled: item.enabled ?? true,
    sourceRef: item.sourceRef,
  }));
}

/** "-3" → -3; anything but a whole number stays as typed, for the rule to refuse at its row. */
function offsetValue(text: string): number | string {
  const trimmed = text.trim().replace(/^[−–]/, '-');
  return /^-?\d{1,4}$/.test(trimmed) ? Number(trimmed) : trimmed;
}

/** The template to send (the server validates it again with the same rule). */
export function toItems(rows: readonly ChecklistRow[]): unknown[] {
  return rows.map((row) => ({
    key: row.key.trim(),
    // An own item's title; left out when empty, so the rule says it is required.
    ...(row.sourceRef === null && row.label.trim() !== '' ? { label: row.label.trim() } : {}),
    offsetDays: offsetValue(row.offsetDays),
    ownerRole: row.ownerRole,
    requiresInterpreter: row.requiresInterpreter,
    ...(row.sharedHousingOnly ? { onlyWhen: 'shared_housing' } : {}),
    enabled: row.enabled,
    sourceRef: row.sourceRef,
  }));
}

export type RowProblems = Record<number, Record<string, string>>;

/**
 * Field problems of the checklist by row: pointers `/checklist/3/offsetDays` (from the server)
 * or `/3/offsetDays` (from validateChecklistTemplate, relative to the list). The first problem
 * of a field wins; problems of the list as a whole are under row -1.
 */
export function rowProblems(problems: readonly { pointer: string; code: string }[], prefix = ''): RowProblems {
  const rows: RowProblems = {};
  for (const { pointer, code } of problems) {
    if (!pointer.startsWith(prefix)) continue;
    const match = /^\/(\d+)(?:\/([A-Za-z]+))?/.exec(pointer.slice(prefix.length));
    const index = match ? Number(match[1]) : -1;
    const field = match?.[2] ?? '';
    const row = (rows[index] ??= {});
    row[field] ??= code;
  }
  return rows;
}

/** The check before sending: validateChecklistTemplate, the server's own rule, by row. */
export function checkRows(rows: readonly ChecklistRow[]): RowProblems {
  const check = validateChecklistTemplate(toItems(rows));
  return check.ok ? {} : rowProblems(check.problems.map((p) => ({ pointer: p.pointer, code: p.problem })));
}

/** An item's title: an own item's label, Husly's translated title (the task kinds), or else its key. */
export function itemTitle(lang: Language, row: Pick<ChecklistRow, 'key' | 'label' | 'sourceRef'>): string {
  if (row.sourceRef === null) return row.label.trim() || row.key;
  return isTranslatedMoveInKey(row.key) ? translate(lang, `tasks.kinds.moveInItems.${row.key}`) : row.key;
}

/** A whole number from a text field, or null when it is not one ('' included). */
export function wholeNumber(text: string): number | null {
  const trimmed = text.trim();
  return /^-?\d{1,6}$/.test(trimmed) ? Number(trimmed) : null;
}
