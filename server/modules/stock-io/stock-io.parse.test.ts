import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { mapColumns, readRow } from './stock-io.rows';
import { decodeText, detectDelimiter, readSheet } from './stock-io.parse';
import { parseDate, parseDecimal, parseKronerToOre } from './stock-io.values';

const context = { defaultKommunenummer: '1804' };

describe('reading CSV', () => {
  it('detects semicolon, comma and tab delimiters (quoted delimiters do not count)', () => {
    expect(detectDelimiter('Adresse;Postnummer;Type\n')).toBe(';');
    expect(detectDelimiter('Adresse,Postnummer,Type\n')).toBe(',');
    expect(detectDelimiter('"Adresse; gate",Postnummer,Type\n')).toBe(',');
    expect(detectDelimiter('Adresse\tPostnummer\tType\n')).toBe('\t');
  });

  it('decodes UTF-8 with and without BOM, and falls back to Windows-1252', () => {
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...Buffer.from('Bodø')]))).toBe('Bodø');
    expect(decodeText(new Uint8Array(Buffer.from('Tromsø')))).toBe('Tromsø');
    // "Gårdsnummer;Bodø" as Excel on Windows saves it
    expect(decodeText(new Uint8Array([0x47, 0xe5, 0x72, 0x64, 0x3b, 0x42, 0x6f, 0x64, 0xf8]))).toBe('Gård;Bodø');
  });

  it('reads a Windows-1252 comma-separated file with Norwegian headers and row numbers as in the sheet', async () => {
    const text =
      'Adresse,Postnr,Type,Eierform,Soverom,Areal\r\nSjøgata 1,8006,leilighet,kommunal,2,"54,5"\r\n,,,,,\r\nÅsveien 2,8006,hus,KF,3,120\r\n';
    const bytes = new Uint8Array([...text].map((ch) => (ch === 'ø' ? 0xf8 : ch === 'Å' ? 0xc5 : ch.charCodeAt(0))));
    const sheet = await readSheet({ fileName: 'liste.csv', content: bytes });
    expect(sheet.format).toBe('csv');
    expect(sheet.rows.map((r) => r.row)).toEqual([2, 3, 4]);
    const columns = mapColumns(sheet.headers);
    expect(columns.map((c) => c.column)).toEqual([
      'street',
      'postnummer',
      'type',
      'disposalForm',
      'bedrooms',
      'areaM2',
    ]);
    const first = readRow(columns, sheet.rows[0]!, context);
    expect(first.problems).toEqual([]);
    expect(first.dwelling).toMatchObject({
      street: 'Sjøgata 1',
      areaM2: 54.5,
      type: 'flat',
      disposalForm: 'municipal',
      kommunenummer: '1804',
    });
    expect(readRow(columns, sheet.rows[2]!, context).dwelling).toMatchObject({
      street: 'Åsveien 2',
      type: 'house',
      disposalForm: 'municipal_company',
    });
  });
});

describe('reading xlsx', () => {
  it('reads the first sheet: date cells, Excel date serials, numbers and leading-zero codes stored as numbers', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Første');
    wb.addWorksheet('Andre').addRow(['ignored']);
    ws.addRow([
      'ADRESSE',
      ' postnummer ',
      'Type',
      'Disposisjon',
      'Soverom',
      'Husleie',
      'Kontraktstart',
      'Kontraktslutt',
      'Tidsubestemt',
      'Hovedleietaker',
    ]);
    ws.addRow([
      'Karl Johans gate 1',
      150,
      'Leilighet',
      'Kommunal',
      2,
      9500.5,
      new Date('2026-01-01T00:00:00Z'),
      47119,
      'nei',
      'Ola',
    ]);
    const content = new Uint8Array(await wb.xlsx.writeBuffer());
    const sheet = await readSheet({ fileName: 'BOLIGER.XLSX', content });
    expect(sheet.format).toBe('xlsx');
    const result = readRow(mapColumns(sheet.headers), sheet.rows[0]!, context);
    expect(result.problems).toEqual([]);
    expect(result.dwelling).toMatchObject({ postnummer: '0150', rentOre: 950050 });
    // 47119 is 2029-01-01 in Excel's 1900 date system; three years → husleieloven § 9-3.
    expect(result.lease).toEqual({
      startDate: '2026-01-01',
      endDate: '2029-01-01',
      legalBasis: 'hl_9_3',
      rentOre: 950050,
      tenantName: 'Ola',
    });
  });

  it('refuses legacy .xls and files that are not spreadsheets', async () => {
    await expect(
      readSheet({ fileName: 'a.xls', content: new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0, 0]) }),
    ).rejects.toMatchObject({ code: 'import.file_invalid' });
    await expect(
      readSheet({ fileName: 'a.pdf', content: new Uint8Array(Buffer.from('%PDF-1.4')) }),
    ).rejects.toMatchObject({ code: 'import.file_invalid' });
  });
});

describe('values as Norwegian spreadsheets write them', () => {
  it('dates: dd.mm.yyyy, d.m.yyyy, yyyy-mm-dd, Excel serials; impossible dates are refused', () => {
    expect(parseDate('01.09.2025')).toBe('2025-09-01');
    expect(parseDate('1.9.2025')).toBe('2025-09-01');
    expect(parseDate('2025-09-01')).toBe('2025-09-01');
    expect(parseDate(45901)).toBe('2025-09-01');
    expect(parseDate('29.02.2025')).toBeNull();
    expect(parseDate('neste år')).toBeNull();
    expect(parseDate(null)).toBeUndefined();
  });

  it('kroner with spaces, decimal comma, thousand points and "kr" become exact øre', () => {
    expect(parseKronerToOre('8 500')).toBe(850_000);
    expect(parseKronerToOre('8\u00a0500,50')).toBe(850_050);
    expect(parseKronerToOre('kr 8.500,-')).toBe(850_000);
    expect(parseKronerToOre('12345.6')).toBe(1_234_560);
    expect(parseKronerToOre(8500.5)).toBe(850_050);
    expect(parseKronerToOre('åtte tusen')).toBeNull();
  });

  it('decimals with comma or point', () => {
    expect(parseDecimal('54,5')).toBe(54.5);
    expect(parseDecimal('54.5')).toBe(54.5);
    expect(parseDecimal('1 054,5 m²')).toBe(1054.5);
    expect(parseDecimal('ca 50')).toBeNull();
  });
});

describe('row rules', () => {
  const columns = mapColumns([
    'Adresse',
    'Postnummer',
    'Type',
    'Disposisjon',
    'Soverom',
    'Rom',
    'Del av',
    'Kontraktstart',
    'Kontraktslutt',
    'Tidsubestemt',
    'Hovedleietaker',
    'Husleie',
  ]);
  const row = (cells: (string | number | null)[]) => readRow(columns, { row: 7, cells }, context);
  /** A municipal flat with a lease. */
  const leaseRow = (
    start: string,
    end: string | null,
    openEnded: 'ja' | 'nei' | null,
    tenant: string | null,
    rent: string | null,
  ) => row(['A 1', '8006', 'leilighet', 'kommunal', 1, null, null, start, end, openEnded, tenant, rent]);

  it('every problem of a row is reported, each with its column', () => {
    const result = row(['', '9999', 'slott', 'kommunal', 5, 2, null, null, null, null, null, null]);
    expect(result.problems.map((p) => [p.column, p.code])).toEqual([
      ['street', 'import.value_required'],
      ['postnummer', 'dwelling.postnummer_invalid'],
      ['type', 'import.choice_invalid'],
      ['bedrooms', 'dwelling.rooms_invalid'],
    ]);
    expect(result.dwelling).toBeNull();
  });

  it('a room in shared housing needs the shared housing it belongs to, and only a room may have one', () => {
    expect(
      row(['A 1', '8006', 'rom i bofellesskap', 'kommunal', 1, null, null, null, null, null, null, null]).problems[0],
    ).toMatchObject({
      column: 'parentReference',
      code: 'dwelling.parent_invalid',
    });
    expect(
      row(['A 1', '8006', 'leilighet', 'kommunal', 1, null, 'BF-1', null, null, null, null, null]).problems[0],
    ).toMatchObject({
      code: 'dwelling.parent_invalid',
    });
  });

  it('a lease needs a start, an end or "tidsubestemt", rent and a main tenant; the name is never echoed', () => {
    const result = leaseRow('01.01.2026', null, null, 'Kari Nordmann', null);
    expect(result.problems.map((p) => p.code)).toEqual(['lease.period_invalid', 'lease.rent_invalid']);
    const ended = leaseRow('01.01.2026', '01.01.2026', null, 'Kari Nordmann', '5000');
    expect(ended.problems.map((p) => p.code)).toEqual(['lease.period_invalid']);
    const both = leaseRow('01.01.2026', '01.01.2027', 'ja', 'Kari Nordmann', '5000');
    expect(both.problems.map((p) => [p.column, p.code])).toEqual([['openEnded', 'lease.period_invalid']]);
    const noTenant = leaseRow('01.01.2026', null, 'ja', null, '5000');
    expect(noTenant.problems).toEqual([
      { column: 'mainTenant', header: 'Hovedleietaker', code: 'lease.tenant_required', value: null },
    ]);
    const short = leaseRow('01.01.2026', '01.01.2027', 'nei', 'Kari Nordmann', '5000');
    expect(short.lease).toMatchObject({ legalBasis: 'hl_11_1', endDate: '2027-01-01' });
    const open = leaseRow('01.01.2026', null, 'ja', 'Kari Nordmann', '5000');
    expect(open.lease).toMatchObject({ legalBasis: 'open_ended', endDate: null, rentOre: 500_000 });
  });
});
