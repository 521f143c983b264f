import { sql, type Kysely, type Transaction } from 'kysely';
import {
  createDwellingRequest,
  updateDwellingRequest,
  type ChangeDwellingStatusRequest,
  type CreateDwellingInput,
  type DwellingDetailResponse,
  type DwellingDto,
  type DwellingListQuery,
  type DwellingListResponse,
  type UpdateDwellingRequest,
} from '../../../shared/api/dwellings';
import { addMonths } from '../../../shared/domain/calendar-date';
import {
  addressProblems,
  isManualStatus,
  parentProblems,
  roomsProblems,
  type DwellingStatusCode,
  type DwellingType,
  type RuleProblem,
} from '../../../shared/domain/dwelling-rules';
import { findPoststed } from '../../../shared/domain/postnummer';
import {
  accruedInternalRent,
  DEFAULT_INTERNAL_RENT_THRESHOLD_MONTHS,
  internalRentAccrualStart,
  internalRentAccrues,
  vacancyDays,
} from '../../../shared/domain/vacancy';
import type { ErrorCode } from '../../../shared/errors';
import type { DB } from '../../db/schema';
import { withTenant, type Tx } from '../../db/tenant';
import { appError, fromDatabaseError } from '../../http/errors';
import { toFieldProblems } from '../../http/route';
import { actorCan, requirePermission, type Actor } from '../auth/actor';
import { setDwellingStatus } from './dwelling-status';
import { presentDwelling, presentListItem, presentStatusEvent } from './dwellings.presenters';
import * as repo from './dwellings.repository';
import { osloToday } from '../../../shared/domain/calendar-date';

export type Clock = () => Date;

function refuse(problems: RuleProblem[]): never {
  const first = problems[0]!;
  throw appError(first.code as ErrorCode, { errors: problems });
}

/** Database errors we know (unique reference, cadastre, FKs) become the user's field problems. */
async function mapDatabaseErrors<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    throw fromDatabaseError(error) ?? error;
  }
}

/** Same municipality only: under RLS another municipality's row is simply not found. */
async function referenceProblems(
  trx: Tx,
  {
    buildingId,
    disposingUnitId,
    type,
    parentId,
    selfId,
  }: {
    buildingId: string | null | undefined;
    disposingUnitId: string | null | undefined;
    type: DwellingType;
    parentId: string | null;
    selfId?: string;
  },
): Promise<RuleProblem[]> {
  const problems: RuleProblem[] = [];
  if (buildingId && !(await repo.findBuildingRef(trx, buildingId))) {
    problems.push({ pointer: '/buildingId', code: 'dwelling.building_invalid' });
  }
  if (disposingUnitId && !(await repo.findUnitRef(trx, disposingUnitId))) {
    problems.push({ pointer: '/disposingUnitId', code: 'dwelling.unit_invalid' });
  }
  const parent = parentId && parentId !== selfId ? await repo.findParentRef(trx, parentId) : undefined;
  problems.push(...parentProblems({ type, parentId, parentType: (parent?.type as DwellingType | undefined) ?? null }));
  return problems;
}

const columnOf = {
  reference: 'reference',
  buildingId: 'building_id',
  parentId: 'parent_id',
  street: 'street',
  postnummer: 'postnummer',
  kommunenummer: 'kommunenummer',
  gnr: 'gnr',
  bnr: 'bnr',
  fnr: 'fnr',
  snr: 'snr',
  bruksenhetsnummer: 'bruksenhetsnummer',
  type: 'type',
  rooms: 'rooms',
  bedrooms: 'bedrooms',
  areaM2: 'area_m2',
  capacity: 'capacity',
  floor: 'floor',
  lift: 'lift',
  universalDesign: 'universal_design',
  wheelchairAccessible: 'wheelchair_accessible',
  stepFreeEntrance: 'step_free_entrance',
  standard: 'standard',
  condition: 'condition',
  conditionNote: 'condition_note',
  furnished: 'furnished',
  walkMinSchool: 'walk_min_school',
  walkMinKindergarten: 'walk_min_kindergarten',
  walkMinBusStop: 'walk_min_bus_stop',
  walkMinShop: 'walk_min_shop',
  walkMinCentre: 'walk_min_centre',
  walkMinIntroProgramme: 'walk_min_intro_programme',
  schoolDistrict: 'school_district',
  areaZone: 'area_zone',
  disposalForm: 'disposal_form',
  earmarking: 'earmarking',
  disposingUnitId: 'disposing_unit_id',
  rentOre: 'rent_ore',
  rentIncludes: 'rent_includes',
  marketRentOre: 'market_rent_ore',
  husbankenFinancing: 'husbanken_financing',
  husbankenGrantPercent: 'husbanken_grant_percent',
  acquisitionMethod: 'acquisition_method',
  acquisitionDate: 'acquisition_date',
  bostotteApprovedUnit: 'bostotte_approved_unit',
  rentToOwnPotential: 'rent_to_own_potential',
  caretaker: 'caretaker',
  notes: 'notes',
} as const satisfies Record<keyof UpdateDwellingRequest, string>;

/** The columns for the given (already validated) fields; absent fields are left out. */
function toColumns(input: Partial<Record<keyof typeof columnOf, unknown>>): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const [field, column] of Object.entries(columnOf)) {
    const value = input[field as keyof typeof columnOf];
    if (value === undefined) continue;
    values[column] = field === 'rentIncludes' ? [...new Set(value as string[])] : value;
  }
  return values;
}

/**
 * Registers one dwelling in the caller's transaction (the API and the spreadsheet import both
 * come here). Does all validation — the zod schema, the postnummer register, SSB's kommunenummer
 * list, the bruksenhetsnummer format, bedrooms ≤ rooms, a shared room's parent, building and
 * disposing unit of the same municipality — and throws an AppError with JSON Pointers before
 * anything is written. Records the initial status as the first history event.
 */
export async function insertDwelling(
  trx: Transaction<DB>,
  ctx: { tenantId: string; userId: string | null; today: string; source: 'user' | 'import' },
  rawInput: CreateDwellingInput,
): Promise<{ id: string }> {
  const parsed = createDwellingRequest.safeParse(rawInput);
  if (!parsed.success) {
    const { unknownField, errors } = toFieldProblems(parsed.error);
    throw appError(unknownField ? 'request.unknown_field' : 'request.invalid', { errors });
  }
  const input = parsed.data;
  const parentId = input.parentId ?? null;
  const problems: RuleProblem[] = [
    ...addressProblems(input),
    ...roomsProblems(input),
    ...(input.status && !isManualStatus(input.status) ? [{ pointer: '/status', code: 'dwelling.status_invalid' }] : []),
  ];
  problems.push(
    ...(await referenceProblems(trx, {
      buildingId: input.buildingId,
      disposingUnitId: input.disposingUnitId,
      type: input.type,
      parentId,
    })),
  );
  if (problems.length) refuse(problems);

  const status: DwellingStatusCode = input.status ?? 'ready';
  const statusSince = input.statusSince ?? ctx.today;
  const id = await mapDatabaseErrors(async () => {
    // A savepoint, so a refused insert (e.g. a taken reference) leaves the caller's transaction
    // usable (the import validates many rows in one transaction).
    await sql`SAVEPOINT insert_dwelling`.execute(trx);
    try {
      const dwellingId = await repo.insertDwellingRow(trx, {
        tenant_id: ctx.tenantId,
        ...toColumns(input),
        poststed: findPoststed(input.postnummer) ?? '',
        status,
        status_since: statusSince,
      });
      await repo.insertStatusEvent(trx, {
        tenantId: ctx.tenantId,
        dwellingId,
        status,
        validFrom: statusSince,
        source: ctx.source,
        userId: ctx.userId,
        note: '',
      });
      await sql`RELEASE SAVEPOINT insert_dwelling`.execute(trx);
      return dwellingId;
    } catch (error) {
      await sql`ROLLBACK TO SAVEPOINT insert_dwelling`.execute(trx);
      throw error;
    }
  });
  return { id };
}

// ---- Use cases behind the routes ------------------------------------------------------------

type Deps = { db: Kysely<DB>; clock: Clock };

export function dwellingPolicies(actor: Actor) {
  const write = actorCan(actor, 'write:dwelling:any');
  return {
    create: write,
    update: write,
    changeStatus: write,
    export: actorCan(actor, 'export:dwelling:any'),
    import: actorCan(actor, 'export:dwelling:any') && write,
  };
}

/** read:dwelling:any sees the whole register; read:dwelling:unit only its units' dwellings. */
function readScope(actor: Actor): repo.ListScope {
  if (actorCan(actor, 'read:dwelling:any')) return { unitIds: null };
  requirePermission(actor, 'read:dwelling:unit');
  return { unitIds: actor.unitIds };
}

function canSee(scope: repo.ListScope, row: { disposing_unit_id: string | null }): boolean {
  return scope.unitIds === null || (row.disposing_unit_id !== null && scope.unitIds.includes(row.disposing_unit_id));
}

export function listDwellings(
  actor: Actor,
  { db, clock, query }: Deps & { query: DwellingListQuery },
): Promise<DwellingListResponse> {
  const scope = readScope(actor);
  const today = osloToday(clock());
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? 50;
  const expiringUntil = query.expiringWithinMonths
    ? addMonths({ date: today, months: query.expiringWithinMonths })
    : null;
  const policies = dwellingPolicies(actor);
  return withTenant(db, actor, async (trx) => {
    const { rows, total } = await repo.listDwellings(trx, query, scope, { today, expiringUntil, page, pageSize });
    return {
      items: rows.map(presentListItem),
      total,
      page,
      pageSize,
      today,
      actions: { create: policies.create, export: policies.export, import: policies.import },
    };
  });
}

async function detail(trx: Tx, actor: Actor, id: string, today: string): Promise<DwellingDetailResponse> {
  const scope = readScope(actor);
  const row = await repo.findDwelling(trx, id);
  if (!row || !canSee(scope, row)) throw appError('resource.not_found');
  const [building, parent, unit, subUnits, history, threshold] = [
    row.building_id ? await repo.findBuildingRef(trx, row.building_id) : undefined,
    row.parent_id ? await repo.findParentRef(trx, row.parent_id) : undefined,
    row.disposing_unit_id ? await repo.findUnitRef(trx, row.disposing_unit_id) : undefined,
    await repo.listSubUnits(trx, id),
    await repo.listStatusHistory(trx, id),
    (await repo.internalRentThresholdMonths(trx)) ?? DEFAULT_INTERNAL_RENT_THRESHOLD_MONTHS,
  ];
  let vacancy: DwellingDetailResponse['vacancy'] = null;
  if (row.status === 'vacant') {
    const vacantSince = row.status_since;
    const internalRentFrom = internalRentAccrualStart({ vacantSince, thresholdMonths: threshold });
    const accrues = internalRentAccrues({ vacantSince, today, thresholdMonths: threshold });
    let accruedOre: number | null = null;
    if (row.rent_ore !== null) {
      const accrued = accruedInternalRent({
        vacantSince,
        from: vacantSince,
        to: today >= vacantSince ? today : vacantSince,
        monthlyRentOre: row.rent_ore,
        thresholdMonths: threshold,
      });
      accruedOre = accrued.ok ? accrued.amountOre : null;
    }
    vacancy = {
      vacantSince,
      days: vacancyDays({ vacantSince, today }),
      thresholdMonths: threshold,
      internalRentFrom,
      internalRentAccrues: accrues,
      internalRentAccruedOre: accruedOre,
    };
  }
  const policies = dwellingPolicies(actor);
  return {
    dwelling: presentDwelling(row, unit?.name ?? null),
    building: building ?? null,
    parent: parent ? { id: parent.id, reference: parent.reference, street: parent.street } : null,
    subUnits: subUnits.map((s) => ({
      id: s.id,
      reference: s.reference,
      type: s.type as DwellingType,
      bedrooms: s.bedrooms,
      capacity: s.capacity,
      status: s.status as DwellingStatusCode,
      statusSince: s.status_since,
    })),
    history: history.map(presentStatusEvent),
    vacancy,
    today,
    actions: { update: policies.update, changeStatus: policies.changeStatus },
  };
}

export function getDwelling(actor: Actor, { db, clock, id }: Deps & { id: string }): Promise<DwellingDetailResponse> {
  const today = osloToday(clock());
  return withTenant(db, actor, (trx) => detail(trx, actor, id, today));
}

export function createDwelling(
  actor: Actor,
  { db, clock, input }: Deps & { input: CreateDwellingInput },
): Promise<DwellingDetailResponse> {
  requirePermission(actor, 'write:dwelling:any');
  const today = osloToday(clock());
  return withTenant(db, actor, async (trx) => {
    const { id } = await insertDwelling(
      trx,
      { tenantId: actor.tenantId, userId: actor.userId, today, source: 'user' },
      input,
    );
    return detail(trx, actor, id, today);
  });
}

export function updateDwelling(
  actor: Actor,
  { db, clock, id, version, input: rawInput }: Deps & { id: string; version: number; input: UpdateDwellingRequest },
): Promise<DwellingDetailResponse> {
  requirePermission(actor, 'write:dwelling:any');
  const input = updateDwellingRequest.parse(rawInput);
  const now = clock();
  const today = osloToday(now);
  return withTenant(db, actor, async (trx) => {
    const current = await repo.findDwelling(trx, id);
    if (!current) throw appError('resource.not_found');
    if (current.version !== version) throw appError('resource.version_conflict');
    const type = input.type ?? (current.type as DwellingType);
    const parentId = input.parentId !== undefined ? input.parentId : current.parent_id;
    const problems: RuleProblem[] = [
      ...addressProblems({
        postnummer: input.postnummer,
        kommunenummer: input.kommunenummer,
        bruksenhetsnummer: input.bruksenhetsnummer,
      }),
      ...roomsProblems({ rooms: input.rooms ?? current.rooms, bedrooms: input.bedrooms ?? current.bedrooms }),
    ];
    problems.push(
      ...(await referenceProblems(trx, {
        buildingId: input.buildingId,
        disposingUnitId: input.disposingUnitId,
        type,
        parentId,
        selfId: id,
      })),
    );
    if (parentId === id) problems.push({ pointer: '/parentId', code: 'dwelling.parent_invalid' });
    // Rooms of a shared dwelling would lose their parent's kind.
    if (current.type === 'shared_housing' && type !== 'shared_housing' && (await repo.countSubUnits(trx, id)) > 0) {
      problems.push({ pointer: '/type', code: 'dwelling.parent_invalid' });
    }
    if (problems.length) refuse(problems);
    const changes = toColumns(input);
    if (input.postnummer !== undefined) changes.poststed = findPoststed(input.postnummer) ?? '';
    const updated = await mapDatabaseErrors(() => repo.updateDwellingRow(trx, id, version, changes, now));
    if (!updated) throw appError('resource.version_conflict');
    return detail(trx, actor, id, today);
  });
}

export function changeDwellingStatus(
  actor: Actor,
  { db, clock, id, input }: Deps & { id: string; input: ChangeDwellingStatusRequest },
): Promise<DwellingDetailResponse> {
  requirePermission(actor, 'write:dwelling:any');
  const today = osloToday(clock());
  return withTenant(db, actor, async (trx) => {
    const current = await repo.findDwellingForUpdate(trx, id);
    if (!current) throw appError('resource.not_found');
    // 'let' and 'notice_given' follow the leases; while a lease to a household holds the
    // dwelling, its status is the lease's to change.
    if (!isManualStatus(input.status) || (await repo.hasCurrentOccupancyLease(trx, actor.tenantId, id, today))) {
      throw appError('dwelling.status_invalid', { errors: [{ pointer: '/status', code: 'dwelling.status_invalid' }] });
    }
    await setDwellingStatus(trx, {
      tenantId: actor.tenantId,
      dwellingId: id,
      status: input.status,
      validFrom: input.validFrom,
      source: 'user',
      userId: actor.userId,
      note: input.note ?? '',
    });
    return detail(trx, actor, id, today);
  });
}

export type { DwellingDto };
