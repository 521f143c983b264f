// Synthetic housing stock for one municipality (issue 4): buildings, dwellings with a status
// history, private landlords with incidents, head leases, leases and subleases to tenants, needs
// assessments and renewals, and the municipality's letter settings — as plain rows shaped like the
// tables of migration 0005 (snake_case columns, no tenant_id), so a seed or a benchmark can insert
// them as they are.
//
// Deterministic: the same input gives the same rows (nothing here calls Math.random or reads the
// clock; `today` is a parameter). Row ids come from `newId`; by default they are derived from the
// seed too, and the database seed passes crypto.randomUUID so two municipalities never share an id.
//
// Everything is invented. Street names are Norwegian-looking compositions; postnummer and poststed
// are real and belong to the municipality (checked against the postnummer register in the test);
// organisation numbers are mod-11 valid (they may coincide with a real organisation's number — only
// the check digit is synthetic-safe, not the name); landlords' e-mail addresses are under
// example.no and their phone numbers in 400 0x xxx; tenants' identity numbers are Skatteetaten
// Tenor test numbers (month + 80), never a real person's. Proportions follow the brief and
// requirements §7 where it gives figures (bofellesskap of 6 rooms with electricity in the rent,
// Bjerke's modular building with a common house, 2 months before internal rent accrues, many
// 3-year leases, a few open-ended).

import type { LeaseKind, LeaseState, LegalBasis, SecurityKind } from '../api/leases';
import { addDays, addMonths, daysBetween, type CalendarDate } from '../domain/calendar-date';
import type { DisposalForm, DwellingStatusCode, DwellingType } from '../domain/dwelling-rules';
import { generateSyntheticIdentityNumber } from '../domain/identity';
import { findKommune } from '../domain/kommuner';
import { validateOrgnr } from '../domain/orgnr';
import { findPoststed } from '../domain/postnummer';
import { nameSearchKey } from '../domain/person-names';
import { namePoolFor, norwegianFamilyNames, norwegianGivenNames } from './names';
import { createRng, deriveSeed, type Rng } from './rng';

// ---------------------------------------------------------------------------------------------
// Row types (columns of migration 0005; ids are plain strings)

export type BuildingRow = {
  id: string;
  name: string;
  kind: 'modular' | 'shared_house' | 'apartment_block' | 'house' | 'other';
  street: string;
  postnummer: string;
  poststed: string;
  kommunenummer: string;
  gnr: number;
  bnr: number;
  owner_kind: 'municipality' | 'municipal_company';
  common_house: boolean;
  common_facilities: string[];
  staff_rooms: number;
  neighbourhood_notes: string;
};

export type DwellingRow = {
  id: string;
  reference: string;
  building_id: string | null;
  parent_id: string | null;
  street: string;
  postnummer: string;
  poststed: string;
  kommunenummer: string;
  gnr: number;
  bnr: number;
  fnr: number;
  snr: number;
  bruksenhetsnummer: string | null;
  type: DwellingType;
  rooms: number;
  bedrooms: number;
  area_m2: number;
  capacity: number;
  floor: number;
  lift: boolean;
  universal_design: boolean;
  wheelchair_accessible: boolean;
  step_free_entrance: boolean;
  standard: 'low' | 'satisfactory' | 'high';
  condition: 'good' | 'needs_maintenance' | 'poor';
  condition_note: string;
  furnished: 'no' | 'partly' | 'fully';
  walk_min_school: number;
  walk_min_kindergarten: number;
  walk_min_bus_stop: number;
  walk_min_shop: number;
  walk_min_centre: number;
  walk_min_intro_programme: number;
  school_district: string;
  area_zone: string;
  disposal_form: DisposalForm;
  earmarking: 'first_settlement' | 'welfare' | 'care' | 'none';
  disposing_unit_id: string;
  /** Integer øre per month; null for a shared dwelling let room by room. */
  rent_ore: number | null;
  rent_includes: string[];
  market_rent_ore: number | null;
  husbanken_financing: 'none' | 'grunnlan' | 'tilskudd' | 'grunnlan_og_tilskudd';
  husbanken_grant_percent: number | null;
  acquisition_method: 'new_build' | 'purchase_new' | 'purchase_used' | 'renovation' | 'lease_in' | 'other';
  acquisition_date: CalendarDate;
  bostotte_approved_unit: boolean;
  rent_to_own_potential: boolean;
  caretaker: string;
  notes: string;
  status: DwellingStatusCode;
  status_since: CalendarDate;
};

export type DwellingStatusEventRow = {
  id: string;
  dwelling_id: string;
  status: DwellingStatusCode;
  valid_from: CalendarDate;
  note: string;
  source: 'lease' | 'import';
};

export type LandlordRow = {
  id: string;
  party_kind: 'person' | 'company';
  category: 'professional' | 'private_person' | 'developer' | 'foundation';
  name: string;
  orgnr: string | null;
  email: string;
  phone: string;
  address: string;
  kontonummer: null;
  contact_user_id: string | null;
  wants_consultation_before_reletting: boolean;
  prefers_long_term: boolean;
  refuses_municipal_guarantee: boolean;
  preference_notes: string;
  deposit_guarantee: boolean;
  rent_guarantee: boolean;
  rent_paid_in_advance: boolean;
  notes: string;
};

export type LandlordIncidentRow = {
  id: string;
  landlord_id: string;
  dwelling_id: string | null;
  occurred_on: CalendarDate;
  kind: 'complaint_from_landlord' | 'complaint_to_landlord' | 'damage' | 'neighbour' | 'maintenance' | 'other';
  description: string;
  resolved_on: CalendarDate | null;
};

export type PersonRow = {
  id: string;
  full_name: string;
  birth_date: CalendarDate;
  birth_date_precision: 'exact';
  name_search: string;
  identity_number: string | null;
};

export type LeaseRow = {
  id: string;
  reference: string;
  kind: LeaseKind;
  dwelling_id: string;
  head_lease_id: string | null;
  landlord_id: string | null;
  tenant_person_id: string | null;
  responsible_unit_id: string;
  start_date: CalendarDate;
  end_date: CalendarDate | null;
  terminated_on: CalendarDate | null;
  legal_basis: LegalBasis;
  rent_ore: number;
  deposit_ore: number;
  security_kind: SecurityKind;
  rent_paid_in_advance: boolean;
  signed_by_user_id: string | null;
  signed_on: CalendarDate;
  state: LeaseState;
  notice_given_on: CalendarDate | null;
  termination_reason: 'private_rental' | 'bought' | 'moved_municipality' | 'other_municipal' | 'other' | null;
  termination_note: string;
  notes: string;
};

export type NeedsAssessmentRow = {
  id: string;
  lease_id: string;
  assessed_on: CalendarDate;
  outcome:
    'continued_need' | 'private_rental' | 'startlan_purchase' | 'other_municipal_dwelling' | 'no_longer_qualifies';
  reasons: string;
  could_buy: boolean | null;
  assessed_by: string;
};

export type LeaseRenewalRow = {
  id: string;
  lease_id: string;
  assessment_id: string;
  previous_end: CalendarDate;
  new_end: CalendarDate;
  renewed_on: CalendarDate;
  renewed_by: string;
};

export type HousingSettingsRow = {
  letter_sender: string;
  letter_address: string;
  letter_phone: string;
  letter_email: string;
};

/** In insertion order: parents before children (dwellings before rooms, head leases before subleases). */
export type SyntheticHousing = {
  synthetic: true;
  kommunenummer: string;
  today: CalendarDate;
  settings: HousingSettingsRow;
  buildings: BuildingRow[];
  dwellings: DwellingRow[];
  statusEvents: DwellingStatusEventRow[];
  landlords: LandlordRow[];
  incidents: LandlordIncidentRow[];
  persons: PersonRow[];
  leases: LeaseRow[];
  needsAssessments: NeedsAssessmentRow[];
  renewals: LeaseRenewalRow[];
};

/** The demo municipality's stock, and the register size the list must stay fast on (issue 4 §8). */
export const DEMO_HOUSING_DWELLINGS = 150;
export const BENCHMARK_HOUSING_DWELLINGS = 10_000;
const MIN_DWELLINGS = 40;

export type HousingSize = 'demo' | 'benchmark' | number;

export type GenerateHousingInput = {
  seed: number;
  kommunenummer: string;
  /** 'demo' (150 dwellings), 'benchmark' (10 000) or a number of dwellings (≥ 40). */
  size: HousingSize;
  /** The day the data is generated for: leases run, expire and were let relative to it. */
  today: CalendarDate;
  /** Units that dispose of dwellings and are responsible for leases (boligkontor, flyktningtjeneste…). */
  unitIds: readonly string[];
  /** Staff who sign leases, are landlords' contact persons and record needs assessments. Without
   * any, leases are unsigned and no needs assessments or renewals are generated. */
  staffIds?: readonly string[];
  /** The municipal service that sends letters (default: the municipality's refugee service). */
  letterSender?: string;
  newId?: () => string;
};

// ---------------------------------------------------------------------------------------------
// Places: real postnummer and poststed of the municipality, synthetic zones and school districts.

type Zone = {
  name: string;
  schoolDistrict: string;
  postnumre: readonly string[];
  /** Expected poststed (as in Posten's register) for the postnumre above. */
  poststed: string;
  weight: number;
  central: boolean;
};

// Molde (1506) since 2020 includes the former Nesset and Midsund. Zones and school districts are
// invented groupings; the postnumre are Posten's.
const zonesByKommune: Readonly<Record<string, readonly Zone[]>> = {
  '1506': [
    {
      name: 'Sentrum',
      schoolDistrict: 'Sentrum skolekrets',
      postnumre: ['6413', '6415'],
      poststed: 'MOLDE',
      weight: 30,
      central: true,
    },
    {
      name: 'Molde øst',
      schoolDistrict: 'Østbyen skolekrets',
      postnumre: ['6416', '6419'],
      poststed: 'MOLDE',
      weight: 25,
      central: true,
    },
    {
      name: 'Molde vest',
      schoolDistrict: 'Vestbyen skolekrets',
      postnumre: ['6412', '6414'],
      poststed: 'MOLDE',
      weight: 25,
      central: true,
    },
    {
      name: 'Hjelset',
      schoolDistrict: 'Hjelset skolekrets',
      postnumre: ['6450'],
      poststed: 'HJELSET',
      weight: 8,
      central: false,
    },
    {
      name: 'Malmefjorden',
      schoolDistrict: 'Malmefjorden skolekrets',
      postnumre: ['6445'],
      poststed: 'MALMEFJORDEN',
      weight: 5,
      central: false,
    },
    {
      name: 'Eidsvåg',
      schoolDistrict: 'Eidsvåg skolekrets',
      postnumre: ['6460'],
      poststed: 'EIDSVÅG I ROMSDAL',
      weight: 7,
      central: false,
    },
  ],
};

export function supportedHousingKommuner(): string[] {
  return Object.keys(zonesByKommune);
}

// prettier-ignore
const streetStems = [
  'Bjørke', 'Furu', 'Rogne', 'Lyng', 'Blåbær', 'Tyttebær', 'Multe', 'Hegg', 'Selje', 'Older',
  'Havørn', 'Fiskar', 'Nordly', 'Solbakke', 'Fjellsyn', 'Kvernhus', 'Sagbruk', 'Smie', 'Teglverk',
  'Skipper', 'Los', 'Naust', 'Fjordglimt', 'Reinrose', 'Kvitveis', 'Marisko', 'Storm', 'Bølge',
];
const streetSuffixes = ['vegen', 'vegen', 'vegen', 'stien', 'gata', 'tunet', 'lia', 'bakken', 'haugen'];

function streetName(rng: Rng): string {
  return `${rng.pick(streetStems)}${rng.pick(streetSuffixes)}`;
}

// ---------------------------------------------------------------------------------------------
// Generator

export function housingDwellingCount(size: HousingSize): number {
  if (size === 'demo') return DEMO_HOUSING_DWELLINGS;
  if (size === 'benchmark') return BENCHMARK_HOUSING_DWELLINGS;
  if (!Number.isSafeInteger(size) || size < MIN_DWELLINGS) {
    throw new RangeError(`size must be 'demo', 'benchmark' or an integer ≥ ${MIN_DWELLINGS}, got ${size}`);
  }
  return size;
}

type Plan = {
  dwelling: DwellingRow;
  /** Scenario for lettable dwellings (not the shared dwelling itself). */
  scenario?: Scenario;
  landlordIndex?: number;
};

type Scenario =
  | { status: 'let'; band: ExpiryBand }
  | { status: 'vacant'; days: number }
  | { status: 'notice_given' | 'reserved' | 'ready' | 'renovation' | 'awaiting_maintenance' | 'planned' };

type ExpiryBand = 'within_1m' | 'within_3m' | 'within_6m' | 'later' | 'open_ended' | 'renewed';

export function generateHousing(input: GenerateHousingInput): SyntheticHousing {
  const { seed, kommunenummer, today } = input;
  const count = housingDwellingCount(input.size);
  const kommune = findKommune(kommunenummer);
  const zones = zonesByKommune[kommunenummer];
  if (!kommune || !zones) {
    throw new RangeError(
      `no synthetic housing places for kommunenummer ${kommunenummer}; supported: ${supportedHousingKommuner().join(', ')}`,
    );
  }
  if (input.unitIds.length === 0) throw new RangeError('generateHousing needs at least one disposing unit');
  const root = deriveSeed({ seed, label: `housing:${kommunenummer}` });
  const stream = (label: string): Rng => createRng(deriveSeed({ seed: root, label }));
  const idRng = stream('ids');
  const newId = input.newId ?? (() => uuidFrom(idRng));
  const staff = input.staffIds ?? [];
  const g: Context = {
    today,
    kommunenummer,
    municipality: kommune.navn,
    zones,
    units: input.unitIds,
    staff,
    newId,
    usedCadastre: new Set(),
    usedIdentityNumbers: new Set(),
    usedOrgnr: new Set(),
    headLeases: 0,
    leases: 0,
  };

  const out: SyntheticHousing = {
    synthetic: true,
    kommunenummer,
    today,
    settings: {
      letter_sender: input.letterSender ?? `Flyktningtjenesten, ${kommune.navn} kommune`,
      letter_address: `Eksempelvegen 1, ${zones[0]!.postnumre[0]} ${poststedOf(zones[0]!, zones[0]!.postnumre[0]!)}`,
      letter_phone: '400 00 000',
      letter_email: 'flyktningtjenesten@example.no',
    },
    buildings: [],
    dwellings: [],
    statusEvents: [],
    landlords: [],
    incidents: [],
    persons: [],
    leases: [],
    needsAssessments: [],
    renewals: [],
  };

  // 1. The stock: buildings first, the rest stand-alone.
  const plans = buildStock(g, stream('stock'), count, out);

  // 2. What happens in each dwelling: fixed quotas so that even the demo shows every case.
  assignScenarios(stream('scenarios'), plans);

  // 3. Private landlords for the dwellings the municipality leases in and sublets.
  const privatePlans = plans.filter((p) => p.dwelling.disposal_form === 'private_sublet');
  out.landlords = buildLandlords(g, stream('landlords'), privatePlans);

  // 4. Leases, tenants and the status history, dwelling by dwelling.
  const leaseRng = stream('leases');
  const headBands = quotaList<ExpiryBand>(
    leaseRng,
    privatePlans.length,
    [
      ['within_1m', 0.03, 1],
      ['within_3m', 0.06, 2],
      ['within_6m', 0.08, 2],
    ],
    'later',
  );
  let headIndex = 0;
  for (const plan of plans) {
    if (!plan.scenario) continue;
    const head =
      plan.dwelling.disposal_form === 'private_sublet'
        ? headLease(g, leaseRng, out, plan, headBands[headIndex++] ?? 'later')
        : undefined;
    occupancy(g, leaseRng, out, plan, head);
  }
  sharedHousingStatus(g, plans, out);

  // 5. Incidents with landlords.
  out.incidents = buildIncidents(g, stream('incidents'), out);
  return out;
}

type Context = {
  today: CalendarDate;
  kommunenummer: string;
  municipality: string;
  zones: readonly Zone[];
  units: readonly string[];
  staff: readonly string[];
  newId: () => string;
  usedCadastre: Set<string>;
  usedIdentityNumbers: Set<string>;
  usedOrgnr: Set<string>;
  headLeases: number;
  leases: number;
};

/** A random UUID (version 4 layout) from the seeded stream. */
function uuidFrom(rng: Rng): string {
  const hex = Array.from({ length: 32 }, () => rng.int(0, 15).toString(16));
  hex[12] = '4';
  hex[16] = (8 + rng.int(0, 3)).toString(16);
  const s = hex.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

function poststedOf(zone: Zone, postnummer: string): string {
  return findPoststed(postnummer) ?? zone.poststed;
}

function nok(amount: number): number {
  return Math.round(amount / 50) * 50 * 100;
}

/** Monthly rent by size: NOK 6 000 for a bedsit up to 16 000 for a large family house. */
function rentFor(rng: Rng, type: DwellingType, bedrooms: number): number {
  if (type === 'shared_room') return nok(rng.int(6_000, 6_500)); // furniture, electricity and internet included
  if (type === 'bedsit' || bedrooms === 0) return nok(rng.int(6_000, 7_200));
  const ranges: Record<number, [number, number]> = {
    1: [7_000, 8_800],
    2: [8_500, 10_800],
    3: [10_500, 13_000],
    4: [12_500, 14_800],
  };
  const [low, high] = ranges[bedrooms] ?? [14_000, 16_000];
  return nok(rng.int(low, high));
}

function walkMinutes(rng: Rng, zone: Zone) {
  return zone.central
    ? {
        walk_min_school: rng.int(4, 18),
        walk_min_kindergarten: rng.int(2, 12),
        walk_min_bus_stop: rng.int(1, 6),
        walk_min_shop: rng.int(2, 15),
        walk_min_centre: rng.int(3, 25),
        walk_min_intro_programme: rng.int(5, 30),
      }
    : {
        walk_min_school: rng.int(5, 30),
        walk_min_kindergarten: rng.int(4, 25),
        walk_min_bus_stop: rng.int(2, 15),
        walk_min_shop: rng.int(5, 35),
        walk_min_centre: rng.int(10, 40),
        walk_min_intro_programme: rng.int(60, 240),
      };
}

function cadastre(g: Context, rng: Rng): { gnr: number; bnr: number } {
  for (;;) {
    const gnr = rng.int(1, 260);
    const bnr = rng.int(1, 2400);
    const key = `${gnr}/${bnr}`;
    if (!g.usedCadastre.has(key)) {
      g.usedCadastre.add(key);
      return { gnr, bnr };
    }
  }
}

function bruksenhet(floor: number, unit: number): string {
  return `H${String(floor).padStart(2, '0')}${String(unit).padStart(2, '0')}`;
}

type Site = { street: string; postnummer: string; poststed: string; zone: Zone; gnr: number; bnr: number };

function site(g: Context, rng: Rng): Site {
  const zone = rng.weighted(g.zones.map((z) => [z, z.weight] as const));
  const postnummer = rng.pick(zone.postnumre);
  const letter = rng.chance(0.15) ? rng.pick([' A', ' B', ' C']) : '';
  return {
    street: `${streetName(rng)} ${rng.int(1, 90)}${letter}`,
    postnummer,
    poststed: poststedOf(zone, postnummer),
    zone,
    ...cadastre(g, rng),
  };
}

function buildStock(g: Context, rng: Rng, count: number, out: SyntheticHousing): Plan[] {
  const plans: Plan[] = [];
  const room = (): number => count - plans.length;
  const unitFor = (): string => rng.pick(g.units);

  const dwelling = (
    s: Site,
    fields: Pick<
      DwellingRow,
      'type' | 'rooms' | 'bedrooms' | 'area_m2' | 'capacity' | 'floor' | 'lift' | 'disposal_form'
    > &
      Partial<DwellingRow>,
  ): DwellingRow => {
    const stepFree = fields.floor === 1 ? rng.chance(0.6) : fields.lift;
    // Universal design is rare in the existing stock (about 15 %); wheelchair access rarer still.
    const universal = stepFree && rng.chance(0.28);
    const wheelchair = universal && rng.chance(0.35);
    const condition = rng.weighted<DwellingRow['condition']>([
      ['good', 80],
      ['needs_maintenance', 17],
      ['poor', 3],
    ]);
    const row: DwellingRow = {
      id: g.newId(),
      reference: `B-${String(plans.length + 1).padStart(5, '0')}`,
      building_id: null,
      parent_id: null,
      street: s.street,
      postnummer: s.postnummer,
      poststed: s.poststed,
      kommunenummer: g.kommunenummer,
      gnr: s.gnr,
      bnr: s.bnr,
      fnr: 0,
      snr: 0,
      bruksenhetsnummer: bruksenhet(fields.floor, 1),
      universal_design: universal,
      wheelchair_accessible: wheelchair,
      step_free_entrance: stepFree,
      standard: rng.weighted([
        ['satisfactory', 70],
        ['high', 18],
        ['low', 12],
      ]),
      condition,
      condition_note: condition === 'good' ? '' : rng.pick(conditionNotes),
      furnished: rng.weighted([
        ['no', 55],
        ['partly', 25],
        ['fully', 20],
      ]),
      ...walkMinutes(rng, s.zone),
      school_district: s.zone.schoolDistrict,
      area_zone: s.zone.name,
      earmarking: rng.weighted([
        ['first_settlement', 45],
        ['welfare', 30],
        ['care', 5],
        ['none', 20],
      ]),
      disposing_unit_id: unitFor(),
      rent_ore: rentFor(rng, fields.type, fields.bedrooms),
      rent_includes: [],
      market_rent_ore: null,
      husbanken_financing: 'none',
      husbanken_grant_percent: null,
      acquisition_method: 'purchase_used',
      acquisition_date: g.today, // replaced once the leases are known
      bostotte_approved_unit: true,
      rent_to_own_potential: false,
      caretaker: '',
      notes: '',
      status: 'ready',
      status_since: g.today,
      ...fields,
    };
    if (row.disposal_form === 'private_sublet') {
      row.acquisition_method = 'lease_in';
      row.market_rent_ore = row.rent_ore;
    } else if (row.disposal_form === 'rent_to_own') {
      row.rent_to_own_potential = true;
      row.husbanken_financing = 'grunnlan';
    } else if (row.acquisition_method === 'new_build' || rng.chance(0.3)) {
      // Husbanken's grant for rental dwellings is 20 % (requirements §7.3).
      row.husbanken_financing = rng.chance(0.6) ? 'grunnlan_og_tilskudd' : 'tilskudd';
      row.husbanken_grant_percent = 20;
    }
    if (row.disposal_form === 'municipal' && row.type !== 'shared_room' && rng.chance(0.08))
      row.rent_to_own_potential = true;
    return row;
  };
  const push = (row: DwellingRow): Plan => {
    const plan: Plan = { dwelling: row };
    plans.push(plan);
    out.dwellings.push(row);
    return plan;
  };

  // A modular building with a common house and about 12 units for single adults, like Bjerke's
  // (requirements §7.2: 12 of 13 use the common house, TV room and laundry).
  const modularCount = Math.max(1, Math.round(count / 150));
  for (let b = 0; b < modularCount && room() >= 12; b++) {
    const s = site(g, rng);
    const building: BuildingRow = {
      id: g.newId(),
      name: `${s.street.replace(/ [0-9]+.*$/, '')} modulbygg`,
      kind: 'modular',
      street: s.street,
      postnummer: s.postnummer,
      poststed: s.poststed,
      kommunenummer: g.kommunenummer,
      gnr: s.gnr,
      bnr: s.bnr,
      owner_kind: 'municipality',
      common_house: true,
      common_facilities: ['tv_room', 'laundry', 'living_room', 'kitchen', 'toilet'],
      staff_rooms: 1,
      neighbourhood_notes: 'Fellesbygg med TV-stue og vaskeri. Miljøarbeider på dagtid hverdager.',
    };
    out.buildings.push(building);
    const built = addDays({ date: g.today, days: -rng.int(400, 900) });
    const unitDisposal: DisposalForm = rng.chance(0.7) ? 'municipal' : 'municipal_company';
    const disposer = unitFor();
    for (let u = 1; u <= 12; u++) {
      const floor = u <= 6 ? 1 : 2;
      const bedrooms = u % 4 === 0 ? 1 : 0;
      push(
        dwelling(s, {
          type: 'modular_unit',
          rooms: bedrooms + 1,
          bedrooms,
          area_m2: 22 + bedrooms * 12 + rng.int(0, 6),
          capacity: bedrooms === 0 ? 1 : 2,
          floor,
          lift: false,
          disposal_form: unitDisposal,
          building_id: building.id,
          bruksenhetsnummer: bruksenhet(floor, ((u - 1) % 6) + 1),
          furnished: 'fully',
          earmarking: 'first_settlement',
          standard: 'high',
          condition: 'good',
          condition_note: '',
          acquisition_method: 'new_build',
          acquisition_date: built,
          disposing_unit_id: disposer,
          rent_includes: ['furniture', 'internet'],
        }),
      );
    }
  }

  // A bofellesskap: one shared dwelling whose rooms are let one by one (requirements §7.1, Drammen:
  // 6 rooms; §7.3: electricity included in the rent).
  const sharedCount = Math.max(1, Math.round(count / 150));
  for (let b = 0; b < sharedCount && room() >= 7; b++) {
    const s = site(g, rng);
    const rooms = 6;
    const building: BuildingRow = {
      id: g.newId(),
      name: `Bofellesskap ${s.street.replace(/ [0-9]+.*$/, '')}`,
      kind: 'shared_house',
      street: s.street,
      postnummer: s.postnummer,
      poststed: s.poststed,
      kommunenummer: g.kommunenummer,
      gnr: s.gnr,
      bnr: s.bnr,
      owner_kind: 'municipality',
      common_house: false,
      common_facilities: ['kitchen', 'living_room', 'laundry'],
      staff_rooms: 0,
      neighbourhood_notes: 'Miljøarbeider 4–5 timer i uka.',
    };
    out.buildings.push(building);
    const acquired = addDays({ date: g.today, days: -rng.int(1200, 2400) });
    const disposer = unitFor();
    const parent = dwelling(s, {
      type: 'shared_housing',
      rooms: rooms + 2,
      bedrooms: rooms,
      area_m2: rng.int(150, 210),
      capacity: rooms,
      floor: 1,
      lift: false,
      disposal_form: 'municipal',
      building_id: building.id,
      furnished: 'fully',
      earmarking: 'first_settlement',
      rent_ore: null,
      acquisition_method: 'purchase_used',
      acquisition_date: acquired,
      disposing_unit_id: disposer,
      notes: 'Rommene leies ut enkeltvis.',
    });
    push(parent);
    for (let r = 1; r <= rooms; r++) {
      push(
        dwelling(s, {
          type: 'shared_room',
          rooms: 1,
          bedrooms: 1,
          area_m2: rng.int(10, 18),
          capacity: 1,
          floor: r <= 3 ? 1 : 2,
          lift: false,
          disposal_form: 'municipal',
          building_id: building.id,
          parent_id: parent.id,
          bruksenhetsnummer: null,
          furnished: 'fully',
          earmarking: 'first_settlement',
          rent_includes: ['electricity', 'internet', 'furniture'],
          acquisition_method: 'purchase_used',
          acquisition_date: acquired,
          disposing_unit_id: disposer,
          universal_design: false,
          wheelchair_accessible: false,
        }),
      );
    }
  }

  // A few small apartment blocks owned by the municipality or its company (KF).
  const blockCount = Math.max(3, Math.round(count / 50));
  for (let b = 0; b < blockCount && room() >= 6; b++) {
    const s = site(g, rng);
    const floors = rng.int(2, 4);
    const perFloor = rng.int(2, 3);
    const units = Math.min(room(), floors * perFloor);
    const lift = floors >= 4 && rng.chance(0.5);
    const owner: DisposalForm = rng.chance(0.75) ? 'municipal' : 'municipal_company';
    const building: BuildingRow = {
      id: g.newId(),
      name: `${s.street}`,
      kind: 'apartment_block',
      street: s.street,
      postnummer: s.postnummer,
      poststed: s.poststed,
      kommunenummer: g.kommunenummer,
      gnr: s.gnr,
      bnr: s.bnr,
      owner_kind: owner === 'municipal' ? 'municipality' : 'municipal_company',
      common_house: false,
      common_facilities: rng.chance(0.5) ? ['laundry'] : [],
      staff_rooms: 0,
      neighbourhood_notes: '',
    };
    out.buildings.push(building);
    const acquired = addDays({ date: g.today, days: -rng.int(1500, 6000) });
    const disposer = unitFor();
    for (let u = 0; u < units; u++) {
      const floor = Math.floor(u / perFloor) + 1;
      const bedsit = rng.chance(0.12);
      const bedrooms = bedsit
        ? 0
        : rng.weighted([
            [1, 35],
            [2, 40],
            [3, 25],
          ] as const);
      push(
        dwelling(s, {
          type: bedsit ? 'bedsit' : 'flat',
          rooms: bedrooms + 1,
          bedrooms,
          area_m2: bedsit ? rng.int(22, 34) : 32 + bedrooms * 17 + rng.int(-4, 10),
          capacity: bedsit ? 1 : bedrooms * 2,
          floor,
          lift,
          disposal_form: owner,
          building_id: building.id,
          bruksenhetsnummer: bruksenhet(floor, (u % perFloor) + 1),
          acquisition_method: rng.chance(0.5) ? 'purchase_new' : 'purchase_used',
          acquisition_date: acquired,
          disposing_unit_id: disposer,
        }),
      );
    }
  }

  // Stand-alone dwellings: flats and bedsits in private blocks, and houses for large families.
  // Weighted so that the whole stock is about 55 % municipal, 10 % KF, 30 % leased in and sublet,
  // and a few cooperative shares and rent-to-own dwellings.
  const buildingsShare = plans.length;
  const rest = room();
  const privateTarget = Math.round(count * 0.3);
  const kfTarget = Math.max(
    0,
    Math.round(count * 0.1) - plans.filter((p) => p.dwelling.disposal_form === 'municipal_company').length,
  );
  const otherTarget = Math.max(2, Math.round(count * 0.05));
  const disposals = rng.shuffle([
    ...Array<DisposalForm>(Math.min(rest, privateTarget)).fill('private_sublet'),
    ...Array<DisposalForm>(Math.min(Math.max(0, rest - privateTarget), kfTarget)).fill('municipal_company'),
    ...Array.from({ length: Math.min(Math.max(0, rest - privateTarget - kfTarget), otherTarget) }, (_, i) =>
      i % 2 === 0 ? ('cooperative' as const) : ('rent_to_own' as const),
    ),
  ]);
  while (disposals.length < rest) disposals.push('municipal');
  const planned = buildingsShare; // the first stand-alone dwelling is the planned one
  while (room() > 0) {
    const s = site(g, rng);
    const isPlanned = plans.length === planned;
    const disposal: DisposalForm = isPlanned ? 'municipal' : (disposals[plans.length - buildingsShare] ?? 'municipal');
    const kind = rng.weighted<'flat' | 'bedsit' | 'house'>([
      ['flat', 60],
      ['bedsit', 15],
      ['house', disposal === 'cooperative' ? 0 : 25],
    ]);
    let fields: Parameters<typeof dwelling>[1];
    if (kind === 'house') {
      const bedrooms = rng.weighted([
        [3, 35],
        [4, 45],
        [5, 20],
      ] as const);
      fields = {
        type: 'house',
        rooms: bedrooms + rng.int(1, 2),
        bedrooms,
        area_m2: 70 + bedrooms * 18 + rng.int(0, 30),
        capacity: Math.min(10, bedrooms * 2),
        floor: 1,
        lift: false,
        disposal_form: disposal,
      };
    } else if (kind === 'bedsit') {
      fields = {
        type: 'bedsit',
        rooms: 1,
        bedrooms: 0,
        area_m2: rng.int(18, 34),
        capacity: 1,
        floor: rng.int(1, 4),
        lift: rng.chance(0.3),
        disposal_form: disposal,
      };
    } else {
      const bedrooms = rng.weighted([
        [1, 35],
        [2, 38],
        [3, 20],
        [4, 7],
      ] as const);
      const floor = rng.int(1, 5);
      fields = {
        type: 'flat',
        rooms: bedrooms + 1,
        bedrooms,
        area_m2: 32 + bedrooms * 17 + rng.int(-4, 12),
        capacity: bedrooms * 2,
        floor,
        lift: floor >= 4 ? rng.chance(0.7) : rng.chance(0.3),
        disposal_form: disposal,
        bruksenhetsnummer: bruksenhet(floor, rng.int(1, 4)),
      };
    }
    const row = dwelling(s, fields);
    if (isPlanned) {
      row.acquisition_method = 'new_build';
      row.husbanken_financing = 'grunnlan_og_tilskudd';
      row.husbanken_grant_percent = 20;
      row.notes = 'Under oppføring, planlagt innflytting om fire måneder.';
    }
    push(row);
  }
  return plans;
}

const conditionNotes = [
  'Slitt kjøkken, bør pusses opp ved neste ledighet.',
  'Fuktmerker på badet, meldt til vaktmester.',
  'Vinduer bør skiftes.',
  'Gulvbelegg i gangen er skadet.',
];

/** n items labelled by quota (share of n, at least min), the rest `rest`, shuffled. */
function quotaList<T>(rng: Rng, n: number, quotas: readonly (readonly [T, number, number])[], rest: T): T[] {
  const list: T[] = [];
  for (const [label, share, min] of quotas) {
    const k = Math.max(min, Math.round(n * share));
    for (let i = 0; i < k && list.length < n; i++) list.push(label);
  }
  while (list.length < n) list.push(rest);
  return rng.shuffle(list);
}

function assignScenarios(rng: Rng, plans: Plan[]): void {
  const lettable = plans.filter((p) => p.dwelling.type !== 'shared_housing');
  const plannedPlan = lettable.find(
    (p) => p.dwelling.acquisition_method === 'new_build' && p.dwelling.building_id === null,
  );
  if (plannedPlan) plannedPlan.scenario = { status: 'planned' };
  const others = lettable.filter((p) => p !== plannedPlan);
  type Label =
    | 'let'
    | 'vacant_long'
    | 'vacant_short'
    | 'notice_given'
    | 'reserved'
    | 'ready'
    | 'renovation'
    | 'awaiting_maintenance';
  const labels = quotaList<Label>(
    rng,
    others.length,
    [
      ['vacant_long', 0.05, 3], // vacant for more than 2 months: internal rent accrues (§7.3)
      ['vacant_short', 0.05, 3],
      ['notice_given', 0.04, 2],
      ['reserved', 0.03, 2],
      ['ready', 0.02, 2],
      ['renovation', 0.03, 2],
      ['awaiting_maintenance', 0.03, 2],
    ],
    'let',
  );
  // Open-ended leases and renewals are the municipality's own (direct) leases: a sublease cannot
  // outlive its fixed-term head lease.
  const isLet = (i: number): boolean => labels[i] === 'let';
  const privateLet = others.filter((p, i) => isLet(i) && p.dwelling.disposal_form === 'private_sublet').length;
  const ownLet = others.filter((p, i) => isLet(i) && p.dwelling.disposal_form !== 'private_sublet').length;
  const expiring = (n: number) =>
    [
      ['within_1m', 0.04, Math.min(2, n)],
      ['within_3m', 0.06, Math.min(2, n)],
      ['within_6m', 0.08, Math.min(3, n)],
    ] as const;
  const privateBands = quotaList<ExpiryBand>(rng, privateLet, expiring(privateLet), 'later');
  const ownBands = quotaList<ExpiryBand>(
    rng,
    ownLet,
    [...expiring(ownLet), ['open_ended', 0.08, 3], ['renewed', 0.02, 2]],
    'later',
  );
  others.forEach((plan, i) => {
    const label = labels[i]!;
    if (label === 'let') {
      const band = plan.dwelling.disposal_form === 'private_sublet' ? privateBands.pop() : ownBands.pop();
      plan.scenario = { status: 'let', band: band ?? 'later' };
    } else if (label === 'vacant_long') plan.scenario = { status: 'vacant', days: rng.int(62, 320) };
    else if (label === 'vacant_short') plan.scenario = { status: 'vacant', days: rng.int(3, 55) };
    else plan.scenario = { status: label };
  });
}

// ---------------------------------------------------------------------------------------------
// Landlords

// prettier-ignore
const companyStems = [
  'Fjordbakken', 'Romsdalsbolig', 'Nordlys', 'Granlia', 'Kvernberg', 'Solsiden', 'Havblikk', 'Lyngheia',
  'Bjørkelund', 'Tindeglimt', 'Moldeheim', 'Bryggekanten', 'Sjøbris', 'Fjellro', 'Elvebredden', 'Bakkely',
];
const companySuffixes = ['Eiendom AS', 'Utleie AS', 'Bolig AS', 'Boligutleie AS', 'Invest AS', 'Hus AS'];

function slug(s: string): string {
  return s
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'o')
    .replace(/å/g, 'a')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '')
    .slice(0, 40);
}

// Brønnøysundregistrene: nine digits, the last a modulus-11 control digit (weights 3 2 7 6 5 4 3 2);
// the register's numbers for organisations start with 8 or 9.
const ORGNR_WEIGHTS = [3, 2, 7, 6, 5, 4, 3, 2];

export function syntheticOrgnr(rng: Rng): string {
  for (;;) {
    const digits = [rng.pick([8, 9]), ...Array.from({ length: 7 }, () => rng.int(0, 9))];
    const sum = digits.reduce((acc, d, i) => acc + d * ORGNR_WEIGHTS[i]!, 0);
    const control = (11 - (sum % 11)) % 11;
    if (control === 10) continue;
    const orgnr = [...digits, control].join('');
    // Guard: the shared rule (orgnr.ts) is the authority; never emit a number it refuses.
    if (validateOrgnr(orgnr).ok) return orgnr;
  }
}

function phone(rng: Rng): string {
  // 400 0x xxx: an unmistakably made-up block of mobile numbers for demo data.
  return `400 0${rng.int(0, 9)} ${String(rng.int(0, 999)).padStart(3, '0')}`;
}

function buildLandlords(g: Context, rng: Rng, privatePlans: Plan[]): LandlordRow[] {
  const landlords: LandlordRow[] = [];
  const usedEmails = new Set<string>();
  const email = (local: string): string => {
    let candidate = `${local}@example.no`;
    for (let n = 2; usedEmails.has(candidate); n++) candidate = `${local}${n}@example.no`;
    usedEmails.add(candidate);
    return candidate;
  };
  let i = 0;
  while (i < privatePlans.length) {
    const company = rng.chance(0.35);
    const owns = company
      ? rng.int(2, 6)
      : rng.weighted([
          [1, 70],
          [2, 25],
          [3, 5],
        ] as const);
    let row: LandlordRow;
    const s = site(g, rng);
    const address = `${s.street}, ${s.postnummer} ${s.poststed}`;
    if (company) {
      let orgnr = syntheticOrgnr(rng);
      while (g.usedOrgnr.has(orgnr)) orgnr = syntheticOrgnr(rng);
      g.usedOrgnr.add(orgnr);
      const name = `${rng.pick(companyStems)} ${rng.pick(companySuffixes)}`;
      row = landlordBase(g, rng, {
        party_kind: 'company',
        category: rng.weighted([
          ['professional', 75],
          ['developer', 15],
          ['foundation', 10],
        ]),
        name,
        orgnr,
        email: email(`utleie.${slug(name.replace(/ AS$/, ''))}`),
        phone: phone(rng),
        address,
      });
    } else {
      const given = rng.pick(norwegianGivenNames);
      const family = rng.pick(norwegianFamilyNames);
      row = landlordBase(g, rng, {
        party_kind: 'person',
        category: 'private_person',
        name: `${given} ${family}`,
        orgnr: null,
        email: email(`${slug(given)}.${slug(family)}`),
        phone: phone(rng),
        address,
      });
    }
    landlords.push(row);
    for (let k = 0; k < owns && i < privatePlans.length; k++, i++)
      privatePlans[i]!.landlordIndex = landlords.length - 1;
  }
  return landlords;
}

function landlordBase(
  g: Context,
  rng: Rng,
  fields: Pick<LandlordRow, 'party_kind' | 'category' | 'name' | 'orgnr' | 'email' | 'phone' | 'address'>,
): LandlordRow {
  const wantsConsultation = rng.chance(0.3);
  const prefersLong = rng.chance(0.4);
  const refuses = rng.chance(0.1);
  const notes: string[] = [];
  if (wantsConsultation) notes.push('Vil bli spurt før boligen leies ut på nytt.');
  if (prefersLong) notes.push('Ønsker langsiktige leieforhold.');
  if (refuses) notes.push('Godtar ikke kommunal depositumsgaranti, krever depositum.');
  return {
    id: g.newId(),
    ...fields,
    kontonummer: null,
    contact_user_id: g.staff.length > 0 && rng.chance(0.85) ? rng.pick(g.staff) : null,
    wants_consultation_before_reletting: wantsConsultation,
    prefers_long_term: prefersLong,
    refuses_municipal_guarantee: refuses,
    preference_notes: notes.join(' '),
    deposit_guarantee: !refuses && rng.chance(0.5),
    rent_guarantee: rng.chance(0.2),
    rent_paid_in_advance: rng.chance(0.1),
    notes: '',
  };
}

// ---------------------------------------------------------------------------------------------
// Leases

type Head = { lease: LeaseRow; start: CalendarDate; end: CalendarDate };

function daysFromToday(g: Context, days: number): CalendarDate {
  return addDays({ date: g.today, days });
}

function minDate(a: CalendarDate, b: CalendarDate): CalendarDate {
  return a < b ? a : b;
}

function maxDate(a: CalendarDate, b: CalendarDate): CalendarDate {
  return a > b ? a : b;
}

function bandOffset(rng: Rng, band: ExpiryBand, maxDays: number): number {
  switch (band) {
    case 'within_1m':
      return rng.int(5, 28);
    case 'within_3m':
      return rng.int(35, 88);
    case 'within_6m':
      return rng.int(95, 178);
    default:
      return rng.int(Math.min(190, maxDays), maxDays);
  }
}

function headLease(g: Context, rng: Rng, out: SyntheticHousing, plan: Plan, band: ExpiryBand): Head {
  const d = plan.dwelling;
  const landlord = out.landlords[plan.landlordIndex ?? 0]!;
  const term = rng.weighted([
    [36, 50],
    [48, 20],
    [60, 30],
  ] as const); // 3–5 years
  // A dwelling about to be let, or let for years yet, needs a head lease that runs long enough.
  const needsLong = plan.scenario?.status === 'reserved';
  const longest = daysBetween({ from: g.today, to: addMonths({ date: g.today, months: term }) }) - 45;
  const end = daysFromToday(g, needsLong ? rng.int(400, longest) : bandOffset(rng, band, longest));
  const start = addMonths({ date: end, months: -term });
  const security = landlord.refuses_municipal_guarantee
    ? 'deposit'
    : rng.weighted<SecurityKind>([
        ['deposit_guarantee', 40],
        ['rent_guarantee', 20],
        ['deposit', 25],
        ['none', 15],
      ]);
  const rent = d.rent_ore ?? nok(8_000);
  const lease: LeaseRow = {
    id: g.newId(),
    reference: `HL-${String(++g.headLeases).padStart(5, '0')}`,
    kind: 'head',
    dwelling_id: d.id,
    head_lease_id: null,
    landlord_id: landlord.id,
    tenant_person_id: null,
    responsible_unit_id: d.disposing_unit_id,
    start_date: start,
    end_date: end,
    terminated_on: null,
    legal_basis: 'hl_9_3',
    rent_ore: rent,
    deposit_ore: security === 'deposit' ? rent * 3 : 0,
    security_kind: security,
    rent_paid_in_advance: landlord.rent_paid_in_advance,
    signed_by_user_id: g.staff.length > 0 ? rng.pick(g.staff) : null,
    signed_on: addDays({ date: start, days: -rng.int(10, 40) }),
    state: 'active',
    notice_given_on: null,
    termination_reason: null,
    termination_note: '',
    notes: `Innleie fra ${landlord.name}, ${term / 12} år.`,
  };
  out.leases.push(lease);
  return { lease, start, end };
}

const endReasons: readonly (readonly [NonNullable<LeaseRow['termination_reason']>, number])[] = [
  ['private_rental', 40],
  ['other_municipal', 20],
  ['bought', 12],
  ['moved_municipality', 18],
  ['other', 10],
];

type LeaseDraft = {
  start: CalendarDate;
  end: CalendarDate | null;
  state: LeaseState;
  terminatedOn?: CalendarDate;
  noticeOn?: CalendarDate;
  reason?: LeaseRow['termination_reason'];
  basis?: LegalBasis;
};

function basisFor(start: CalendarDate, end: CalendarDate | null): LegalBasis {
  if (end === null) return 'open_ended';
  // husleieloven § 9-3: at least three years; shorter terms rest on § 11-1 (vanskeligstilte).
  return addMonths({ date: start, months: 36 }) <= end ? 'hl_9_3' : 'hl_11_1';
}

function addLease(
  g: Context,
  rng: Rng,
  out: SyntheticHousing,
  plan: Plan,
  head: Head | undefined,
  draft: LeaseDraft,
): LeaseRow {
  const d = plan.dwelling;
  const rent = d.rent_ore ?? nok(6_000);
  const security = rng.weighted<SecurityKind>([
    ['deposit_guarantee', 55],
    ['deposit', 30],
    ['none', 15],
  ]);
  const person = tenant(g, rng, out);
  const lease: LeaseRow = {
    id: g.newId(),
    reference: `L-${String(++g.leases).padStart(5, '0')}`,
    kind: head ? 'sub' : 'direct',
    dwelling_id: d.id,
    head_lease_id: head?.lease.id ?? null,
    landlord_id: null,
    tenant_person_id: person.id,
    responsible_unit_id: d.disposing_unit_id,
    start_date: draft.start,
    end_date: draft.end,
    terminated_on: draft.terminatedOn ?? null,
    legal_basis: draft.basis ?? basisFor(draft.start, draft.end),
    rent_ore: rent,
    // husleieloven § 3-5: at most six months' rent; three is the usual.
    deposit_ore: security === 'deposit' ? rent * 3 : 0,
    security_kind: security,
    rent_paid_in_advance: false,
    signed_by_user_id: g.staff.length > 0 ? rng.pick(g.staff) : null,
    signed_on: addDays({ date: draft.start, days: -rng.int(5, 30) }),
    state: draft.state,
    notice_given_on: draft.noticeOn ?? null,
    termination_reason: draft.reason ?? null,
    termination_note: '',
    notes: '',
  };
  out.leases.push(lease);
  return lease;
}

function tenant(g: Context, rng: Rng, out: SyntheticHousing): PersonRow {
  const country = rng.weighted([
    ['UA', 35],
    ['SY', 20],
    ['AF', 12],
    ['ER', 8],
    ['CD', 8],
    ['MM', 7],
    ['SO', 5],
    ['SD', 5],
  ] as const);
  const pool = namePoolFor(country)!;
  const given = rng.pick(pool.given);
  const family = pool.family.length > 0 && !rng.chance(pool.singleNameShare) ? rng.pick(pool.family) : undefined;
  // Folkeregisteret writes names in Latin script, as the lease does.
  const fullName = [given.givenLatin ?? given.given, family ? (family.familyLatin ?? family.family) : undefined]
    .filter(Boolean)
    .join(' ')
    .normalize('NFC');
  const birthDate = addDays({ date: g.today, days: -rng.int(18 * 366, 72 * 365) });
  let identityNumber: string | null = null;
  if (rng.chance(0.9)) {
    const kind = rng.chance(0.1) ? 'dnr' : 'fnr';
    for (let attempt = 0; attempt < 50 && identityNumber === null; attempt++) {
      const n = generateSyntheticIdentityNumber({ rng, birthDate, kind, scheme: 'tenor' });
      if (!g.usedIdentityNumbers.has(n)) {
        g.usedIdentityNumbers.add(n);
        identityNumber = n;
      }
    }
  }
  const person: PersonRow = {
    id: g.newId(),
    full_name: fullName,
    birth_date: birthDate,
    birth_date_precision: 'exact',
    name_search: nameSearchKey(fullName),
    identity_number: identityNumber,
  };
  out.persons.push(person);
  return person;
}

/** A lease that ended on `end` (moved out), starting no earlier than `notBefore`; undefined if it would not fit. */
function pastLease(
  g: Context,
  rng: Rng,
  out: SyntheticHousing,
  plan: Plan,
  head: Head | undefined,
  end: CalendarDate,
): LeaseRow | undefined {
  let start = addMonths({ date: end, months: -rng.pick([36, 36, 36, 24, 12]) });
  if (head && start < head.start) start = head.start;
  if (daysBetween({ from: start, to: end }) < 60) return undefined;
  // Some moved out before the term ran out (terminated early), the rest at the end of the term.
  let termEnd = end;
  let terminatedOn: CalendarDate | undefined;
  if (rng.chance(0.4)) {
    termEnd = addMonths({ date: start, months: 36 });
    if (head && termEnd > head.end) termEnd = head.end;
    if (termEnd > end) terminatedOn = end;
    else termEnd = end;
  }
  return addLease(g, rng, out, plan, head, {
    start,
    end: termEnd,
    state: 'ended',
    ...(terminatedOn ? { terminatedOn } : {}),
    reason: rng.weighted(endReasons),
  });
}

function occupancy(g: Context, rng: Rng, out: SyntheticHousing, plan: Plan, head: Head | undefined): void {
  const d = plan.dwelling;
  const scenario = plan.scenario!;
  const events: { status: DwellingStatusCode; from: CalendarDate; source: 'lease' | 'import'; note?: string }[] = [];
  const fromPast = (past: LeaseRow | undefined, movedOut: CalendarDate): void => {
    if (!past) return;
    events.push({ status: 'let', from: past.start_date, source: 'lease' });
    events.push({ status: 'vacant', from: movedOut, source: 'lease' });
  };

  switch (scenario.status) {
    case 'planned': {
      d.acquisition_date = daysFromToday(g, rng.int(100, 140));
      events.push({ status: 'planned', from: daysFromToday(g, -rng.int(60, 200)), source: 'import' });
      break;
    }
    case 'let': {
      const lease = currentLease(g, rng, out, plan, head, scenario.band);
      // A previous tenant for some: moved out, a short gap, then the current lease.
      if (rng.chance(0.35)) {
        const movedOut = addDays({ date: lease.start_date, days: -rng.int(0, 40) });
        const past = pastLease(g, rng, out, plan, head, movedOut);
        if (past) {
          events.push({ status: 'let', from: past.start_date, source: 'lease' });
          if (movedOut < lease.start_date) events.push({ status: 'vacant', from: movedOut, source: 'lease' });
        }
      }
      events.push({ status: 'let', from: lease.start_date, source: 'lease' });
      break;
    }
    case 'notice_given': {
      // The tenant has given notice (husleieloven § 9-6: three months) and moves out before the term ends.
      const noticeOn = daysFromToday(g, -rng.int(5, 45));
      const moveOut = addMonths({ date: noticeOn, months: 3 });
      let end = addDays({ date: moveOut, days: rng.int(60, 500) });
      if (head && end > head.end) end = head.end;
      let start = addMonths({ date: end, months: -36 });
      if (head && start < head.start) start = head.start;
      const terminatedOn = moveOut < end ? moveOut : undefined;
      addLease(g, rng, out, plan, head, {
        start,
        end,
        state: 'notice_given',
        noticeOn,
        ...(terminatedOn ? { terminatedOn } : {}),
        reason: rng.weighted(endReasons),
      });
      events.push({ status: 'let', from: start, source: 'lease' });
      events.push({ status: 'notice_given', from: noticeOn, source: 'lease' });
      break;
    }
    case 'reserved': {
      const since = daysFromToday(g, -rng.int(1, 12));
      const start = daysFromToday(g, rng.int(3, 30));
      let end = addMonths({ date: start, months: 36 });
      if (head && end > head.end) end = head.end;
      const movedOut = addDays({ date: since, days: -rng.int(5, 60) });
      const past = pastLease(g, rng, out, plan, head, movedOut);
      fromPast(past, movedOut);
      addLease(g, rng, out, plan, head, { start, end, state: 'active' });
      events.push({ status: 'reserved', from: since, source: 'lease' });
      break;
    }
    case 'vacant': {
      let since = daysFromToday(g, -scenario.days);
      if (head && since < head.start) since = head.start;
      const past = rng.chance(0.8) ? pastLease(g, rng, out, plan, head, since) : undefined;
      if (past) fromPast(past, since);
      else events.push({ status: 'vacant', from: since, source: 'import' });
      break;
    }
    case 'ready':
    case 'renovation':
    case 'awaiting_maintenance': {
      const since = daysFromToday(
        g,
        -rng.int(scenario.status === 'ready' ? 1 : 10, scenario.status === 'ready' ? 40 : 180),
      );
      const movedOut = addDays({ date: since, days: -rng.int(0, 30) });
      const past = rng.chance(0.7) ? pastLease(g, rng, out, plan, head, movedOut) : undefined;
      fromPast(past, movedOut);
      if (scenario.status !== 'ready') {
        d.condition = scenario.status === 'renovation' ? 'poor' : 'needs_maintenance';
        d.condition_note = rng.pick(conditionNotes);
      }
      events.push({
        status: scenario.status,
        from: since,
        source: 'import',
        note: scenario.status === 'renovation' ? 'Oppussing etter utflytting.' : '',
      });
      break;
    }
  }

  // Collapse the history: chronological, no repeats, the last event is the dwelling's status.
  events.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  const history: typeof events = [];
  for (const e of events) {
    const last = history[history.length - 1];
    if (last && last.from === e.from) history.pop();
    if (history.length > 0 && history[history.length - 1]!.status === e.status) continue;
    history.push(e);
  }
  const first = history[0]!;
  if (scenario.status !== 'planned') {
    // Acquired (or leased in) some weeks before it was first let; ready until then.
    const acquired =
      d.disposal_form === 'private_sublet' && head
        ? head.start
        : minDate(d.acquisition_date, addDays({ date: first.from, days: -rng.int(14, 90) }));
    d.acquisition_date = acquired < first.from ? acquired : addDays({ date: first.from, days: -1 });
    history.unshift({ status: 'ready', from: d.acquisition_date, source: 'import' });
  }
  const last = history[history.length - 1]!;
  d.status = last.status;
  d.status_since = last.from;
  for (const e of history) {
    out.statusEvents.push({
      id: g.newId(),
      dwelling_id: d.id,
      status: e.status,
      valid_from: e.from,
      note: e.note ?? '',
      source: e.source,
    });
  }
}

function currentLease(
  g: Context,
  rng: Rng,
  out: SyntheticHousing,
  plan: Plan,
  head: Head | undefined,
  band: ExpiryBand,
): LeaseRow {
  const maxOffset = daysBetween({ from: g.today, to: addMonths({ date: g.today, months: 36 }) }) - 20;

  if (band === 'open_ended' && !head) {
    return addLease(g, rng, out, plan, head, {
      start: daysFromToday(g, -rng.int(60, 2600)),
      end: null,
      state: 'active',
    });
  }
  if (band === 'renewed' && !head && g.staff.length > 0) {
    // Three years ran out some months ago; a needs assessment found a continued need and the
    // lease was renewed for another three years (R8.2: never without the assessment).
    const previousEnd = daysFromToday(g, -rng.int(30, 300));
    const start = addMonths({ date: previousEnd, months: -36 });
    const newEnd = addMonths({ date: previousEnd, months: 36 });
    const lease = addLease(g, rng, out, plan, head, { start, end: newEnd, state: 'active', basis: 'hl_9_3' });
    const assessedOn = addDays({ date: previousEnd, days: -rng.int(60, 120) });
    const assessment: NeedsAssessmentRow = {
      id: g.newId(),
      lease_id: lease.id,
      assessed_on: assessedOn,
      outcome: 'continued_need',
      reasons: rng.pick(continuedNeedReasons),
      could_buy: false,
      assessed_by: rng.pick(g.staff),
    };
    out.needsAssessments.push(assessment);
    out.renewals.push({
      id: g.newId(),
      lease_id: lease.id,
      assessment_id: assessment.id,
      previous_end: previousEnd,
      new_end: newEnd,
      renewed_on: addDays({ date: assessedOn, days: rng.int(7, 30) }),
      renewed_by: rng.pick(g.staff),
    });
    return lease;
  }

  let end = daysFromToday(g, bandOffset(rng, band === 'open_ended' || band === 'renewed' ? 'later' : band, maxOffset));
  let start: CalendarDate;
  if (head) {
    end = minDate(end, head.end);
    start = maxDate(head.start, addMonths({ date: end, months: -36 }));
  } else if (rng.chance(0.2)) {
    // § 11-1: a shorter term when the municipality lets to the disadvantaged.
    const term = rng.pick([12, 24]);
    start = addMonths({ date: end, months: -term });
    if (start > daysFromToday(g, -14)) start = addMonths({ date: end, months: -36 });
  } else {
    start = addMonths({ date: end, months: -36 });
  }
  const lease = addLease(g, rng, out, plan, head, { start, end, state: 'active' });

  // The needs assessment comes before the end of the term: recorded for some leases ending soon.
  if (g.staff.length > 0 && (band === 'within_1m' || band === 'within_3m') && rng.chance(0.4)) {
    const continued = rng.chance(0.5);
    out.needsAssessments.push({
      id: g.newId(),
      lease_id: lease.id,
      assessed_on: daysFromToday(g, -rng.int(1, 25)),
      outcome: continued ? 'continued_need' : rng.pick(['private_rental', 'startlan_purchase'] as const),
      reasons: continued ? rng.pick(continuedNeedReasons) : rng.pick(movingOnReasons),
      could_buy: continued ? false : rng.chance(0.5),
      assessed_by: rng.pick(g.staff),
    });
  }
  return lease;
}

const continuedNeedReasons = [
  'Husstanden er fortsatt i introduksjonsprogrammet og har ikke inntekt til å leie privat.',
  'Stor familie; det finnes ikke egnet privat bolig i skolekretsen.',
  'Helsemessige forhold gjør flytting nå uheldig. Ny vurdering om ett år.',
];

const movingOnReasons = [
  'Fast arbeid siden i fjor; kan leie privat. Får hjelp til boligsøk og depositumsgaranti.',
  'Har fått forhåndsgodkjent startlån og ser etter bolig å kjøpe.',
];

function sharedHousingStatus(g: Context, plans: Plan[], out: SyntheticHousing): void {
  for (const plan of plans) {
    const d = plan.dwelling;
    if (d.type !== 'shared_housing') continue;
    const rooms = plans.filter((p) => p.dwelling.parent_id === d.id).map((p) => p.dwelling);
    const firstLet = out.leases
      .filter((l) => rooms.some((r) => r.id === l.dwelling_id))
      .map((l) => l.start_date)
      .sort()[0];
    const anyLet = rooms.some((r) => r.status === 'let' || r.status === 'notice_given');
    if (firstLet && firstLet <= d.acquisition_date) d.acquisition_date = addDays({ date: firstLet, days: -30 });
    for (const r of rooms) {
      if (r.acquisition_date < d.acquisition_date) d.acquisition_date = r.acquisition_date;
    }
    const events: DwellingStatusEventRow[] = [
      { id: g.newId(), dwelling_id: d.id, status: 'ready', valid_from: d.acquisition_date, note: '', source: 'import' },
    ];
    if (anyLet && firstLet && firstLet > d.acquisition_date) {
      events.push({
        id: g.newId(),
        dwelling_id: d.id,
        status: 'let',
        valid_from: firstLet,
        note: 'Rommene leies ut enkeltvis.',
        source: 'lease',
      });
    }
    const last = events[events.length - 1]!;
    d.status = last.status;
    d.status_since = last.valid_from;
    out.statusEvents.push(...events);
  }
}

// ---------------------------------------------------------------------------------------------
// Incidents

const incidentTexts: readonly (readonly [LandlordIncidentRow['kind'], string])[] = [
  ['complaint_from_landlord', 'Utleier melder om støy sent på kvelden. Miljøarbeider har snakket med leietaker.'],
  ['complaint_to_landlord', 'Leietaker har meldt om kald leilighet; varmepumpe virker ikke. Utleier varslet.'],
  ['damage', 'Vannskade på badet etter lekkasje under vasken. Forsikringssak opprettet.'],
  ['neighbour', 'Nabo klager på søppel i fellesområdet.'],
  ['maintenance', 'Utleier ønsker tilgang for å skifte vinduer. Avtalt tidspunkt med leietaker.'],
  ['other', 'Utleier ba om oppdatert kontaktperson i kommunen.'],
];

function buildIncidents(g: Context, rng: Rng, out: SyntheticHousing): LandlordIncidentRow[] {
  const heads = out.leases.filter((l) => l.kind === 'head');
  const n = Math.min(heads.length, Math.max(3, Math.round(out.landlords.length * 0.12)));
  return rng
    .shuffle(heads)
    .slice(0, n)
    .map((lease) => {
      const [kind, description] = rng.pick(incidentTexts);
      const occurredOn = daysFromToday(
        g,
        -rng.int(5, Math.max(6, daysBetween({ from: lease.start_date, to: g.today }) - 1)),
      );
      return {
        id: g.newId(),
        landlord_id: lease.landlord_id!,
        dwelling_id: lease.dwelling_id,
        occurred_on: occurredOn,
        kind,
        description,
        resolved_on: rng.chance(0.6) ? minDate(addDays({ date: occurredOn, days: rng.int(1, 30) }), g.today) : null,
      };
    });
}
