import type { Kysely } from 'kysely';
import {
  normaliseLeadTimes,
  type HousingSettingsDto,
  type UpdateHousingSettingsRequest,
} from '../../../shared/api/housing-settings';
import type { DB } from '../../db/schema';
import { withTenant, type Tx } from '../../db/tenant';
import { appError } from '../../http/errors';
import { actorCan, requirePermission, type Actor } from '../auth/actor';
import type { Clock } from '../auth/auth.usecases';
import * as repo from './housing-settings.repository';

export type HousingSettings = repo.HousingSettingsRow;

/** For other modules (scheduler, leases, letters): the settings of the tenant of `trx`. */
export function readHousingSettings(trx: Tx, tenantId: string): Promise<HousingSettings> {
  return repo.getOrCreateSettings(trx, tenantId);
}

function present(row: repo.HousingSettingsRow, actor: Actor): HousingSettingsDto {
  return {
    internalRentAfterMonths: row.internal_rent_after_months,
    leadMonthsLease: row.lead_months_lease,
    leadMonthsHeadLease: row.lead_months_head_lease,
    allowMultiplePrimaryLeases: row.allow_multiple_primary_leases,
    letterSender: row.letter_sender,
    letterAddress: row.letter_address,
    letterPhone: row.letter_phone,
    letterEmail: row.letter_email,
    version: row.version,
    updatedAt: row.updated_at.toISOString(),
    actions: { update: actorCan(actor, 'write:housing_settings:any') },
  };
}

export function getHousingSettings(actor: Actor, { db }: { db: Kysely<DB> }): Promise<HousingSettingsDto> {
  requirePermission(actor, 'read:housing_settings:any');
  return withTenant(db, actor, async (trx) => present(await repo.getOrCreateSettings(trx, actor.tenantId), actor));
}

function leadTimes(values: number[] | undefined, pointer: string): number[] | undefined {
  if (values === undefined) return undefined;
  const normalised = normaliseLeadTimes(values);
  if (!normalised)
    throw appError('settings.lead_times_invalid', { errors: [{ pointer, code: 'settings.lead_times_invalid' }] });
  return normalised;
}

export function updateHousingSettings(
  actor: Actor,
  { db, clock, version, input }: { db: Kysely<DB>; clock: Clock; version: number; input: UpdateHousingSettingsRequest },
): Promise<HousingSettingsDto> {
  requirePermission(actor, 'write:housing_settings:any');
  const lease = leadTimes(input.leadMonthsLease, '/leadMonthsLease');
  const headLease = leadTimes(input.leadMonthsHeadLease, '/leadMonthsHeadLease');
  const changes = {
    ...(input.internalRentAfterMonths !== undefined
      ? { internal_rent_after_months: input.internalRentAfterMonths }
      : {}),
    ...(lease !== undefined ? { lead_months_lease: lease } : {}),
    ...(headLease !== undefined ? { lead_months_head_lease: headLease } : {}),
    ...(input.allowMultiplePrimaryLeases !== undefined
      ? { allow_multiple_primary_leases: input.allowMultiplePrimaryLeases }
      : {}),
    ...(input.letterSender !== undefined ? { letter_sender: input.letterSender } : {}),
    ...(input.letterAddress !== undefined ? { letter_address: input.letterAddress } : {}),
    ...(input.letterPhone !== undefined ? { letter_phone: input.letterPhone } : {}),
    ...(input.letterEmail !== undefined ? { letter_email: input.letterEmail } : {}),
  };
  return withTenant(db, actor, async (trx) => {
    await repo.getOrCreateSettings(trx, actor.tenantId);
    if (!(await repo.updateSettings(trx, { version, changes, now: clock() })))
      throw appError('resource.version_conflict');
    return present(await repo.getOrCreateSettings(trx, actor.tenantId), actor);
  });
}
