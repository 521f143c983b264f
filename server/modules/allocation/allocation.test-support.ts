import type { Kysely } from 'kysely';
import { nameSearchKey } from '../../../shared/domain/person-names';
import type { DB } from '../../db/schema';
import { withTenant } from '../../db/tenant';

// Synthetic batch fixtures for the allocation tests and the HTTP benchmark: households in
// 'accepted' with their members, buildings and dwellings ready to allocate. Real rows inserted as
// the app role under row-level security, in bulk (one statement per table), so 300 × 300 takes
// well under a second.

let counter = 0;
const next = () => `${Date.now().toString(36).slice(-5)}${(counter++).toString(36)}`;

export type TestMember = { relation: 'main' | 'spouse' | 'child' | 'parent' | 'other'; birthDate: string | null; language?: string };

export type TestHousehold = {
  members?: TestMember[];
  supportNeed?: boolean;
  accessibility?: 'none' | 'step_free' | 'wheelchair';
  permitDate?: string | null;
  maxRentOre?: number | null;
  state?: 'accepted' | 'settled';
  reservedDwellingId?: string | null;
};

const SINGLE: TestMember[] = [{ relation: 'main', birthDate: '1990-05-05' }];

/** Households (default: accepted, one adult), each with a main person; returns their ids in order. */
export async function insertHouseholds(
  db: Kysely<DB>,
  { tenantId, unitId }: { tenantId: string; unitId: string },
  households: readonly TestHousehold[],
): Promise<string[]> {
  if (households.length === 0) return [];
  return withTenant(db, { tenantId }, async (trx) => {
    const rows = await trx
      .insertInto('app.household')
      .values(
        households.map((h) => {
          const settled = h.state === 'settled';
          return {
            tenant_id: tenantId,
            reference: `H-A-${next()}`,
            category: 'resettlement_refugee' as const,
            responsible_unit_id: unitId,
            pipeline_state: h.state ?? 'accepted',
            proposed_on: '2026-06-01',
            residence_permit_date: h.permitDate === undefined ? '2026-06-01' : h.permitDate,
            support_need: h.supportNeed ?? false,
            accessibility: h.accessibility ?? 'none',
            max_rent_ore: h.maxRentOre ?? null,
            reserved_dwelling_id: h.reservedDwellingId ?? null,
            arrival_date: settled ? '2026-10-01' : null,
            settlement_date: settled ? '2026-10-01' : null,
          };
        }),
      )
      .returning('id')
      .execute();
    const members = households.flatMap((h, i) => (h.members ?? SINGLE).map((m, k) => ({ household: rows[i]!.id, m, k })));
    const persons = await trx
      .insertInto('app.person')
      .values(
        members.map(({ m, k }) => {
          const fullName = `Testperson ${next()} ${k}`;
          return {
            tenant_id: tenantId,
            full_name: fullName,
            name_search: nameSearchKey(fullName),
            birth_date: m.birthDate,
            birth_date_precision: m.birthDate ? ('exact' as const) : null,
          };
        }),
      )
      .returning('id')
      .execute();
    await trx
      .insertInto('app.household_member')
      .values(members.map(({ household, m }, i) => ({ tenant_id: tenantId, household_id: household, person_id: persons[i]!.id, relation: m.relation })))
      .execute();
    const languages = members.flatMap(({ m }, i) => (m.language ? [{ tenant_id: tenantId, person_id: persons[i]!.id, code: m.language }] : []));
    if (languages.length) await trx.insertInto('app.person_language').values(languages).execute();
    return rows.map((r) => r.id);
  });
}

export async function insertBuilding(db: Kysely<DB>, tenantId: string, name: string): Promise<string> {
  return withTenant(db, { tenantId }, async (trx) => {
    const row = await trx
      .insertInto('app.building')
      .values({ tenant_id: tenantId, name, kind: 'apartment_block', street: `${name} 1`, postnummer: '6413', kommunenummer: '1506' })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  });
}

export type TestDwelling = {
  buildingId?: string | null;
  bedrooms?: number;
  capacity?: number;
  rentOre?: number | null;
  status?: 'ready' | 'vacant' | 'let' | 'reserved';
  wheelchair?: boolean;
  walkMinSchool?: number | null;
  walkMinCentre?: number | null;
  areaZone?: string;
  floor?: number | null;
};

/** Dwellings (default: ready flats, 2 bedrooms, 9 000 kr) with their first status event; ids in order. */
export async function insertDwellings(db: Kysely<DB>, tenantId: string, dwellings: readonly TestDwelling[]): Promise<string[]> {
  if (dwellings.length === 0) return [];
  return withTenant(db, { tenantId }, async (trx) => {
    const rows = await trx
      .insertInto('app.dwelling')
      .values(
        dwellings.map((d) => ({
          tenant_id: tenantId,
          reference: `B-A-${next()}`,
          building_id: d.buildingId ?? null,
          street: 'Fjordgata 4',
          postnummer: '6413',
          kommunenummer: '1506',
          type: 'flat',
          rooms: (d.bedrooms ?? 2) + 1,
          bedrooms: d.bedrooms ?? 2,
          capacity: d.capacity ?? 2 * (d.bedrooms ?? 2),
          disposal_form: 'municipal',
          rent_ore: d.rentOre === undefined ? 900_000 : d.rentOre,
          status: d.status ?? 'ready',
          status_since: '2026-01-01',
          wheelchair_accessible: d.wheelchair ?? false,
          step_free_entrance: d.wheelchair ?? false,
          walk_min_school: d.walkMinSchool ?? 12,
          walk_min_centre: d.walkMinCentre ?? 15,
          area_zone: d.areaZone ?? 'Sentrum',
          floor: d.floor ?? 1,
        })),
      )
      .returning('id')
      .execute();
    await trx
      .insertInto('app.dwelling_status_event')
      .values(rows.map((r, i) => ({ tenant_id: tenantId, dwelling_id: r.id, status: dwellings[i]!.status ?? 'ready', valid_from: '2026-01-01', source: 'user' as const, changed_by: null })))
      .execute();
    return rows.map((r) => r.id);
  });
}
