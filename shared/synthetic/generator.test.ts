import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { validateIdentityNumber } from '../domain/identity';
import { findKommune, isKommunenummer, kommuner } from '../domain/kommuner';
import { staffRoles } from '../domain/roles';
import { unitKinds } from '../domain/units';
import {
  administrativeLanguageOf,
  generateDataset,
  generateMunicipality,
  planDataset,
  streamDataset,
  type SyntheticDataset,
  type SyntheticMunicipality,
} from './generator';
import { namePools } from './names';
import { createRng, deriveSeed } from './rng';

let small: SyntheticDataset;
let municipality: SyntheticDataset;
let national: SyntheticDataset;

beforeAll(() => {
  small = generateDataset({ seed: 2026, size: 'small' });
  municipality = generateDataset({ seed: 2026, size: 'municipality' });
  national = generateDataset({ seed: 2026, size: 'national' });
});

const only = (d: SyntheticDataset): SyntheticMunicipality => {
  const [m] = d.municipalities;
  if (!m || d.municipalities.length !== 1) throw new Error('expected exactly one municipality');
  return m;
};

function allTexts(m: SyntheticMunicipality): string[] {
  return [
    m.name,
    ...m.units.map((u) => u.name),
    ...m.staff.map((s) => s.displayName),
    ...m.persons.flatMap((p) => [p.givenName, p.familyName, p.givenNameLatin, p.familyNameLatin]),
    ...m.dwellings.map((d) => d.address.street),
  ].filter((s): s is string => s !== undefined);
}

describe('createRng', () => {
  afterEach(() => vi.restoreAllMocks());

  it('gives the same sequence for the same seed and a different one for another seed', () => {
    const draw = (seed: number) => {
      const rng = createRng(seed);
      return Array.from({ length: 20 }, () => rng.int(0, 1_000_000));
    };
    expect(draw(1)).toEqual(draw(1));
    expect(draw(1)).not.toEqual(draw(2));
  });

  it('keeps int() within its inclusive bounds and reaches both ends', () => {
    const rng = createRng(5);
    const seen = new Set<number>();
    for (let i = 0; i < 10_000; i++) {
      const n = rng.int(-2, 3);
      expect(n).toBeGreaterThanOrEqual(-2);
      expect(n).toBeLessThanOrEqual(3);
      seen.add(n);
    }
    expect([...seen].sort((a, b) => a - b)).toEqual([-2, -1, 0, 1, 2, 3]);
  });

  it('draws weighted values in proportion and never a zero-weight value', () => {
    const rng = createRng(11);
    const counts = { a: 0, b: 0, never: 0 };
    for (let i = 0; i < 20_000; i++)
      counts[
        rng.weighted([
          ['a', 3],
          ['b', 1],
          ['never', 0],
        ] as const)
      ]++;
    expect(counts.never).toBe(0);
    expect(counts.a / counts.b).toBeGreaterThan(2.7);
    expect(counts.a / counts.b).toBeLessThan(3.3);
  });

  it('shuffles a copy without changing the input', () => {
    const input = [1, 2, 3, 4, 5, 6, 7, 8];
    const shuffled = createRng(3).shuffle(input);
    expect(input).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect([...shuffled].sort()).toEqual(input);
  });

  it('refuses invalid arguments', () => {
    const rng = createRng(1);
    expect(() => rng.int(3, 2)).toThrow(RangeError);
    expect(() => rng.pick([])).toThrow(RangeError);
    expect(() => rng.chance(1.5)).toThrow(RangeError);
    expect(() => rng.weighted([['x', 0]])).toThrow(RangeError);
    expect(() => createRng(0.5)).toThrow(RangeError);
  });

  it('derives distinct sub-seeds for distinct labels', () => {
    expect(deriveSeed({ seed: 1, label: 'a' })).toBe(deriveSeed({ seed: 1, label: 'a' }));
    expect(deriveSeed({ seed: 1, label: 'a' })).not.toBe(deriveSeed({ seed: 1, label: 'b' }));
    expect(deriveSeed({ seed: 1, label: 'a' })).not.toBe(deriveSeed({ seed: 2, label: 'a' }));
  });

  it('is what the generator uses instead of Math.random', () => {
    const spy = vi.spyOn(Math, 'random');
    generateDataset({ seed: 1, size: 'small' });
    expect(spy).not.toHaveBeenCalled();
  });
});

describe('name pools', () => {
  const allNames = namePools
    .flatMap((pool) => [
      ...pool.given.flatMap((e) => [e.given, e.givenLatin]),
      ...pool.family.flatMap((e) => [e.family, e.familyLatin]),
    ])
    .filter((s): s is string => s !== undefined);

  it('are NFC, trimmed and free of duplicates within each list', () => {
    expect(allNames.filter((n) => n !== n.normalize('NFC') || n !== n.trim())).toEqual([]);
    for (const pool of namePools) {
      expect(new Set(pool.given.map((e) => e.given)).size).toBe(pool.given.length);
      expect(new Set(pool.family.map((e) => e.family)).size).toBe(pool.family.length);
    }
  });

  it('hold 20–40 given names per country', () => {
    for (const pool of namePools) {
      expect(pool.given.length).toBeGreaterThanOrEqual(20);
      expect(pool.given.length).toBeLessThanOrEqual(40);
    }
  });

  it('write each name in the script of its language', () => {
    const script: Record<string, RegExp> = {
      SY: /^[\p{Script=Arabic} ]+$/u,
      SD: /^[\p{Script=Arabic} ]+$/u,
      AF: /^[\p{Script=Arabic}\u200c ]+$/u,
      ER: /^\p{Script=Ethiopic}+$/u,
      UA: /^[\p{Script=Cyrillic}\u02bc]+$/u,
    };
    for (const pool of namePools) {
      const pattern = script[pool.country];
      if (!pattern) continue;
      const names = [...pool.given.map((e) => e.given), ...pool.family.map((e) => e.family)];
      expect(names.filter((n) => !pattern.test(n))).toEqual([]);
    }
  });

  it('write Dari with the Persian letters ی and ک, not the Arabic ي and ك', () => {
    const dari = namePools.find((p) => p.country === 'AF');
    const names = [...(dari?.given ?? []).map((e) => e.given), ...(dari?.family ?? []).map((e) => e.family)];
    expect(names.filter((n) => /[\u064a\u0643]/u.test(n))).toEqual([]);
  });

  it('include apostrophes, hyphens, diacritics and single names, which forms must accept', () => {
    expect(allNames.some((n) => n.includes("'"))).toBe(true);
    expect(allNames).toContain('Al-Sayed');
    expect(allNames).toContain('Jean-Pierre');
    expect(allNames).toContain("N'Goma");
    expect(allNames).toContain('Dieudonné');
    expect(namePools.find((p) => p.country === 'MM')?.pattern).toBe('single');
  });
});

describe('generateDataset: determinism', () => {
  it('gives deep-equal output for the same seed', () => {
    expect(generateDataset({ seed: 2026, size: 'small' })).toEqual(small);
    expect(generateDataset({ seed: 2026, size: 'municipality' })).toEqual(municipality);
  });

  it('gives different output for a different seed', () => {
    const other = only(generateDataset({ seed: 2027, size: 'small' }));
    expect(other.persons).not.toEqual(only(small).persons);
    expect(other.dwellings).not.toEqual(only(small).dwellings);
  });

  it('generates a municipality on its own exactly as inside the national dataset', () => {
    const plan = planDataset({ seed: 2026, size: 'national' });
    for (const kommunenummer of ['0301', '1804', '5636']) {
      const entry = plan.find((p) => p.kommunenummer === kommunenummer);
      if (!entry) throw new Error(`${kommunenummer} is not planned`);
      const alone = generateMunicipality({ seed: 2026, kommunenummer, scale: entry.scale });
      expect(alone).toEqual(national.municipalities.find((m) => m.kommunenummer === kommunenummer));
    }
  });

  it('streams the same municipalities one at a time', () => {
    const streamed = [...streamDataset({ seed: 2026, size: 'small' })];
    expect(streamed).toEqual(small.municipalities);
  });

  it('depends on the reference date, not on the clock', () => {
    vi.useFakeTimers({ now: new Date('2031-01-01T00:00:00Z') });
    try {
      expect(generateDataset({ seed: 2026, size: 'small' })).toEqual(small);
    } finally {
      vi.useRealTimers();
    }
    const later = only(generateDataset({ seed: 2026, size: 'small', referenceDate: '2026-06-01' }));
    expect(later.persons[0]?.birthDate).not.toBe(only(small).persons[0]?.birthDate);
  });

  it('refuses a kommunenummer outside the classification', () => {
    expect(() =>
      generateMunicipality({ seed: 1, kommunenummer: '1507', scale: { households: 1, dwellings: 1, extraStaff: 0 } }),
    ).toThrow(RangeError);
  });
});

describe('generateDataset: sizes', () => {
  it('small is one real municipality (Molde) with about 40 households and 60 dwellings', () => {
    const m = only(small);
    expect(m.kommunenummer).toBe('1506');
    expect(m.name).toBe(findKommune('1506')?.navn);
    expect(m.synthetic).toBe(true);
    expect(m.households).toHaveLength(40);
    expect(m.dwellings).toHaveLength(60);
  });

  it('municipality is one mid-size municipality with about 400 households and 500 dwellings', () => {
    const m = only(municipality);
    expect(m.households).toHaveLength(400);
    expect(m.dwellings).toHaveLength(500);
  });

  it('national has all 357 municipalities of the classification, each once', () => {
    const numbers = national.municipalities.map((m) => m.kommunenummer);
    expect(numbers).toHaveLength(357);
    expect(new Set(numbers)).toEqual(new Set(kommuner.map((k) => k.nummer)));
  });

  it('national generates in well under five seconds', () => {
    const started = performance.now();
    generateDataset({ seed: 99, size: 'national' });
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});

describe('generateDataset: every municipality (national)', () => {
  it('uses valid kommunenummer everywhere', () => {
    for (const m of national.municipalities) {
      expect(isKommunenummer(m.kommunenummer)).toBe(true);
      expect(m.dwellings.filter((d) => d.address.kommunenummer !== m.kommunenummer)).toEqual([]);
    }
  });

  it('gives every person a synthetic Tenor identity number, if any, that matches the birth date', () => {
    const persons = national.municipalities.flatMap((m) => m.persons);
    const numbered = persons.filter((p) => p.identityNumber !== undefined);
    expect(numbered.length).toBeGreaterThan(10_000);
    const wrong = numbered.filter((p) => {
      const inTest = validateIdentityNumber(p.identityNumber as string, { allowSynthetic: true });
      // Never a real person's number: production validation refuses it as a test number.
      const inProduction = validateIdentityNumber(p.identityNumber as string, { allowSynthetic: false });
      return !(
        inTest.ok &&
        inTest.synthetic === 'tenor' &&
        inTest.birthDate === p.birthDate &&
        !inProduction.ok &&
        inProduction.code === 'person_id.test_number'
      );
    });
    expect(wrong).toEqual([]);
  });

  it('never repeats an identity number within a municipality', () => {
    for (const m of national.municipalities) {
      const numbers = m.persons.flatMap((p) => (p.identityNumber ? [p.identityNumber] : []));
      expect(new Set(numbers).size).toBe(numbers.length);
    }
  });

  it('stores every text NFC', () => {
    const texts = national.municipalities.flatMap(allTexts);
    expect(texts.filter((text) => text !== text.normalize('NFC'))).toEqual([]);
  });

  it('gives staff addresses under <slug>.kommune.example, unique across the country', () => {
    const emails = national.municipalities.flatMap((m) => m.staff.map((s) => s.email));
    expect(new Set(emails).size).toBe(emails.length);
    for (const email of emails) expect(email).toMatch(/^[a-z0-9.-]+@[a-z0-9-]+\.kommune\.example$/);
  });

  it("places every staff member in at least one of the municipality's own units", () => {
    for (const m of national.municipalities) {
      const unitKeys = new Set(m.units.map((u) => u.key));
      for (const s of m.staff) {
        expect(s.unitKeys.length).toBeGreaterThan(0);
        for (const key of s.unitKeys) expect(unitKeys.has(key)).toBe(true);
        for (const role of s.roles) expect(staffRoles).toContain(role);
      }
    }
  });

  it('uses only known unit kinds, and keys that are unique across the country', () => {
    const keys = national.municipalities.flatMap((m) => [
      ...m.units.map((u) => u.key),
      ...m.staff.map((s) => s.key),
      ...m.persons.map((p) => p.key),
      ...m.households.map((h) => h.key),
      ...m.dwellings.map((d) => d.key),
    ]);
    expect(new Set(keys).size).toBe(keys.length);
    for (const m of national.municipalities) for (const u of m.units) expect(unitKinds).toContain(u.kind);
  });

  it('gives Oslo its 15 bydeler as units', () => {
    const oslo = national.municipalities.find((m) => m.kommunenummer === '0301');
    expect(oslo?.units.filter((u) => u.kind === 'bydel')).toHaveLength(15);
    expect(oslo?.units.find((u) => u.kind === 'bydel' && u.name === 'Bydel Bjerke')).toBeDefined();
    for (const d of oslo?.dwellings ?? []) expect(d.address.bydelsnummer).toMatch(/^0301(0[1-9]|1[0-5])$/);
  });

  it('uses nynorsk for typical Vestland and Sunnmøre municipalities, bokmål for Oslo and Bergen', () => {
    expect(administrativeLanguageOf('4602')).toBe('nn'); // Kinn
    expect(administrativeLanguageOf('4621')).toBe('nn'); // Voss
    expect(administrativeLanguageOf('1577')).toBe('nn'); // Volda
    expect(administrativeLanguageOf('4601')).toBe('nb'); // Bergen
    expect(administrativeLanguageOf('0301')).toBe('nb');
    expect(national.municipalities.find((m) => m.kommunenummer === '4602')?.units[0]?.name).toBe('Flyktningtenesta');
  });
});

describe('generateDataset: the small demo municipality', () => {
  it('has one login per role with a predictable address, for the seed to print', () => {
    const m = only(small);
    for (const role of staffRoles) {
      const account = m.staff.find((s) => s.key === `1506-staff-${role}`);
      expect(account?.roles).toEqual([role]);
      expect(account?.email).toBe(`${role.replace('_', '-')}@molde.kommune.example`);
    }
    expect(m.staff.map((s) => s.email)).toEqual(
      expect.arrayContaining([
        'admin@molde.kommune.example',
        'bosetter@molde.kommune.example',
        'leder@molde.kommune.example',
      ]),
    );
  });
});

describe('generateDataset: people and households (requirements §7.4)', () => {
  const m = () => only(municipality);

  it('puts every person in exactly one household, with exactly one main member', () => {
    const seen = new Map<string, number>();
    for (const h of m().households) {
      expect(h.members.filter((x) => x.relation === 'main')).toHaveLength(1);
      for (const x of h.members) seen.set(x.personKey, (seen.get(x.personKey) ?? 0) + 1);
    }
    expect(seen.size).toBe(m().persons.length);
    for (const count of seen.values()) expect(count).toBe(1);
  });

  it('has 25–50 % single adults, some large families and some unaccompanied minors', () => {
    const households = m().households;
    const share = (type: string) => households.filter((h) => h.type === type).length / households.length;
    expect(share('single_adult')).toBeGreaterThanOrEqual(0.25);
    expect(share('single_adult')).toBeLessThanOrEqual(0.5);
    expect(share('large_family')).toBeGreaterThan(0);
    expect(share('unaccompanied_minor')).toBeGreaterThan(0);
    expect(households.some((h) => h.expectedFamilyReunification !== null)).toBe(true);
  });

  it('settles unaccompanied minors aged 15–17 with the matching category', () => {
    const persons = new Map(m().persons.map((p) => [p.key, p]));
    for (const h of m().households.filter((x) => x.type === 'unaccompanied_minor')) {
      const [member] = h.members;
      const person = member && persons.get(member.personKey);
      expect(person?.category).toBe('unaccompanied_minor');
      const age = 2025 - Number(person?.birthDate.slice(0, 4));
      expect(age).toBeGreaterThanOrEqual(15);
      expect(age).toBeLessThanOrEqual(18);
    }
  });

  it('includes people from every name pool, in several scripts, and people with a single name', () => {
    const persons = m().persons;
    const nationalities = new Set(persons.map((p) => p.nationality));
    for (const pool of namePools) expect(nationalities.has(pool.country)).toBe(true);
    expect(persons.some((p) => /\p{Script=Arabic}/u.test(p.givenName))).toBe(true);
    expect(persons.some((p) => /\p{Script=Ethiopic}/u.test(p.givenName))).toBe(true);
    expect(persons.some((p) => /\p{Script=Cyrillic}/u.test(p.givenName))).toBe(true);
    expect(persons.some((p) => /\p{Script=Myanmar}/u.test(p.givenName))).toBe(true);
    expect(persons.some((p) => p.familyName === undefined)).toBe(true);
    expect(persons.some((p) => p.birthDatePrecision === 'year' && p.birthDate.endsWith('-01-01'))).toBe(true);
    expect(persons.some((p) => p.identityNumber === undefined)).toBe(true);
  });

  it('keeps dates in order: birth ≤ permit ≤ reference date', () => {
    for (const p of m().persons) {
      expect(p.birthDate <= p.permitDate).toBe(true);
      expect(p.permitDate <= municipality.referenceDate).toBe(true);
    }
  });
});

describe('generateDataset: dwellings (requirements §3.3, §7.4)', () => {
  const m = () => only(municipality);

  it('prices rent in whole øre and describes each dwelling sensibly', () => {
    for (const d of m().dwellings) {
      expect(Number.isSafeInteger(d.monthlyRentOre)).toBe(true);
      expect(d.monthlyRentOre).toBeGreaterThan(0);
      expect(d.capacity).toBeGreaterThanOrEqual(1);
      expect(d.bedrooms).toBeGreaterThanOrEqual(0);
      expect(d.areaM2).toBeGreaterThan(0);
      expect(d.floor).toBeGreaterThanOrEqual(1);
      expect(d.address.postnummer).toMatch(/^[0-9]{4}$/);
      if (d.type === 'house') expect(d.lift).toBe(false);
    }
  });

  it('houses each settled household in its own dwelling that is large enough', () => {
    const dwellings = new Map(m().dwellings.map((d) => [d.key, d]));
    const used = new Set<string>();
    for (const h of m().households) {
      if (h.dwellingKey === undefined) continue;
      const dwelling = dwellings.get(h.dwellingKey);
      expect(dwelling).toBeDefined();
      expect(dwelling?.capacity).toBeGreaterThanOrEqual(h.members.length);
      expect(used.has(h.dwellingKey)).toBe(false);
      used.add(h.dwellingKey);
    }
    expect(used.size).toBeGreaterThan(m().households.length / 2);
  });

  it('houses families mostly in flats and houses, single adults also in bedsits and bofellesskap rooms', () => {
    const dwellings = new Map(m().dwellings.map((d) => [d.key, d]));
    const typesOf = (single: boolean) =>
      m()
        .households.filter((h) => h.dwellingKey !== undefined && (h.members.length === 1) === single)
        .map((h) => dwellings.get(h.dwellingKey as string)?.type);
    const families = typesOf(false);
    const flatsAndHouses = families.filter((t) => t === 'flat' || t === 'house').length;
    expect(flatsAndHouses / families.length).toBeGreaterThan(0.85);
    const singles = new Set(typesOf(true));
    for (const t of ['flat', 'bedsit', 'shared_room'] as const) expect(singles.has(t)).toBe(true);
  });
});
