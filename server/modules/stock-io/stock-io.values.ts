import { isCalendarDate, type CalendarDate } from '../../../shared/domain/calendar-date';
import type { Cell } from './stock-io.parse';

// Spreadsheet cell → typed value, the way Norwegian spreadsheets write them. Each parser returns
// `undefined` for an empty cell and `null` for a value it cannot read.

const SPACES = /[\s\u00a0\u202f]+/g;

function text(cell: Cell): string | undefined {
  if (cell === null) return undefined;
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  const value = String(cell).trim();
  return value === '' ? undefined : value;
}

export function parseText(cell: Cell): string | undefined {
  const value = text(cell);
  return value?.normalize('NFC').replace(/\s+/g, ' ');
}

/** A decimal number with comma or point as decimal mark and spaces as grouping ("54,5", "1 234,5"). */
export function parseDecimal(cell: Cell): number | null | undefined {
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : null;
  const raw = text(cell);
  if (raw === undefined) return undefined;
  const compact = raw.replace(SPACES, '').replace(/m²$|m2$|kvm$/i, '');
  let normalised: string;
  if (/^-?\d{1,3}(\.\d{3})+(,\d+)?$/.test(compact)) normalised = compact.replaceAll('.', '').replace(',', '.');
  else if (/^-?\d+(,\d+)?$/.test(compact)) normalised = compact.replace(',', '.');
  else if (/^-?\d+(\.\d+)?$/.test(compact)) normalised = compact;
  else return null;
  const value = Number(normalised);
  return Number.isFinite(value) ? value : null;
}

export function parseInteger(cell: Cell): number | null | undefined {
  const value = parseDecimal(cell);
  if (value === undefined || value === null) return value;
  return Number.isInteger(value) ? value : null;
}

/**
 * Kroner as written in a spreadsheet → integer øre: "8 500", "8 500,50", "kr 8.500,-", 8500.5.
 * Computed on the digits, never through a float multiplication.
 */
export function parseKronerToOre(cell: Cell): number | null | undefined {
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell)) return null;
    return Math.round(Number(cell.toFixed(2)) * 100);
  }
  const raw = text(cell);
  if (raw === undefined) return undefined;
  const compact = raw
    .replace(SPACES, '')
    .replace(/^(kr\.?|nok)/i, '')
    .replace(/(kr\.?|nok)$/i, '')
    .replace(/[,.]-$/, '');
  let whole: string;
  let fraction: string;
  let match = /^(\d{1,3}(?:\.\d{3})+)(?:,(\d{1,2}))?$/.exec(compact);
  if (match) {
    whole = match[1]!.replaceAll('.', '');
    fraction = match[2] ?? '';
  } else if ((match = /^(\d+)(?:[,.](\d{1,2}))?$/.exec(compact))) {
    whole = match[1]!;
    fraction = match[2] ?? '';
  } else {
    return null;
  }
  const ore = Number(whole) * 100 + Number(fraction.padEnd(2, '0') || '0');
  return Number.isSafeInteger(ore) ? ore : null;
}

const EXCEL_EPOCH_UTC = Date.UTC(1899, 11, 30);

function fromUtcDate(date: Date): CalendarDate | null {
  if (Number.isNaN(date.getTime())) return null;
  return date.toISOString().slice(0, 10);
}

/**
 * dd.mm.yyyy (also d.m.yyyy, dd/mm/yyyy, dd-mm-yyyy), yyyy-mm-dd, an Excel date cell, or an
 * Excel date serial (days since 1899-12-30 in the 1900 date system).
 */
export function parseDate(cell: Cell): CalendarDate | null | undefined {
  if (cell === null) return undefined;
  // exceljs gives date cells as UTC midnights of the day shown in Excel.
  if (cell instanceof Date) return fromUtcDate(cell);
  if (typeof cell === 'number') {
    if (!Number.isInteger(cell) || cell < 1 || cell > 2_958_465) return null;
    return fromUtcDate(new Date(EXCEL_EPOCH_UTC + cell * 86_400_000));
  }
  const raw = text(cell);
  if (raw === undefined) return undefined;
  let candidate: string;
  let match = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$/.exec(raw);
  if (match) candidate = `${match[3]}-${match[2]!.padStart(2, '0')}-${match[1]!.padStart(2, '0')}`;
  else if ((match = /^(\d{4})-(\d{2})-(\d{2})(?:[T ].*)?$/.exec(raw)))
    candidate = `${match[1]}-${match[2]}-${match[3]}`;
  else if (/^\d{1,7}$/.test(raw)) return parseDate(Number(raw));
  else return null;
  return isCalendarDate(candidate) ? candidate : null;
}

const TRUE_WORDS = new Set(['ja', 'j', 'yes', 'y', 'true', 'sant', '1', 'x']);
const FALSE_WORDS = new Set(['nei', 'n', 'no', 'false', 'usant', '0', '-']);

export function parseBoolean(cell: Cell): boolean | null | undefined {
  if (typeof cell === 'boolean') return cell;
  if (typeof cell === 'number') return cell === 1 ? true : cell === 0 ? false : null;
  const raw = text(cell)?.toLowerCase();
  if (raw === undefined) return undefined;
  if (TRUE_WORDS.has(raw)) return true;
  if (FALSE_WORDS.has(raw)) return false;
  return null;
}

/** A code with leading zeros that Excel may have stored as a number (postnummer 0150 → 150). */
export function parseDigits(cell: Cell, length: number): string | null | undefined {
  if (typeof cell === 'number') {
    if (!Number.isInteger(cell) || cell < 0) return null;
    const digits = String(cell).padStart(length, '0');
    return digits.length === length ? digits : null;
  }
  const raw = text(cell)?.replace(SPACES, '');
  if (raw === undefined) return undefined;
  return new RegExp(`^[0-9]{${length}}$`).test(raw) ? raw : null;
}

/** Floor as written: "2", "2.", "2. etg", "-1", "U" / "K" (basement) → -1. */
export function parseFloor(cell: Cell): number | null | undefined {
  if (typeof cell === 'number') return Number.isInteger(cell) ? cell : null;
  const raw = text(cell)?.toLowerCase();
  if (raw === undefined) return undefined;
  if (/^(u|k|u\.?etg|kjeller|underetasje|sokkel)$/.test(raw)) return -1;
  const match = /^(-?\d{1,2})\.?\s*(etg\.?|etasje)?$/.exec(raw);
  return match ? Number(match[1]) : null;
}

/** A short, printable preview of what the cell held, for the report. */
export function preview(cell: Cell): string | null {
  if (cell === null) return null;
  const value = cell instanceof Date ? cell.toISOString().slice(0, 10) : String(cell);
  return value.length > 40 ? `${value.slice(0, 39)}…` : value;
}
