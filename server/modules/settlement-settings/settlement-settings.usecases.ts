import type { Kysely } from 'kysely';
import type { SettlementSettingsDto, UpdateSettlementSettingsRequest } from '../../../shared/api/settlement-settings';
import { contactPhone } from '../../../shared/contact-card/contact-card';
import {
  DEFAULT_MOVE_IN_CHECKLIST,
  validateChecklistTemplate,
  type ChecklistItem,
} from '../../../shared/domain/move-in-checklist';
import { staffRoles, type StaffRole } from '../../../shared/domain/roles';
import type { FieldProblem } from '../../../shared/errors';
import type { DB } from '../../db/schema';
import { withTenant, type Tx } from '../../db/tenant';
import { appError } from '../../http/errors';
import { actorCan, requirePermission, type Actor } from '../auth/actor';
import type { Clock } from '../auth/auth.usecases';
import { unitExists } from '../units/units.repository';
import * as repo from './settlement-settings.repository';

// The municipality's settlement settings (issue 5): the target agreed with IMDi, the move-in
// checklist template (null = Husly's default, DEFAULT_MOVE_IN_CHECKLIST), which unit owns each
// checklist role, the retention period and the after-hours number on the contact card.
// Read by the checklist, the household clocks, retention and the contact card through
// readSettlementSettings; changed by an administrator (write:housing_settings).

/** National default retention (months after the person's last event) when nothing is stored. */
export const DEFAULT_RETENTION_MONTHS = 120;

export type SettlementSettings = {
  agreedTargetDays: number | null;
  /** The effective template: the stored one, or the default. */
  checklist: readonly ChecklistItem[];
  checklistIsDefault: boolean;
  unitForRole: Partial<Record<StaffRole, string>>;
  retentionMonths: number;
  /** '' when the municipality has not given one (the contact card then refuses). */
  emergencyPhone: string;
  version: number;
};

function isStaffRole(value: string): value is StaffRole {
  return (staffRoles as readonly string[]).includes(value);
}

function toSettings(row: repo.SettlementSettingsRow | undefined): SettlementSettings {
  if (!row) {
    return {
      agreedTargetDays: null,
      checklist: DEFAULT_MOVE_IN_CHECKLIST,
      checklistIsDefault: true,
      unitForRole: {},
      retentionMonths: DEFAULT_RETENTION_MONTHS,
      emergencyPhone: '',
      version: 0,
    };
  }
  let checklist: readonly ChecklistItem[] = DEFAULT_MOVE_IN_CHECKLIST;
  if (row.checklist !== null) {
    const checked = validateChecklistTemplate(row.checklist);
    // Every stored template passed this check when it was saved; a row that fails it now was
    // changed behind Husly's back, and generating tasks from it would be guesswork.
    if (!checked.ok) throw new Error('stored move-in checklist template is invalid');
    checklist = checked.items;
  }
  const unitForRole: Partial<Record<StaffRole, string>> = {};
  for (const [role, unitId] of Object.entries(row.unit_for_role)) {
    if (isStaffRole(role) && typeof unitId === 'string') unitForRole[role] = unitId;
  }
  return {
    agreedTargetDays: row.agreed_target_days,
    checklist,
    checklistIsDefault: row.checklist === null,
    unitForRole,
    retentionMonths: row.retention_months,
    emergencyPhone: row.emergency_phone,
    version: row.version,
  };
}

/**
 * For other modules (checklist, households, retention, contact card): the effective settings of
 * the municipality of `trx`, without creating a row (defaults when none is stored).
 */
export async function readSettlementSettings(trx: Tx): Promise<SettlementSettings> {
  return toSettings(await repo.findSettings(trx));
}

function present(settings: SettlementSettings, actor: Actor): SettlementSettingsDto {
  return {
    agreedTargetDays: settings.agreedTargetDays,
    checklist: settings.checklist.map((item) => ({ ...item })),
    checklistIsDefault: settings.checklistIsDefault,
    unitForRole: { ...settings.unitForRole },
    retentionMonths: settings.retentionMonths,
    emergencyPhone: settings.emergencyPhone,
    version: settings.version,
    actions: { update: actorCan(actor, 'write:housing_settings:any') },
  };
}

export function getSettlementSettings(actor: Actor, { db }: { db: Kysely<DB> }): Promise<SettlementSettingsDto> {
  requirePermission(actor, 'read:housing_settings:any');
  return withTenant(db, actor, async (trx) =>
    present(toSettings(await repo.getOrCreateSettings(trx, actor.tenantId)), actor),
  );
}

/** The template to store: validated item by item (pointers into the request), or null for the default. */
function checkedChecklist(input: UpdateSettlementSettingsRequest['checklist']): string | null | undefined {
  if (input === undefined) return undefined;
  if (input === null) return null;
  const checked = validateChecklistTemplate(input);
  if (!checked.ok) {
    throw appError('checklist.template_invalid', {
      errors: checked.problems.map((p) => ({ pointer: `/checklist${p.pointer}`, code: p.problem })),
    });
  }
  return JSON.stringify(checked.items);
}

export function updateSettlementSettings(
  actor: Actor,
  {
    db,
    clock,
    version,
    input,
  }: { db: Kysely<DB>; clock: Clock; version: number; input: UpdateSettlementSettingsRequest },
): Promise<SettlementSettingsDto> {
  requirePermission(actor, 'write:housing_settings:any');
  const checklist = checkedChecklist(input.checklist);
  return withTenant(db, actor, async (trx) => {
    const problems: FieldProblem[] = [];
    let unitForRole: string | undefined;
    if (input.unitForRole !== undefined) {
      const entries = Object.entries(input.unitForRole).filter((e): e is [StaffRole, string] => e[1] !== undefined);
      for (const [role, unitId] of entries) {
        if (!(await unitExists(trx, unitId)))
          problems.push({ pointer: `/unitForRole/${role}`, code: 'settings.settlement_invalid' });
      }
      unitForRole = JSON.stringify(Object.fromEntries(entries));
    }
    let emergencyPhone: string | undefined;
    if (input.emergencyPhone !== undefined) {
      if (input.emergencyPhone === '') emergencyPhone = '';
      else {
        // Printed on every contact card: stored as the card prints it (Latin digits, + and spaces).
        const phone = contactPhone.safeParse(input.emergencyPhone);
        if (phone.success) emergencyPhone = phone.data;
        else problems.push({ pointer: '/emergencyPhone', code: 'invalid_format' });
      }
    }
    if (problems.length > 0) throw appError('settings.settlement_invalid', { errors: problems });

    const changes: repo.SettlementSettingsChanges = {
      ...(input.agreedTargetDays !== undefined && { agreed_target_days: input.agreedTargetDays }),
      ...(checklist !== undefined && { checklist }),
      ...(unitForRole !== undefined && { unit_for_role: unitForRole }),
      ...(input.retentionMonths !== undefined && { retention_months: input.retentionMonths }),
      ...(emergencyPhone !== undefined && { emergency_phone: emergencyPhone }),
    };
    await repo.getOrCreateSettings(trx, actor.tenantId);
    if (!(await repo.updateSettings(trx, { version, changes, now: clock() })))
      throw appError('resource.version_conflict');
    return present(toSettings(await repo.findSettings(trx)), actor);
  });
}
