import { sql } from 'kysely';
import type { CalendarDate } from '../../../shared/domain/calendar-date';
import type { DwellingType } from '../../../shared/domain/dwelling-rules';
import { generateMoveInTasks, isSupersededMoveInTask } from '../../../shared/domain/move-in-checklist';
import { translate } from '../../../shared/i18n';
import type { Tx } from '../../db/tenant';
import { readSettlementSettings } from '../settlement-settings/settlement-settings.usecases';
import { municipalityLanguage } from '../tasks/tasks.repository';

// The move-in checklist of a household (issue 5 item 6): generated as tasks from the
// municipality's template (shared/domain/move-in-checklist.ts) and the household's arrival date.
//
// Each item becomes an app.task (decision 010) about the household: kind `movein.<key>`, params
// { key, arrivalDate, reference, ownerRole, requiresInterpreter: 1 | 0 } so the inbox renders the title in the
// reader's language (taskTitle), title = the item's label for a municipality's own item, due on
// arrival + offset, assigned to the unit the municipality maps the owner role to — or, for an
// unmapped role, to the household's responsible unit (a task needs an assignee). The tasks then
// show in the unit inboxes and on the household (GET /api/tasks?subjectType=household…).
//
// Dismissals made here are the system's: completed_by stays null and the note says why. That is
// how a later sync tells them from a user's own dismissal: when the arrival date moves back to a
// date whose tasks the system dismissed, those tasks are reopened (the dedupe key is the same);
// a task a user dismissed stays dismissed.

/** States in which the checklist is generated. Earlier ones too: the arrival date may be set early. */
const ACTIVE_STATES = ['proposed', 'accepted', 'dwelling_reserved', 'ready_to_move_in', 'settled'] as const;

type HouseholdForChecklist = {
  id: string;
  reference: string;
  pipeline_state: string;
  arrival_date: CalendarDate | null;
  responsible_unit_id: string;
  shared_housing: boolean;
  anonymised_at: Date | null;
  dwelling_type: string | null;
};

async function findHousehold(trx: Tx, householdId: string): Promise<HouseholdForChecklist | undefined> {
  return trx
    .selectFrom('app.household as h')
    .leftJoin('app.dwelling as d', 'd.id', 'h.reserved_dwelling_id')
    .select([
      'h.id',
      'h.reference',
      'h.pipeline_state',
      'h.arrival_date',
      'h.responsible_unit_id',
      'h.shared_housing',
      'h.anonymised_at',
      'd.type as dwelling_type',
    ])
    .where('h.id', '=', householdId)
    .executeTakeFirst();
}

/**
 * Dismisses the household's open move-in tasks that no longer apply: another arrival date, no
 * arrival date, or (all of them) when the household has left the pipeline.
 */
async function dismissOpenMoveInTasks(
  trx: Tx,
  {
    householdId,
    currentArrivalDate,
    all,
    now,
  }: { householdId: string; currentArrivalDate: CalendarDate | null; all: boolean; now: Date },
): Promise<number> {
  const open = await trx
    .selectFrom('app.task')
    .select(['id', 'kind', 'params'])
    .where('subject_type', '=', 'household')
    .where('subject_id', '=', householdId)
    .where('kind', 'like', 'movein.%')
    .where('state', '=', 'open')
    .forUpdate()
    .execute();
  const ids = open.filter((task) => all || isSupersededMoveInTask({ task, currentArrivalDate })).map((t) => t.id);
  if (ids.length === 0) return 0;
  const lang = await municipalityLanguage(trx);
  const note = translate(
    lang,
    all
      ? 'tasks.kinds.moveInHouseholdLeft'
      : currentArrivalDate === null
        ? 'tasks.kinds.moveInArrivalRemoved'
        : 'tasks.kinds.moveInArrivalMoved',
  );
  await trx
    .updateTable('app.task')
    .set((eb) => ({
      state: 'dismissed',
      completed_at: now,
      completed_by: null,
      completion_note: note,
      updated_at: now,
      version: eb('version', '+', 1),
    }))
    .where('id', 'in', ids)
    .where('state', '=', 'open')
    .execute();
  return ids.length;
}

/**
 * Brings a household's move-in tasks in line with its current arrival date, reserved dwelling
 * and the municipality's template: creates missing tasks (idempotent through dedupe keys) and
 * dismisses open ones for an earlier arrival date. Call inside the transaction that changed the
 * household's arrival date, reserved dwelling or shared-housing flag. No arrival date: only
 * dismisses superseded tasks. Returns the number of tasks created.
 */
export async function syncMoveInChecklist(
  trx: Tx,
  args: { tenantId: string; householdId: string; actorUserId: string | null },
): Promise<number> {
  const household = await findHousehold(trx, args.householdId);
  if (!household) return 0;
  const now = new Date();
  const active =
    household.anonymised_at === null && (ACTIVE_STATES as readonly string[]).includes(household.pipeline_state);
  await dismissOpenMoveInTasks(trx, {
    householdId: household.id,
    currentArrivalDate: household.arrival_date,
    all: !active,
    now,
  });
  if (!active || household.arrival_date === null) return 0;

  const settings = await readSettlementSettings(trx);
  // The household's own flag (a bofellesskap not registered as such) counts as shared housing too.
  const dwellingType: DwellingType | null = household.shared_housing
    ? 'shared_housing'
    : (household.dwelling_type as DwellingType | null);
  const specs = generateMoveInTasks({
    householdId: household.id,
    arrivalDate: household.arrival_date,
    template: settings.checklist,
    dwellingType,
    unitForRole: settings.unitForRole,
  });
  let created = 0;
  for (const spec of specs) {
    const row = await trx
      .insertInto('app.task')
      .values({
        tenant_id: args.tenantId,
        kind: spec.kind,
        title: spec.label ?? '',
        params: JSON.stringify({
          ...spec.params,
          reference: household.reference,
          ownerRole: spec.ownerRole,
          requiresInterpreter: spec.requiresInterpreter ? 1 : 0,
        }),
        subject_type: 'household',
        subject_id: household.id,
        due_on: spec.dueOn,
        assignee_unit_id: spec.assigneeUnitId ?? household.responsible_unit_id,
        dedupe_key: spec.dedupeKey,
        created_by: args.actorUserId,
      })
      .onConflict((oc) =>
        oc
          .columns(['tenant_id', 'dedupe_key'])
          // The arrival date moved back to a date whose tasks the system had dismissed: reopen them.
          .doUpdateSet({
            state: 'open',
            completed_at: null,
            completed_by: null,
            completion_note: '',
            notified_at: null,
            updated_at: now,
            version: sql<number>`app.task.version + 1`,
          })
          .where('app.task.state', '=', 'dismissed')
          .where('app.task.completed_by', 'is', null),
      )
      .returning('id')
      .executeTakeFirst();
    if (row) created += 1;
  }
  return created;
}
