import type { AgeBand, AllocationCriteria } from '../../../shared/domain/allocation-criteria';
import type { BuildingComposition, MatchingDomainInput, MatchingDwelling, MatchingHousehold } from '../../../shared/api/allocation';
import { SENIOR_AGE } from './scores';

// COMPOSITION RULES → core groups (issue 6 item 1; requirements §4.2, "spredt bosetting";
// decision 014). A group is "at most `max` chosen pairs whose household carries `tag` and whose
// dwelling is one of `cols`". Groups range over the batch's dwellings only; the residents already
// there are subtracted from the limit.

const AGE_OF_MAJORITY = 18;
/** "Young residents under 25" (§4.2). */
const YOUNG_ADULT_MAX_AGE = 24;

/**
 * The household's age band: family = any member under 18; otherwise senior = a member aged 67
 * or more; otherwise young_adult = every member 18–24; otherwise adult.
 */
export function ageBandOf(household: Pick<MatchingHousehold, 'memberAges'>): AgeBand {
  const ages = household.memberAges;
  if (ages.some((a) => a < AGE_OF_MAJORITY)) return 'family';
  if (ages.some((a) => a >= SENIOR_AGE)) return 'senior';
  if (ages.every((a) => a <= YOUNG_ADULT_MAX_AGE)) return 'young_adult';
  return 'adult';
}

export const ageBandLabels: Record<AgeBand, string> = {
  young_adult: 'unge voksne (18–24 år)',
  family: 'barnefamilier',
  adult: 'voksne',
  senior: 'eldre (67 år og over)',
};

/** The tags a household's row carries in the core instance. */
export function rowTags(household: MatchingHousehold, criteria: AllocationCriteria): string[] {
  const c = criteria.composition;
  const tags: string[] = [];
  if (c.supportPerBuildingMax !== null && household.supportNeed) tags.push('support');
  if (c.ageBandPerBuildingMaxPercent !== null) tags.push(`age:${ageBandOf(household)}`);
  if (c.areaSettlementMaxPercent !== null) tags.push('settle');
  return tags;
}

/** A composition group over dwelling indices (in the sorted dwelling list), before locks. */
export type DomainGroup = {
  /** Stable key, e.g. "support:<buildingId>", "age:family:<buildingId>", "settle:<areaKey>". */
  key: string;
  tag: string;
  /** Dwelling indices (ascending). */
  cols: number[];
  /** How many more the batch may add. */
  max: number;
  /** Plain Norwegian, e.g. "Bygg Fjellvegen 3: høyst 2 med støttebehov". */
  label: string;
};

export function areaKeyOf(dwelling: MatchingDwelling, criteria: AllocationCriteria): string {
  return criteria.composition.areaKey === 'area_zone' ? dwelling.areaZone : dwelling.schoolDistrict;
}

const emptyComposition: BuildingComposition = { households: 0, support: 0, ageBands: { young_adult: 0, family: 0, adult: 0, senior: 0 }, languages: [] };

/**
 * The composition groups of a batch. `dwellings` are sorted by id; indices refer to them.
 * A building missing from input.buildings counts as empty, with the batch's dwellings as its
 * size; an area missing from input.areas has no settlement limit (its share is unknown).
 */
export function compositionGroups(input: MatchingDomainInput, dwellings: readonly MatchingDwelling[]): DomainGroup[] {
  const c = input.criteria.composition;
  const groups: DomainGroup[] = [];
  const byBuilding = new Map<string, number[]>();
  const byArea = new Map<string, number[]>();
  dwellings.forEach((d, j) => {
    if (d.buildingId !== null) byBuilding.set(d.buildingId, [...(byBuilding.get(d.buildingId) ?? []), j]);
    const area = areaKeyOf(d, input.criteria);
    if (area !== '') byArea.set(area, [...(byArea.get(area) ?? []), j]);
  });
  const buildings = new Map(input.buildings.map((b) => [b.id, b]));
  const areas = new Map(input.areas.map((a) => [a.key, a]));

  for (const buildingId of [...byBuilding.keys()].sort()) {
    const cols = byBuilding.get(buildingId)!;
    const building = buildings.get(buildingId);
    const name = building?.name ?? buildingId;
    const current = building?.current ?? emptyComposition;
    const dwellingCount = building?.dwellingCount ?? cols.length;
    if (c.supportPerBuildingMax !== null) {
      groups.push({
        key: `support:${buildingId}`,
        tag: 'support',
        cols,
        max: Math.max(0, c.supportPerBuildingMax - current.support),
        label: `Bygg ${name}: høyst ${c.supportPerBuildingMax} husstander med støttebehov (${current.support} bor der nå)`,
      });
    }
    if (c.ageBandPerBuildingMaxPercent !== null) {
      const limit = Math.floor((c.ageBandPerBuildingMaxPercent * dwellingCount) / 100);
      for (const band of Object.keys(ageBandLabels) as AgeBand[]) {
        const now = current.ageBands[band] ?? 0;
        groups.push({
          key: `age:${band}:${buildingId}`,
          tag: `age:${band}`,
          cols,
          max: Math.max(0, limit - now),
          label: `Bygg ${name}: høyst ${limit} husstander i gruppen ${ageBandLabels[band]} (${now} bor der nå)`,
        });
      }
    }
  }
  if (c.areaSettlementMaxPercent !== null) {
    for (const key of [...byArea.keys()].sort()) {
      const area = areas.get(key);
      if (!area) continue;
      const limit = Math.floor((c.areaSettlementMaxPercent * area.dwellingCount) / 100);
      groups.push({
        key: `settle:${key}`,
        tag: 'settle',
        cols: byArea.get(key)!,
        max: Math.max(0, limit - area.settlementDwellings),
        label: `Område ${key}: høyst ${limit} boliger brukt til bosetting (${area.settlementDwellings} fra før)`,
      });
    }
  }
  return groups;
}

/** A building's composition after adding households (before + their support, age band, languages). */
export function compositionAfter(before: BuildingComposition, added: readonly MatchingHousehold[]): BuildingComposition {
  const ageBands = { ...emptyComposition.ageBands, ...before.ageBands };
  const languages = new Set(before.languages);
  let support = before.support;
  for (const h of added) {
    if (h.supportNeed) support += 1;
    const band = ageBandOf(h);
    ageBands[band] = (ageBands[band] ?? 0) + 1;
    for (const l of h.languages) languages.add(l);
  }
  return { households: before.households + added.length, support, ageBands, languages: [...languages].sort() };
}
