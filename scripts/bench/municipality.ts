// A synthetic municipality's allocation batch in the domain form (like the demo municipality:
// Molde-like areas, buildings of 4–20 dwellings, household mix per requirements §7.4: 25–50 %
// single adults, families mostly in flats or houses). Synthetic only: no real people.
import type { MatchingDomainInput } from '../../shared/api/allocation';
import { DEFAULT_ALLOCATION_CRITERIA } from '../../shared/domain/allocation-criteria';
import { seededRandom } from '../../server/matching/core/groups-instances';

const AREAS = ['Sentrum', 'Kviltorp', 'Bolsønes', 'Årø', 'Hjelset', 'Kleive', 'Nordbyen', 'Fuglset', 'Bergmo', 'Skåla'];
const LANGUAGES = ['ar', 'ti', 'uk', 'fa', 'so', 'ps', 'ku'];

export function municipalBatch(households: number, dwellings: number, seed: number): MatchingDomainInput {
  const rnd = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  const hh: MatchingDomainInput['households'] = [];
  for (let i = 0; i < households; i++) {
    const single = rnd() < 0.4;
    const adults = single ? 1 : rnd() < 0.8 ? 2 : 1;
    const children = single ? 0 : Math.floor(rnd() * 5);
    const elderly = !single && rnd() < 0.08;
    const ages = [
      ...Array.from({ length: adults }, () => (elderly ? 62 + Math.floor(rnd() * 15) : 19 + Math.floor(rnd() * 35))),
      ...Array.from({ length: children }, () => Math.floor(rnd() * 17)),
    ];
    const persons = ages.length;
    const bedrooms = Math.max(1, Math.min(4, Math.ceil(children / 2) + (adults > 0 ? 1 : 0) - (children === 0 ? 0 : 0)));
    const reunification = rnd() < 0.1 ? 1 : 0;
    hh.push({
      id: `hh-${i}`,
      reference: `H-${i}`,
      category: 'ordinary',
      memberAges: ages,
      persons,
      personsWithReunification: persons + reunification,
      bedroomsNeeded: bedrooms,
      bedroomsNeededWithReunification: Math.min(5, bedrooms + reunification),
      accessibility: rnd() < 0.05 ? 'wheelchair' : rnd() < 0.08 ? 'step_free' : 'none',
      supportNeed: rnd() < 0.35,
      sharedHousing: single && rnd() < 0.2,
      inIntroProgramme: !elderly,
      maxRentOre: null,
      adults,
      children,
      preferredArea: rnd() < 0.3 ? pick(AREAS) : '',
      nearSchool: ages.some((a) => a >= 6 && a < 16),
      nearKindergarten: ages.some((a) => a < 6),
      nearIntroSite: !elderly,
      languages: [pick(LANGUAGES)],
      waitingDays: Math.floor(rnd() * 200),
    });
  }
  const dw: MatchingDomainInput['dwellings'] = [];
  const buildings: MatchingDomainInput['buildings'] = [];
  let b = 0;
  while (dw.length < dwellings) {
    const size = Math.min(4 + Math.floor(rnd() * 17), dwellings - dw.length);
    const area = pick(AREAS);
    const buildingId = `b-${b}`;
    const lift = rnd() < 0.3;
    const walk = (base: number) => base + Math.floor(rnd() * 15);
    const sch = walk(3);
    const kg = walk(2);
    const bus = walk(1);
    const centre = area === 'Sentrum' ? walk(0) : walk(10);
    const intro = walk(5);
    for (let k = 0; k < size; k++) {
      const bedrooms = 1 + Math.floor(rnd() * rnd() * 4);
      dw.push({
        id: `dw-${dw.length}`,
        reference: `${area} ${b + 1} ${String.fromCharCode(65 + (k % 26))}`,
        buildingId,
        type: bedrooms >= 4 && rnd() < 0.5 ? 'house' : 'flat',
        status: 'ready',
        earmarking: rnd() < 0.7 ? 'first_settlement' : 'none',
        availableFrom: null,
        bedrooms,
        capacity: bedrooms * 2 + 1,
        floor: Math.floor(rnd() * 4),
        lift,
        wheelchairAccessible: rnd() < 0.1,
        stepFreeEntrance: rnd() < 0.25,
        rentOre: 700_000 + bedrooms * 250_000 + Math.floor(rnd() * 200_000),
        areaZone: area,
        schoolDistrict: `${area} skole`,
        walkMinSchool: sch,
        walkMinKindergarten: kg,
        walkMinBusStop: bus,
        walkMinCentre: centre,
        walkMinIntroProgramme: intro,
      });
    }
    buildings.push({
      id: buildingId,
      name: `${area} ${b + 1}`,
      dwellingCount: size + Math.floor(rnd() * 4),
      current: { households: Math.floor(rnd() * 3), support: rnd() < 0.3 ? 1 : 0, ageBands: { young_adult: 0, family: 1, adult: 0, senior: 0 }, languages: ['ar'] },
    });
    b++;
  }
  return {
    kind: 'husly.matching.domain',
    criteriaVersion: 1,
    criteria: DEFAULT_ALLOCATION_CRITERIA,
    plannedMoveIn: '2026-09-01',
    households: hh,
    dwellings: dw,
    buildings,
    areas: AREAS.map((key) => ({ key, dwellingCount: 400, settlementDwellings: 20 })),
    locks: [],
  };
}
