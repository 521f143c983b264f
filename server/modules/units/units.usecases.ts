import type { Kysely } from 'kysely';
import type { CreateUnitRequest, UnitDto, UpdateUnitRequest } from '../../../shared/api/units';
import type { DB } from '../../db/schema';
import { withTenant } from '../../db/tenant';
import { appError } from '../../http/errors';
import { requirePermission, type Actor } from '../auth/actor';
import type { Clock } from '../auth/auth.usecases';
import { unitPolicies } from './units.policies';
import { presentUnit } from './units.presenters';
import * as repo from './units.repository';

export function listUnits(
  actor: Actor,
  { db }: { db: Kysely<DB> },
): Promise<{ items: UnitDto[]; actions: { create: boolean } }> {
  requirePermission(actor, 'read:unit:any');
  const policies = unitPolicies(actor);
  return withTenant(db, actor, async (trx) => ({
    items: (await repo.listUnits(trx)).map((row) => presentUnit(row, policies)),
    actions: { create: policies.create },
  }));
}

export function createUnit(actor: Actor, { db, input }: { db: Kysely<DB>; input: CreateUnitRequest }): Promise<UnitDto> {
  if (!unitPolicies(actor).create) throw appError('auth.forbidden');
  return withTenant(db, actor, async (trx) => {
    const id = await repo.insertUnit(trx, {
      tenantId: actor.tenantId,
      name: input.name,
      kind: input.kind,
      parentId: input.parentId ?? null,
    });
    return presentUnit((await repo.findUnit(trx, id))!, unitPolicies(actor));
  });
}

export function updateUnit(
  actor: Actor,
  { db, clock, id, version, input }: { db: Kysely<DB>; clock: Clock; id: string; version: number; input: UpdateUnitRequest },
): Promise<UnitDto> {
  if (!unitPolicies(actor).update) throw appError('auth.forbidden');
  return withTenant(db, actor, async (trx) => {
    const changes = {
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.kind !== undefined ? { kind: input.kind } : {}),
      ...(input.parentId !== undefined ? { parent_id: input.parentId } : {}),
    };
    const updated = await repo.updateUnit(trx, id, version, changes, clock());
    if (!updated) {
      // Tell "gone" (or another tenant's) apart from "changed by someone else".
      if (!(await repo.findUnit(trx, id))) throw appError('resource.not_found');
      throw appError('resource.version_conflict');
    }
    return presentUnit((await repo.findUnit(trx, id))!, unitPolicies(actor));
  });
}
