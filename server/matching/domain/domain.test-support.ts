import fc from 'fast-check';
import { DEFAULT_ALLOCATION_CRITERIA, type AllocationCriteria } from '../../../shared/domain/allocation-criteria';
import type { MatchingDomainInput, MatchingDwelling, MatchingHousehold, MatchingLock } from '../../../shared/api/allocation';

// Synthetic households, dwellings and batches for the matcher's tests (no real people).

export function household(id: string, over: Partial<MatchingHousehold> = {}): MatchingHousehold {
  return {
    id,
    reference: `H-${id}`,
    category: 'single_adult',
    memberAges: [30],
    persons: 1,
    personsWithReunification: 1,
    bedroomsNeeded: 1,
    bedroomsNeededWithReunification: 1,
    accessibility: 'none',
    supportNeed: false,
    sharedHousing: false,
    inIntroProgramme: false,
    maxRentOre: null,
    adults: 1,
    children: 0,
    preferredArea: '',
    nearSchool: false,
    nearKindergarten: false,
    nearIntroSite: false,
    languages: [],
    waitingDays: null,
    ...over,
  };
}

export function dwelling(id: string, over: Partial<MatchingDwelling> = {}): MatchingDwelling {
  return {
    id,
    reference: `D-${id}`,
    buildingId: null,
    type: 'flat',
    status: 'ready',
    earmarking: 'first_settlement',
    availableFrom: null,
    bedrooms: 1,
    capacity: 2,
    floor: 1,
    lift: false,
    wheelchairAccessible: false,
    stepFreeEntrance: false,
    rentOre: null,
    areaZone: 'Sentrum',
    schoolDistrict: 'Sentrum skole',
    walkMinSchool: null,
    walkMinKindergarten: null,
    walkMinBusStop: null,
    walkMinCentre: null,
    walkMinIntroProgramme: null,
    ...over,
  };
}

export function criteriaWith(over: Partial<AllocationCriteria> = {}): AllocationCriteria {
  return { ...structuredClone(DEFAULT_ALLOCATION_CRITERIA), ...over };
}

export function batch(over: Partial<MatchingDomainInput> = {}): MatchingDomainInput {
  return {
    kind: 'husly.matching.domain',
    criteriaVersion: 1,
    criteria: criteriaWith(),
    plannedMoveIn: '2026-03-01',
    households: [],
    dwellings: [],
    buildings: [],
    areas: [],
    locks: [],
    ...over,
  };
}

const pad = (k: number) => String(k).padStart(3, '0');

/** A household drawn from small ranges, so that many pairs are eligible and many compete. */
const householdArb = fc
  .record({
    adults: fc.integer({ min: 1, max: 2 }),
    children: fc.integer({ min: 0, max: 3 }),
    extra: fc.integer({ min: 0, max: 1 }),
    accessibility: fc.constantFrom('none', 'none', 'none', 'step_free', 'wheelchair'),
    supportNeed: fc.boolean(),
    sharedHousing: fc.boolean(),
    inIntroProgramme: fc.boolean(),
    maxRentOre: fc.option(fc.integer({ min: 500_000, max: 1_500_000 }), { freq: 3 }),
    preferredArea: fc.constantFrom('', 'Sentrum', 'Nord'),
    waitingDays: fc.option(fc.integer({ min: 0, max: 400 })),
    senior: fc.boolean(),
    languages: fc.subarray(['ar', 'ti', 'uk', 'fa']),
  })
  .map((h) => {
    const ages = [h.senior ? 70 : 34, ...(h.adults === 2 ? [31] : []), ...Array.from({ length: h.children }, (_, k) => 2 + 4 * k)];
    const persons = ages.length;
    const bedrooms = Math.max(1, 1 + Math.ceil(h.children / 2) + (h.adults === 2 ? 0 : 0));
    return (id: string): MatchingHousehold =>
      household(id, {
        memberAges: ages,
        adults: h.adults,
        children: h.children,
        persons,
        personsWithReunification: persons + h.extra,
        bedroomsNeeded: bedrooms,
        bedroomsNeededWithReunification: bedrooms + h.extra,
        accessibility: h.accessibility as MatchingHousehold['accessibility'],
        supportNeed: h.supportNeed,
        sharedHousing: h.sharedHousing && h.adults === 1 && h.children === 0,
        inIntroProgramme: h.inIntroProgramme,
        maxRentOre: h.maxRentOre,
        preferredArea: h.preferredArea,
        waitingDays: h.waitingDays,
        languages: h.languages,
      });
  });

const dwellingArb = fc
  .record({
    building: fc.integer({ min: 0, max: 3 }),
    type: fc.constantFrom('flat', 'flat', 'house', 'bedsit', 'shared_room'),
    status: fc.constantFrom('ready', 'ready', 'vacant', 'reserved'),
    bedrooms: fc.integer({ min: 0, max: 4 }),
    capacityExtra: fc.integer({ min: 0, max: 3 }),
    floor: fc.option(fc.integer({ min: 0, max: 5 })),
    lift: fc.boolean(),
    wheelchair: fc.boolean(),
    stepFree: fc.boolean(),
    rentOre: fc.option(fc.integer({ min: 600_000, max: 1_800_000 }), { freq: 4 }),
    area: fc.constantFrom('Sentrum', 'Nord', 'Sør'),
    minutes: fc.array(fc.option(fc.integer({ min: 0, max: 40 })), { minLength: 5, maxLength: 5 }),
    late: fc.boolean(),
  })
  .map((d) => (id: string): MatchingDwelling => {
    const [school, kindergarten, bus, centre, intro] = d.minutes as [number | null, number | null, number | null, number | null, number | null];
    return dwelling(id, {
      buildingId: `b${d.building}`,
      type: d.type as MatchingDwelling['type'],
      status: d.status,
      availableFrom: d.late ? '2026-04-01' : '2026-02-01',
      bedrooms: d.bedrooms,
      capacity: Math.max(1, d.bedrooms * 2 + d.capacityExtra - 2),
      floor: d.floor,
      lift: d.lift,
      wheelchairAccessible: d.wheelchair,
      stepFreeEntrance: d.stepFree,
      rentOre: d.rentOre,
      areaZone: d.area,
      walkMinSchool: school,
      walkMinKindergarten: kindergarten,
      walkMinBusStop: bus,
      walkMinCentre: centre,
      walkMinIntroProgramme: intro,
    });
  });

/** A random batch, with optional composition rules and random locks (some of them invalid are avoided by construction: only forbids). */
export const batchArb = fc
  .record({
    households: fc.array(householdArb, { minLength: 0, maxLength: 9 }),
    dwellings: fc.array(dwellingArb, { minLength: 0, maxLength: 9 }),
    supportMax: fc.option(fc.integer({ min: 0, max: 2 })),
    agePercent: fc.option(fc.integer({ min: 20, max: 60 })),
    areaPercent: fc.option(fc.integer({ min: 10, max: 60 })),
    current: fc.array(fc.record({ support: fc.integer({ min: 0, max: 2 }), family: fc.integer({ min: 0, max: 2 }), languages: fc.subarray(['ar', 'ti', 'uk']) }), {
      minLength: 4,
      maxLength: 4,
    }),
    forbids: fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 4 }),
    reunification: fc.boolean(),
    affordability: fc.boolean(),
  })
  .map((b): MatchingDomainInput => {
    const households = b.households.map((make, k) => make(`h${pad(k)}`));
    const dwellings = b.dwellings.map((make, k) => make(`d${pad(k)}`));
    const locks: MatchingLock[] =
      households.length > 0 && dwellings.length > 0
        ? b.forbids.map(([x, y]) => ({ householdId: households[x % households.length]!.id, dwellingId: dwellings[y % dwellings.length]!.id, kind: 'forbid' as const }))
        : [];
    const base = DEFAULT_ALLOCATION_CRITERIA;
    return batch({
      criteria: criteriaWith({
        occupancy: { ...base.occupancy, includeReunification: b.reunification },
        affordability: { ...base.affordability, enabled: b.affordability },
        composition: { supportPerBuildingMax: b.supportMax, ageBandPerBuildingMaxPercent: b.agePercent, areaSettlementMaxPercent: b.areaPercent, areaKey: 'area_zone' },
      }),
      households,
      dwellings,
      buildings: b.current.map((c, k) => ({
        id: `b${k}`,
        name: `Testveien ${k + 1}`,
        dwellingCount: 6,
        current: { households: 3, support: c.support, ageBands: { young_adult: 0, family: c.family, adult: 1, senior: 0 }, languages: c.languages },
      })),
      areas: ['Sentrum', 'Nord', 'Sør'].map((key) => ({ key, dwellingCount: 20, settlementDwellings: 3 })),
      locks,
    });
  });

/** A seeded synthetic batch (deterministic LCG), shaped like a town: four areas, 30 buildings. */
export function syntheticBatch(nh: number, nd: number, criteria: AllocationCriteria = DEFAULT_ALLOCATION_CRITERIA): MatchingDomainInput {
  let seed = 12345;
  const rnd = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const areas = ['Sentrum', 'Nord', 'Sør', 'Vest'];
  const households = Array.from({ length: nh }, (_, k) => {
    const children = pick([0, 0, 0, 1, 2, 3]);
    const adults = children > 0 ? pick([1, 2]) : pick([1, 1, 2]);
    const ages = [pick([22, 30, 45, 70]), ...(adults === 2 ? [33] : []), ...Array.from({ length: children }, (_, c) => 2 + 3 * c)];
    const bedrooms = Math.max(1, (adults === 2 ? 1 : 1) + Math.ceil(children / 2));
    return household(`h${String(k).padStart(4, '0')}`, {
      memberAges: ages,
      adults,
      children,
      persons: ages.length,
      personsWithReunification: ages.length,
      bedroomsNeeded: bedrooms,
      bedroomsNeededWithReunification: bedrooms,
      accessibility: rnd() < 0.05 ? 'wheelchair' : 'none',
      supportNeed: rnd() < 0.2,
      preferredArea: pick(['', ...areas]),
      waitingDays: Math.floor(rnd() * 300),
      inIntroProgramme: rnd() < 0.6,
    });
  });
  const dwellings = Array.from({ length: nd }, (_, k) => {
    const bedrooms = pick([1, 1, 2, 2, 3, 4]);
    return dwelling(`d${String(k).padStart(4, '0')}`, {
      buildingId: `b${Math.floor(rnd() * 30)}`,
      bedrooms,
      capacity: bedrooms * 2,
      rentOre: 600_000 + Math.floor(rnd() * 800_000),
      wheelchairAccessible: rnd() < 0.1,
      floor: Math.floor(rnd() * 5),
      lift: rnd() < 0.3,
      areaZone: pick(areas),
      walkMinSchool: Math.floor(rnd() * 40),
      walkMinKindergarten: Math.floor(rnd() * 40),
      walkMinBusStop: Math.floor(rnd() * 20),
      walkMinCentre: Math.floor(rnd() * 50),
      walkMinIntroProgramme: Math.floor(rnd() * 40),
    });
  });
  const buildings = Array.from({ length: 30 }, (_, k) => ({
    id: `b${k}`,
    name: `Testveien ${k + 1}`,
    dwellingCount: 20,
    current: { households: 10, support: k % 3, ageBands: { young_adult: 2, family: 4, adult: 3, senior: 1 }, languages: ['ar'] },
  }));
  return batch({ criteria: { ...criteria, composition: { ...criteria.composition, supportPerBuildingMax: 2 } }, households, dwellings, buildings, areas: areas.map((key) => ({ key, dwellingCount: 400, settlementDwellings: 20 })) });
}
