import { describe, expect, it } from 'vitest';
import type { MatchingDwelling, MatchingHousehold } from '../../../shared/api/allocation';
import { ageBandOf, compositionAfter, compositionGroups } from './composition';
import { batch, criteriaWith, dwelling, household } from './domain.test-support';
import { householdFacts } from './hard-rules';
import { contributions, householdScoreFacts, pairScore, proximityFit } from './scores';

const criteria = criteriaWith();

function explain(h: MatchingHousehold, d: MatchingDwelling, languages: string[] = [], c = criteria) {
  const ctx = { household: h, facts: householdFacts(h, c), scoreFacts: householdScoreFacts(h), dwelling: d, buildingLanguages: languages, criteria: c };
  const parts = contributions(ctx);
  return { parts, score: pairScore(ctx), points: Object.fromEntries(parts.map((p) => [p.criterion, p.points])) };
}

describe('soft criteria', () => {
  it('proximity: full at goodMinutes, none at maxMinutes, linear between, unknown none', () => {
    expect(proximityFit(10, criteria)).toBe(1);
    expect(proximityFit(20, criteria)).toBe(0.5);
    expect(proximityFit(30, criteria)).toBe(0);
    expect(proximityFit(null, criteria)).toBe(0);
  });

  it('lists base and every criterion, and the points sum to the score', () => {
    const h = household('f', { memberAges: [40, 8, 3], adults: 1, children: 2, persons: 3, personsWithReunification: 3, bedroomsNeeded: 2, bedroomsNeededWithReunification: 2, waitingDays: 90, inIntroProgramme: true, preferredArea: ' sentrum ' });
    const d = dwelling('x', { bedrooms: 3, capacity: 5, walkMinSchool: 20, walkMinKindergarten: 5, walkMinIntroProgramme: 40, walkMinCentre: 25, walkMinBusStop: 15 });
    const { parts, score, points } = explain(h, d);
    expect(parts.map((p) => p.criterion)).toEqual(['base', 'school', 'kindergarten', 'intro_site', 'centre_transport', 'preferred_area', 'floor_lift', 'size_fit', 'urgency', 'same_language_shared']);
    expect(points).toEqual({
      base: 1000,
      school: 35, // 7 × 10 × 0.5
      kindergarten: 50,
      intro_site: 0,
      centre_transport: 60, // min(25, 15) = 15 minutes → 0.75 × 80
      preferred_area: 30,
      floor_lift: 0, // no member aged 67 or more: not applicable
      size_fit: 20, // one extra bedroom: 1 − 1/2
      urgency: 25, // 90 / 180
      same_language_shared: 0,
    });
    expect(parts.reduce((s, p) => s + p.points, 0)).toBe(score);
    expect(parts.find((p) => p.criterion === 'floor_lift')!.detail).toMatchObject({ applicable: false });
  });

  it('school and kindergarten count only for those ages or when asked for', () => {
    const d = dwelling('x', { walkMinSchool: 5, walkMinKindergarten: 5 });
    expect(explain(household('a'), d).points).toMatchObject({ school: 0, kindergarten: 0 });
    expect(explain(household('a', { nearSchool: true }), d).points).toMatchObject({ school: 70, kindergarten: 0 });
  });

  it('floor / lift for a member aged 67: ground floor or lift full, upper floor without lift none', () => {
    const senior = household('s', { memberAges: [71] });
    expect(explain(senior, dwelling('x', { floor: 3, lift: false })).points.floor_lift).toBe(0);
    expect(explain(senior, dwelling('x', { floor: 3, lift: true })).points.floor_lift).toBe(60);
    expect(explain(senior, dwelling('x', { floor: 1 })).points.floor_lift).toBe(60);
  });

  it('same language in shared housing', () => {
    const h = household('s', { sharedHousing: true, languages: ['ti'] });
    expect(explain(h, dwelling('x', { type: 'shared_room' }), ['ar', 'ti']).points.same_language_shared).toBe(30);
    expect(explain(h, dwelling('x', { type: 'shared_room' }), ['uk']).points.same_language_shared).toBe(0);
    expect(explain(h, dwelling('x', { type: 'flat' }), ['ti']).points.same_language_shared).toBe(0);
  });

  it('weight 0 gives 0 points but the criterion is still listed', () => {
    const c = criteriaWith({ weights: { ...criteria.weights, urgency: 0 } });
    const { parts, score } = explain(household('a', { waitingDays: 400 }), dwelling('x'), [], c);
    expect(parts.find((p) => p.criterion === 'urgency')!.points).toBe(0);
    expect(parts.reduce((s, p) => s + p.points, 0)).toBe(score);
  });
});

describe('composition', () => {
  it('age bands', () => {
    expect(ageBandOf({ memberAges: [19, 23] })).toBe('young_adult');
    expect(ageBandOf({ memberAges: [19, 30] })).toBe('adult');
    expect(ageBandOf({ memberAges: [70, 8] })).toBe('family');
    expect(ageBandOf({ memberAges: [68] })).toBe('senior');
  });

  it('groups per building and area over the batch, less the current residents', () => {
    const input = batch({
      criteria: criteriaWith({ composition: { supportPerBuildingMax: 2, ageBandPerBuildingMaxPercent: 50, areaSettlementMaxPercent: 10, areaKey: 'area_zone' } }),
      dwellings: [dwelling('d1', { buildingId: 'b1' }), dwelling('d2', { buildingId: 'b1', areaZone: 'Nord' }), dwelling('d3', { buildingId: null })],
      buildings: [{ id: 'b1', name: 'Fjellvegen 3', dwellingCount: 8, current: { households: 5, support: 1, ageBands: { young_adult: 0, family: 3, adult: 2, senior: 0 }, languages: ['ar'] } }],
      areas: [{ key: 'Sentrum', dwellingCount: 40, settlementDwellings: 3 }],
    });
    const groups = compositionGroups(input, input.dwellings);
    expect(groups.map((g) => [g.key, g.tag, g.cols, g.max])).toEqual([
      ['support:b1', 'support', [0, 1], 1],
      ['age:young_adult:b1', 'age:young_adult', [0, 1], 4],
      ['age:family:b1', 'age:family', [0, 1], 1],
      ['age:adult:b1', 'age:adult', [0, 1], 2],
      ['age:senior:b1', 'age:senior', [0, 1], 4],
      ['settle:Sentrum', 'settle', [0, 2], 1], // Nord is not in the areas: no limit known
    ]);
    expect(groups[0]!.label).toBe('Bygg Fjellvegen 3: høyst 2 husstander med støttebehov (1 bor der nå)');
  });

  it('composition after adds support, age band and languages', () => {
    const before = { households: 1, support: 0, ageBands: { young_adult: 0, family: 0, adult: 1, senior: 0 }, languages: ['uk'] };
    const after = compositionAfter(before, [household('a', { supportNeed: true, memberAges: [20], languages: ['ar'] })]);
    expect(after).toEqual({ households: 2, support: 1, ageBands: { young_adult: 1, family: 0, adult: 1, senior: 0 }, languages: ['ar', 'uk'] });
  });
});
