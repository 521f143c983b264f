import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { MAX_IMPORT_ROWS } from '../../../shared/api/stock-io';
import { appError } from '../../http/errors';

// Reading a spreadsheet into rows of plain cell values: .xlsx (first sheet) with exceljs, .csv
// with csv-parse (`;`, `,` or tab, detected; UTF-8 with or without BOM, else Windows-1252).

export type Cell = string | number | boolean | Date | null;
export type SheetRow = { row: number; cells: Cell[] };
export type Sheet = { format: 'xlsx' | 'csv'; headers: string[]; rows: SheetRow[] };

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0]; // legacy .xls

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

export async function readSheet({ fileName, content }: { fileName: string; content: Uint8Array }): Promise<Sheet> {
  const lower = fileName.toLowerCase();
  if (startsWith(content, OLE_MAGIC)) throw appError('import.file_invalid', { detail: 'xls' });
  if (startsWith(content, ZIP_MAGIC)) return readXlsx(content);
  if (lower.endsWith('.xlsx')) throw appError('import.file_invalid');
  if (lower.endsWith('.csv') || lower.endsWith('.txt')) return readCsv(content);
  throw appError('import.file_invalid');
}

// ---- CSV --------------------------------------------------------------------------------------

/** UTF-8 (BOM or not) when the bytes are valid UTF-8; otherwise Windows-1252 (Excel's "CSV"). */
export function decodeText(content: Uint8Array): string {
  if (content[0] === 0xef && content[1] === 0xbb && content[2] === 0xbf) {
    return new TextDecoder('utf-8').decode(content.subarray(3));
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(content);
  } catch {
    return new TextDecoder('windows-1252').decode(content);
  }
}

/** The delimiter that occurs most in the header line outside quotes (`;` wins ties). */
export function detectDelimiter(text: string): ';' | ',' | '\t' {
  const counts = { ';': 0, ',': 0, '\t': 0 };
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && ch in counts) counts[ch as keyof typeof counts] += 1;
  }
  if (counts['\t'] > counts[';'] && counts['\t'] > counts[',']) return '\t';
  return counts[','] > counts[';'] ? ',' : ';';
}

function readCsv(content: Uint8Array): Sheet {
  const text = decodeText(content);
  if (text.includes('\u0000')) throw appError('import.file_invalid');
  let records: string[][];
  try {
    records = parseCsv(text, {
      delimiter: detectDelimiter(text),
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      bom: true,
      // One record more than allowed is enough to know the file is too long.
      to: MAX_IMPORT_ROWS + 2,
    }) as string[][];
  } catch {
    throw appError('import.file_invalid');
  }
  const [header, ...body] = records;
  if (!header) throw appError('import.file_invalid');
  return {
    format: 'csv',
    headers: header.map((h) => h.trim()),
    rows: body.map((cells, i) => ({ row: i + 2, cells: cells.map((c) => (c.trim() === '' ? null : c)) })),
  };
}

// ---- XLSX -------------------------------------------------------------------------------------

function cellValue(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value.trim() === '' ? null : value;
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value;
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('') || null;
    if ('result' in value) return cellValue((value.result ?? null) as ExcelJS.CellValue);
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('error' in value) return null;
  }
  return null;
}

async function readXlsx(content: Uint8Array): Promise<Sheet> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(content.buffer, content.byteOffset, content.byteLength) as never);
  } catch {
    throw appError('import.file_invalid');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw appError('import.file_invalid');
  const headerRow = sheet.getRow(1);
  const headers: string[] = [];
  for (let c = 1; c <= headerRow.cellCount; c += 1) {
    const v = cellValue(headerRow.getCell(c).value);
    headers.push(v === null ? '' : v instanceof Date ? v.toISOString() : String(v).trim());
  }
  const rows: SheetRow[] = [];
  const last = sheet.actualRowCount === 0 ? 0 : sheet.rowCount;
  if (last - 1 > MAX_IMPORT_ROWS) throw appError('import.too_many_rows');
  for (let r = 2; r <= last; r += 1) {
    const row = sheet.getRow(r);
    const cells: Cell[] = [];
    for (let c = 1; c <= headers.length; c += 1) cells.push(cellValue(row.getCell(c).value));
    rows.push({ row: r, cells });
  }
  return { format: 'xlsx', headers, rows };
}
