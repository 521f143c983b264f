import { describe, expect, it } from 'vitest';
import type { Contribution } from '../../../shared/api/allocation';
import {
  addDays,
  ageBandsText,
  beforeAfter,
  contributionSum,
  contributionText,
  emptyDwellingText,
  gapPercent,
  hardRuleText,
  isIsoDate,
  qualityText,
  runnersUpText,
  todayInOslo,
  unassignedReasonTexts,
  type References,
} from './explain';

// nb-NO groups thousands with a no-break space; the tests write it as a plain space.
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

const refs: References = {
  household: (id) => ({ h1: 'H-2026-003', h2: 'H-2026-014' })[id] ?? id,
  dwelling: (id) => ({ d1: 'B-104', d2: 'B-220' })[id] ?? id,
};

describe('contribution lines', () => {
  it('name the criterion, the fact behind it and the points', () => {
    expect(contributionText('nb', { criterion: 'school', points: 49, detail: { applicable: true, minutes: 12, weight: 7 } })).toBe(
      'Nær skole: 12 min gange — 49 poeng',
    );
    expect(plain(contributionText('nb', { criterion: 'base', points: 1000, detail: {} }))).toBe('Grunnverdi (bosatt) — 1 000 poeng');
    expect(contributionText('nb', { criterion: 'kindergarten', points: 0, detail: { applicable: false, weight: 5 } })).toBe(
      'Nær barnehage: gjelder ikke husstanden — 0 poeng',
    );
    expect(contributionText('nb', { criterion: 'centre_transport', points: 0, detail: { applicable: true, minutes: null } })).toBe(
      'Nær sentrum eller buss: gangtid ikke registrert — 0 poeng',
    );
  });

  it('say how the size fits, how long the household waited and where the dwelling is', () => {
    expect(contributionText('nb', { criterion: 'size_fit', points: 20, detail: { applicable: true, extraBedrooms: 1, missingBedrooms: 0 } })).toBe(
      'Passe størrelse: 1 soverom mer enn behovet — 20 poeng',
    );
    expect(contributionText('nb', { criterion: 'size_fit', points: 40, detail: { applicable: true, extraBedrooms: 0, missingBedrooms: 0 } })).toBe(
      'Passe størrelse: akkurat så mange soverom som trengs — 40 poeng',
    );
    expect(contributionText('nb', { criterion: 'urgency', points: 25, detail: { applicable: true, waitingDays: 90 } })).toBe(
      'Ventetid: 90 dager siden vedtak om opphold — 25 poeng',
    );
    expect(contributionText('nb', { criterion: 'preferred_area', points: 0, detail: { applicable: true, match: false, areaZone: 'Sentrum' } })).toBe(
      'Ønsket område: Sentrum er ikke ønsket område — 0 poeng',
    );
    expect(contributionText('nb', { criterion: 'floor_lift', points: 60, detail: { applicable: true, floor: 3, lift: true } })).toBe(
      'Etasje eller heis for eldre: 3. etasje med heis — 60 poeng',
    );
    expect(contributionText('nb', { criterion: 'same_language_shared', points: 30, detail: { applicable: true, languages: 'ar,ti' } })).toBe(
      'Samme språk i bofellesskap: felles språk med en beboer (ar, ti) — 30 poeng',
    );
  });

  it('are translated', () => {
    expect(contributionText('en', { criterion: 'school', points: 49, detail: { applicable: true, minutes: 12 } })).toBe(
      'Near school: 12 min walk — 49 points',
    );
    expect(contributionText('nn', { criterion: 'school', points: 49, detail: { applicable: true, minutes: 12 } })).toBe(
      'Nær skule: 12 min gange — 49 poeng',
    );
  });

  it('add up to the score', () => {
    const contributions: Contribution[] = [
      { criterion: 'base', points: 1000, detail: {} },
      { criterion: 'school', points: 49, detail: {} },
      { criterion: 'urgency', points: 25, detail: {} },
    ];
    expect(contributionSum(contributions)).toBe(1074);
    expect(contributionSum([])).toBe(0);
  });
});

describe('hard rules', () => {
  it('state the facts the rule checked', () => {
    expect(hardRuleText('nb', { rule: 'bedrooms', passed: true, detail: { bedrooms: 2, needed: 2, min: 2, max: 3 } })).toBe(
      'Soverom: trenger 2, boligen har 2',
    );
    expect(hardRuleText('nb', { rule: 'capacity', passed: true, detail: { capacity: 5, persons: 4 } })).toBe(
      'Plass: 4 personer, boligen har plass til 5',
    );
    expect(hardRuleText('nb', { rule: 'status', passed: true, detail: { status: 'vacant' } })).toBe('Status: Ledig');
    expect(hardRuleText('nb', { rule: 'earmarking', passed: true, detail: { earmarking: 'first_settlement' } })).toBe(
      'Øremerking: Førstegangsbosetting',
    );
    expect(hardRuleText('nb', { rule: 'availability', passed: true, detail: { availableFrom: null, plannedMoveIn: '2026-05-01' } })).toBe('Ledig nå');
    expect(hardRuleText('nb', { rule: 'availability', passed: true, detail: { availableFrom: '2026-04-15', plannedMoveIn: '2026-05-01' } })).toBe(
      'Ledig fra 15.04.2026, innflytting 01.05.2026',
    );
    expect(hardRuleText('nb', { rule: 'accessibility', passed: true, detail: { need: 'wheelchair', wheelchairAccessible: true } })).toBe(
      'Rullestoltilgang: boligen er tilpasset rullestol',
    );
  });

  it('show the rent in kroner against the recorded maximum or the estimate', () => {
    expect(
      plain(hardRuleText('nb', { rule: 'affordability', passed: true, detail: { method: 'recorded', rentOre: 1_150_000, maxRentOre: 1_200_000 } })),
    ).toBe('Husleie 11 500,00 kr: innenfor registrert maksimum 12 000,00 kr');
    expect(
      plain(
        hardRuleText('nb', {
          rule: 'affordability',
          passed: true,
          detail: { method: 'estimate', rentOre: 1_150_000, ownShareOre: 759_500, allowanceOre: 285_000 },
        }),
      ),
    ).toBe('Husleie 11 500,00 kr: egen andel 7 595,00 kr + anslått bostøtte 2 850,00 kr');
    expect(hardRuleText('nb', { rule: 'affordability', passed: true, detail: { enabled: false, rentOre: 100 } })).toBe(
      'Husleie: ikke vurdert (slått av i kriteriene)',
    );
  });
});

describe('households without a proposal', () => {
  it('name the rules no dwelling passes, the most common first', () => {
    expect(
      unassignedReasonTexts(
        'nb',
        {
          kind: 'no_eligible',
          failedRules: [
            { rule: 'bedrooms', dwellings: 3 },
            { rule: 'accessibility', dwellings: 12 },
          ],
        },
        refs,
      ),
    ).toEqual([
      'Ingen bolig oppfyller kravet om tilgjengelighet (rullestol eller trinnfri adkomst) (12 boliger)',
      'Ingen bolig oppfyller kravet om antall soverom (3 boliger)',
    ]);
    expect(unassignedReasonTexts('nb', { kind: 'no_eligible', failedRules: [] }, refs)).toEqual(['Ingen bolig i utvalget passer husstanden.']);
  });

  it('name the dwellings that fitted and who got them', () => {
    expect(
      unassignedReasonTexts(
        'nb',
        {
          kind: 'outcompeted',
          eligibleDwellings: 2,
          takenBy: [
            { dwellingId: 'd1', householdId: 'h1', score: 1180, ownScore: 1120, loss: 60 },
            { dwellingId: 'd2', householdId: 'h2', score: 1100, ownScore: 1090, loss: 10 },
          ],
        },
        refs,
      ),
    ).toEqual(['Boligene som passet (2) gikk til husstander med høyere samlet verdi: B-104 til H-2026-003, B-220 til H-2026-014']);
  });

  it('quote the composition rule and the locks', () => {
    expect(
      unassignedReasonTexts('nb', { kind: 'composition', groups: [{ label: 'Bygg Fjordgata 3: høyst 2 husstander med støttebehov (2 bor der nå)', max: 0 }] }, refs),
    ).toEqual(['En regel for sammensetning ville blitt brutt: Bygg Fjordgata 3: høyst 2 husstander med støttebehov (2 bor der nå)']);
    expect(unassignedReasonTexts('nb', { kind: 'locked_out' }, refs)).toEqual(['Låsene utelukker alle boligene som passet.']);
  });
});

describe('dwellings', () => {
  it('list the runners-up with their scores', () => {
    expect(
      plain(
        runnersUpText(
          'nb',
          [
            { householdId: 'h2', score: 1180, assignedElsewhere: false },
            { householdId: 'h1', score: 1050, assignedElsewhere: true },
          ],
          refs,
        ),
      ),
    ).toBe('Nestemann: H-2026-014 (1 180 poeng), H-2026-003 (1 050 poeng, har forslag på en annen bolig)');
    expect(runnersUpText('nb', [], refs)).toBe('Ingen andre husstander i utvalget passet boligen.');
  });

  it('say why one stays empty', () => {
    expect(emptyDwellingText('nb', 'better_elsewhere')).toBe('Husstandene som passet, fikk bedre forslag på andre boliger.');
    expect(emptyDwellingText('nb', null)).toBe('Står tom.');
  });
});

describe('quality and composition', () => {
  it('says optimal, or how close to the bound', () => {
    expect(qualityText('nb', { optimal: true, gap: 0 })).toBe('Optimal løsning');
    expect(qualityText('nb', { optimal: false, gap: 0.0035 })).toBe('Innenfor 0,35 % av beste mulige');
    expect(gapPercent(0.00001)).toBe('0,01');
    expect(gapPercent(0.012)).toBe('1,2');
  });

  it('shows age bands and before → after', () => {
    expect(ageBandsText('nb', { households: 3, support: 0, ageBands: { young_adult: 0, family: 2, adult: 0, senior: 1 }, languages: [] })).toBe('barnefamilier 2, eldre 1');
    expect(ageBandsText('nb', { households: 0, support: 0, ageBands: { young_adult: 0, family: 0, adult: 0, senior: 0 }, languages: [] })).toBe('Ingen');
    expect(beforeAfter('nb', 3, 4)).toBe('3 → 4');
    expect(beforeAfter('nb', 3, 3)).toBe('3');
  });
});

describe('dates', () => {
  it('adds days across months, years and daylight-saving changes', () => {
    expect(addDays('2026-03-20', 30)).toBe('2026-04-19');
    expect(addDays('2026-12-15', 30)).toBe('2027-01-14');
    expect(addDays('2026-10-20', 10)).toBe('2026-10-30');
  });

  it('takes today in Oslo, not in UTC', () => {
    // 23:30 UTC on 31 December is already 1 January in Oslo.
    expect(todayInOslo(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01');
  });

  it('accepts only real calendar dates', () => {
    expect(isIsoDate('2026-02-28')).toBe(true);
    expect(isIsoDate('2026-02-30')).toBe(false);
    expect(isIsoDate('28.02.2026')).toBe(false);
  });
});
