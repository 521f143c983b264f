import { describe, expect, it } from 'vitest';
import {
  findFylke,
  findKommune,
  fylker,
  isKommunenummer,
  kommuneinndelingValidFrom,
  kommuneinndelingVersion,
  kommuner,
  osloBydeler,
} from './kommuner';

describe('SSB kommuneinndeling 2024', () => {
  it('names the classification version it reproduces', () => {
    expect(kommuneinndelingVersion).toBe('Kommuneinndeling 2024');
    expect(kommuneinndelingValidFrom).toBe('2024-01-01');
  });

  it('has exactly 357 municipalities with unique four-digit numbers', () => {
    expect(kommuner).toHaveLength(357);
    const numbers = new Set(kommuner.map((k) => k.nummer));
    expect(numbers.size).toBe(357);
    for (const n of numbers) expect(n).toMatch(/^[0-9]{4}$/);
  });

  it('has 15 counties, each with at least one municipality', () => {
    expect(fylker.map((f) => f.nummer)).toEqual([
      '03',
      '11',
      '15',
      '18',
      '31',
      '32',
      '33',
      '34',
      '39',
      '40',
      '42',
      '46',
      '50',
      '55',
      '56',
    ]);
    for (const fylke of fylker) expect(kommuner.some((k) => k.fylke === fylke.nummer)).toBe(true);
  });

  it('places every municipality in the county given by its first two digits', () => {
    const countyNumbers = new Set(fylker.map((f) => f.nummer));
    for (const k of kommuner) {
      expect(k.fylke).toBe(k.nummer.slice(0, 2));
      expect(countyNumbers.has(k.fylke)).toBe(true);
    }
  });

  it('has unique, trimmed, NFC names', () => {
    expect(new Set(kommuner.map((k) => k.navn)).size).toBe(357);
    for (const k of kommuner) {
      expect(k.navn).toBe(k.navn.trim());
      expect(k.navn).toBe(k.navn.normalize('NFC'));
    }
  });

  it.each([
    ['0301', 'Oslo', '03'],
    ['4601', 'Bergen', '46'],
    ['5001', 'Trondheim', '50'],
    ['1508', 'Ålesund', '15'],
    ['1580', 'Haram', '15'],
    ['1875', 'Hamarøy', '18'],
    ['3301', 'Drammen', '33'],
    ['1804', 'Bodø', '18'],
    ['5007', 'Namsos', '50'],
    ['4602', 'Kinn', '46'],
    ['3201', 'Bærum', '32'],
    ['1506', 'Molde', '15'],
    ['4626', 'Øygarden', '46'],
    ['4204', 'Kristiansand', '42'],
    ['5612', 'Kautokeino', '56'],
  ])('knows %s as %s in county %s', (nummer, name, fylke) => {
    const kommune = findKommune(nummer);
    expect(kommune?.fylke).toBe(fylke);
    // SSB gives Sami parallel names in the official name, e.g. "Hábmer - Hamarøy".
    expect(kommune?.navn.split(' - ')).toContain(name);
  });

  it('gives Sami parallel names in the form SSB uses', () => {
    expect(findKommune('5612')?.navn).toBe('Guovdageaidnu - Kautokeino');
    expect(findKommune('1875')?.navn).toBe('Hábmer - Hamarøy');
    expect(findKommune('5540')?.navn).toBe('Gáivuotna - Kåfjord - Kaivuono');
  });

  it('disambiguates homonyms the way SSB does', () => {
    expect(findKommune('1515')?.navn).toBe('Herøy (Møre og Romsdal)');
    expect(findKommune('1818')?.navn).toBe('Herøy (Nordland)');
    expect(findKommune('3114')?.navn).toBe('Våler (Østfold)');
    expect(findKommune('3419')?.navn).toBe('Våler (Innlandet)');
  });

  it.each([
    ['1507', 'Ålesund 2020–2023, split into 1508 Ålesund and 1580 Haram in 2024'],
    ['3024', 'Bærum 2020–2023 (Viken)'],
    ['3005', 'Drammen 2020–2023 (Viken)'],
    ['5401', 'Tromsø 2020–2023 (Troms og Finnmark)'],
    ['3803', 'Tønsberg 2020–2023 (Vestfold og Telemark)'],
    ['0219', 'Bærum before 2020 (Akershus)'],
    ['1201', 'Bergen before 2020 (Hordaland)'],
    ['1401', 'Flora before 2020, now part of 4602 Kinn'],
    ['1246', 'Fjell before 2020, now part of 4626 Øygarden'],
    ['1849', 'Hamarøy before 2020'],
  ])('rejects %s (%s)', (nummer) => {
    expect(isKommunenummer(nummer)).toBe(false);
    expect(findKommune(nummer)).toBeUndefined();
  });

  it.each(['', '301', '03010', ' 0301', '0301 ', '０３０１', 'abcd'])('rejects the malformed input %j', (input) => {
    expect(isKommunenummer(input)).toBe(false);
  });

  it('finds counties by number', () => {
    expect(findFylke('46')?.navn).toBe('Vestland');
    expect(findFylke('30')).toBeUndefined(); // Viken, dissolved 2024
  });
});

describe("Oslo's city districts", () => {
  it('are the 15 bydeler 030101–030115', () => {
    expect(osloBydeler.map((b) => b.nummer)).toEqual(
      Array.from({ length: 15 }, (_, i) => `0301${String(i + 1).padStart(2, '0')}`),
    );
  });

  it('include Bjerke as 030109 and Søndre Nordstrand as 030115', () => {
    expect(osloBydeler.find((b) => b.nummer === '030109')?.navn).toBe('Bjerke');
    expect(osloBydeler.find((b) => b.nummer === '030115')?.navn).toBe('Søndre Nordstrand');
  });
});
