import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importReport, koboEnvelope, type ImportReport } from '../../../shared/api/stock-io';
import { withTenant } from '../../db/tenant';
import { createTestApp, login, type LoggedIn, type TestApp } from '../../test/app';
import { createTestDatabase, type TestDatabase } from '../../test/database';
import { createTenantFixture, TEST_PASSWORD, type TenantFixture } from '../../test/fixtures';
import { mapColumns, readRows } from './stock-io.rows';
import { readSheet } from './stock-io.parse';

let db: TestDatabase;
let t: TestApp;
let a: TenantFixture;
let b: TenantFixture;
let session: LoggedIn;
let sessionB: LoggedIn;

beforeAll(async () => {
  db = await createTestDatabase();
  a = await createTenantFixture(db.app, { kommunenummer: '1804', slug: 'bodo', roles: ['boligkontor', 'eiendom'] });
  b = await createTenantFixture(db.app, { kommunenummer: '1506', slug: 'molde', roles: ['boligkontor'] });
  t = await createTestApp(db);
  session = await login(t.app, a.users.boligkontor.email, TEST_PASSWORD);
  sessionB = await login(t.app, b.users.boligkontor.email, TEST_PASSWORD);
}, 120_000);
afterAll(async () => {
  await t.app.close();
  await db.destroy();
});

const headers = [
  'Referanse',
  'Adresse',
  'Postnummer',
  'Gnr',
  'Bnr',
  'Bruksenhetsnummer',
  'Type',
  'Disposisjon',
  'Soverom',
  'Areal',
  'Etasje',
  'Rullestol',
  'Skolekrets',
  'Husleie',
  'Kontraktstart',
  'Kontraktslutt',
  'Tidsubestemt',
  'Hovedleietaker',
];

type Row = (string | number | Date | null)[];

/** A person's name holds no digits (person-names.ts): row 50 → 'Leietaker Faj'. */
function tenantName(i: number): string {
  const letters = [...String(i)].map((d) => 'abcdefghij'[Number(d)]).join('');
  return `Leietaker ${letters[0]!.toUpperCase()}${letters.slice(1)}`;
}

function goodRow(i: number, prefix: string): Row {
  const lease = i % 50 === 0;
  return [
    `${prefix}-${i}`,
    `Storgata ${i}`,
    '8006',
    100 + (i % 7),
    i,
    `H${String(100 + (i % 900)).padStart(4, '0')}`,
    i % 3 === 0 ? 'Leilighet' : i % 3 === 1 ? 'hybel' : 'Modulbolig',
    i % 4 === 0 ? 'KF' : 'Kommunal',
    i % 3 === 1 ? 0 : 2,
    '54,5',
    i % 5,
    i % 2 === 0 ? 'Ja' : 'nei',
    'Sentrum',
    '8 500,50',
    lease ? new Date('2025-01-01T00:00:00Z') : null,
    lease ? '01.01.2028' : null,
    null,
    lease ? tenantName(i) : null,
  ];
}

// Rows 2..2001 in the sheet; these spreadsheet rows are broken on purpose.
const bad: Record<number, { patch: (row: Row) => void; column: string; code: string }> = {
  17: { patch: (r) => (r[2] = '12345'), column: 'postnummer', code: 'dwelling.postnummer_invalid' },
  250: { patch: (r) => (r[6] = 'slott'), column: 'type', code: 'import.choice_invalid' },
  777: { patch: (r) => (r[13] = 'gratis'), column: 'rent', code: 'import.number_invalid' },
  1234: { patch: (r) => (r[5] = 'X12'), column: 'bruksenhetsnummer', code: 'dwelling.bruksenhetsnummer_invalid' },
  1500: {
    patch: (r) => ((r[14] = '31.02.2025'), (r[17] = 'Kari Hemmelig')),
    column: 'leaseStart',
    code: 'import.date_invalid',
  },
  1999: { patch: (r) => (r[0] = 'FIL-3'), column: 'reference', code: 'import.duplicate_reference' },
};

async function workbook(rows: Row[]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('Ark1');
  sheet.addRow(headers);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}

function bigFile(prefix: string): Promise<string> {
  const rows: Row[] = [];
  for (let i = 1; i <= 2000; i += 1) {
    const row = goodRow(i, prefix);
    bad[i + 1]?.patch(row);
    rows.push(row);
  }
  return workbook(rows);
}

async function post(login: LoggedIn, body: Record<string, unknown>) {
  return t.app.inject({
    method: 'POST',
    url: '/api/dwellings/import',
    headers: { cookie: login.cookie, 'x-csrf-token': login.csrf },
    payload: body,
  });
}

async function countDwellings(tenantId: string): Promise<{ dwellings: number; leases: number; persons: number }> {
  return withTenant(db.app, { tenantId }, async (trx) => {
    const d = await trx
      .selectFrom('app.dwelling')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const l = await trx
      .selectFrom('app.lease')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const p = await trx
      .selectFrom('app.person')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return { dwellings: Number(d.n), leases: Number(l.n), persons: Number(p.n) };
  });
}

describe('import of a 2,000-row file with a few bad rows', () => {
  let file: string;
  beforeAll(async () => {
    file = await bigFile('FIL');
  });

  it('validate reports each bad row with its spreadsheet row number and code, and writes nothing', async () => {
    const response = await post(session, { fileName: 'boliger.xlsx', contentBase64: file, mode: 'validate' });
    expect(response.statusCode, response.body).toBe(200);
    const report = importReport.parse(response.json());
    expect(report.totalRows).toBe(2000);
    // Row 1999 duplicates the reference of row 4 (FIL-3): both are reported.
    const expectedRows = [...Object.keys(bad).map(Number), 4].sort((x, y) => x - y);
    expect(report.rows.map((r) => r.row)).toEqual(expectedRows);
    expect(report.invalidRows).toBe(expectedRows.length);
    expect(report.validRows).toBe(2000 - expectedRows.length);
    for (const [row, { column, code }] of Object.entries(bad)) {
      const reported = report.rows.find((r) => r.row === Number(row))!;
      expect(reported.problems, `row ${row}`).toContainEqual(expect.objectContaining({ column, code }));
    }
    expect(report.rows.find((r) => r.row === 4)!.problems[0]).toMatchObject({
      column: 'reference',
      code: 'import.duplicate_reference',
      value: 'FIL-3',
    });
    // The tenant's name never comes back.
    expect(response.body).not.toContain('Kari Hemmelig');
    expect(
      report.rows.find((r) => r.row === 1500)!.problems.every((p) => p.column !== 'mainTenant' || p.value === null),
    ).toBe(true);
    expect(await countDwellings(a.tenantId)).toEqual({ dwellings: 0, leases: 0, persons: 0 });
  });

  it('all_or_nothing refuses with import.rows_invalid naming every bad row, and writes nothing', async () => {
    const response = await post(session, { fileName: 'boliger.xlsx', contentBase64: file, mode: 'all_or_nothing' });
    expect(response.statusCode).toBe(422);
    const problem = response.json<{ code: string; errors: { pointer: string; code: string }[] }>();
    expect(problem.code).toBe('import.rows_invalid');
    expect(problem.errors).toContainEqual({ pointer: '/rows/17/postnummer', code: 'dwelling.postnummer_invalid' });
    expect(problem.errors).toContainEqual({
      pointer: '/rows/1234/bruksenhetsnummer',
      code: 'dwelling.bruksenhetsnummer_invalid',
    });
    expect(new Set(problem.errors.map((e) => e.pointer.split('/')[2])).size).toBe(7);
    expect(await countDwellings(a.tenantId)).toEqual({ dwellings: 0, leases: 0, persons: 0 });
  });

  it('valid_rows writes exactly the valid rows (with their leases) and reports the rest', async () => {
    const response = await post(session, { fileName: 'boliger.xlsx', contentBase64: file, mode: 'valid_rows' });
    expect(response.statusCode, response.body).toBe(200);
    const report: ImportReport = importReport.parse(response.json());
    expect(report.invalidRows).toBe(7);
    expect(report.created.dwellings).toBe(1993);
    // Rows i % 50 === 0 carry a lease (40 of them); row 1500 (i = 1499) is not one of them.
    expect(report.created.leases).toBe(40);
    expect(await countDwellings(a.tenantId)).toEqual({ dwellings: 1993, leases: 40, persons: 40 });
    const stored = await withTenant(db.app, { tenantId: a.tenantId }, (trx) =>
      trx.selectFrom('app.dwelling').selectAll().where('reference', '=', 'FIL-50').executeTakeFirstOrThrow(),
    );
    expect(stored).toMatchObject({
      street: 'Storgata 50',
      postnummer: '8006',
      poststed: 'BODØ',
      kommunenummer: '1804',
      type: 'modular_unit',
      bedrooms: 2,
      rooms: 3,
      capacity: 4,
      area_m2: '54.5',
      floor: 0,
      wheelchair_accessible: true,
      rent_ore: 850050,
      disposal_form: 'municipal',
      status: 'let',
    });
    const audit = await withTenant(db.app, { tenantId: a.tenantId }, (trx) =>
      trx.selectFrom('app.audit_log').select(['action', 'entity']).where('entity', '=', 'dwelling_import').execute(),
    );
    expect(audit).toEqual([{ action: 'import', entity: 'dwelling_import' }]);
  });

  it('a second import of the same file finds every reference taken', async () => {
    const response = await post(session, { fileName: 'boliger.xlsx', contentBase64: file, mode: 'validate' });
    const report = importReport.parse(response.json());
    expect(report.validRows).toBe(0);
    expect(report.rows.find((r) => r.row === 2)!.problems).toContainEqual(
      expect.objectContaining({ column: 'reference', code: 'dwelling.reference_taken' }),
    );
  });
});

describe('files and rules', () => {
  it('a CSV with semicolons, BOM and decimal commas imports; a dwelling let through a private landlord is refused', async () => {
    const csv =
      '\uFEFFAdresse;Postnr;Type;Eierform;Antall soverom;Areal (m²);Husleie;Kontraktstart;Tidsubestemt;Hovedleietaker\r\n' +
      '"Sjøgata 3";8006;leilighet;kommunal;1;"41,5";"7 000";2026-01-01;ja;Per\r\n' +
      'Sjøgata 5;8006;leilighet;innleid;1;40;7000;01.01.2026;ja;Pål\r\n';
    const response = await post(session, {
      fileName: 'liste.csv',
      contentBase64: Buffer.from(csv).toString('base64'),
      mode: 'valid_rows',
    });
    expect(response.statusCode, response.body).toBe(200);
    const report = importReport.parse(response.json());
    expect(report.format).toBe('csv');
    expect(report.created).toEqual({ dwellings: 1, leases: 1 });
    expect(report.rows).toEqual([
      {
        row: 3,
        problems: [{ column: 'disposalForm', header: 'Eierform', code: 'lease.head_lease_required', value: 'innleid' }],
      },
    ]);
  });

  it('missing required columns → import.columns_missing; not a spreadsheet → import.file_invalid', async () => {
    const csv = Buffer.from('Adresse;Postnummer\nA;8006\n').toString('base64');
    const missing = await post(session, { fileName: 'x.csv', contentBase64: csv, mode: 'validate' });
    expect(missing.statusCode).toBe(422);
    expect(missing.json().code).toBe('import.columns_missing');
    const junk = await post(session, {
      fileName: 'x.xlsx',
      contentBase64: Buffer.from('not a zip').toString('base64'),
      mode: 'validate',
    });
    expect(junk.statusCode).toBe(422);
    expect(junk.json().code).toBe('import.file_invalid');
  });

  it('more than 20,000 rows → import.too_many_rows', async () => {
    const lines = ['Adresse;Postnummer;Type;Disposisjon;Soverom'];
    for (let i = 0; i < 20_001; i += 1) lines.push(`G ${i};8006;hybel;kommunal;0`);
    const response = await post(session, {
      fileName: 'stor.csv',
      contentBase64: Buffer.from(lines.join('\n')).toString('base64'),
      mode: 'validate',
    });
    expect(response.statusCode).toBe(413);
    expect(response.json().code).toBe('import.too_many_rows');
  });
});

describe('export', () => {
  it('the Excel export reads back through the import parser with the same values, without tenant names', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/dwellings/export.xlsx?type=modular_unit',
      headers: { cookie: session.cookie },
    });
    expect(response.statusCode).toBe(200);
    const sheet = await readSheet({ fileName: 'export.xlsx', content: response.rawPayload });
    const columns = mapColumns(sheet.headers);
    const rows = readRows(sheet, columns, { defaultKommunenummer: '1804' });
    expect(rows.length).toBeGreaterThan(600);
    expect(rows.every((r) => r.dwelling?.type === 'modular_unit')).toBe(true);
    const fil50 = rows.find((r) => r.dwelling?.reference === 'FIL-50')!;
    expect(fil50.problems).toEqual([]);
    expect(fil50.hasLease).toBe(false);
    expect(fil50.dwelling).toMatchObject({
      street: 'Storgata 50',
      postnummer: '8006',
      kommunenummer: '1804',
      gnr: 101,
      bnr: 50,
      bruksenhetsnummer: 'H0150',
      bedrooms: 2,
      rooms: 3,
      capacity: 4,
      areaM2: 54.5,
      floor: 0,
      wheelchairAccessible: true,
      schoolDistrict: 'Sentrum',
      rentOre: 850050,
      disposalForm: 'municipal',
    });
    const ExcelFile = new ExcelJS.Workbook();
    await ExcelFile.xlsx.load(response.rawPayload as never);
    const ws = ExcelFile.worksheets[0]!;
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.autoFilter).toBeTruthy();
    const headerRow = (ws.getRow(1).values as unknown[]).map(String);
    const leaseStart = headerRow.indexOf('Kontrakt fra');
    const row = ws.getRows(2, ws.rowCount - 1)!.find((r) => r.getCell(1).value === 'FIL-50')!;
    expect(row.getCell(leaseStart).value).toEqual(new Date('2025-01-01T00:00:00Z'));
    expect(row.getCell(headerRow.indexOf('Husleie')).value).toBe(8500.5);
    expect(JSON.stringify(ws.getSheetValues())).not.toContain(tenantName(50));
  });

  it('the CSV export is semicolon-separated UTF-8 with BOM and reads back', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/dwellings/export.csv',
      headers: { cookie: session.cookie },
    });
    expect(response.statusCode).toBe(200);
    expect(response.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const sheet = await readSheet({ fileName: 'export.csv', content: response.rawPayload });
    const rows = readRows(sheet, mapColumns(sheet.headers), { defaultKommunenummer: '1804' });
    expect(rows.length).toBe(1994);
    expect(rows.find((r) => r.dwelling?.reference === 'FIL-49')!.dwelling).toMatchObject({
      type: 'bedsit',
      bedrooms: 0,
      areaM2: 54.5,
      rentOre: 850050,
    });
  });

  it('the Kobo export validates against the schema and maps the fields; only the own municipality', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/dwellings/export/kobo.json',
      headers: { cookie: session.cookie },
    });
    expect(response.statusCode).toBe(200);
    const envelope = koboEnvelope.parse(response.json());
    expect(envelope.kommunenummer).toBe('1804');
    expect(envelope.dwellings).toHaveLength(1994);
    const d = envelope.dwellings.find((x) => x.husly.reference === 'FIL-48')!;
    expect(d).toMatchObject({
      adresse: { adressetekst: 'Storgata 48', postnummer: '8006', kommunenummer: '1804' },
      eiendom: { kommunenummer: '1804', gardsnummer: 106, bruksnummer: 48, festenummer: 0, seksjonsnummer: 0 },
      bruksenhetsnummer: 'H0148',
      boligtype: 'LEILIGHET',
      antallSoverom: 2,
      bruksareal: 54.5,
      disposisjonsform: 'EID',
      eieform: 'KOMMUNALT_FORETAK',
      erTilgjengeligForRullestolbruker: true,
      egenskaper: ['TILGJENGELIG_FOR_RULLESTOL'],
      leiekostnad: { husleiePerMaaned: 8500.5 },
    });
    const other = await t.app.inject({
      method: 'GET',
      url: '/api/dwellings/export/kobo.json',
      headers: { cookie: sessionB.cookie },
    });
    expect(koboEnvelope.parse(other.json()).dwellings).toEqual([]);
    const audit = await withTenant(db.app, { tenantId: a.tenantId }, (trx) =>
      trx.selectFrom('app.audit_log').select('entity').where('action', '=', 'export').execute(),
    );
    expect(audit.map((e) => e.entity).sort()).toEqual(['dwelling', 'dwelling', 'dwelling_kobo']);
  });
});
