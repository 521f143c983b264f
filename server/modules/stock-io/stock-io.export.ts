import ExcelJS from 'exceljs';
import { importColumnKeys, type ImportColumnKey } from '../../../shared/api/stock-io';
import {
  columnHeaders,
  disposalLabel,
  disposalWords,
  headerFor,
  requiredColumns,
  typeLabel,
  typeWords,
  type DisposalForm,
  type DwellingType,
} from './stock-io.columns';
import type { ExportDwellingRow, ExportLeaseRow } from './stock-io.repository';
import { csvDocument, csvField } from '../../http/csv';

// The register as a spreadsheet. The dwelling columns use the import's headers, so an export can
// be read back by the import; the current lease is described in columns the import ignores, and
// never with the tenant's name.

type Kind = 'text' | 'integer' | 'decimal' | 'money' | 'date' | 'boolean';
type Value = string | number | boolean | null;
type ExportColumn = {
  header: string;
  kind: Kind;
  width: number;
  value: (d: ExportDwellingRow, lease: ExportLeaseRow | null) => Value;
};

const statusLabel: Record<string, string> = {
  planned: 'Planlagt',
  procurement: 'Under anskaffelse',
  renovation: 'Under oppussing',
  ready: 'Klar',
  reserved: 'Reservert',
  let: 'Utleid',
  notice_given: 'Oppsagt',
  vacant: 'Ledig',
  awaiting_maintenance: 'Venter på vedlikehold',
  disposed: 'Avhendet',
};
const earmarkingLabel: Record<string, string> = {
  first_settlement: 'Førstegangsbosetting',
  welfare: 'Velferd',
  care: 'Omsorg',
  none: 'Ingen',
};
const leaseKindLabel: Record<string, string> = { head: 'Innleie', sub: 'Fremleie', direct: 'Utleie' };
const leaseStateLabel: Record<string, string> = {
  active: 'Aktiv',
  notice_given: 'Oppsagt',
  ended: 'Avsluttet',
  cancelled: 'Annullert',
};

export function exportColumns(referenceOf: ReadonlyMap<string, string>): ExportColumn[] {
  const col = (key: ImportColumnKey, kind: Kind, width: number, value: ExportColumn['value']): ExportColumn => ({
    header: headerFor(key),
    kind,
    width,
    value,
  });
  return [
    col('reference', 'text', 14, (d) => d.reference),
    col('street', 'text', 32, (d) => d.street),
    col('postnummer', 'text', 11, (d) => d.postnummer),
    col('poststed', 'text', 16, (d) => d.poststed),
    col('kommunenummer', 'text', 14, (d) => d.kommunenummer),
    col('gnr', 'integer', 7, (d) => d.gnr),
    col('bnr', 'integer', 7, (d) => d.bnr),
    col('fnr', 'integer', 7, (d) => d.fnr),
    col('snr', 'integer', 7, (d) => d.snr),
    col('bruksenhetsnummer', 'text', 18, (d) => d.bruksenhetsnummer),
    col('parentReference', 'text', 12, (d) => (d.parent_id ? (referenceOf.get(d.parent_id) ?? null) : null)),
    col('type', 'text', 18, (d) => typeLabel[d.type as DwellingType] ?? d.type),
    col('disposalForm', 'text', 14, (d) => disposalLabel[d.disposal_form as DisposalForm] ?? d.disposal_form),
    col('bedrooms', 'integer', 9, (d) => d.bedrooms),
    col('rooms', 'integer', 7, (d) => d.rooms),
    col('capacity', 'integer', 10, (d) => d.capacity),
    col('areaM2', 'decimal', 9, (d) => (d.area_m2 === null ? null : Number(d.area_m2))),
    col('floor', 'integer', 8, (d) => d.floor),
    col('wheelchairAccessible', 'boolean', 10, (d) => d.wheelchair_accessible),
    col('schoolDistrict', 'text', 16, (d) => d.school_district || null),
    col('rent', 'money', 12, (d) => (d.rent_ore === null ? null : Number(d.rent_ore) / 100)),
    { header: 'Status', kind: 'text', width: 18, value: (d) => statusLabel[d.status] ?? d.status },
    { header: 'Status fra', kind: 'date', width: 12, value: (d) => d.status_since },
    { header: 'Øremerking', kind: 'text', width: 20, value: (d) => earmarkingLabel[d.earmarking] ?? d.earmarking },
    { header: 'Universell utforming', kind: 'boolean', width: 11, value: (d) => d.universal_design },
    { header: 'Trinnfri inngang', kind: 'boolean', width: 11, value: (d) => d.step_free_entrance },
    { header: 'Heis', kind: 'boolean', width: 7, value: (d) => d.lift },
    { header: 'Leie til eie-potensial', kind: 'boolean', width: 11, value: (d) => d.rent_to_own_potential },
    { header: 'Gjeldende kontrakt', kind: 'text', width: 18, value: (_d, l) => l?.reference ?? null },
    {
      header: 'Kontraktstype',
      kind: 'text',
      width: 12,
      value: (_d, l) => (l ? (leaseKindLabel[l.kind] ?? l.kind) : null),
    },
    { header: 'Kontrakt fra', kind: 'date', width: 12, value: (_d, l) => l?.start_date ?? null },
    { header: 'Kontrakt til', kind: 'date', width: 12, value: (_d, l) => (l ? (l.terminated_on ?? l.end_date) : null) },
    {
      header: 'Kontraktsstatus',
      kind: 'text',
      width: 12,
      value: (_d, l) => (l ? (leaseStateLabel[l.state] ?? l.state) : null),
    },
  ];
}

/** The lease to a household that holds the dwelling today, else the next one to begin. */
export function currentLeases(leases: readonly ExportLeaseRow[], today: string): Map<string, ExportLeaseRow> {
  const result = new Map<string, ExportLeaseRow>();
  for (const lease of leases) {
    const end = lease.terminated_on ?? lease.end_date;
    if (end !== null && end <= today) continue;
    const held = result.get(lease.dwelling_id);
    const running = lease.start_date <= today;
    if (!held || (running && held.start_date > today)) result.set(lease.dwelling_id, lease);
  }
  return result;
}

function utcDate(calendarDate: string): Date {
  return new Date(`${calendarDate}T00:00:00Z`);
}

export async function registerXlsx(
  dwellings: readonly ExportDwellingRow[],
  leases: ReadonlyMap<string, ExportLeaseRow>,
  referenceOf: ReadonlyMap<string, string>,
): Promise<Buffer> {
  const columns = exportColumns(referenceOf);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Husly';
  const sheet = workbook.addWorksheet('Boliger', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({ header: c.header, width: c.width }));
  sheet.getRow(1).font = { bold: true };
  for (const d of dwellings) {
    const lease = leases.get(d.id) ?? null;
    sheet.addRow(
      columns.map((c) => {
        const value = c.value(d, lease);
        if (value === null) return null;
        if (c.kind === 'date') return utcDate(String(value));
        if (c.kind === 'boolean') return value ? 'Ja' : 'Nei';
        return value;
      }),
    );
  }
  columns.forEach((c, i) => {
    const column = sheet.getColumn(i + 1);
    if (c.kind === 'date') column.numFmt = 'dd.mm.yyyy';
    if (c.kind === 'money') column.numFmt = '#,##0.00';
    if (c.kind === 'decimal') column.numFmt = '0.0';
    if (c.kind === 'text') column.numFmt = '@';
  });
  sheet.autoFilter = {
    from: { row: 1, column: 1 },
    to: { row: Math.max(1, dwellings.length + 1), column: columns.length },
  };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function csvCell(value: Value, kind: Kind): string {
  if (value === null) return '';
  let text: string;
  if (kind === 'boolean') text = value ? 'Ja' : 'Nei';
  else if (kind === 'date') text = String(value).split('-').reverse().join('.');
  else if (kind === 'money') text = Number(value).toFixed(2).replace('.', ',');
  else if (kind === 'decimal') text = String(value).replace('.', ',');
  else text = String(value);
  return csvField(text, { formulaSafe: kind === 'text' });
}

export function registerCsv(
  dwellings: readonly ExportDwellingRow[],
  leases: ReadonlyMap<string, ExportLeaseRow>,
  referenceOf: ReadonlyMap<string, string>,
): string {
  const columns = exportColumns(referenceOf);
  const lines = [columns.map((c) => csvCell(c.header, 'text'))];
  for (const d of dwellings) {
    const lease = leases.get(d.id) ?? null;
    lines.push(columns.map((c) => csvCell(c.value(d, lease), c.kind)));
  }
  return csvDocument(lines);
}

// ---- Template -----------------------------------------------------------------------------------

const templateWidths: Partial<Record<ImportColumnKey, number>> = {
  street: 30,
  type: 18,
  disposalForm: 14,
  mainTenant: 22,
};

const sample: Record<ImportColumnKey, string | number | Date | null> = {
  reference: 'B-101',
  street: 'Storgata 1 A',
  postnummer: '8006',
  poststed: 'Bodø',
  kommunenummer: '1804',
  gnr: 138,
  bnr: 2045,
  fnr: 0,
  snr: 0,
  bruksenhetsnummer: 'H0101',
  parentReference: null,
  type: 'Leilighet',
  disposalForm: 'Kommunal',
  bedrooms: 2,
  rooms: 3,
  capacity: 4,
  areaM2: 62.5,
  floor: 1,
  wheelchairAccessible: 'Nei',
  schoolDistrict: 'Sentrum',
  rent: 9500,
  leaseStart: new Date('2025-09-01T00:00:00Z'),
  leaseEnd: new Date('2028-09-01T00:00:00Z'),
  openEnded: 'Nei',
  mainTenant: 'Ola Nordmann',
};

export async function templateXlsx(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Husly';
  const sheet = workbook.addWorksheet('Boliger', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = importColumnKeys.map((key) => ({ header: headerFor(key), width: templateWidths[key] ?? 14 }));
  sheet.getRow(1).font = { bold: true };
  requiredColumns.forEach((key) => {
    sheet.getRow(1).getCell(importColumnKeys.indexOf(key) + 1).font = { bold: true, underline: true };
  });
  sheet.addRow(importColumnKeys.map((key) => sample[key]));
  importColumnKeys.forEach((key, i) => {
    if (key === 'leaseStart' || key === 'leaseEnd') sheet.getColumn(i + 1).numFmt = 'dd.mm.yyyy';
    if (key === 'rent') sheet.getColumn(i + 1).numFmt = '#,##0.00';
    if (key === 'postnummer' || key === 'kommunenummer' || key === 'reference') sheet.getColumn(i + 1).numFmt = '@';
  });

  const values = workbook.addWorksheet('Tillatte verdier');
  values.columns = [
    { header: 'Kolonne', width: 22 },
    { header: 'Verdi', width: 24 },
    { header: 'Også godtatt', width: 60 },
  ];
  values.getRow(1).font = { bold: true };
  for (const [type, words] of Object.entries(typeWords) as [DwellingType, readonly string[]][]) {
    values.addRow([headerFor('type'), typeLabel[type], words.join(', ')]);
  }
  for (const [form, words] of Object.entries(disposalWords) as [DisposalForm, readonly string[]][]) {
    values.addRow([headerFor('disposalForm'), disposalLabel[form], words.join(', ')]);
  }
  values.addRow([
    `${headerFor('wheelchairAccessible')}, ${headerFor('openEnded')}`,
    'Ja / Nei',
    'j, n, x (= ja), 1, 0',
  ]);
  values.addRow([`${headerFor('leaseStart')}, ${headerFor('leaseEnd')}`, 'dd.mm.åååå', 'åååå-mm-dd, Excel-dato']);
  values.addRow([headerFor('rent'), 'Kroner per måned', '9 500, 9 500,50, kr 9.500,-']);
  values.addRow([headerFor('areaM2'), 'Kvadratmeter', '62,5 eller 62.5']);
  values.addRow([headerFor('parentReference'), 'Referansen til bofellesskapet', 'Bare for «Rom i bofellesskap»']);
  values.addRow([]);
  values.addRow(['Påkrevde kolonner', requiredColumns.map(headerFor).join(', ')]);
  values.addRow(['Kolonnenavn', 'Også godtatt']);
  for (const key of importColumnKeys) values.addRow([headerFor(key), columnHeaders[key].slice(1).join(', ')]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
