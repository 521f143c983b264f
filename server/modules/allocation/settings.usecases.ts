import type { Kysely } from 'kysely';
import type { AllocationSettingsDto, UpdateAllocationSettingsRequest } from '../../../shared/api/allocation';
import { DEFAULT_OFFER_ANSWER_DAYS, DEFAULT_REFUSAL_REASONS } from '../../../shared/domain/allocation-criteria';
import type { FieldProblem } from '../../../shared/errors';
import type { DB } from '../../db/schema';
import { withTenant, type Tx } from '../../db/tenant';
import { appError } from '../../http/errors';
import { requirePermission, type Actor } from '../auth/actor';
import { recordAudit, type AuditContext } from '../audit/audit.usecases';
import { findLetterSender } from '../letters/letters.repository';
import { senderName } from '../letters/letters.rules';
import { presentSettings } from './settings.presenters';
import * as repo from './settings.repository';

// The municipality's allocation settings (issue 6 items 5–6): the refusal reasons (R5.6,
// configurable), the days a household has to answer an offer, and where an appeal goes
// (forvaltningsloven § 27: the decision letter names the office and the body that handles it).
// Defaults on first use: Husly's refusal reasons, 7 days, the housing office that sends letters.

/** Appeals go to the office that decided (fvl. § 32), by default the letters' sender. */
async function defaults(trx: Tx, tenantId: string) {
  const sender = await findLetterSender(trx, tenantId);
  return {
    refusalReasons: DEFAULT_REFUSAL_REASONS.map((r) => ({ ...r })),
    offerAnswerDays: DEFAULT_OFFER_ANSWER_DAYS,
    appealOffice: senderName(sender).slice(0, 200),
    appealAddress: sender.address.slice(0, 300),
    appealBody: '',
  };
}

/** The settings row of the municipality of `trx`, created with the defaults on first use. */
export function ensureAllocationSettings(trx: Tx, tenantId: string): Promise<repo.AllocationSettingsRow> {
  return repo.getOrCreateSettings(trx, tenantId, () => defaults(trx, tenantId));
}

export function getAllocationSettings(actor: Actor, { db }: { db: Kysely<DB> }): Promise<AllocationSettingsDto> {
  requirePermission(actor, 'read:allocation:any');
  return withTenant(db, actor, async (trx) => presentSettings(actor, await ensureAllocationSettings(trx, actor.tenantId)));
}

export function updateAllocationSettings(
  actor: Actor,
  {
    db,
    clock,
    version,
    input,
    context,
  }: { db: Kysely<DB>; clock: () => Date; version: number; input: UpdateAllocationSettingsRequest; context: AuditContext },
): Promise<AllocationSettingsDto> {
  requirePermission(actor, 'write:allocation:any');
  if (input.refusalReasons) {
    // A refusal records the reason's code (allocation_offer.refusal_reason): codes must be unique.
    const seen = new Set<string>();
    const problems: FieldProblem[] = [];
    input.refusalReasons.forEach((r, i) => {
      if (seen.has(r.code)) problems.push({ pointer: `/refusalReasons/${i}/code`, code: 'request.invalid' });
      seen.add(r.code);
    });
    if (problems.length > 0) throw appError('request.invalid', { errors: problems });
  }
  return withTenant(db, actor, async (trx) => {
    await ensureAllocationSettings(trx, actor.tenantId);
    const changes: repo.AllocationSettingsChanges = {
      ...(input.refusalReasons !== undefined && { refusal_reasons: JSON.stringify(input.refusalReasons) }),
      ...(input.offerAnswerDays !== undefined && { offer_answer_days: input.offerAnswerDays }),
      ...(input.appealOffice !== undefined && { appeal_office: input.appealOffice }),
      ...(input.appealAddress !== undefined && { appeal_address: input.appealAddress }),
      ...(input.appealBody !== undefined && { appeal_body: input.appealBody }),
    };
    if (!(await repo.updateSettings(trx, { version, changes, now: clock() }))) throw appError('resource.version_conflict');
    await recordAudit(trx, context, { action: 'update', entity: 'allocation_settings', fields: Object.keys(changes) });
    return presentSettings(actor, (await repo.findSettings(trx))!);
  });
}
