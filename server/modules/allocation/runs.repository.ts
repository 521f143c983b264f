import { sql } from 'kysely';
import type { Tx } from '../../db/tenant';

// SQL of the matching runs (inside withTenant). A run is written once (SELECT, INSERT grants):
// the instance exactly as solved and the result with its explanations, so a later decision can
// be defended from what Husly recorded (issue 6, "Done when").

export async function insertRun(
  trx: Tx,
  values: {
    tenantId: string;
    criteriaVersion: number;
    plannedMoveIn: string;
    previousRunId: string | null;
    input: unknown;
    result: unknown;
    households: number;
    dwellings: number;
    objective: number;
    bound: number;
    millis: number;
    createdBy: string;
    createdAt: Date;
  },
): Promise<string> {
  const row = await trx
    .insertInto('app.allocation_run')
    .values({
      tenant_id: values.tenantId,
      criteria_version: values.criteriaVersion,
      planned_move_in: values.plannedMoveIn,
      previous_run_id: values.previousRunId,
      input: JSON.stringify(values.input),
      result: JSON.stringify(values.result),
      households: values.households,
      dwellings: values.dwellings,
      objective: values.objective,
      bound: values.bound,
      millis: values.millis,
      created_by: values.createdBy,
      created_at: values.createdAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function runExists(trx: Tx, id: string): Promise<boolean> {
  return (await trx.selectFrom('app.allocation_run').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
}

export function findRun(trx: Tx, id: string) {
  return trx
    .selectFrom('app.allocation_run as r')
    .leftJoin('app.staff_user as s', 's.id', 'r.created_by')
    .select([
      'r.id',
      'r.criteria_version',
      'r.planned_move_in',
      'r.previous_run_id',
      'r.input',
      'r.result',
      'r.created_at',
      's.display_name as created_by_name',
    ])
    .where('r.id', '=', id)
    .executeTakeFirst();
}

export type RunRow = NonNullable<Awaited<ReturnType<typeof findRun>>>;

/** The stored instance only (the "domain form" download). */
export function findRunInput(trx: Tx, id: string) {
  return trx.selectFrom('app.allocation_run').select(['id', 'input', 'created_at']).where('id', '=', id).executeTakeFirst();
}

/** Recent runs with their figures, newest first (the result's size is not read: counts in SQL). */
export function recentRuns(trx: Tx, limit: number) {
  return trx
    .selectFrom('app.allocation_run as r')
    .leftJoin('app.staff_user as s', 's.id', 'r.created_by')
    .select([
      'r.id',
      'r.created_at',
      's.display_name as created_by_name',
      'r.criteria_version',
      'r.planned_move_in',
      'r.previous_run_id',
      'r.households',
      'r.dwellings',
      sql<number>`jsonb_array_length(r.result -> 'proposals')`.as('proposals'),
      sql<unknown>`r.result -> 'quality'`.as('quality'),
    ])
    .orderBy('r.created_at', 'desc')
    .orderBy('r.id')
    .limit(limit)
    .execute();
}
