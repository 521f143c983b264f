import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { DEFAULT_ALLOCATION_CRITERIA, DEFAULT_OFFER_ANSWER_DAYS, DEFAULT_REFUSAL_REASONS } from '../shared/domain/allocation-criteria';
import { addDays, type CalendarDate } from '../shared/domain/calendar-date';
import { nameSearchKey } from '../shared/domain/person-names';
import type { DB } from './db/schema';
import { withTenant, type Tx } from './db/tenant';
import { DEFAULT_CRITERIA_NOTE } from './modules/allocation/criteria.usecases';
import { nextHouseholdReference } from './modules/households/household-reference';

// The demo municipality's allocation (issue 6): criteria version 1 (Husly's defaults) and the
// allocation settings (appeals to "Boligkontoret, <kommune> kommune", handled by the municipal
// appeals board), and a batch worth a meeting: households awaiting a dwelling with varied
// compositions (some with a support need, one needing a wheelchair-accessible home, one large
// family no dwelling fits) and ready dwellings in three buildings with varied bedrooms, rents and
// walking times — so the workbench shows proposals, unassigned households with reasons, and the
// support cap per building (2 by default) binding in the building everyone would prefer.
// All synthetic. Idempotent: a municipality with allocation settings is left alone.

export type SeedAllocationResult = { created: boolean; counts: { households: number; dwellings: number; buildings: number } };

type Member = { relation: 'main' | 'spouse' | 'child' | 'parent'; name: string; age: number; md: string; language: string };
type Spec = {
  members: Member[];
  permitAgo: number;
  supportNeed?: boolean;
  accessibility?: 'none' | 'step_free' | 'wheelchair';
  nearSchool?: boolean;
  nearKindergarten?: boolean;
  preferredArea?: string;
  category?: 'resettlement_refugee' | 'from_reception_centre' | 'family_reunification';
};

/** Households awaiting a dwelling (state 'accepted'), in addition to those the household seed has. */
export const ALLOCATION_HOUSEHOLDS: readonly Spec[] = [
  // Four with a support need who would all do best in Fjellvegen 3 (central, near the
  // introduction programme): the cap of two per building decides who gets it.
  { members: [{ relation: 'main', name: 'Yusuf Haddad', age: 27, md: '03-14', language: 'ar' }], permitAgo: 150, supportNeed: true, preferredArea: 'Sentrum' },
  {
    members: [
      { relation: 'main', name: 'Senait Tesfamariam', age: 31, md: '09-02', language: 'ti' },
      { relation: 'child', name: 'Ruta Tesfamariam', age: 8, md: '05-20', language: 'ti' },
      { relation: 'child', name: 'Daniel Tesfamariam', age: 4, md: '11-11', language: 'ti' },
    ],
    permitAgo: 120,
    supportNeed: true,
    preferredArea: 'Sentrum',
    nearSchool: true,
    nearKindergarten: true,
  },
  {
    members: [
      { relation: 'main', name: 'Ahmad Rahimi', age: 45, md: '01-30', language: 'prs' },
      { relation: 'spouse', name: 'Zahra Rahimi', age: 43, md: '06-06', language: 'prs' },
      { relation: 'child', name: 'Sara Rahimi', age: 16, md: '02-17', language: 'prs' },
      { relation: 'child', name: 'Omid Rahimi', age: 13, md: '08-08', language: 'prs' },
      { relation: 'child', name: 'Nilofar Rahimi', age: 9, md: '12-01', language: 'prs' },
    ],
    permitAgo: 200,
    nearSchool: true,
  },
  {
    members: [
      { relation: 'main', name: 'Mykola Shevchuk', age: 69, md: '04-04', language: 'uk' },
      { relation: 'spouse', name: 'Halyna Shevchuk', age: 66, md: '10-10', language: 'uk' },
    ],
    permitAgo: 60,
    accessibility: 'wheelchair',
  },
  { members: [{ relation: 'main', name: 'Abdirahman Warsame', age: 21, md: '07-07', language: 'so' }], permitAgo: 90, supportNeed: true, preferredArea: 'Sentrum' },
  {
    members: [{ relation: 'main', name: 'Rojda Ahmed', age: 38, md: '02-02', language: 'ku' }],
    permitAgo: 170,
    supportNeed: true,
    preferredArea: 'Sentrum',
  },
  {
    members: [
      { relation: 'main', name: 'Ibrahim Idris', age: 44, md: '05-05', language: 'ar' },
      { relation: 'spouse', name: 'Hawa Idris', age: 39, md: '03-03', language: 'ar' },
      ...(['Adam', 'Salma', 'Musa', 'Fatna', 'Harun', 'Khadija', 'Yunus'] as const).map((first, i) => ({
        relation: 'child' as const,
        name: `${first} Idris`,
        age: 17 - 2 * i,
        md: '06-15',
        language: 'ar',
      })),
    ],
    permitAgo: 40,
    category: 'family_reunification',
  },
];

type DwellingSpec = { no: string; bedrooms: number; rentKr: number; floor: number; wheelchair?: boolean };
type BuildingSpec = {
  key: string;
  name: string;
  street: string;
  postnummer: string;
  area: string;
  school: string;
  walk: { school: number; kindergarten: number; bus: number; centre: number; intro: number };
  lift: boolean;
  dwellings: DwellingSpec[];
};

/** Three buildings: central and close to everything, a suburb, and the outskirts. */
export const ALLOCATION_BUILDINGS: readonly BuildingSpec[] = [
  {
    key: 'FJ3',
    name: 'Fjellvegen 3',
    street: 'Fjellvegen 3',
    postnummer: '6413',
    area: 'Sentrum',
    school: 'Kvam skole',
    walk: { school: 5, kindergarten: 4, bus: 2, centre: 6, intro: 8 },
    lift: true,
    dwellings: [
      { no: '101', bedrooms: 1, rentKr: 7_600, floor: 1 },
      { no: '102', bedrooms: 2, rentKr: 9_200, floor: 1 },
      { no: '201', bedrooms: 2, rentKr: 9_400, floor: 2 },
      { no: '202', bedrooms: 3, rentKr: 10_900, floor: 2 },
      { no: '301', bedrooms: 1, rentKr: 7_800, floor: 3 },
    ],
  },
  {
    key: 'RH12',
    name: 'Råkhaugen 12',
    street: 'Råkhaugen 12',
    postnummer: '6415',
    area: 'Råkhaugen',
    school: 'Langmyra skole',
    walk: { school: 12, kindergarten: 9, bus: 5, centre: 16, intro: 18 },
    lift: false,
    dwellings: [
      { no: 'H0101', bedrooms: 2, rentKr: 8_800, floor: 0, wheelchair: true },
      { no: 'H0102', bedrooms: 1, rentKr: 7_200, floor: 1 },
      { no: 'H0201', bedrooms: 3, rentKr: 10_200, floor: 1 },
      { no: 'H0202', bedrooms: 4, rentKr: 12_400, floor: 2 },
    ],
  },
  {
    key: 'KT',
    name: 'Kviltorp terrasse',
    street: 'Kviltorpvegen 40',
    postnummer: '6416',
    area: 'Kviltorp',
    school: 'Kviltorp skole',
    walk: { school: 22, kindergarten: 14, bus: 9, centre: 28, intro: 30 },
    lift: false,
    dwellings: [
      { no: 'A', bedrooms: 1, rentKr: 6_900, floor: 1 },
      { no: 'B', bedrooms: 2, rentKr: 8_100, floor: 1 },
      { no: 'C', bedrooms: 2, rentKr: 8_300, floor: 2 },
      { no: 'D', bedrooms: 3, rentKr: 9_600, floor: 2 },
    ],
  },
];

function birthDate(today: CalendarDate, age: number, md: string): CalendarDate {
  // The birthday this year has passed or not: either way the age today is `age` or `age` − 1 at
  // most a day off, which the demo does not care about; pick the year so today's age is `age`.
  const year = Number(today.slice(0, 4)) - age - (`${today.slice(5)}` < md ? 1 : 0);
  return `${year}-${md}`;
}

export async function seedAllocation({
  db,
  tenantId,
  today,
}: {
  db: Kysely<DB>;
  tenantId: string;
  today: CalendarDate;
}): Promise<SeedAllocationResult> {
  return withTenant(db, { tenantId }, async (trx) => {
    // Two seeds of one municipality at once: the second waits here, then finds the settings.
    await sql`select pg_advisory_xact_lock(hashtext(${`seed-allocation:${tenantId}`}))`.execute(trx);
    const existing = await trx.selectFrom('app.allocation_settings').select('tenant_id').executeTakeFirst();
    if (existing) return { created: false, counts: { households: 0, dwellings: 0, buildings: 0 } };
    return insertAllocationDemo(trx, { tenantId, today });
  });
}

async function insertAllocationDemo(trx: Tx, { tenantId, today }: { tenantId: string; today: CalendarDate }): Promise<SeedAllocationResult> {
  const municipality = await trx.selectFrom('app.municipality').select(['name', 'kommunenummer']).executeTakeFirstOrThrow();
  const name = municipality.name.replace(/ kommune$/i, '');
  const housing = await trx.selectFrom('app.housing_settings').select('letter_address').executeTakeFirst();

  await trx
    .insertInto('app.allocation_criteria_version')
    .values({ tenant_id: tenantId, version: 1, criteria: JSON.stringify(DEFAULT_ALLOCATION_CRITERIA), note: DEFAULT_CRITERIA_NOTE })
    .onConflict((oc) => oc.columns(['tenant_id', 'version']).doNothing())
    .execute();
  await trx
    .insertInto('app.allocation_settings')
    .values({
      tenant_id: tenantId,
      refusal_reasons: JSON.stringify(DEFAULT_REFUSAL_REASONS.map((r) => ({ ...r }))),
      offer_answer_days: DEFAULT_OFFER_ANSWER_DAYS,
      appeal_office: `Boligkontoret, ${name} kommune`,
      appeal_address: housing?.letter_address || `Postboks 55, 6401 ${name}`,
      appeal_body: 'Kommunens klagenemnd',
    })
    .execute();

  const staff = await trx.selectFrom('app.staff_user').select(['id', 'roles']).where('active', '=', true).orderBy('email').execute();
  const actor = staff.find((s) => s.roles.includes('bosetter')) ?? staff[0];
  const units = await trx.selectFrom('app.unit').select(['id', 'kind']).orderBy('created_at').orderBy('id').execute();
  const unitId = (units.find((u) => u.kind === 'flyktningtjeneste') ?? units[0])?.id;
  if (!unitId) throw new Error('seedAllocation: the municipality has no units');

  // Buildings and their ready dwellings.
  let dwellings = 0;
  for (const b of ALLOCATION_BUILDINGS) {
    const building = await trx
      .insertInto('app.building')
      .values({ tenant_id: tenantId, name: b.name, kind: 'apartment_block', street: b.street, postnummer: b.postnummer, poststed: name, kommunenummer: municipality.kommunenummer })
      .returning('id')
      .executeTakeFirstOrThrow();
    const since = addDays({ date: today, days: -10 });
    const rows = await trx
      .insertInto('app.dwelling')
      .values(
        b.dwellings.map((d) => ({
          tenant_id: tenantId,
          reference: `T-${b.key}-${d.no}`,
          building_id: building.id,
          street: `${b.street}, ${d.no}`,
          postnummer: b.postnummer,
          poststed: name,
          kommunenummer: municipality.kommunenummer,
          type: 'flat',
          rooms: d.bedrooms + 1,
          bedrooms: d.bedrooms,
          capacity: Math.max(2, d.bedrooms * 2),
          floor: d.floor,
          lift: b.lift,
          wheelchair_accessible: d.wheelchair ?? false,
          step_free_entrance: d.wheelchair ?? d.floor === 0,
          walk_min_school: b.walk.school,
          walk_min_kindergarten: b.walk.kindergarten,
          walk_min_bus_stop: b.walk.bus,
          walk_min_centre: b.walk.centre,
          walk_min_intro_programme: b.walk.intro,
          school_district: b.school,
          area_zone: b.area,
          disposal_form: 'municipal',
          earmarking: 'first_settlement',
          rent_ore: d.rentKr * 100,
          status: 'ready',
          status_since: since,
        })),
      )
      .returning('id')
      .execute();
    await trx
      .insertInto('app.dwelling_status_event')
      .values(rows.map((r) => ({ tenant_id: tenantId, dwelling_id: r.id, status: 'ready', valid_from: since, source: 'user' as const, changed_by: actor?.id ?? null, note: 'Klar til tildeling' })))
      .execute();
    dwellings += rows.length;
  }

  // Households awaiting a dwelling, with their members and the pipeline history.
  for (const [index, spec] of ALLOCATION_HOUSEHOLDS.entries()) {
    const proposedOn = addDays({ date: today, days: -Math.max(10, spec.permitAgo - 20) });
    const acceptedOn = addDays({ date: proposedOn, days: 5 });
    const reference = await nextHouseholdReference(trx, { tenantId, year: Number(today.slice(0, 4)) });
    const householdId = randomUUID();
    await trx
      .insertInto('app.household')
      .values({
        id: householdId,
        tenant_id: tenantId,
        reference,
        imdi_case_id: `IMDI-${proposedOn.slice(0, 4)}-8${String(100 + index).padStart(5, '0')}`,
        category: spec.category ?? 'resettlement_refugee',
        responsible_unit_id: unitId,
        pipeline_state: 'accepted',
        state_changed_at: new Date(`${acceptedOn}T09:00:00Z`),
        proposed_on: proposedOn,
        residence_permit_date: addDays({ date: today, days: -spec.permitAgo }),
        accessibility: spec.accessibility ?? 'none',
        support_need: spec.supportNeed ?? false,
        near_school: spec.nearSchool ?? false,
        near_kindergarten: spec.nearKindergarten ?? false,
        near_intro_site: spec.members.some((m) => m.age >= 18 && m.age < 56),
        preferred_area: spec.preferredArea ?? '',
        created_by: actor?.id ?? null,
      })
      .execute();
    const personIds = spec.members.map(() => randomUUID());
    await trx
      .insertInto('app.person')
      .values(
        spec.members.map((m, i) => ({
          id: personIds[i]!,
          tenant_id: tenantId,
          full_name: m.name,
          name_search: nameSearchKey(m.name),
          birth_date: birthDate(today, m.age, m.md),
          birth_date_precision: 'exact' as const,
          residence_permit_date: addDays({ date: today, days: -spec.permitAgo }),
          intro_programme: m.age >= 18 && m.age < 56 ? ('entitled_and_obliged' as const) : ('not_entitled' as const),
          created_by: actor?.id ?? null,
        })),
      )
      .execute();
    await trx
      .insertInto('app.person_language')
      .values(spec.members.map((m, i) => ({ tenant_id: tenantId, person_id: personIds[i]!, code: m.language, interpreter_needed: true, preferred_for_letters: m.relation === 'main' })))
      .execute();
    await trx
      .insertInto('app.household_member')
      .values(spec.members.map((m, i) => ({ tenant_id: tenantId, household_id: householdId, person_id: personIds[i]!, relation: m.relation, joined_on: proposedOn })))
      .execute();
    await trx
      .insertInto('app.pipeline_event')
      .values([
        { tenant_id: tenantId, household_id: householdId, from_state: null, to_state: 'proposed', reason: 'IMDi-forslag', effective_on: proposedOn, dwelling_id: null, actor_user_id: actor?.id ?? null, occurred_at: new Date(`${proposedOn}T09:00:00Z`) },
        { tenant_id: tenantId, household_id: householdId, from_state: 'proposed', to_state: 'accepted', reason: '', effective_on: acceptedOn, dwelling_id: null, actor_user_id: actor?.id ?? null, occurred_at: new Date(`${acceptedOn}T09:00:00Z`) },
      ])
      .execute();
  }
  return { created: true, counts: { households: ALLOCATION_HOUSEHOLDS.length, dwellings, buildings: ALLOCATION_BUILDINGS.length } };
}

/** Dwellings the allocation seed adds to the housing stock. */
export const ALLOCATION_DWELLINGS = ALLOCATION_BUILDINGS.reduce((n, b) => n + b.dwellings.length, 0);
