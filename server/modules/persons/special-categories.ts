import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { updateSpecialCategoryRequest } from '../../../shared/api/persons';
import {
  specialCategoryPermission,
  type CreateSpecialCategoryRequest,
  type SpecialCategory,
  type SpecialCategoryDto,
} from '../../../shared/api/persons';
import { isCalendarDate, osloToday } from '../../../shared/domain/calendar-date';
import type { DB } from '../../db/schema';
import { withTenant } from '../../db/tenant';
import { appError, fromDatabaseError } from '../../http/errors';
import { actorCan, type Actor } from '../auth/actor';
import { recordAudit, type AuditContext } from '../audit/audit.usecases';
import * as present from './persons.presenters';
import * as repo from './persons.repository';
import { visiblePerson } from './persons.usecases';

// Special-category data (GDPR art. 9: health, functional needs, disability, universal-design
// need) in its own store and its own endpoints. A caller sees only the categories their role may
// read (health under read:health, the other three under read:functional_needs); the SQL filters
// by category, so a hidden category never leaves the database. Every read is audited with the
// categories shown; every write with the category written. Decision 011.

type Deps = { db: Kysely<DB>; clock: () => Date };
type UpdateSpecialCategoryRequest = z.infer<typeof updateSpecialCategoryRequest>;

function forbidden(): never {
  throw appError('auth.forbidden');
}

function requireWrite(actor: Actor, category: SpecialCategory): void {
  if (!actorCan(actor, `write:${specialCategoryPermission[category]}:any`)) forbidden();
}

function checkLegalBasis(input: { legalBasis: string | null; consentGivenOn: string | null }): void {
  if (input.legalBasis === null) {
    throw appError('special_category.legal_basis_required', {
      errors: [{ pointer: '/legalBasis', code: 'special_category.legal_basis_required' }],
    });
  }
  if (input.legalBasis === 'consent' && !input.consentGivenOn) {
    throw appError('special_category.consent_date_required', {
      errors: [{ pointer: '/consentGivenOn', code: 'special_category.consent_date_required' }],
    });
  }
}

export function listSpecialCategories(
  actor: Actor,
  { db, id, context }: Pick<Deps, 'db'> & { id: string; context: AuditContext },
): Promise<{ items: SpecialCategoryDto[]; readable: SpecialCategory[] }> {
  const { read } = present.specialCategoryAccess(actor);
  if (read.length === 0) forbidden();
  return withTenant(db, actor, async (trx) => {
    await visiblePerson(trx, actor, id);
    const rows = await repo.specialCategoriesOf(trx, id, read);
    await recordAudit(trx, context, {
      action: 'display',
      entity: 'special_category',
      subject: { type: 'person', id },
      fields: read,
    });
    return { items: rows.map(present.presentSpecialCategory), readable: read };
  });
}

export function createSpecialCategory(
  actor: Actor,
  { db, clock, id, input, context }: Deps & { id: string; input: CreateSpecialCategoryRequest; context: AuditContext },
): Promise<SpecialCategoryDto> {
  requireWrite(actor, input.category);
  return withTenant(db, actor, async (trx) => {
    const person = await visiblePerson(trx, actor, id, { lock: true });
    if (person.anonymised_at) throw appError('person.anonymised');
    const consentGivenOn = input.consentGivenOn ?? null;
    checkLegalBasis({ legalBasis: input.legalBasis, consentGivenOn });
    if (consentGivenOn && (!isCalendarDate(consentGivenOn) || consentGivenOn > osloToday(clock()))) {
      throw appError('request.invalid', { errors: [{ pointer: '/consentGivenOn', code: 'request.invalid' }] });
    }
    let recordId: string;
    try {
      recordId = await repo.insertSpecialCategory(trx, {
        tenant_id: actor.tenantId,
        person_id: id,
        category: input.category,
        details: input.details,
        legal_basis: input.legalBasis!,
        legal_basis_note: input.legalBasisNote ?? '',
        consent_given_on: consentGivenOn,
        recorded_by: actor.userId,
        recorded_at: clock(),
      });
    } catch (error) {
      throw fromDatabaseError(error) ?? error;
    }
    await recordAudit(trx, context, {
      action: 'create',
      entity: 'special_category',
      subject: { type: 'person', id },
      fields: [input.category],
    });
    return present.presentSpecialCategory((await repo.findSpecialCategory(trx, id, recordId))!);
  });
}

/**
 * Changes a record (If-Match). A withdrawal of consent (consentWithdrawnOn) deletes the record
 * and returns undefined (204); the withdrawal is audited.
 */
export function updateSpecialCategory(
  actor: Actor,
  {
    db,
    clock,
    id,
    recordId,
    version,
    input,
    context,
  }: Deps & {
    id: string;
    recordId: string;
    version: number;
    input: UpdateSpecialCategoryRequest;
    context: AuditContext;
  },
): Promise<SpecialCategoryDto | undefined> {
  if (present.specialCategoryAccess(actor).write.length === 0) forbidden();
  return withTenant(db, actor, async (trx) => {
    const person = await visiblePerson(trx, actor, id, { lock: true });
    const row = await repo.findSpecialCategory(trx, id, recordId, { lock: true });
    if (!row) throw appError('resource.not_found');
    requireWrite(actor, row.category as SpecialCategory);
    if (row.version !== version) throw appError('resource.version_conflict');
    if (person.anonymised_at) throw appError('person.anonymised');

    if (input.consentWithdrawnOn) {
      if (!isCalendarDate(input.consentWithdrawnOn) || input.consentWithdrawnOn > osloToday(clock())) {
        throw appError('request.invalid', { errors: [{ pointer: '/consentWithdrawnOn', code: 'request.invalid' }] });
      }
      await repo.deleteSpecialCategory(trx, recordId);
      await recordAudit(
        trx,
        { ...context, purposeRef: context.purposeRef ?? `consent withdrawn ${input.consentWithdrawnOn}` },
        {
          action: 'update',
          entity: 'special_category',
          subject: { type: 'person', id },
          fields: [row.category, 'consent_withdrawn'],
        },
      );
      return undefined;
    }

    const legalBasis = input.legalBasis === undefined ? row.legal_basis : input.legalBasis;
    const consentGivenOn = input.consentGivenOn === undefined ? row.consent_given_on : input.consentGivenOn;
    checkLegalBasis({ legalBasis, consentGivenOn });
    if (consentGivenOn && (!isCalendarDate(consentGivenOn) || consentGivenOn > osloToday(clock()))) {
      throw appError('request.invalid', { errors: [{ pointer: '/consentGivenOn', code: 'request.invalid' }] });
    }
    let updated: number | null;
    try {
      updated = await repo.updateSpecialCategory(
        trx,
        recordId,
        version,
        {
          ...(input.details !== undefined ? { details: input.details } : {}),
          legal_basis: legalBasis!,
          ...(input.legalBasisNote !== undefined ? { legal_basis_note: input.legalBasisNote } : {}),
          consent_given_on: consentGivenOn,
        },
        clock(),
      );
    } catch (error) {
      throw fromDatabaseError(error) ?? error;
    }
    if (updated === null) throw appError('resource.version_conflict');
    await recordAudit(trx, context, {
      action: 'update',
      entity: 'special_category',
      subject: { type: 'person', id },
      fields: [row.category],
    });
    return present.presentSpecialCategory((await repo.findSpecialCategory(trx, id, recordId))!);
  });
}

export function deleteSpecialCategory(
  actor: Actor,
  { db, id, recordId, context }: Pick<Deps, 'db'> & { id: string; recordId: string; context: AuditContext },
): Promise<void> {
  if (present.specialCategoryAccess(actor).write.length === 0) forbidden();
  return withTenant(db, actor, async (trx) => {
    await visiblePerson(trx, actor, id, { lock: true });
    const row = await repo.findSpecialCategory(trx, id, recordId, { lock: true });
    if (!row) throw appError('resource.not_found');
    requireWrite(actor, row.category as SpecialCategory);
    await repo.deleteSpecialCategory(trx, recordId);
    await recordAudit(trx, context, {
      action: 'update',
      entity: 'special_category',
      subject: { type: 'person', id },
      fields: [row.category, 'deleted'],
    });
  });
}
