import { addMonths, type CalendarDate } from '../../../shared/domain/calendar-date';
import { isKommunenummer } from '../../../shared/domain/kommuner';
import { MAX_MONTHLY_RENT_ORE, MIN_FIXED_TERM_MONTHS } from '../../../shared/domain/lease-rules';
import { isPostnummer } from '../../../shared/domain/postnummer';
import type { ImportColumnKey, ImportProblem, ImportProblemCode } from '../../../shared/api/stock-io';
import {
  columnForHeader,
  parseDisposalForm,
  parseDwellingType,
  type DisposalForm,
  type DwellingType,
} from './stock-io.columns';
import type { Cell, Sheet } from './stock-io.parse';
import {
  parseBoolean,
  parseDate,
  parseDecimal,
  parseDigits,
  parseFloor,
  parseInteger,
  parseKronerToOre,
  parseText,
  preview,
} from './stock-io.values';

// One spreadsheet row → a dwelling (and a lease) to create, or the list of what is wrong with it.
// Pure: no database. Checks against the register (references and cadastre units already taken)
// happen in the use case.

export type DwellingCandidate = {
  reference: string | null;
  street: string;
  postnummer: string;
  poststed: string;
  kommunenummer: string;
  gnr: number | null;
  bnr: number | null;
  fnr: number | null;
  snr: number | null;
  bruksenhetsnummer: string | null;
  parentReference: string | null;
  type: DwellingType;
  disposalForm: DisposalForm;
  bedrooms: number;
  rooms: number;
  capacity: number;
  areaM2: number | null;
  floor: number | null;
  wheelchairAccessible: boolean;
  schoolDistrict: string;
  rentOre: number | null;
};

export type LeaseCandidate = {
  startDate: CalendarDate;
  endDate: CalendarDate | null;
  legalBasis: 'hl_9_3' | 'hl_11_1' | 'open_ended';
  rentOre: number;
  tenantName: string;
};

export type RowResult = {
  row: number;
  problems: ImportProblem[];
  /** What the row would create; use only when `problems` is empty. */
  dwelling: DwellingCandidate | null;
  lease: LeaseCandidate | null;
  /** The row carries lease data (whether or not it is valid). */
  hasLease: boolean;
};

export type ColumnMap = { header: string; column: ImportColumnKey | null }[];

export function mapColumns(headers: readonly string[]): ColumnMap {
  const seen = new Set<ImportColumnKey>();
  return headers.map((header) => {
    const column = columnForHeader(header);
    // A second column with the same meaning is ignored rather than silently merged.
    if (!column || seen.has(column)) return { header, column: null };
    seen.add(column);
    return { header, column };
  });
}

const REFERENCE = /^[A-Za-z0-9][A-Za-z0-9._/-]{0,39}$/;
const BRUKSENHET = /^[HKLU][0-9]{4}$/;

type Context = { defaultKommunenummer: string };

/** Reads one row; every problem found is reported, not only the first. */
export function readRow(columns: ColumnMap, row: { row: number; cells: Cell[] }, context: Context): RowResult {
  const problems: ImportProblem[] = [];
  const cells = new Map<ImportColumnKey, { cell: Cell; header: string }>();
  columns.forEach(({ header, column }, i) => {
    if (column) cells.set(column, { cell: row.cells[i] ?? null, header });
  });
  const cellOf = (key: ImportColumnKey): Cell => cells.get(key)?.cell ?? null;
  const problem = (key: ImportColumnKey | null, code: ImportProblemCode) => {
    const entry = key ? cells.get(key) : undefined;
    problems.push({
      column: key,
      header: entry?.header ?? null,
      code,
      // The tenant's name is personal data: never echoed back.
      value: key === 'mainTenant' || !entry ? null : preview(entry.cell),
    });
  };

  function textField(key: ImportColumnKey, max: number, required: boolean): string | undefined {
    const value = parseText(cellOf(key));
    if (value === undefined) {
      if (required) problem(key, 'import.value_required');
      return undefined;
    }
    if (value.length > max) {
      problem(key, 'import.too_long');
      return undefined;
    }
    return value;
  }
  function intField(key: ImportColumnKey, min: number, max: number, required = false): number | null | undefined {
    const value = parseInteger(cellOf(key));
    if (value === undefined) {
      if (required) problem(key, 'import.value_required');
      return undefined;
    }
    if (value === null) {
      problem(key, parseDecimal(cellOf(key)) === null ? 'import.number_invalid' : 'import.integer_invalid');
      return null;
    }
    if (value < min || value > max) {
      problem(key, 'import.out_of_range');
      return null;
    }
    return value;
  }
  function boolField(key: ImportColumnKey): boolean | null | undefined {
    const value = parseBoolean(cellOf(key));
    if (value === null) problem(key, 'import.boolean_invalid');
    return value;
  }

  // Address
  const street = textField('street', 200, true);
  const postnummerValue = parseDigits(cellOf('postnummer'), 4);
  if (postnummerValue === undefined) problem('postnummer', 'import.value_required');
  else if (postnummerValue === null || !isPostnummer(postnummerValue))
    problem('postnummer', 'dwelling.postnummer_invalid');
  const poststed = textField('poststed', 80, false) ?? '';
  let kommunenummer = context.defaultKommunenummer;
  const knr = parseDigits(cellOf('kommunenummer'), 4);
  if (knr !== undefined) {
    if (knr === null || !isKommunenummer(knr)) problem('kommunenummer', 'dwelling.kommunenummer_invalid');
    else kommunenummer = knr;
  }

  // Cadastre
  const gnr = intField('gnr', 1, 99_999);
  const bnr = intField('bnr', 1, 99_999);
  const fnr = intField('fnr', 0, 9_999);
  const snr = intField('snr', 0, 9_999);
  let bruksenhetsnummer: string | null = null;
  const bruksenhet = parseText(cellOf('bruksenhetsnummer'))?.replace(/\s+/g, '').toUpperCase();
  if (bruksenhet !== undefined) {
    if (!BRUKSENHET.test(bruksenhet)) problem('bruksenhetsnummer', 'dwelling.bruksenhetsnummer_invalid');
    else bruksenhetsnummer = bruksenhet;
  }

  // Identity and kind
  let reference: string | null = null;
  const referenceText = parseText(cellOf('reference'));
  if (referenceText !== undefined) {
    if (!REFERENCE.test(referenceText)) problem('reference', 'import.reference_invalid');
    else reference = referenceText;
  }
  let type: DwellingType | null = null;
  const typeText = parseText(cellOf('type'));
  if (typeText === undefined) problem('type', 'import.value_required');
  else if (!(type = parseDwellingType(typeText))) problem('type', 'import.choice_invalid');
  let disposalForm: DisposalForm | null = null;
  const disposalText = parseText(cellOf('disposalForm'));
  if (disposalText === undefined) problem('disposalForm', 'import.value_required');
  else if (!(disposalForm = parseDisposalForm(disposalText))) problem('disposalForm', 'import.choice_invalid');
  let parentReference: string | null = null;
  const parentText = parseText(cellOf('parentReference'));
  if (parentText !== undefined) {
    if (!REFERENCE.test(parentText)) problem('parentReference', 'dwelling.parent_invalid');
    else parentReference = parentText;
  }
  // A room in shared housing is its own sub-unit of the shared dwelling, and only a room is.
  if (type === 'shared_room' && parentText === undefined) problem('parentReference', 'dwelling.parent_invalid');
  if (type !== null && type !== 'shared_room' && parentReference !== null)
    problem('parentReference', 'dwelling.parent_invalid');

  // Size
  const bedrooms = intField('bedrooms', 0, 20, true);
  const roomsValue = intField('rooms', 1, 30);
  const capacityValue = intField('capacity', 1, 40);
  const areaValue = parseDecimal(cellOf('areaM2'));
  let areaM2: number | null = null;
  if (areaValue === null) problem('areaM2', 'import.number_invalid');
  else if (areaValue !== undefined) {
    if (areaValue <= 0 || areaValue > 2000) problem('areaM2', 'import.out_of_range');
    else areaM2 = Math.round(areaValue * 10) / 10;
  }
  const floorValue = parseFloor(cellOf('floor'));
  let floor: number | null = null;
  if (floorValue === null) problem('floor', 'import.integer_invalid');
  else if (floorValue !== undefined) {
    if (floorValue < -5 || floorValue > 60) problem('floor', 'import.out_of_range');
    else floor = floorValue;
  }
  const single = type === 'bedsit' || type === 'shared_room';
  // Defaults when the sheet has no such column: a living room besides the bedrooms, two persons
  // per bedroom (one in a bedsit or a room).
  const rooms = roomsValue ?? (typeof bedrooms === 'number' ? Math.max(1, single ? bedrooms : bedrooms + 1) : 1);
  const capacity =
    capacityValue ?? (typeof bedrooms === 'number' ? (single || bedrooms === 0 ? 1 : Math.min(40, bedrooms * 2)) : 1);
  if (typeof bedrooms === 'number' && roomsValue !== null && bedrooms > rooms)
    problem('bedrooms', 'dwelling.rooms_invalid');

  const wheelchairAccessible = boolField('wheelchairAccessible') ?? false;
  const schoolDistrict = textField('schoolDistrict', 120, false) ?? '';
  const rentValue = parseKronerToOre(cellOf('rent'));
  let rentOre: number | null = null;
  if (rentValue === null) problem('rent', 'import.number_invalid');
  else if (rentValue !== undefined) {
    if (rentValue < 0 || rentValue > MAX_MONTHLY_RENT_ORE) problem('rent', 'lease.rent_invalid');
    else rentOre = rentValue;
  }

  // Lease: any lease column filled in makes the row a lease as well.
  const startValue = parseDate(cellOf('leaseStart'));
  const endValue = parseDate(cellOf('leaseEnd'));
  const openEnded = boolField('openEnded');
  const tenantText = parseText(cellOf('mainTenant'));
  const hasLease = startValue !== undefined || endValue !== undefined || openEnded === true || tenantText !== undefined;
  let lease: LeaseCandidate | null = null;
  if (hasLease) {
    let leaseOk = true;
    if (startValue === undefined) {
      problem('leaseStart', 'import.value_required');
      leaseOk = false;
    } else if (startValue === null) {
      problem('leaseStart', 'import.date_invalid');
      leaseOk = false;
    }
    if (endValue === null) {
      problem('leaseEnd', 'import.date_invalid');
      leaseOk = false;
    } else if (endValue === undefined && openEnded !== true) {
      // Fixed term without an end, or open-ended without saying so: the sheet must say which.
      problem('leaseEnd', 'lease.period_invalid');
      leaseOk = false;
    } else if (endValue !== undefined && openEnded === true) {
      problem('openEnded', 'lease.period_invalid');
      leaseOk = false;
    } else if (endValue !== undefined && typeof startValue === 'string' && endValue <= startValue) {
      problem('leaseEnd', 'lease.period_invalid');
      leaseOk = false;
    }
    if (tenantText === undefined) {
      problem('mainTenant', 'lease.tenant_required');
      leaseOk = false;
    } else if (tenantText.length > 200) {
      problem('mainTenant', 'import.too_long');
      leaseOk = false;
    }
    if (rentOre === null || rentOre === 0) {
      if (rentValue === undefined) problem('rent', 'lease.rent_invalid');
      leaseOk = false;
    }
    // A dwelling rented from a private landlord is let through a sublease under a head lease
    // with that landlord; the sheet cannot say who the landlord is, so it is not guessed.
    if (disposalForm === 'private_sublet') {
      problem('disposalForm', 'lease.head_lease_required');
      leaseOk = false;
    }
    if (leaseOk && typeof startValue === 'string' && tenantText && rentOre) {
      const endDate = endValue ?? null;
      lease = {
        startDate: startValue,
        endDate,
        legalBasis: legalBasisFor(startValue, endDate),
        rentOre,
        tenantName: tenantText,
      };
    }
  }

  const ok = problems.length === 0;
  const dwelling: DwellingCandidate | null =
    ok && street && postnummerValue && type && disposalForm && typeof bedrooms === 'number'
      ? {
          reference,
          street,
          postnummer: postnummerValue,
          poststed,
          kommunenummer,
          gnr: gnr ?? null,
          bnr: bnr ?? null,
          // Matrikkel: festenummer and seksjonsnummer are 0 when the unit has none.
          fnr: fnr ?? (gnr && bnr ? 0 : null),
          snr: snr ?? (gnr && bnr ? 0 : null),
          bruksenhetsnummer,
          parentReference,
          type,
          disposalForm,
          bedrooms,
          rooms,
          capacity,
          areaM2,
          floor,
          wheelchairAccessible,
          schoolDistrict,
          rentOre,
        }
      : null;
  return { row: row.row, problems, dwelling, lease: dwelling ? lease : null, hasLease };
}

/**
 * husleieloven § 9-3: a fixed term of at least three years; shorter terms rest on § 11-1 (the
 * municipality letting to the disadvantaged). Open-ended when there is no end.
 */
export function legalBasisFor(start: CalendarDate, end: CalendarDate | null): LeaseCandidate['legalBasis'] {
  if (end === null) return 'open_ended';
  return end >= addMonths({ date: start, months: MIN_FIXED_TERM_MONTHS }) ? 'hl_9_3' : 'hl_11_1';
}

export function isBlankRow(cells: readonly Cell[]): boolean {
  return cells.every((c) => c === null || (typeof c === 'string' && c.trim() === ''));
}

export type CadastreKey = string;

export function cadastreKey(
  d: Pick<DwellingCandidate, 'kommunenummer' | 'gnr' | 'bnr' | 'fnr' | 'snr' | 'bruksenhetsnummer'>,
): CadastreKey | null {
  if (d.gnr === null || d.bnr === null || d.bruksenhetsnummer === null) return null;
  return [d.kommunenummer, d.gnr, d.bnr, d.fnr ?? 0, d.snr ?? 0, d.bruksenhetsnummer].join('/');
}

/** Reads every non-blank row, then flags references and cadastre units that occur twice in the file. */
export function readRows(sheet: Sheet, columns: ColumnMap, context: Context): RowResult[] {
  const results = sheet.rows.filter((r) => !isBlankRow(r.cells)).map((r) => readRow(columns, r, context));
  const byReference = new Map<string, RowResult[]>();
  const byCadastre = new Map<string, RowResult[]>();
  for (const result of results) {
    const d = result.dwelling;
    if (!d) continue;
    if (d.reference)
      byReference.set(d.reference.toLowerCase(), [...(byReference.get(d.reference.toLowerCase()) ?? []), result]);
    const key = cadastreKey(d);
    if (key) byCadastre.set(key, [...(byCadastre.get(key) ?? []), result]);
  }
  const flag = (groups: Map<string, RowResult[]>, column: ImportColumnKey, code: ImportProblemCode) => {
    for (const group of groups.values()) {
      if (group.length < 2) continue;
      for (const result of group) markInvalid(result, column, code, columns);
    }
  };
  flag(byReference, 'reference', 'import.duplicate_reference');
  flag(byCadastre, 'bruksenhetsnummer', 'import.duplicate_cadastre');
  return results;
}

/** Adds a problem found after reading (duplicates, the register); a row with problems creates nothing. */
export function markInvalid(
  result: RowResult,
  column: ImportColumnKey | null,
  code: ImportProblemCode,
  columns: ColumnMap,
): void {
  const index = column ? columns.findIndex((c) => c.column === column) : -1;
  const header = index >= 0 ? columns[index]!.header : null;
  let value: string | null = null;
  if (column && result.dwelling) {
    const d = result.dwelling;
    value =
      column === 'reference'
        ? d.reference
        : column === 'bruksenhetsnummer'
          ? d.bruksenhetsnummer
          : column === 'parentReference'
            ? d.parentReference
            : null;
  }
  if (!result.problems.some((p) => p.code === code && p.column === column)) {
    result.problems.push({ column, header, code, value });
  }
}
