// Synthetic municipalities for demos, tests and benchmarks: units, staff, refugees, households
// and dwellings, as plain objects (no database).
//
// Deterministic: the same seed (and reference date) gives the same data on every machine. Each
// municipality is generated from its own seed derived from (seed, kommunenummer), so
// `generateMunicipality` on its own gives exactly the municipality `generateDataset` contains,
// and a benchmark can stream the national dataset one municipality at a time.
//
// Everything is invented: identity numbers are Skatteetaten Tenor test numbers (month + 80,
// never a real person's), email addresses use the reserved .example TLD (RFC 2606), and the
// real kommunenummer and name only place the data on the map. Proportions follow
// requirements §7.4 (derived from survey 002) where it gives them.

import { generateSyntheticIdentityNumber } from '../domain/identity';
import {
  findKommune,
  kommuneinndelingValidFrom,
  kommuneinndelingVersion,
  kommuner,
  osloBydeler,
} from '../domain/kommuner';
import { staffRoles, type StaffRole } from '../domain/roles';
import type { AdministrativeLanguage, UnitKind } from '../domain/units';
import { namePoolFor, norwegianFamilyNames, norwegianGivenNames, type FamilyNameEntry, type NamePool } from './names';
import { createRng, deriveSeed, type Rng } from './rng';

// ---------------------------------------------------------------------------------------------
// Types

export type DatasetSize = 'small' | 'municipality' | 'national';

export type SyntheticUnit = { key: string; name: string; kind: UnitKind };

export type SyntheticStaff = {
  key: string;
  displayName: string;
  email: string;
  roles: StaffRole[];
  /** Keys of units in the same municipality; never empty. */
  unitKeys: string[];
};

export type PersonCategory =
  | 'resettlement' // overføringsflyktning
  | 'reception_centre' // from an asylum reception centre (mottak)
  | 'unaccompanied_minor' // enslig mindreårig (EM)
  | 'family_reunification' // familiegjenforent
  | 'self_settled'; // selvbosatt

export type SyntheticPerson = {
  key: string;
  /** As the person writes it, in their own script (NFC). */
  givenName: string;
  familyName?: string;
  givenNameLatin?: string;
  familyNameLatin?: string;
  /** YYYY-MM-DD. With precision 'year' the day is the 1 January convention. */
  birthDate: string;
  birthDatePrecision: 'exact' | 'year';
  /** Synthetic Tenor fødselsnummer or D-nummer; absent for people not yet registered. */
  identityNumber?: string;
  /** ISO 3166-1 alpha-2. */
  nationality: string;
  /** BCP 47 language tags, most used first. */
  languages: string[];
  needsInterpreter: boolean;
  category: PersonCategory;
  /** Date of the residence permit (vedtak om oppholdstillatelse). */
  permitDate: string;
};

export type HouseholdRelation = 'main' | 'spouse' | 'child' | 'other';

export type HouseholdType =
  | 'single_adult'
  | 'couple'
  | 'family'
  | 'single_parent'
  | 'large_family' // five or more children
  | 'multi_generation'
  | 'unaccompanied_minor';

export type SyntheticHousehold = {
  key: string;
  type: HouseholdType;
  members: { personKey: string; relation: HouseholdRelation }[];
  /** Relatives expected through family reunification (requirements §3.2), or null. */
  expectedFamilyReunification: { persons: number; expectedBy: string } | null;
  /** The dwelling the household lives in, if settled yet. */
  dwellingKey?: string;
};

export type DwellingType = 'flat' | 'bedsit' | 'house' | 'modular_unit' | 'shared_room';

export type DwellingDisposal =
  | 'municipal' // owned by the municipality
  | 'municipal_company' // owned by a municipal company (KF) or housing foundation
  | 'private_lease' // leased from a private landlord and sublet (fremleie)
  | 'cooperative' // borettslag share
  | 'rent_to_own'; // leie til eie

export type SyntheticDwelling = {
  key: string;
  address: {
    street: string;
    /** Matrikkel bruksenhetsnummer (H + floor + flat) for units in a shared building. */
    bruksenhetsnummer?: string;
    postnummer: string;
    kommunenummer: string;
    /** Oslo only: the city district (SSB bydelsnummer). */
    bydelsnummer?: string;
  };
  type: DwellingType;
  /** 0 for a studio. */
  bedrooms: number;
  areaM2: number;
  /** Persons. */
  capacity: number;
  /** Norwegian floor numbering: 1 is the ground floor. */
  floor: number;
  lift: boolean;
  wheelchairAccessible: boolean;
  /** Integer øre. */
  monthlyRentOre: number;
  disposal: DwellingDisposal;
};

export type SyntheticMunicipality = {
  /** Always true: a real kommunenummer and name, invented content. */
  synthetic: true;
  kommunenummer: string;
  name: string;
  language: AdministrativeLanguage;
  units: SyntheticUnit[];
  staff: SyntheticStaff[];
  persons: SyntheticPerson[];
  households: SyntheticHousehold[];
  dwellings: SyntheticDwelling[];
};

export type MunicipalityScale = { households: number; dwellings: number; extraStaff: number };

export type SyntheticDataset = {
  seed: number;
  size: DatasetSize;
  referenceDate: string;
  classification: { version: string; validFrom: string };
  municipalities: SyntheticMunicipality[];
};

// ---------------------------------------------------------------------------------------------
// Plans

/** Ages and permit dates are computed back from this date, never from the clock. */
export const defaultReferenceDate = '2025-06-01';

/** Molde (requirements §7.1): a case municipality; Molde Utleieboliger KF has about 500 units. */
export const demoKommunenummer = '1506';

// Households per municipality in the national dataset for the largest settlement
// municipalities; the rest are drawn from size classes. Not official figures.
const nationalHouseholdOverrides: Readonly<Record<string, number>> = {
  '0301': 1500, // Oslo
  '4601': 700, // Bergen
  '5001': 600, // Trondheim
  '1103': 450, // Stavanger
  '3201': 400, // Bærum
  '4204': 400, // Kristiansand
  '3301': 350, // Drammen
  '3107': 300, // Fredrikstad
  '3203': 250, // Asker
  '3205': 250, // Lillestrøm
  '1108': 250, // Sandnes
  '5501': 250, // Tromsø
  '3105': 200, // Sarpsborg
  '4003': 200, // Skien
  '1508': 200, // Ålesund
  '1804': 180, // Bodø
  '1506': 150, // Molde
};

export function planDataset({ seed, size }: { seed: number; size: DatasetSize }): {
  kommunenummer: string;
  scale: MunicipalityScale;
}[] {
  if (size === 'small') {
    return [{ kommunenummer: demoKommunenummer, scale: { households: 40, dwellings: 60, extraStaff: 4 } }];
  }
  if (size === 'municipality') {
    return [{ kommunenummer: demoKommunenummer, scale: { households: 400, dwellings: 500, extraStaff: 24 } }];
  }
  const rng = createRng(deriveSeed({ seed, label: 'plan:national' }));
  return kommuner.map(({ nummer }) => {
    const households =
      nationalHouseholdOverrides[nummer] ??
      rng.weighted<() => number>([
        [() => rng.int(3, 12), 45],
        [() => rng.int(12, 40), 35],
        [() => rng.int(40, 120), 17],
        [() => rng.int(120, 250), 3],
      ])();
    return {
      kommunenummer: nummer,
      scale: {
        households,
        dwellings: Math.round(households * 1.25) + 2,
        extraStaff: Math.max(2, Math.round(households / 15)),
      },
    };
  });
}

export function generateDataset({
  seed,
  size,
  referenceDate = defaultReferenceDate,
}: {
  seed: number;
  size: DatasetSize;
  referenceDate?: string;
}): SyntheticDataset {
  return {
    seed,
    size,
    referenceDate,
    classification: { version: kommuneinndelingVersion, validFrom: kommuneinndelingValidFrom },
    municipalities: [...streamDataset({ seed, size, referenceDate })],
  };
}

/** The same municipalities as `generateDataset`, one at a time, for benchmarks and bulk loads. */
export function* streamDataset({
  seed,
  size,
  referenceDate = defaultReferenceDate,
}: {
  seed: number;
  size: DatasetSize;
  referenceDate?: string;
}): Generator<SyntheticMunicipality> {
  for (const { kommunenummer, scale } of planDataset({ seed, size })) {
    yield generateMunicipality({ seed, kommunenummer, scale, referenceDate });
  }
}

// ---------------------------------------------------------------------------------------------
// Municipality

// Municipalities with nynorsk as administrative language (målvedtak under mållova § 5).
// An approximation for synthetic data, not Språkrådet's official register: most of Vestland
// except Bergen and Askøy, Sunnmøre and Nordmøre, inner Telemark and Agder, Hallingdal,
// Valdres and Nord-Gudbrandsdal, and parts of Rogaland.
// prettier-ignore
const nynorskMunicipalities: ReadonlySet<string> = new Set([
  '1111', '1114', '1133', '1134', '1135', '1145', '1146', '1151', '1160',
  '1511', '1514', '1515', '1516', '1517', '1520', '1525', '1528', '1531', '1532', '1535', '1539',
  '1557', '1560', '1563', '1566', '1573', '1576', '1577', '1578', '1580',
  '3324', '3326', '3328', '3330',
  '3431', '3432', '3433', '3434', '3435', '3450', '3451', '3452', '3453', '3454',
  '4022', '4024', '4028', '4030', '4032', '4034', '4036',
  '4220', '4221', '4222', '4224',
  ...kommuner.filter((k) => k.fylke === '46' && k.nummer !== '4601' && k.nummer !== '4627').map((k) => k.nummer),
]);

export function administrativeLanguageOf(kommunenummer: string): AdministrativeLanguage {
  return nynorskMunicipalities.has(kommunenummer) ? 'nn' : 'nb';
}

/** A DNS label from an official name: "Våler (Østfold)" → "valer-ostfold", "Bø" → "bo". */
export function municipalitySlug(name: string): string {
  return name
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'o')
    .replace(/å/g, 'a')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

export function generateMunicipality({
  seed,
  kommunenummer,
  scale,
  referenceDate = defaultReferenceDate,
}: {
  seed: number;
  kommunenummer: string;
  scale: MunicipalityScale;
  referenceDate?: string;
}): SyntheticMunicipality {
  const kommune = findKommune(kommunenummer);
  if (!kommune) throw new RangeError(`not a kommunenummer in ${kommuneinndelingVersion}: ${kommunenummer}`);
  const root = deriveSeed({ seed, label: `municipality:${kommunenummer}` });
  const stream = (label: string): Rng => createRng(deriveSeed({ seed: root, label }));
  const language = administrativeLanguageOf(kommunenummer);
  const context: MunicipalityContext = {
    kommunenummer,
    name: kommune.navn,
    language,
    referenceDate,
    slug: municipalitySlug(kommune.navn),
  };

  const units = buildUnits(context, scale);
  const staff = buildStaff(context, stream('staff'), units, scale.extraStaff);
  const { persons, households } = buildHouseholds(context, stream('households'), scale.households);
  const dwellings = buildDwellings(context, stream('dwellings'), scale.dwellings);
  allocate(stream('allocation'), households, dwellings);

  return { synthetic: true, kommunenummer, name: kommune.navn, language, units, staff, persons, households, dwellings };
}

type MunicipalityContext = {
  kommunenummer: string;
  name: string;
  language: AdministrativeLanguage;
  referenceDate: string;
  slug: string;
};

const isOslo = (c: MunicipalityContext): boolean => c.kommunenummer === '0301';

// ---------------------------------------------------------------------------------------------
// Units (requirements §1.4)

const unitNames: Readonly<Record<Exclude<UnitKind, 'bydel' | 'nav_kontor'>, Record<AdministrativeLanguage, string>>> = {
  flyktningtjeneste: { nb: 'Flyktningtjenesten', nn: 'Flyktningtenesta' },
  boligkontor: { nb: 'Boligkontoret', nn: 'Bustadkontoret' },
  tildelingskontor: { nb: 'Tildelingskontoret', nn: 'Tildelingskontoret' },
  eiendom: { nb: 'Kommunale eiendommer', nn: 'Kommunale eigedomar' },
  introduksjonssenter: { nb: 'Introduksjonssenteret', nn: 'Introduksjonssenteret' },
  annet: { nb: 'Kommunedirektørens stab', nn: 'Stab for kommunedirektøren' },
};

function unitKey(c: MunicipalityContext, suffix: string): string {
  return `${c.kommunenummer}-unit-${suffix}`;
}

function buildUnits(c: MunicipalityContext, scale: MunicipalityScale): SyntheticUnit[] {
  if (isOslo(c)) {
    // In Oslo the city districts settle refugees (requirements §1.4: Bydel Bjerke); Boligbygg
    // Oslo KF owns the municipal dwellings and Velferdsetaten coordinates settlement.
    return [
      ...osloBydeler.map((b) => ({
        key: unitKey(c, `bydel-${b.nummer}`),
        name: `Bydel ${b.navn}`,
        kind: 'bydel' as const,
      })),
      { key: unitKey(c, 'eiendom'), name: 'Boligbygg Oslo KF', kind: 'eiendom' },
      { key: unitKey(c, 'annet'), name: 'Velferdsetaten', kind: 'annet' },
    ];
  }
  const kinds: Exclude<UnitKind, 'bydel'>[] = [
    'flyktningtjeneste',
    'boligkontor',
    'tildelingskontor',
    'eiendom',
    'nav_kontor',
  ];
  if (scale.households >= 100) kinds.push('introduksjonssenter');
  kinds.push('annet');
  return kinds.map((kind) => ({
    key: unitKey(c, kind),
    kind,
    name:
      kind === 'nav_kontor'
        ? `Nav ${c.name}`
        : kind === 'eiendom' && c.kommunenummer === '1506'
          ? 'Molde Utleieboliger KF' // requirements §1.4
          : unitNames[kind][c.language],
  }));
}

// ---------------------------------------------------------------------------------------------
// Staff (requirements §1.5)

function buildStaff(
  c: MunicipalityContext,
  rng: Rng,
  units: readonly SyntheticUnit[],
  extra: number,
): SyntheticStaff[] {
  const unitOf = (kind: UnitKind): string => {
    const unit = units.find((u) => u.kind === kind) ?? units[0];
    if (!unit) throw new Error('a municipality has at least one unit');
    return unit.key;
  };
  // Oslo's front-line staff work in Bydel Bjerke (requirements §7.2); elsewhere in the
  // unit their role belongs to.
  const frontLine = isOslo(c) ? unitKey(c, 'bydel-030109') : undefined;
  const homeUnits: Record<StaffRole, string[]> = {
    admin: [unitOf('annet')],
    bosetter: [frontLine ?? unitOf('flyktningtjeneste')],
    boligkontor: frontLine ? [frontLine] : [unitOf('boligkontor'), unitOf('tildelingskontor')],
    eiendom: [unitOf('eiendom')],
    nav_veileder: [frontLine ?? unitOf('nav_kontor')],
    miljoarbeider: [frontLine ?? unitOf('flyktningtjeneste')],
    leder: [frontLine ?? unitOf('flyktningtjeneste')],
    revisor: [unitOf('annet')],
  };

  const usedEmails = new Set<string>();
  const staff: SyntheticStaff[] = [];
  const domain = `${c.slug}.kommune.example`;

  // One account per role with a predictable address, so a seed can print demo logins.
  for (const role of staffRoles) {
    const email = `${role.replace(/_/g, '-')}@${domain}`;
    usedEmails.add(email);
    staff.push({
      key: `${c.kommunenummer}-staff-${role}`,
      displayName: `${rng.pick(norwegianGivenNames)} ${rng.pick(norwegianFamilyNames)}`,
      email,
      roles: [role],
      unitKeys: [...homeUnits[role]],
    });
  }

  const extraRoles: readonly (readonly [StaffRole, number])[] = [
    ['bosetter', 30],
    ['nav_veileder', 20],
    ['boligkontor', 15],
    ['miljoarbeider', 15],
    ['eiendom', 10],
    ['leder', 5],
  ];
  for (let i = 1; i <= extra; i++) {
    const given = rng.pick(norwegianGivenNames);
    const family = rng.pick(norwegianFamilyNames);
    const base = `${municipalitySlug(given)}.${municipalitySlug(family)}`;
    let email = `${base}@${domain}`;
    for (let n = 2; usedEmails.has(email); n++) email = `${base}${n}@${domain}`;
    usedEmails.add(email);
    const role = rng.weighted(extraRoles);
    const roles: StaffRole[] = [role];
    // Small municipalities combine tasks (requirements §1.5: flyktningkonsulenter often hold
    // allocation tasks too).
    if (role === 'bosetter' && rng.chance(0.2)) roles.push('miljoarbeider');
    if (isOslo(c) && role !== 'eiendom') {
      const bydel = rng.pick(osloBydeler);
      staff.push(member(c, i, given, family, email, roles, [unitKey(c, `bydel-${bydel.nummer}`)]));
    } else {
      staff.push(member(c, i, given, family, email, roles, [...new Set(roles.flatMap((r) => homeUnits[r]))]));
    }
  }
  return staff;
}

function member(
  c: MunicipalityContext,
  index: number,
  given: string,
  family: string,
  email: string,
  roles: StaffRole[],
  unitKeys: string[],
): SyntheticStaff {
  return {
    key: `${c.kommunenummer}-staff-${String(index).padStart(4, '0')}`,
    displayName: `${given} ${family}`,
    email,
    roles,
    unitKeys,
  };
}

// ---------------------------------------------------------------------------------------------
// Dates (calendar dates only, computed in UTC so no time zone or DST can shift them)

const DAY_MS = 86_400_000;

function toDays(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number);
  return Math.floor(Date.UTC(y ?? 0, (m ?? 1) - 1, d ?? 1) / DAY_MS);
}

function fromDays(days: number): string {
  return new Date(days * DAY_MS).toISOString().slice(0, 10);
}

function addDays(iso: string, days: number): string {
  return fromDays(toDays(iso) + days);
}

function minDate(a: string, b: string): string {
  return a < b ? a : b;
}

function maxDate(a: string, b: string): string {
  return a > b ? a : b;
}

/** A birth date for someone aged between minAge and maxAge (whole years) on the reference date. */
function birthDateForAge(rng: Rng, referenceDate: string, minAge: number, maxAge: number): string {
  const youngest = Math.ceil(minAge * 365.25);
  const oldest = Math.floor((maxAge + 1) * 365.25) - 1;
  return addDays(referenceDate, -rng.int(youngest, oldest));
}

function ageOn(birthDate: string, referenceDate: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number);
  const [ry, rm, rd] = referenceDate.split('-').map(Number);
  const age = (ry ?? 0) - (by ?? 0);
  return (rm ?? 0) < (bm ?? 0) || ((rm ?? 0) === (bm ?? 0) && (rd ?? 0) < (bd ?? 0)) ? age - 1 : age;
}

// ---------------------------------------------------------------------------------------------
// Persons and households (requirements §1.7, §3.2, §7.4)

// Countries of origin, weighted roughly like recent settlement in Norway (IMDi): Ukraine has
// dominated since 2022, followed by Syria, Afghanistan and Eritrea.
const countryWeights: readonly (readonly [string, number])[] = [
  ['UA', 35],
  ['SY', 20],
  ['AF', 12],
  ['ER', 8],
  ['CD', 8],
  ['MM', 7],
  ['SO', 5],
  ['SD', 5],
];

// Unaccompanied minors come mostly from Afghanistan, Eritrea, Syria and Somalia.
const unaccompaniedMinorCountryWeights: readonly (readonly [string, number])[] = [
  ['AF', 40],
  ['ER', 25],
  ['SY', 20],
  ['SO', 10],
  ['SD', 5],
];

// Requirements §7.4: 25–50 % single adults in a mid-size municipality; the rest families of
// different sizes, some large families, some unaccompanied minors.
const householdTypeWeights: readonly (readonly [HouseholdType, number])[] = [
  ['single_adult', 38],
  ['couple', 7],
  ['family', 28],
  ['single_parent', 12],
  ['large_family', 6],
  ['multi_generation', 4],
  ['unaccompanied_minor', 5],
];

// Share of people whose exact birth date is unknown (often recorded as 1 January).
const unknownBirthDateShare: Readonly<Record<string, number>> = { AF: 0.3, SO: 0.2, ER: 0.15, SD: 0.1 };

function languagesFor(rng: Rng, country: string): string[] {
  switch (country) {
    case 'UA':
      return rng.chance(0.4) ? ['uk', 'ru'] : ['uk'];
    case 'SY':
      return rng.chance(0.15) ? ['kmr', 'ar'] : ['ar'];
    case 'AF':
      return rng.weighted<string[]>([
        [['prs'], 55],
        [['ps'], 20],
        [['prs', 'ps'], 20],
        [['haz', 'prs'], 5],
      ]);
    case 'ER':
      return rng.chance(0.15) ? ['ti', 'ar'] : ['ti'];
    case 'SO':
      return ['so'];
    case 'SD':
      return ['ar'];
    case 'CD':
      return rng.weighted<string[]>([
        [['fr', 'ln'], 40],
        [['sw', 'fr'], 40],
        [['fr'], 20],
      ]);
    case 'MM':
      return rng.weighted<string[]>([
        [['my'], 40],
        [['ksw', 'my'], 35],
        [['cnh', 'my'], 25],
      ]);
    default:
      return ['en'];
  }
}

type PersonDraft = {
  relation: HouseholdRelation;
  minAge: number;
  maxAge: number;
  category: PersonCategory;
  /** Joins later through family reunification. */
  laterArrival: boolean;
};

function householdDrafts(rng: Rng, type: HouseholdType, category: PersonCategory): PersonDraft[] {
  const adult = (relation: HouseholdRelation, minAge = 20, maxAge = 60): PersonDraft => ({
    relation,
    minAge,
    maxAge,
    category,
    laterArrival: false,
  });
  const children = (count: number): PersonDraft[] =>
    Array.from({ length: count }, () => ({ relation: 'child', minAge: 0, maxAge: 17, category, laterArrival: false }));
  switch (type) {
    case 'single_adult':
      // Bjerke (requirements §7.2): ages 18 to over 81, under-25s the largest group.
      return [rng.chance(0.45) ? adult('main', 18, 25) : adult('main', 26, 70)];
    case 'couple':
      return [adult('main', 20, 75), adult('spouse', 20, 75)];
    case 'family':
      return [adult('main', 24, 55), adult('spouse', 22, 55), ...children(rng.int(1, 4))];
    case 'single_parent':
      return [adult('main', 22, 55), ...children(rng.int(1, 4))];
    case 'large_family':
      return [adult('main', 30, 55), adult('spouse', 28, 55), ...children(rng.int(5, 8))];
    case 'multi_generation':
      return [adult('main', 28, 50), adult('spouse', 26, 50), ...children(rng.int(1, 4)), adult('other', 58, 88)];
    case 'unaccompanied_minor':
      // Under 15 they are settled in child-welfare institutions; municipalities settle 15–17.
      return [{ relation: 'main', minAge: 15, maxAge: 17, category: 'unaccompanied_minor', laterArrival: false }];
  }
}

function buildHouseholds(
  c: MunicipalityContext,
  rng: Rng,
  count: number,
): { persons: SyntheticPerson[]; households: SyntheticHousehold[] } {
  const persons: SyntheticPerson[] = [];
  const households: SyntheticHousehold[] = [];
  const usedIdentityNumbers = new Set<string>();

  for (let h = 1; h <= count; h++) {
    const type = rng.weighted(householdTypeWeights);
    const country =
      type === 'unaccompanied_minor' ? rng.weighted(unaccompaniedMinorCountryWeights) : rng.weighted(countryWeights);
    const pool = namePoolFor(country);
    if (!pool) throw new Error(`no name pool for ${country}`);
    const category: PersonCategory =
      country === 'UA'
        ? rng.weighted<PersonCategory>([
            ['reception_centre', 75],
            ['self_settled', 25],
          ])
        : rng.weighted<PersonCategory>([
            ['reception_centre', 60],
            ['resettlement', 30],
            ['self_settled', 10],
          ]);
    const drafts = householdDrafts(rng, type, category);
    // Some families are reunited: the spouse and children arrive after the main person.
    if (drafts.length > 1 && type !== 'multi_generation' && rng.chance(0.15)) {
      for (const draft of drafts) {
        if (draft.relation !== 'main') {
          draft.category = 'family_reunification';
          draft.laterArrival = true;
        }
      }
    }

    const householdKey = `${c.kommunenummer}-household-${String(h).padStart(5, '0')}`;
    const mainPermit = addDays(c.referenceDate, -rng.int(30, 1400));
    const names = householdNames(rng, pool);
    const members: SyntheticHousehold['members'] = [];
    let mainBirthDate: string | undefined;

    for (const draft of drafts) {
      let maxAge = draft.maxAge;
      if (draft.relation === 'child' && mainBirthDate !== undefined) {
        // A child is at least 16 years younger than the main adult.
        maxAge = Math.min(maxAge, Math.max(0, ageOn(mainBirthDate, c.referenceDate) - 16));
      }
      const exactBirthDate = birthDateForAge(rng, c.referenceDate, Math.min(draft.minAge, maxAge), maxAge);
      // Children born recently, often in Norway or a camp with records, have exact dates.
      const mayBeUnknown = draft.relation !== 'child' || ageOn(exactBirthDate, c.referenceDate) >= 5;
      const precision: SyntheticPerson['birthDatePrecision'] =
        mayBeUnknown && rng.chance(unknownBirthDateShare[country] ?? 0.03) ? 'year' : 'exact';
      const birthDate = precision === 'year' ? `${exactBirthDate.slice(0, 4)}-01-01` : exactBirthDate;
      if (draft.relation === 'main') mainBirthDate = birthDate;

      let permitDate = draft.laterArrival ? addDays(mainPermit, rng.int(180, 700)) : mainPermit;
      // A child born after the main person's permit gets its own permit some weeks after birth.
      permitDate = minDate(maxDate(permitDate, addDays(birthDate, rng.int(14, 90))), c.referenceDate);

      const name = names.personName(draft.relation);
      const age = ageOn(birthDate, c.referenceDate);
      const identityNumber = rng.chance(0.85)
        ? uniqueIdentityNumber(rng, birthDate, rng.chance(0.1) ? 'dnr' : 'fnr', usedIdentityNumbers)
        : undefined;

      const person: SyntheticPerson = {
        key: `${c.kommunenummer}-person-${String(persons.length + 1).padStart(6, '0')}`,
        ...name,
        birthDate,
        birthDatePrecision: precision,
        ...(identityNumber === undefined ? {} : { identityNumber }),
        nationality: country,
        languages: age < 3 ? [] : languagesFor(rng, country),
        // requirements §6.7: "all informasjon må gis med tolk"; children pick up Norwegian fast.
        needsInterpreter: age >= 18 ? rng.chance(country === 'UA' ? 0.7 : 0.85) : age >= 12 && rng.chance(0.3),
        category: draft.category,
        permitDate,
      };
      persons.push(person);
      members.push({ personKey: person.key, relation: draft.relation });
    }

    const canExpectReunification =
      type === 'single_adult' || type === 'single_parent' || type === 'couple' || type === 'unaccompanied_minor';
    households.push({
      key: householdKey,
      type,
      members,
      expectedFamilyReunification:
        canExpectReunification && rng.chance(0.25)
          ? { persons: rng.int(1, 5), expectedBy: addDays(c.referenceDate, rng.int(60, 365)) }
          : null,
    });
  }
  return { persons, households };
}

function uniqueIdentityNumber(rng: Rng, birthDate: string, kind: 'fnr' | 'dnr', used: Set<string>): string {
  // Unique within the municipality: the system refuses a second person with the same number
  // in one tenant (RELIABILITY.md §6.1 PERSON_ALREADY_EXISTS).
  for (;;) {
    const n = generateSyntheticIdentityNumber({ rng, birthDate, kind, scheme: 'tenor' });
    if (!used.has(n)) {
      used.add(n);
      return n;
    }
  }
}

type PersonName = Pick<SyntheticPerson, 'givenName' | 'familyName' | 'givenNameLatin' | 'familyNameLatin'>;

/** Names for one household, following the naming pattern of the country (see names.ts). */
function householdNames(rng: Rng, pool: NamePool): { personName(relation: HouseholdRelation): PersonName } {
  // 'family': the inherited family name of the main person and the children.
  // 'patronymic': the children's father's name, shared by siblings. The pools hold fathers'
  // names separately because the generator does not model gender, so it cannot tell which
  // adult is the father.
  const sharedEntry = pool.family.length > 0 && !rng.chance(pool.singleNameShare) ? rng.pick(pool.family) : undefined;

  const given = (): PersonName => {
    const entry = rng.pick(pool.given);
    return { givenName: entry.given, ...(entry.givenLatin === undefined ? {} : { givenNameLatin: entry.givenLatin }) };
  };
  const withFamily = (name: PersonName, entry: FamilyNameEntry | undefined): PersonName =>
    entry === undefined
      ? name
      : {
          ...name,
          familyName: entry.family,
          ...(entry.familyLatin === undefined ? {} : { familyNameLatin: entry.familyLatin }),
        };
  const ownFamily = (name: PersonName): PersonName =>
    pool.family.length === 0 || rng.chance(pool.singleNameShare) ? name : withFamily(name, rng.pick(pool.family));

  return {
    personName(relation) {
      const name = given();
      switch (pool.pattern) {
        case 'single':
          return name;
        case 'patronymic':
          return relation === 'child' ? withFamily(name, sharedEntry) : ownFamily(name);
        case 'family':
          if (relation === 'main' || relation === 'child') return withFamily(name, sharedEntry);
          // Spouses share the family name where that is the custom (Ukraine); elsewhere, and
          // for other relatives, they keep their own.
          if (relation === 'spouse' && pool.country === 'UA' && sharedEntry) return withFamily(name, sharedEntry);
          return ownFamily(name);
      }
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Dwellings (requirements §3.3, §7.4)

// prettier-ignore
const streetNames: Readonly<Record<AdministrativeLanguage, readonly string[]>> = {
  nb: [
    'Storgata', 'Kirkegata', 'Skoleveien', 'Fjordveien', 'Bjørkeveien', 'Granveien', 'Furuveien',
    'Solbakken', 'Nyveien', 'Parkveien', 'Strandgata', 'Havnegata', 'Elvegata', 'Jernbanegata',
    'Åsveien', 'Bakkeveien', 'Sentrumsveien', 'Tunveien', 'Kongens gate', 'Prestegårdsveien',
    'Stasjonsveien', 'Gartnerveien', 'Blåbærstien', 'Tyttebærveien', 'Fjellveien', 'Sjøgata',
  ],
  nn: [
    'Storgata', 'Kyrkjegata', 'Skulevegen', 'Fjordvegen', 'Bjørkevegen', 'Granvegen', 'Furuvegen',
    'Solbakken', 'Nyvegen', 'Parkvegen', 'Strandgata', 'Hamnegata', 'Elvegata', 'Stasjonsvegen',
    'Tunvegen', 'Bakkevegen', 'Sentrumsvegen', 'Prestegardsvegen', 'Fjellvegen', 'Sjøgata',
    'Kaivegen', 'Åsvegen', 'Myrvegen', 'Blåbærstigen', 'Lia', 'Tunet',
  ],
};

// Postnumre are plausible for the area (Posten's numbering runs roughly south to north) but
// are not checked against Posten's register; a few towns have their own narrower range.
const postnummerRanges: Readonly<Record<string, readonly [number, number]>> = {
  '0301': [150, 1295],
  '1103': [4005, 4099],
  '1506': [6410, 6429],
  '1508': [6002, 6030],
  '1804': [8003, 8050],
  '3201': [1300, 1369],
  '3301': [3011, 3048],
  '4204': [4608, 4639],
  '4601': [5003, 5099],
  '5001': [7010, 7099],
  '5501': [9006, 9040],
  '03': [150, 1295],
  '11': [4100, 4399],
  '15': [6000, 6699],
  '18': [8000, 8999],
  '31': [1500, 1899],
  '32': [1900, 2170],
  '33': [3300, 3650],
  '34': [2200, 2990],
  '39': [3100, 3299],
  '40': [3700, 3999],
  '42': [4400, 4999],
  '46': [5100, 5999],
  '50': [7100, 7999],
  '55': [9000, 9499],
  '56': [9500, 9999],
};

function postnumreFor(rng: Rng, kommunenummer: string): string[] {
  const range = postnummerRanges[kommunenummer] ?? postnummerRanges[kommunenummer.slice(0, 2)] ?? [1000, 9999];
  const count = kommunenummer === '0301' ? 40 : rng.int(2, 6);
  return Array.from({ length: count }, () => String(rng.int(range[0], range[1])).padStart(4, '0'));
}

// Rent level relative to a mid-size town; Oslo and the largest cities are dearer.
function rentFactor(kommunenummer: string): number {
  if (kommunenummer === '0301') return 1.5;
  if (['4601', '5001', '1103', '3201', '3203', '3205'].includes(kommunenummer)) return 1.3;
  return 1;
}

type BuildingKind = 'block' | 'house' | 'modular' | 'shared';

function buildDwellings(c: MunicipalityContext, rng: Rng, count: number): SyntheticDwelling[] {
  const dwellings: SyntheticDwelling[] = [];
  const postnumre = postnumreFor(rng, c.kommunenummer);
  const factor = rentFactor(c.kommunenummer);
  const oslo = isOslo(c);
  // Who disposes of the stock (requirements §3.3). Molde Utleieboliger KF and Boligbygg Oslo KF
  // hold most municipal dwellings in those two municipalities.
  const disposalWeights: readonly (readonly [DwellingDisposal, number])[] =
    c.kommunenummer === '1506' || oslo
      ? [
          ['municipal_company', 60],
          ['private_lease', 25],
          ['municipal', 5],
          ['cooperative', 7],
          ['rent_to_own', 3],
        ]
      : [
          ['municipal', 45],
          ['private_lease', 28],
          ['municipal_company', 15],
          ['cooperative', 8],
          ['rent_to_own', 4],
        ];

  const nok = (amount: number): number => Math.round((amount * factor) / 50) * 50 * 100;

  while (dwellings.length < count) {
    // Buildings, so that several dwellings share an address as they do in reality (a block of
    // flats, a modular building like Bjerke's, a bofellesskap with rooms). The weights give
    // roughly 64 % flats and bedsits, 13 % houses, 10 % modular units and 13 % bofellesskap
    // rooms, so that families can live in flats (72 %) and houses (21 %) and single adults in
    // flats, bedsits and bofellesskap as requirements §7.4 describes.
    const building = rng.weighted<BuildingKind>([
      ['block', 36],
      ['house', 52],
      ['modular', 3],
      ['shared', 9],
    ]);
    const street = `${rng.pick(streetNames[c.language])} ${rng.int(1, 120)}${rng.chance(0.2) ? ` ${rng.pick(['A', 'B', 'C', 'D'])}` : ''}`;
    const postnummer = rng.pick(postnumre);
    const bydelsnummer = oslo ? rng.pick(osloBydeler).nummer : undefined;
    const disposal = rng.weighted(disposalWeights);
    const floors = building === 'block' ? rng.int(2, oslo ? 10 : 6) : building === 'house' ? 1 : rng.int(1, 3);
    const hasLift = building === 'block' && (floors >= 5 || rng.chance(0.3));
    const units =
      building === 'house'
        ? 1
        : building === 'block'
          ? rng.int(2, 12)
          : building === 'modular'
            ? rng.int(6, 20)
            : rng.int(4, 8);

    for (let u = 1; u <= units && dwellings.length < count; u++) {
      const floor = building === 'house' ? 1 : rng.int(1, floors);
      const lift = hasLift;
      let type: DwellingType;
      let bedrooms: number;
      let areaM2: number;
      let capacity: number;
      let rent: number;
      switch (building) {
        case 'house':
          type = 'house';
          bedrooms = rng.int(3, 5);
          areaM2 = rng.int(85, 170);
          capacity = bedrooms * 2;
          rent = rng.int(13_000, 20_000);
          break;
        case 'modular':
          type = 'modular_unit';
          bedrooms = rng.int(0, 2);
          areaM2 = 22 + bedrooms * 12 + rng.int(0, 10);
          capacity = Math.max(1, bedrooms * 2);
          rent = 6_000 + bedrooms * 1_200 + rng.int(0, 1_500);
          break;
        case 'shared':
          // A room in a bofellesskap; requirements §7.3: electricity often included.
          type = 'shared_room';
          bedrooms = 1;
          areaM2 = rng.int(10, 18);
          capacity = 1;
          rent = rng.int(4_000, 5_500);
          break;
        case 'block':
          if (rng.chance(0.22)) {
            type = 'bedsit';
            bedrooms = 0;
            areaM2 = rng.int(18, 34);
            capacity = rng.chance(0.15) ? 2 : 1;
            rent = rng.int(5_500, 7_500);
          } else {
            type = 'flat';
            bedrooms = rng.weighted([
              [1, 25],
              [2, 35],
              [3, 28],
              [4, 12],
            ]);
            areaM2 = 30 + bedrooms * 18 + rng.int(-6, 12);
            capacity = bedrooms * 2;
            rent = 7_000 + bedrooms * 1_800 + rng.int(-1_000, 1_500);
          }
          break;
      }
      const groundAccess = floor === 1 || lift;
      dwellings.push({
        key: `${c.kommunenummer}-dwelling-${String(dwellings.length + 1).padStart(5, '0')}`,
        address: {
          street,
          ...(building === 'house'
            ? {}
            : { bruksenhetsnummer: `H${String(floor).padStart(2, '0')}${String(u).padStart(2, '0')}` }),
          postnummer,
          kommunenummer: c.kommunenummer,
          ...(bydelsnummer === undefined ? {} : { bydelsnummer }),
        },
        type,
        bedrooms,
        areaM2,
        capacity,
        floor,
        lift,
        // Universal design is rare in the existing stock (requirements §1.5: the Bjerke
        // procurer had to look for it); new modular buildings are more often accessible.
        wheelchairAccessible: groundAccess && rng.chance(building === 'modular' ? 0.5 : 0.25),
        monthlyRentOre: nok(rent),
        disposal,
      });
    }
  }
  return dwellings;
}

// ---------------------------------------------------------------------------------------------
// Allocation: most households already live in a dwelling that fits them.

function allocate(rng: Rng, households: SyntheticHousehold[], dwellings: readonly SyntheticDwelling[]): void {
  const free = rng.shuffle(dwellings.map((d, index) => index));
  const taken = new Set<number>();
  for (const household of households) {
    if (!rng.chance(0.8)) continue; // awaiting settlement or a dwelling
    const size = household.members.length;
    const single = size === 1;
    // requirements §7.4: families live mostly in flats (72 %) and houses (21 %); single adults
    // in flats (44 %), bedsits (25 %) or bofellesskap rooms (24 %). A dwelling of the drawn type
    // is taken if one is free, otherwise any that is large enough and acceptable.
    const wanted = rng.weighted<DwellingType>(
      single
        ? [
            ['flat', 44],
            ['bedsit', 25],
            ['shared_room', 24],
            ['modular_unit', 7],
          ]
        : [
            ['flat', 72],
            ['house', 21],
            ['modular_unit', 7],
          ],
    );
    const acceptable = (d: SyntheticDwelling): boolean =>
      d.capacity >= size &&
      (single ? d.type !== 'house' && d.bedrooms <= 2 : d.type !== 'shared_room' && d.type !== 'bedsit');
    const available =
      (test: (d: SyntheticDwelling) => boolean) =>
      (i: number): boolean =>
        !taken.has(i) && test(dwellings[i] as SyntheticDwelling);
    const found = free.find(available((d) => d.type === wanted && acceptable(d))) ?? free.find(available(acceptable));
    if (found === undefined) continue;
    taken.add(found);
    household.dwellingKey = (dwellings[found] as SyntheticDwelling).key;
  }
}
