import type { Kysely } from 'kysely';
import type {
  CreateIncidentRequest,
  CreateLandlordRequest,
  IncidentKind,
  LandlordCategory,
  LandlordDto,
  LandlordListQuery,
  LandlordListResponse,
  ResolveIncidentRequest,
  UpdateLandlordRequest,
} from '../../../shared/api/landlords';
import { isCalendarDate } from '../../../shared/domain/calendar-date';
import { validateKontonummer, validateOrgnr } from '../../../shared/domain/orgnr';
import type { ErrorCode } from '../../../shared/errors';
import type { DB } from '../../db/schema';
import { withTenant, type Tx } from '../../db/tenant';
import { appError, type AppError } from '../../http/errors';
import { actorCan, requirePermission, type Actor } from '../auth/actor';
import { recordAudit, type AuditContext } from '../audit/audit.usecases';
import { osloToday } from '../../../shared/domain/calendar-date';
import { leasesOfLandlord } from '../leases/leases.usecases';
import * as repo from './landlords.repository';
import { activeStaffExists } from '../users/users.repository';

type Deps = { db: Kysely<DB>; clock: () => Date };

// The fields a display of a landlord's record shows; a person-landlord's display is audited.
const displayedFields = ['name', 'email', 'phone', 'address', 'kontonummer', 'preferences', 'guarantees', 'incidents'];

function fail(code: ErrorCode, pointer: string): AppError {
  return appError(code, { errors: [{ pointer, code }] });
}

/** Validates and normalises the identifying fields; returns the values to store. */
async function checkLandlord(
  trx: Tx,
  input: UpdateLandlordRequest,
  { partyKind, existingOrgnr, excludeId }: { partyKind: 'person' | 'company'; existingOrgnr: string | null; excludeId?: string },
): Promise<{ orgnr: string | null | undefined; kontonummer: string | null | undefined }> {
  let orgnr: string | null | undefined;
  if (input.orgnr !== undefined) {
    if (input.orgnr === null || input.orgnr.trim() === '') orgnr = null;
    else {
      const valid = validateOrgnr(input.orgnr);
      // Brønnøysund numbers begin with 8 or 9 (Enhetsregisteret).
      if (!valid.ok || !/^[89]/.test(valid.orgnr)) throw fail('landlord.orgnr_invalid', '/orgnr');
      orgnr = valid.orgnr;
    }
  }
  const resulting = orgnr === undefined ? existingOrgnr : orgnr;
  if (partyKind === 'company' && !resulting) throw fail('landlord.company_requires_orgnr', '/orgnr');
  if (orgnr && (await repo.orgnrTaken(trx, orgnr, excludeId))) throw fail('landlord.orgnr_taken', '/orgnr');

  let kontonummer: string | null | undefined;
  if (input.kontonummer !== undefined) {
    if (input.kontonummer === null || input.kontonummer.trim() === '') kontonummer = null;
    else {
      const valid = validateKontonummer(input.kontonummer);
      if (!valid.ok) throw fail('landlord.account_invalid', '/kontonummer');
      kontonummer = valid.kontonummer;
    }
  }
  if (input.contactUserId && !(await activeStaffExists(trx, input.contactUserId))) {
    throw fail('landlord.contact_invalid', '/contactUserId');
  }
  return { orgnr, kontonummer };
}

function values(input: UpdateLandlordRequest, checked: { orgnr: string | null | undefined; kontonummer: string | null | undefined }) {
  const v: repo.LandlordValues = {};
  if (input.partyKind !== undefined) v.party_kind = input.partyKind;
  if (input.category !== undefined) v.category = input.category;
  if (input.name !== undefined) v.name = input.name;
  if (checked.orgnr !== undefined) v.orgnr = checked.orgnr;
  if (input.email !== undefined) v.email = input.email;
  if (input.phone !== undefined) v.phone = input.phone;
  if (input.address !== undefined) v.address = input.address;
  if (checked.kontonummer !== undefined) v.kontonummer = checked.kontonummer;
  if (input.contactUserId !== undefined) v.contact_user_id = input.contactUserId;
  if (input.wantsConsultationBeforeReletting !== undefined) v.wants_consultation_before_reletting = input.wantsConsultationBeforeReletting;
  if (input.prefersLongTerm !== undefined) v.prefers_long_term = input.prefersLongTerm;
  if (input.refusesMunicipalGuarantee !== undefined) v.refuses_municipal_guarantee = input.refusesMunicipalGuarantee;
  if (input.preferenceNotes !== undefined) v.preference_notes = input.preferenceNotes;
  if (input.depositGuarantee !== undefined) v.deposit_guarantee = input.depositGuarantee;
  if (input.rentGuarantee !== undefined) v.rent_guarantee = input.rentGuarantee;
  if (input.rentPaidInAdvance !== undefined) v.rent_paid_in_advance = input.rentPaidInAdvance;
  if (input.notes !== undefined) v.notes = input.notes;
  return v;
}

export function listLandlords(actor: Actor, { db, clock, query }: Deps & { query: LandlordListQuery }): Promise<LandlordListResponse> {
  requirePermission(actor, 'read:landlord:any');
  return withTenant(db, actor, async (trx) => {
    const { total, rows } = await repo.listLandlords(trx, query, osloToday(clock()));
    return {
      items: rows.map((r) => ({
        id: r.id,
        partyKind: r.party_kind,
        category: r.category as LandlordCategory,
        name: r.name,
        orgnr: r.orgnr,
        contactUser: r.contact_user_id && r.contact_name ? { id: r.contact_user_id, name: r.contact_name } : null,
        activeLeases: r.active_leases,
        openIncidents: r.open_incidents,
      })),
      total,
      page: query.page ?? 1,
      pageSize: query.pageSize ?? 50,
      actions: { create: actorCan(actor, 'write:landlord:any') },
    };
  });
}

async function present(trx: Tx, actor: Actor, row: repo.LandlordRow, today: string): Promise<LandlordDto> {
  const write = actorCan(actor, 'write:landlord:any');
  const incidents = await repo.incidentsOf(trx, row.id);
  const leases = actorCan(actor, 'read:lease:any') ? await leasesOfLandlord(trx, actor, { landlordId: row.id, today }) : [];
  return {
    id: row.id,
    partyKind: row.party_kind,
    category: row.category as LandlordCategory,
    name: row.name,
    orgnr: row.orgnr,
    email: row.email,
    phone: row.phone,
    address: row.address,
    kontonummer: row.kontonummer,
    contactUser: row.contact_user_id && row.contact_name ? { id: row.contact_user_id, name: row.contact_name } : null,
    wantsConsultationBeforeReletting: row.wants_consultation_before_reletting,
    prefersLongTerm: row.prefers_long_term,
    refusesMunicipalGuarantee: row.refuses_municipal_guarantee,
    preferenceNotes: row.preference_notes,
    depositGuarantee: row.deposit_guarantee,
    rentGuarantee: row.rent_guarantee,
    rentPaidInAdvance: row.rent_paid_in_advance,
    notes: row.notes,
    incidents: incidents.map((i) => ({
      id: i.id,
      dwellingId: i.dwelling_id,
      occurredOn: i.occurred_on,
      kind: i.kind as IncidentKind,
      description: i.description,
      resolvedOn: i.resolved_on,
      createdBy: i.created_by_name,
    })),
    leases,
    version: row.version,
    createdAt: row.created_at.toISOString(),
    actions: { update: write, addIncident: write },
  };
}

/** A person-landlord's record is personal data: every display is audited (fail-closed). */
async function auditDisplay(trx: Tx, context: AuditContext, row: repo.LandlordRow, action: 'display' | 'create' | 'update') {
  if (row.party_kind !== 'person' && action === 'display') return;
  await recordAudit(trx, context, {
    action,
    entity: 'landlord',
    subject: { type: 'landlord', id: row.id },
    fields: action === 'display' ? displayedFields : [],
  });
}

export function getLandlord(actor: Actor, { db, clock, id, context }: Deps & { id: string; context: AuditContext }) {
  requirePermission(actor, 'read:landlord:any');
  return withTenant(db, actor, async (trx) => {
    const row = await repo.findLandlord(trx, id);
    if (!row) throw appError('resource.not_found');
    await auditDisplay(trx, context, row, 'display');
    return present(trx, actor, row, osloToday(clock()));
  });
}

export function createLandlord(
  actor: Actor,
  { db, clock, input, context }: Deps & { input: CreateLandlordRequest; context: AuditContext },
) {
  requirePermission(actor, 'write:landlord:any');
  return withTenant(db, actor, async (trx) => {
    const checked = await checkLandlord(trx, input, { partyKind: input.partyKind, existingOrgnr: null });
    const { id } = await repo.insertLandlord(trx, {
      ...values(input, checked),
      tenant_id: actor.tenantId,
      party_kind: input.partyKind,
      name: input.name,
    });
    const row = (await repo.findLandlord(trx, id))!;
    await auditDisplay(trx, context, row, 'create');
    return present(trx, actor, row, osloToday(clock()));
  });
}

export function updateLandlord(
  actor: Actor,
  { db, clock, id, version, input, context }: Deps & { id: string; version: number; input: UpdateLandlordRequest; context: AuditContext },
) {
  requirePermission(actor, 'write:landlord:any');
  return withTenant(db, actor, async (trx) => {
    const existing = await repo.findLandlord(trx, id);
    if (!existing) throw appError('resource.not_found');
    if (existing.version !== version) throw appError('resource.version_conflict');
    const checked = await checkLandlord(trx, input, {
      partyKind: input.partyKind ?? existing.party_kind,
      existingOrgnr: existing.orgnr,
      excludeId: id,
    });
    const updated = await repo.updateLandlord(trx, id, version, values(input, checked), clock());
    if (updated === null) throw appError('resource.version_conflict');
    const row = (await repo.findLandlord(trx, id))!;
    await auditDisplay(trx, context, row, 'update');
    return present(trx, actor, row, osloToday(clock()));
  });
}

export function addIncident(actor: Actor, { db, clock, id, input }: Deps & { id: string; input: CreateIncidentRequest }) {
  requirePermission(actor, 'write:landlord:any');
  return withTenant(db, actor, async (trx) => {
    if (!(await repo.findLandlord(trx, id))) throw appError('resource.not_found');
    if (!isCalendarDate(input.occurredOn) || input.occurredOn > osloToday(clock())) throw fail('request.invalid', '/occurredOn');
    if (input.dwellingId && !(await repo.dwellingExists(trx, input.dwellingId))) throw fail('request.invalid', '/dwellingId');
    const incidentId = await repo.insertIncident(trx, {
      tenant_id: actor.tenantId,
      landlord_id: id,
      dwelling_id: input.dwellingId ?? null,
      occurred_on: input.occurredOn,
      kind: input.kind,
      description: input.description,
      created_by: actor.userId,
    });
    return { id: incidentId };
  });
}

export function resolveIncident(
  actor: Actor,
  { db, id, incidentId, input }: { db: Kysely<DB>; id: string; incidentId: string; input: ResolveIncidentRequest },
) {
  requirePermission(actor, 'write:landlord:any');
  return withTenant(db, actor, async (trx) => {
    const incident = await repo.findIncident(trx, { landlordId: id, incidentId });
    if (!incident) throw appError('resource.not_found');
    if (input.resolvedOn !== null && (!isCalendarDate(input.resolvedOn) || input.resolvedOn < incident.occurred_on)) {
      throw fail('request.invalid', '/resolvedOn');
    }
    await repo.resolveIncident(trx, incidentId, input.resolvedOn);
    return { id: incidentId };
  });
}

/** Active staff who can be a landlord's fixed contact person (names only). */
export function contactCandidates(actor: Actor, { db }: { db: Kysely<DB> }) {
  requirePermission(actor, 'read:landlord:any');
  return withTenant(db, actor, async (trx) => ({
    items: (await repo.activeStaff(trx)).map((s) => ({ id: s.id, name: s.display_name })),
  }));
}
