import type { Kysely } from 'kysely';
import type { CriteriaResponse, CriteriaVersionDto, SaveCriteriaRequest } from '../../../shared/api/allocation';
import {
  DEFAULT_ALLOCATION_CRITERIA,
  softCriterionCodes,
  type AllocationCriteria,
} from '../../../shared/domain/allocation-criteria';
import type { FieldProblem } from '../../../shared/errors';
import type { DB } from '../../db/schema';
import { withTenant, type Tx } from '../../db/tenant';
import { appError } from '../../http/errors';
import { requirePermission, type Actor } from '../auth/actor';
import { recordAudit, type AuditContext } from '../audit/audit.usecases';
import { parseStoredCriteria, presentCriteria, presentVersion } from './criteria.presenters';
import * as repo from './criteria.repository';

// Allocation criteria, per municipality and versioned (issue 6 item 1; requirements §4.1–4.5,
// R5.2): a save is a new version (max + 1) based on the one the edit started from; past versions
// are never changed (the table has no UPDATE grant), so a run, an offer or a decision keeps the
// version it applied. A municipality without a version gets version 1 = Husly's defaults on
// first need.

export const DEFAULT_CRITERIA_NOTE = 'Husly standard';

/**
 * The current version and its criteria, creating version 1 (the defaults) when the municipality
 * has none (ON CONFLICT: two first uses at once are harmless). For runs, offers and decisions.
 */
export async function currentCriteria(trx: Tx, tenantId: string): Promise<{ version: number; criteria: AllocationCriteria }> {
  const row = await ensureCurrent(trx, tenantId);
  return { version: row.version, criteria: parseStoredCriteria(row.criteria) };
}

async function ensureCurrent(trx: Tx, tenantId: string): Promise<repo.CriteriaVersionRow> {
  const latest = await repo.latestVersion(trx);
  if (latest) return latest;
  await repo.insertVersion(trx, {
    tenantId,
    version: 1,
    criteria: DEFAULT_ALLOCATION_CRITERIA,
    note: DEFAULT_CRITERIA_NOTE,
    createdBy: null,
    createdAt: new Date(),
  });
  return (await repo.latestVersion(trx))!;
}

/**
 * Cross-field checks the schema cannot express; pointers into the request (/criteria/...).
 * - proximity: full points must start before no points (goodMinutes < maxMinutes), or the linear
 *   fit in between is undefined;
 * - at least one soft criterion weighs something, else every eligible pair scores the same and
 *   the choice among them is arbitrary (R5.2: explicit criteria);
 * - the base score exceeds the most the soft criteria can add together, so the matcher houses as
 *   many households as it can before it looks at fit (allocation-criteria.ts header, decision 014);
 * - earmarkings listed once.
 */
export function criteriaProblems(criteria: AllocationCriteria): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const code = 'allocation.criteria_invalid' as const;
  if (criteria.proximity.goodMinutes >= criteria.proximity.maxMinutes) {
    problems.push({ pointer: '/criteria/proximity/goodMinutes', code });
  }
  const weights = softCriterionCodes.map((c) => criteria.weights[c]);
  if (!weights.some((w) => w > 0)) problems.push({ pointer: '/criteria/weights', code });
  const softMax = weights.reduce((sum, w) => sum + w, 0) * criteria.pointsPerWeight;
  if (criteria.baseScore <= softMax) problems.push({ pointer: '/criteria/baseScore', code });
  if (new Set(criteria.earmarkingsForSettlement).size !== criteria.earmarkingsForSettlement.length) {
    problems.push({ pointer: '/criteria/earmarkingsForSettlement', code });
  }
  return problems;
}

export function getCriteria(actor: Actor, { db }: { db: Kysely<DB> }): Promise<CriteriaResponse> {
  requirePermission(actor, 'read:allocation:any');
  return withTenant(db, actor, async (trx) => {
    const current = await ensureCurrent(trx, actor.tenantId);
    return presentCriteria(actor, current, await repo.listVersions(trx));
  });
}

export function getCriteriaVersion(actor: Actor, { db, version }: { db: Kysely<DB>; version: number }): Promise<CriteriaVersionDto> {
  requirePermission(actor, 'read:allocation:any');
  return withTenant(db, actor, async (trx) => {
    await ensureCurrent(trx, actor.tenantId);
    const row = await repo.findVersion(trx, version);
    if (!row) throw appError('resource.not_found');
    return presentVersion(row);
  });
}

export function saveCriteria(
  actor: Actor,
  { db, clock, input, context }: { db: Kysely<DB>; clock: () => Date; input: SaveCriteriaRequest; context: AuditContext },
): Promise<CriteriaVersionDto> {
  requirePermission(actor, 'write:allocation:any');
  const problems = criteriaProblems(input.criteria);
  if (problems.length > 0) throw appError('allocation.criteria_invalid', { errors: problems });
  return withTenant(db, actor, async (trx) => {
    const current = await ensureCurrent(trx, actor.tenantId);
    if (input.basedOn !== current.version) {
      throw appError('allocation.criteria_outdated', { errors: [{ pointer: '/basedOn', code: 'allocation.criteria_outdated' }] });
    }
    const version = current.version + 1;
    const inserted = await repo.insertVersion(trx, {
      tenantId: actor.tenantId,
      version,
      criteria: input.criteria,
      note: input.note,
      createdBy: actor.userId,
      createdAt: clock(),
    });
    // Someone saved the same next version in between: their edit wins, this one is outdated.
    if (!inserted) throw appError('allocation.criteria_outdated', { errors: [{ pointer: '/basedOn', code: 'allocation.criteria_outdated' }] });
    await recordAudit(trx, context, { action: 'create', entity: 'allocation_criteria', fields: ['criteria', 'note'] });
    return presentVersion((await repo.findVersion(trx, version))!);
  });
}
