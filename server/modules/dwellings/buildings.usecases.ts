import { sql, type Kysely } from 'kysely';
import type {
  BuildingDetailResponse,
  BuildingDto,
  BuildingListResponse,
  CreateBuildingRequest,
  UpdateBuildingRequest,
} from '../../../shared/api/buildings';
import { addressProblems, type RuleProblem } from '../../../shared/domain/dwelling-rules';
import { findPoststed } from '../../../shared/domain/postnummer';
import type { ErrorCode } from '../../../shared/errors';
import type { DB } from '../../db/schema';
import { withTenant, type Tx } from '../../db/tenant';
import { appError, fromDatabaseError } from '../../http/errors';
import { actorCan, requirePermission, type Actor } from '../auth/actor';

type Deps = { db: Kysely<DB>; clock: () => Date };

const columnOf = {
  name: 'name',
  kind: 'kind',
  street: 'street',
  postnummer: 'postnummer',
  kommunenummer: 'kommunenummer',
  gnr: 'gnr',
  bnr: 'bnr',
  ownerKind: 'owner_kind',
  commonHouse: 'common_house',
  commonFacilities: 'common_facilities',
  staffRooms: 'staff_rooms',
  neighbourhoodNotes: 'neighbourhood_notes',
} as const satisfies Record<keyof CreateBuildingRequest, string>;

function toColumns(input: UpdateBuildingRequest): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const [field, column] of Object.entries(columnOf)) {
    const value = input[field as keyof UpdateBuildingRequest];
    if (value === undefined) continue;
    values[column] = field === 'commonFacilities' ? [...new Set(value as string[])] : value;
  }
  if (input.postnummer !== undefined) values.poststed = findPoststed(input.postnummer) ?? '';
  return values;
}

function refuseIf(problems: RuleProblem[]): void {
  if (problems.length) throw appError(problems[0]!.code as ErrorCode, { errors: problems });
}

function buildingsQuery(trx: Tx) {
  return trx
    .selectFrom('app.building as b')
    .selectAll('b')
    .select((eb) =>
      eb
        .selectFrom('app.dwelling as d')
        .whereRef('d.tenant_id', '=', 'b.tenant_id')
        .whereRef('d.building_id', '=', 'b.id')
        .select(sql<number>`count(*)::int`.as('n'))
        .as('dwelling_count'),
    );
}

type BuildingRow = Awaited<ReturnType<ReturnType<typeof buildingsQuery>['executeTakeFirstOrThrow']>>;

function present(row: BuildingRow): BuildingDto {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    street: row.street,
    postnummer: row.postnummer,
    poststed: row.poststed,
    kommunenummer: row.kommunenummer,
    gnr: row.gnr,
    bnr: row.bnr,
    ownerKind: row.owner_kind as BuildingDto['ownerKind'],
    commonHouse: row.common_house,
    commonFacilities: row.common_facilities as BuildingDto['commonFacilities'],
    staffRooms: row.staff_rooms,
    neighbourhoodNotes: row.neighbourhood_notes,
    dwellingCount: row.dwelling_count ?? 0,
    version: row.version,
    createdAt: row.created_at.toISOString(),
  };
}

/** Buildings are part of the register: readable with any read:dwelling scope, written with write:dwelling. */
function requireRead(actor: Actor): void {
  if (!actorCan(actor, 'read:dwelling:unit')) throw appError('auth.forbidden');
}

export function listBuildings(actor: Actor, { db }: Deps): Promise<BuildingListResponse> {
  requireRead(actor);
  return withTenant(db, actor, async (trx) => ({
    items: (await buildingsQuery(trx).orderBy('b.name').orderBy('b.id').execute()).map(present),
    actions: { create: actorCan(actor, 'write:dwelling:any') },
  }));
}

async function detail(trx: Tx, actor: Actor, id: string): Promise<BuildingDetailResponse> {
  const row = await buildingsQuery(trx).where('b.id', '=', id).executeTakeFirst();
  if (!row) throw appError('resource.not_found');
  // Staff who see only their units' dwellings see only those in the building too.
  const unitScope = actorCan(actor, 'read:dwelling:any') ? null : actor.unitIds;
  let dwellingsQuery = trx
    .selectFrom('app.dwelling')
    .select(['id', 'reference', 'street', 'type', 'rooms', 'bedrooms', 'capacity', 'floor', 'status', 'status_since'])
    .where('building_id', '=', id);
  if (unitScope) {
    dwellingsQuery = unitScope.length
      ? dwellingsQuery.where('disposing_unit_id', 'in', unitScope)
      : dwellingsQuery.where(sql<boolean>`false`);
  }
  const dwellings = await dwellingsQuery.orderBy('reference').execute();
  const write = actorCan(actor, 'write:dwelling:any');
  return {
    building: present(row),
    dwellings: dwellings.map((d) => ({
      id: d.id,
      reference: d.reference,
      street: d.street,
      type: d.type as BuildingDetailResponse['dwellings'][number]['type'],
      rooms: d.rooms,
      bedrooms: d.bedrooms,
      capacity: d.capacity,
      floor: d.floor,
      status: d.status as BuildingDetailResponse['dwellings'][number]['status'],
      statusSince: d.status_since,
    })),
    actions: { update: write, delete: write && row.dwelling_count === 0 },
  };
}

export function getBuilding(actor: Actor, { db, id }: Deps & { id: string }): Promise<BuildingDetailResponse> {
  requireRead(actor);
  return withTenant(db, actor, (trx) => detail(trx, actor, id));
}

export function createBuilding(
  actor: Actor,
  { db, input }: Deps & { input: CreateBuildingRequest },
): Promise<BuildingDetailResponse> {
  requirePermission(actor, 'write:dwelling:any');
  refuseIf(addressProblems(input));
  return withTenant(db, actor, async (trx) => {
    const row = await trx
      .insertInto('app.building')
      .values({
        tenant_id: actor.tenantId,
        ...(toColumns(input) as {
          name: string;
          kind: CreateBuildingRequest['kind'];
          street: string;
          postnummer: string;
          kommunenummer: string;
          gnr: number | null;
          bnr: number | null;
        }),
      })
      .returning('id')
      .executeTakeFirstOrThrow()
      .catch((error: unknown) => {
        throw fromDatabaseError(error) ?? error;
      });
    return detail(trx, actor, row.id);
  });
}

export function updateBuilding(
  actor: Actor,
  { db, clock, id, version, input }: Deps & { id: string; version: number; input: UpdateBuildingRequest },
): Promise<BuildingDetailResponse> {
  requirePermission(actor, 'write:dwelling:any');
  refuseIf(addressProblems({ postnummer: input.postnummer, kommunenummer: input.kommunenummer }));
  return withTenant(db, actor, async (trx) => {
    const result = await trx
      .updateTable('app.building')
      .set((eb) => ({ ...toColumns(input), updated_at: clock(), version: eb('version', '+', 1) }))
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    if (result.numUpdatedRows === 0n) {
      const exists = await trx.selectFrom('app.building').select('id').where('id', '=', id).executeTakeFirst();
      throw appError(exists ? 'resource.version_conflict' : 'resource.not_found');
    }
    return detail(trx, actor, id);
  });
}

/** Only an empty building can go: its dwellings would otherwise lose their building. */
export function deleteBuilding(actor: Actor, { db, id }: Deps & { id: string }): Promise<void> {
  requirePermission(actor, 'write:dwelling:any');
  return withTenant(db, actor, async (trx) => {
    const row = await trx.selectFrom('app.building').select('id').where('id', '=', id).forUpdate().executeTakeFirst();
    if (!row) throw appError('resource.not_found');
    const inUse = await trx
      .selectFrom('app.dwelling')
      .select('id')
      .where('building_id', '=', id)
      .limit(1)
      .executeTakeFirst();
    if (inUse) throw appError('building.has_dwellings');
    await trx.deleteFrom('app.building').where('id', '=', id).execute();
  });
}
