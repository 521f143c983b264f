import { randomBytes } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import type {
  CreateInspectionRequest,
  CreateLeaseInput,
  CreateNeedsAssessmentRequest,
  DwellingLeasesResponse,
  LeaseDto,
  LeaseListQuery,
  LeaseListResponse,
  LeaseSummaryDto,
  RenewLeaseRequest,
  TerminateLeaseRequest,
  TermWarningDto,
  UpdateLeaseRequest,
} from '../../../shared/api/leases';
import { isCalendarDate } from '../../../shared/domain/calendar-date';
import {
  canRenew,
  termWarnings,
  validateDeposit,
  validateRent,
  validateSublease,
  type Period,
} from '../../../shared/domain/lease-rules';
import type { ErrorCode } from '../../../shared/errors';
import type { DB } from '../../db/schema';
import { withTenant, type Tx } from '../../db/tenant';
import { appError, fromDatabaseError, type AppError } from '../../http/errors';
import { actorCan, requirePermission, type Actor } from '../auth/actor';
import { recordAudit, type AuditContext } from '../audit/audit.usecases';
import { setDwellingStatus } from '../dwellings/dwelling-status';
import * as repo from './leases.repository';
import { insertPerson } from '../persons/persons.write';
import { osloToday } from '../../../shared/domain/calendar-date';
import { activeStaffExists } from '../users/users.repository';
import { unitExists } from '../units/units.repository';

function fail(code: ErrorCode, pointer?: string, extra: { conflict?: { id: string; reference: string } } = {}): AppError {
  return appError(code, { ...(pointer ? { errors: [{ pointer, code }] } : {}), ...extra });
}

function effectiveEnd(row: { terminated_on: string | null; end_date: string | null }): string | null {
  return row.terminated_on ?? row.end_date;
}

/**
 * Runs one statement under a savepoint so that a constraint violation leaves the caller's
 * transaction usable (the import runs many rows in one transaction), and turns the violation of
 * `lease_no_overlap` into 409 lease.overlap naming the lease it collides with.
 */
async function guarded<T>(
  trx: Tx,
  statement: () => Promise<T>,
  overlap: { dwellingId: string; layer: 'head' | 'occupancy'; start: string; end: string | null; excludeId?: string },
): Promise<T> {
  await sql`savepoint lease_write`.execute(trx);
  try {
    const result = await statement();
    await sql`release savepoint lease_write`.execute(trx);
    return result;
  } catch (error) {
    await sql`rollback to savepoint lease_write`.execute(trx);
    const pg = error as { code?: unknown; constraint?: unknown };
    if (pg.code === '23P01' && pg.constraint === 'lease_no_overlap') {
      // The statement waited for the other transaction and saw it commit: it is visible now.
      const conflict = await repo.findOverlappingLease(trx, overlap);
      throw appError('lease.overlap', {
        errors: [{ pointer: '/startDate', code: 'lease.overlap' }],
        ...(conflict ? { conflict, detail: `Overlapper kontrakt ${conflict.reference}` } : {}),
      });
    }
    throw fromDatabaseError(error) ?? error;
  }
}

function newReference(kind: 'head' | 'sub' | 'direct', start: string): string {
  const prefix = kind === 'head' ? 'INN' : kind === 'sub' ? 'FRE' : 'UTL';
  return `${prefix}-${start.slice(0, 4)}-${randomBytes(4).toString('hex').toUpperCase()}`;
}

export type InsertLeaseContext = {
  tenantId: string;
  userId: string | null;
  /** Today in Europe/Oslo ('YYYY-MM-DD'). */
  today: string;
  source: 'user' | 'import';
  /** Synthetic (test) identity numbers are accepted outside production only. */
  allowSyntheticIdentity?: boolean;
};

function periodWarnings(input: {
  kind: 'head' | 'sub' | 'direct';
  start: string;
  end: string | null;
  basis: 'hl_9_3' | 'hl_11_1' | 'open_ended';
  pointer: string;
}): TermWarningDto[] {
  // § 11-1 covers the public sector letting to the disadvantaged: the municipality is the
  // landlord of subleases and direct leases, and the tenant (not the landlord) of a head lease.
  const result = termWarnings({
    start: input.start,
    end: input.end,
    basis: input.basis,
    municipalLandlord: input.kind !== 'head',
  });
  if (!result.ok) throw fail(result.code, input.pointer);
  return result.warnings;
}

function checkRentAndDeposit({
  rentOre,
  depositOre,
  freeOfChargeReason,
}: {
  rentOre: number;
  depositOre: number;
  freeOfChargeReason: string | undefined;
}): void {
  const rent = validateRent({ monthlyRentOre: rentOre, freeOfCharge: freeOfChargeReason ? { reason: freeOfChargeReason } : undefined });
  if (!rent.ok) throw fail(rent.code, rent.reason === 'zero_without_reason' ? '/freeOfChargeReason' : '/rentOre');
  const deposit = validateDeposit({ depositOre, monthlyRentOre: rentOre });
  if (!deposit.ok) throw fail(deposit.code, '/depositOre');
}

async function checkStaffAndUnit(
  trx: Tx,
  { signedByUserId, responsibleUnitId }: { signedByUserId?: string | null; responsibleUnitId?: string | null },
): Promise<void> {
  if (signedByUserId && !(await activeStaffExists(trx, signedByUserId))) throw fail('request.invalid', '/signedByUserId');
  if (responsibleUnitId && !(await unitExists(trx, responsibleUnitId))) throw fail('request.invalid', '/responsibleUnitId');
}

async function resolveTenant(
  trx: Tx,
  ctx: InsertLeaseContext,
  input: CreateLeaseInput,
): Promise<{ personId: string; created: boolean }> {
  if (input.tenantPersonId && input.tenant) throw fail('request.invalid', '/tenant');
  if (input.tenantPersonId) {
    // The lock serialises concurrent leases for one person (the one-primary-lease rule below).
    if (!(await repo.lockPerson(trx, input.tenantPersonId))) throw fail('lease.tenant_required', '/tenantPersonId');
    return { personId: input.tenantPersonId, created: false };
  }
  if (!input.tenant) throw fail('lease.tenant_required', '/tenantPersonId');
  const { fullName, birthDate, identityNumber } = input.tenant;
  // One way to register a person (persons.write.ts): the same name, birth-date and identity rules
  // and the same 409 with a link to the person already registered.
  const environment =
    ctx.allowSyntheticIdentity === false || (ctx.allowSyntheticIdentity === undefined && process.env.NODE_ENV === 'production')
      ? 'production'
      : 'development';
  const { id: personId } = await insertPerson(trx, {
    tenantId: ctx.tenantId,
    actorUserId: ctx.userId,
    input: {
      fullName,
      birthDate: birthDate ? { date: birthDate, precision: 'exact' } : null,
      identityNumber: identityNumber?.trim() ? identityNumber : null,
    },
    environment,
    today: ctx.today,
    pointer: '/tenant',
  });
  return { personId, created: true };
}

/**
 * Registers a lease after every rule (also used row by row by the import, in its transaction).
 * Refusals throw AppError with a stable code; nothing is left written (a savepoint covers the
 * insert). Term warnings (§ 9-3, § 11-1) do not block and are returned.
 */
export async function insertLease(
  trx: Transaction<DB>,
  ctx: InsertLeaseContext,
  input: CreateLeaseInput,
): Promise<{ id: string; reference: string; version: number; warnings: TermWarningDto[] }> {
  const dwelling = await repo.findDwelling(trx, input.dwellingId);
  if (!dwelling) throw fail('resource.not_found', '/dwellingId');
  if (dwelling.status === 'disposed') throw fail('dwelling.not_lettable', '/dwellingId');

  const start = input.startDate;
  const end = input.endDate;
  const warnings = periodWarnings({ kind: input.kind, start, end, basis: input.legalBasis, pointer: '/endDate' });
  const depositOre = input.depositOre ?? 0;
  checkRentAndDeposit({ rentOre: input.rentOre, depositOre, freeOfChargeReason: input.freeOfChargeReason });
  await checkStaffAndUnit(trx, input);
  if (input.signedOn && !isCalendarDate(input.signedOn)) throw fail('request.invalid', '/signedOn');

  let headLeaseId: string | null = null;
  let landlordId: string | null = null;
  let personId: string | null = null;
  if (input.kind === 'head') {
    if (input.headLeaseId) throw fail('request.invalid', '/headLeaseId');
    if (input.tenantPersonId || input.tenant) throw fail('request.invalid', '/tenantPersonId');
    if (!input.landlordId || !(await repo.landlordExists(trx, input.landlordId))) {
      throw fail('lease.landlord_required', '/landlordId');
    }
    landlordId = input.landlordId;
  } else {
    if (input.landlordId) throw fail('request.invalid', '/landlordId');
    if (input.kind === 'direct') {
      if (input.headLeaseId) throw fail('request.invalid', '/headLeaseId');
      // A dwelling the municipality rents from a private landlord can only be sublet (R4.14).
      if (dwelling.disposal_form === 'private_sublet') throw fail('lease.head_lease_required', '/headLeaseId');
    } else {
      if (!input.headLeaseId) throw fail('lease.head_lease_required', '/headLeaseId');
      // Locked: a head lease cannot be ended under a sublease being registered.
      const head = await repo.findLease(trx, input.headLeaseId, { lock: true });
      if (!head || head.kind !== 'head' || head.dwelling_id !== dwelling.id || !['active', 'notice_given'].includes(head.state)) {
        throw fail('lease.head_lease_invalid', '/headLeaseId');
      }
      const inside = validateSublease({ sublease: { start, end }, headLease: { start: head.start_date, end: effectiveEnd(head) } });
      if (!inside.ok) throw fail(inside.code, inside.code === 'lease.sublease_before_head_lease' ? '/startDate' : '/endDate');
      headLeaseId = head.id;
    }
    const tenant = await resolveTenant(trx, ctx, input);
    personId = tenant.personId;
    if (!tenant.created && !(await repo.allowMultiplePrimaryLeases(trx))) {
      const other = await repo.findOverlappingPrimaryLease(trx, { personId, start, end });
      if (other) throw fail('lease.tenant_has_active_lease', '/tenantPersonId', { conflict: other });
    }
  }

  const reference = input.reference ?? newReference(input.kind, start);
  const notes = [input.notes ?? '', input.rentOre === 0 && input.freeOfChargeReason ? `Vederlagsfritt: ${input.freeOfChargeReason}` : '']
    .filter(Boolean)
    .join('\n');
  const layer = input.kind === 'head' ? 'head' : 'occupancy';
  const inserted = await guarded(
    trx,
    () =>
      repo.insertLease(trx, {
        tenant_id: ctx.tenantId,
        reference,
        kind: input.kind,
        dwelling_id: dwelling.id,
        head_lease_id: headLeaseId,
        landlord_id: landlordId,
        tenant_person_id: personId,
        responsible_unit_id: input.responsibleUnitId ?? null,
        start_date: start,
        end_date: end,
        legal_basis: input.legalBasis,
        rent_ore: input.rentOre,
        deposit_ore: depositOre,
        security_kind: input.securityKind ?? (depositOre > 0 ? 'deposit' : 'none'),
        rent_paid_in_advance: input.rentPaidInAdvance ?? false,
        signed_by_user_id: input.signedByUserId ?? null,
        signed_on: input.signedOn ?? null,
        maintenance_duties: input.maintenanceDuties ?? '',
        notes: notes.slice(0, 4000),
      }),
    { dwellingId: dwelling.id, layer, start, end },
  );

  // The dwelling follows its lease to a household: let from the start when it has begun,
  // reserved until then. (Daily transitions are the scheduler's.)
  if (layer === 'occupancy') {
    const running = start <= ctx.today && (end === null || end > ctx.today);
    if (running) {
      await setDwellingStatus(trx, {
        tenantId: ctx.tenantId,
        dwellingId: dwelling.id,
        status: 'let',
        validFrom: start,
        source: 'lease',
        userId: ctx.userId,
        note: reference,
      });
    } else if (start > ctx.today && !['let', 'notice_given'].includes(dwelling.status)) {
      await setDwellingStatus(trx, {
        tenantId: ctx.tenantId,
        dwellingId: dwelling.id,
        status: 'reserved',
        validFrom: ctx.today,
        source: 'lease',
        userId: ctx.userId,
        note: reference,
      });
    }
  }
  return { id: inserted.id, reference, version: inserted.version, warnings };
}

// ---- Use cases behind the routes -------------------------------------------------------------

type Deps = { db: Kysely<DB>; clock: () => Date };

function leasePolicies(actor: Actor, row?: Pick<repo.LeaseRow, 'state' | 'end_date'>) {
  const write = actorCan(actor, 'write:lease:any');
  const running = row ? row.state === 'active' || row.state === 'notice_given' : true;
  return {
    update: write && row?.state !== 'cancelled',
    assess: write && row?.state !== 'cancelled',
    renew: write && row?.state === 'active' && row.end_date !== null,
    terminate: write && running,
    cancel: write && running,
    inspect: write && row?.state !== 'cancelled',
  };
}

function presentSummary(row: repo.LeaseListRow, showNames: boolean): LeaseSummaryDto {
  return {
    id: row.id,
    reference: row.reference,
    kind: row.kind,
    state: row.state,
    dwelling: { id: row.dwelling_id, reference: row.dwelling_reference, street: row.dwelling_street },
    landlord: row.landlord_id && row.landlord_name ? { id: row.landlord_id, name: row.landlord_name } : null,
    tenantName: showNames ? row.tenant_name : null,
    hasTenant: row.tenant_person_id !== null,
    headLeaseId: row.head_lease_id,
    startDate: row.start_date,
    endDate: row.end_date,
    terminatedOn: row.terminated_on,
    effectiveEnd: effectiveEnd(row),
    legalBasis: row.legal_basis,
    rentOre: Number(row.rent_ore),
    needsAssessmentMissing: Boolean(row.needs_assessment_missing),
  };
}

export function listLeases(actor: Actor, { db, clock, query }: Deps & { query: LeaseListQuery }): Promise<LeaseListResponse> {
  requirePermission(actor, 'read:lease:any');
  const showNames = actorCan(actor, 'read:person:any');
  return withTenant(db, actor, async (trx) => {
    const { total, rows } = await repo.listLeases(trx, { query, today: osloToday(clock()) });
    return {
      items: rows.map((r) => presentSummary(r, showNames)),
      total,
      page: query.page ?? 1,
      pageSize: query.pageSize ?? 50,
      actions: { create: actorCan(actor, 'write:lease:any') },
    };
  });
}

/** Current and past leases of one dwelling (for the dwelling page). A list: not audited. */
export function dwellingLeases(actor: Actor, { db, clock, dwellingId }: Deps & { dwellingId: string }): Promise<DwellingLeasesResponse> {
  requirePermission(actor, 'read:lease:any');
  const showNames = actorCan(actor, 'read:person:any');
  return withTenant(db, actor, async (trx) => {
    if (!(await repo.findDwelling(trx, dwellingId))) throw appError('resource.not_found');
    const today = osloToday(clock());
    const rows = await repo.leasesOfDwelling(trx, { dwellingId, today });
    const isCurrent = (r: repo.LeaseListRow) => {
      const endDay = effectiveEnd(r);
      return (r.state === 'active' || r.state === 'notice_given') && (endDay === null || endDay > today);
    };
    return {
      current: rows.filter(isCurrent).map((r) => presentSummary(r, showNames)),
      past: rows.filter((r) => !isCurrent(r)).map((r) => presentSummary(r, showNames)),
      actions: { create: actorCan(actor, 'write:lease:any') },
    };
  });
}

export function createLease(
  actor: Actor,
  { db, clock, input, context, allowSyntheticIdentity }: Deps & { input: CreateLeaseInput; context: AuditContext; allowSyntheticIdentity: boolean },
) {
  requirePermission(actor, 'write:lease:any');
  return withTenant(db, actor, async (trx) => {
    const result = await insertLease(
      trx,
      { tenantId: actor.tenantId, userId: actor.userId, today: osloToday(clock()), source: 'user', allowSyntheticIdentity },
      input,
    );
    await recordAudit(trx, context, { action: 'create', entity: 'lease', subject: { type: 'lease', id: result.id } });
    return result;
  });
}

type AssessmentRow = Awaited<ReturnType<typeof repo.assessmentsOf>>[number];
type RenewalRow = Awaited<ReturnType<typeof repo.renewalsOf>>[number];

/**
 * The assessment a renewal may rest on: the latest one recorded after the last renewal and not
 * used for a renewal yet (each term needs its own assessment, R8.2).
 */
function eligibleAssessments(assessments: AssessmentRow[], renewals: RenewalRow[]): AssessmentRow[] {
  const lastRenewal = renewals.reduce<Date | null>((max, r) => (max === null || r.created_at > max ? r.created_at : max), null);
  return assessments.filter((a) => a.renewal_id === null && (lastRenewal === null || a.created_at >= lastRenewal));
}

function renewalCheck(
  lease: repo.LeaseRow,
  assessments: AssessmentRow[],
  renewals: RenewalRow[],
  wantedId?: string,
): { ok: true; assessment: AssessmentRow } | { ok: false; code: LeaseDto['renewal']['blockedBy'] & string; assessmentId: string | null } {
  if (lease.state !== 'active') return { ok: false, code: 'lease.not_active', assessmentId: null };
  if (lease.end_date === null) return { ok: false, code: 'lease.period_invalid', assessmentId: null };
  const eligible = eligibleAssessments(assessments, renewals);
  const assessment = wantedId ? eligible.find((a) => a.id === wantedId) : eligible[0];
  const verdict = canRenew({
    needsAssessment: assessment
      ? { outcome: assessment.outcome === 'continued_need' ? 'need_continues' : 'need_ended', reason: assessment.reasons }
      : null,
  });
  if (!verdict.ok || !assessment) {
    return { ok: false, code: verdict.ok ? 'lease.renewal_requires_needs_assessment' : verdict.code, assessmentId: assessment?.id ?? null };
  }
  return { ok: true, assessment };
}

async function loadLeaseDto(trx: Tx, actor: Actor, row: repo.LeaseRow, today: string, context: AuditContext | null): Promise<LeaseDto> {
  const showNames = actorCan(actor, 'read:person:any');
  const dwelling = (await repo.findDwelling(trx, row.dwelling_id))!;
  const landlord = row.landlord_id ? await repo.findLandlordRef(trx, row.landlord_id) : undefined;
  let tenant: LeaseDto['tenant'] = null;
  if (row.tenant_person_id) {
    tenant = { personId: row.tenant_person_id, fullName: null, birthDate: null };
    if (showNames) {
      const person = await repo.findPerson(trx, row.tenant_person_id);
      if (person) {
        tenant = { personId: person.id, fullName: person.full_name, birthDate: person.birth_date };
        // Showing the tenant is a display of a person's data: audited in this transaction.
        if (context) {
          await recordAudit(trx, context, {
            action: 'display',
            entity: 'lease',
            subject: { type: 'person', id: person.id },
            fields: ['full_name', 'birth_date'],
          });
        }
      }
    }
  }
  const head = row.head_lease_id ? await repo.findLeaseListRow(trx, { id: row.head_lease_id, today }) : undefined;
  const subs = row.kind === 'head' ? await repo.subleasesOf(trx, { headLeaseId: row.id, today }) : [];
  const ref = (r: repo.LeaseListRow) => ({
    id: r.id,
    reference: r.reference,
    kind: r.kind,
    state: r.state,
    startDate: r.start_date,
    endDate: r.end_date,
    effectiveEnd: effectiveEnd(r),
    tenantName: showNames ? r.tenant_name : null,
  });
  const assessments = await repo.assessmentsOf(trx, row.id);
  const renewals = await repo.renewalsOf(trx, row.id);
  const inspections = await repo.inspectionsOf(trx, row.id);
  const term = termWarnings({
    start: row.start_date,
    end: row.end_date,
    basis: row.legal_basis,
    municipalLandlord: row.kind !== 'head',
  });
  const renewal = renewalCheck(row, assessments, renewals);
  return {
    id: row.id,
    reference: row.reference,
    kind: row.kind,
    state: row.state,
    dwelling: {
      id: dwelling.id,
      reference: dwelling.reference,
      street: dwelling.street,
      postnummer: dwelling.postnummer,
      poststed: dwelling.poststed,
      disposalForm: dwelling.disposal_form,
      status: dwelling.status,
    },
    landlord: landlord ? { id: landlord.id, name: landlord.name, partyKind: landlord.party_kind } : null,
    tenant,
    headLease: head ? ref(head) : null,
    subleases: subs.map(ref),
    responsibleUnit: await repo.unitRef(trx, row.responsible_unit_id),
    startDate: row.start_date,
    endDate: row.end_date,
    terminatedOn: row.terminated_on,
    effectiveEnd: effectiveEnd(row),
    noticeGivenOn: row.notice_given_on,
    terminationReason: row.termination_reason as LeaseDto['terminationReason'],
    terminationNote: row.termination_note,
    legalBasis: row.legal_basis,
    rentOre: Number(row.rent_ore),
    depositOre: Number(row.deposit_ore),
    securityKind: row.security_kind,
    rentPaidInAdvance: row.rent_paid_in_advance,
    signedBy: row.signed_by_user_id
      ? { id: row.signed_by_user_id, name: (await repo.staffName(trx, row.signed_by_user_id)) ?? '' }
      : null,
    signedOn: row.signed_on,
    maintenanceDuties: row.maintenance_duties,
    notes: row.notes,
    warnings: term.ok ? term.warnings : [],
    renewals: renewals.map((r) => ({
      id: r.id,
      assessmentId: r.assessment_id,
      previousEnd: r.previous_end,
      newEnd: r.new_end,
      renewedOn: r.renewed_on,
      renewedBy: r.renewed_by_name,
    })),
    needsAssessments: assessments.map((a) => ({
      id: a.id,
      assessedOn: a.assessed_on,
      outcome: a.outcome as LeaseDto['needsAssessments'][number]['outcome'],
      reasons: a.reasons,
      couldBuy: a.could_buy,
      assessedBy: a.assessed_by_name,
      usedForRenewal: a.renewal_id !== null,
    })),
    inspections: inspections.map((i) => ({
      id: i.id,
      inspectedOn: i.inspected_on,
      inspectedBy: i.inspected_by_name,
      damages: i.damages,
      totalCostOre: Number(i.total_cost_ore),
      depositWithheldOre: Number(i.deposit_withheld_ore),
      notes: i.notes,
    })),
    renewal: renewal.ok
      ? { allowed: true, blockedBy: null, assessmentId: renewal.assessment.id }
      : { allowed: false, blockedBy: renewal.code, assessmentId: renewal.assessmentId },
    version: row.version,
    createdAt: row.created_at.toISOString(),
    actions: leasePolicies(actor, row),
  };
}

export function getLease(actor: Actor, { db, clock, id, context }: Deps & { id: string; context: AuditContext }): Promise<LeaseDto> {
  requirePermission(actor, 'read:lease:any');
  return withTenant(db, actor, async (trx) => {
    const row = await repo.findLease(trx, id);
    if (!row) throw appError('resource.not_found');
    return loadLeaseDto(trx, actor, row, osloToday(clock()), context);
  });
}

/** Loads and locks a lease for a change; 404 when it is not this municipality's. */
async function lockedLease(trx: Tx, id: string): Promise<repo.LeaseRow> {
  const row = await repo.findLease(trx, id, { lock: true });
  if (!row) throw appError('resource.not_found');
  return row;
}

export function updateLease(
  actor: Actor,
  { db, clock, id, version, input }: Deps & { id: string; version: number; input: UpdateLeaseRequest },
) {
  requirePermission(actor, 'write:lease:any');
  return withTenant(db, actor, async (trx) => {
    const row = await lockedLease(trx, id);
    if (row.version !== version) throw appError('resource.version_conflict');
    if (row.state === 'cancelled') throw appError('lease.not_active');
    const rentOre = input.rentOre ?? Number(row.rent_ore);
    const depositOre = input.depositOre ?? Number(row.deposit_ore);
    if (input.rentOre !== undefined || input.depositOre !== undefined) {
      checkRentAndDeposit({
        rentOre,
        depositOre,
        freeOfChargeReason: input.freeOfChargeReason ?? (rentOre === 0 && Number(row.rent_ore) === 0 ? 'unchanged' : undefined),
      });
    }
    await checkStaffAndUnit(trx, input);
    if (input.signedOn && !isCalendarDate(input.signedOn)) throw fail('request.invalid', '/signedOn');
    const notes =
      input.freeOfChargeReason && rentOre === 0
        ? [input.notes ?? row.notes, `Vederlagsfritt: ${input.freeOfChargeReason}`].filter(Boolean).join('\n').slice(0, 4000)
        : input.notes;
    const newVersion = await repo.updateLease(
      trx,
      id,
      version,
      {
        ...(input.rentOre !== undefined ? { rent_ore: input.rentOre } : {}),
        ...(input.depositOre !== undefined ? { deposit_ore: input.depositOre } : {}),
        ...(input.securityKind !== undefined ? { security_kind: input.securityKind } : {}),
        ...(input.rentPaidInAdvance !== undefined ? { rent_paid_in_advance: input.rentPaidInAdvance } : {}),
        ...(input.signedByUserId !== undefined ? { signed_by_user_id: input.signedByUserId } : {}),
        ...(input.signedOn !== undefined ? { signed_on: input.signedOn } : {}),
        ...(input.responsibleUnitId !== undefined ? { responsible_unit_id: input.responsibleUnitId } : {}),
        ...(input.maintenanceDuties !== undefined ? { maintenance_duties: input.maintenanceDuties } : {}),
        ...(notes !== undefined ? { notes } : {}),
      },
      clock(),
    );
    if (newVersion === null) throw appError('resource.version_conflict');
    return loadLeaseDto(trx, actor, (await repo.findLease(trx, id))!, osloToday(clock()), null);
  });
}

export function addNeedsAssessment(
  actor: Actor,
  { db, clock, id, input }: Deps & { id: string; input: CreateNeedsAssessmentRequest },
) {
  requirePermission(actor, 'write:lease:any');
  return withTenant(db, actor, async (trx) => {
    const row = await lockedLease(trx, id);
    if (row.state === 'cancelled') throw appError('lease.not_active');
    if (!isCalendarDate(input.assessedOn) || input.assessedOn > osloToday(clock())) throw fail('request.invalid', '/assessedOn');
    const assessmentId = await repo.insertAssessment(trx, {
      tenant_id: actor.tenantId,
      lease_id: id,
      assessed_on: input.assessedOn,
      outcome: input.outcome,
      reasons: input.reasons,
      could_buy: input.couldBuy ?? null,
      assessed_by: actor.userId,
    });
    await repo.updateLease(trx, id, null, {}, clock());
    return { id: assessmentId };
  });
}

export function renewLease(actor: Actor, { db, clock, id, input }: Deps & { id: string; input: RenewLeaseRequest }) {
  requirePermission(actor, 'write:lease:any');
  return withTenant(db, actor, async (trx) => {
    const today = osloToday(clock());
    const row = await lockedLease(trx, id);
    const check = renewalCheck(row, await repo.assessmentsOf(trx, id), await repo.renewalsOf(trx, id), input.assessmentId);
    if (!check.ok) throw fail(check.code, check.code.startsWith('lease.renewal') ? '/assessmentId' : undefined);

    const openEnded = input.openEnded === true;
    if (openEnded === (input.newEndDate !== undefined)) throw fail('lease.period_invalid', '/newEndDate');
    const newEnd = openEnded ? null : input.newEndDate!;
    if (newEnd !== null && (!isCalendarDate(newEnd) || newEnd <= row.end_date!)) throw fail('lease.period_invalid', '/newEndDate');
    const basis = openEnded ? 'open_ended' : row.legal_basis;
    const warnings = periodWarnings({ kind: row.kind, start: row.start_date, end: newEnd, basis, pointer: '/newEndDate' });

    if (row.kind === 'sub' && row.head_lease_id) {
      const head = (await repo.findLease(trx, row.head_lease_id))!;
      const headPeriod: Period = { start: head.start_date, end: effectiveEnd(head) };
      const inside = validateSublease({ sublease: { start: row.start_date, end: newEnd }, headLease: headPeriod });
      if (!inside.ok) throw fail(inside.code, '/newEndDate');
    }
    const layer = row.kind === 'head' ? 'head' : 'occupancy';
    const version = await guarded(
      trx,
      () => repo.updateLease(trx, id, null, { end_date: newEnd, legal_basis: basis }, clock()),
      { dwellingId: row.dwelling_id, layer, start: row.start_date, end: newEnd, excludeId: id },
    );
    await repo.insertRenewal(trx, {
      tenant_id: actor.tenantId,
      lease_id: id,
      assessment_id: check.assessment.id,
      previous_end: row.end_date,
      new_end: newEnd,
      renewed_on: today,
      renewed_by: actor.userId,
    });
    return { id, version: version!, warnings };
  });
}

async function followDwellingAfterEnd(
  trx: Tx,
  actor: Actor,
  row: repo.LeaseRow,
  { status, validFrom, today }: { status: 'vacant' | 'notice_given' | 'ready'; validFrom: string; today: string },
): Promise<void> {
  if (row.kind === 'head') return;
  if (await repo.otherOccupancyFromToday(trx, { dwellingId: row.dwelling_id, today, excludeId: row.id })) return;
  await setDwellingStatus(trx, {
    tenantId: actor.tenantId,
    dwellingId: row.dwelling_id,
    status,
    validFrom,
    source: 'lease',
    userId: actor.userId,
    note: row.reference,
  });
}

export function terminateLease(actor: Actor, { db, clock, id, input }: Deps & { id: string; input: TerminateLeaseRequest }) {
  requirePermission(actor, 'write:lease:any');
  return withTenant(db, actor, async (trx) => {
    const today = osloToday(clock());
    const row = await lockedLease(trx, id);
    if (row.state !== 'active' && row.state !== 'notice_given') throw appError('lease.not_active');
    const { noticeGivenOn, terminatedOn } = input;
    if (!isCalendarDate(terminatedOn) || terminatedOn <= row.start_date || (row.end_date !== null && terminatedOn > row.end_date)) {
      throw fail('lease.termination_invalid', '/terminatedOn');
    }
    if (!isCalendarDate(noticeGivenOn) || noticeGivenOn > terminatedOn) throw fail('lease.termination_invalid', '/noticeGivenOn');
    if (row.kind === 'head') {
      const running = await repo.subleasesRunningPast(trx, { headLeaseId: id, date: terminatedOn });
      if (running[0]) throw fail('lease.head_lease_has_subleases', '/terminatedOn', { conflict: running[0] });
    }
    const ended = terminatedOn <= today;
    const version = await repo.updateLease(
      trx,
      id,
      null,
      {
        terminated_on: terminatedOn,
        notice_given_on: noticeGivenOn,
        termination_reason: input.reason,
        termination_note: input.note ?? '',
        state: ended ? 'ended' : 'notice_given',
      },
      clock(),
    );
    if (row.start_date <= today) {
      await followDwellingAfterEnd(trx, actor, row, ended
        ? { status: 'vacant', validFrom: terminatedOn, today }
        : { status: 'notice_given', validFrom: noticeGivenOn < today ? noticeGivenOn : today, today });
    } else if (ended || row.start_date >= terminatedOn) {
      await followDwellingAfterEnd(trx, actor, row, { status: 'ready', validFrom: today, today });
    }
    return { id, version: version!, warnings: [] };
  });
}

export function cancelLease(actor: Actor, { db, clock, id }: Deps & { id: string }) {
  requirePermission(actor, 'write:lease:any');
  return withTenant(db, actor, async (trx) => {
    const today = osloToday(clock());
    const row = await lockedLease(trx, id);
    if (row.state !== 'active' && row.state !== 'notice_given') throw appError('lease.not_active');
    if (row.kind === 'head') {
      const running = await repo.subleasesRunningPast(trx, { headLeaseId: id, date: null });
      if (running[0]) throw fail('lease.head_lease_has_subleases', undefined, { conflict: running[0] });
    }
    const version = await repo.updateLease(trx, id, null, { state: 'cancelled' }, clock());
    // A lease registered by mistake frees the dwelling again.
    const dwelling = (await repo.findDwelling(trx, row.dwelling_id))!;
    if (dwelling.status === 'reserved') await followDwellingAfterEnd(trx, actor, row, { status: 'ready', validFrom: today, today });
    else if (dwelling.status === 'let' || dwelling.status === 'notice_given') {
      await followDwellingAfterEnd(trx, actor, row, { status: 'vacant', validFrom: today, today });
    }
    return { id, version: version!, warnings: [] };
  });
}

export function addInspection(actor: Actor, { db, clock, id, input }: Deps & { id: string; input: CreateInspectionRequest }) {
  requirePermission(actor, 'write:lease:any');
  return withTenant(db, actor, async (trx) => {
    const row = await lockedLease(trx, id);
    if (row.state === 'cancelled') throw appError('lease.not_active');
    if (!isCalendarDate(input.inspectedOn)) throw fail('request.invalid', '/inspectedOn');
    // The deposit can only cover what it holds.
    if (input.depositWithheldOre > Number(row.deposit_ore)) throw fail('lease.deposit_invalid', '/depositWithheldOre');
    const total = input.damages.reduce((sum, d) => sum + d.costOre, 0);
    const inspectionId = await repo.insertInspection(trx, {
      tenant_id: actor.tenantId,
      lease_id: id,
      inspected_on: input.inspectedOn,
      inspected_by: actor.userId,
      damages: JSON.stringify(input.damages),
      total_cost_ore: total,
      deposit_withheld_ore: input.depositWithheldOre,
      notes: input.notes ?? '',
    });
    await repo.updateLease(trx, id, null, {}, clock());
    return { id: inspectionId };
  });
}

/** Leases held from one landlord, for the landlord page (used by the landlords module). */
export async function leasesOfLandlord(trx: Tx, actor: Actor, { landlordId, today }: { landlordId: string; today: string }) {
  const showNames = actorCan(actor, 'read:person:any');
  return (await repo.leasesOfLandlord(trx, { landlordId, today })).map((r) => presentSummary(r, showNames));
}
