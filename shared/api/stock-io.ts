import { z } from 'zod';

// Import of the housing register from the spreadsheets municipalities keep today (.xlsx/.csv),
// export to Excel/CSV, and the JSON export mapped to Husbanken's Kobo (docs/kobo-export.md).

/** The columns the import understands (canonical keys; headers and aliases in stock-io.columns). */
export const importColumnKeys = [
  'reference',
  'street',
  'postnummer',
  'poststed',
  'kommunenummer',
  'gnr',
  'bnr',
  'fnr',
  'snr',
  'bruksenhetsnummer',
  'parentReference',
  'type',
  'disposalForm',
  'bedrooms',
  'rooms',
  'capacity',
  'areaM2',
  'floor',
  'wheelchairAccessible',
  'schoolDistrict',
  'rent',
  'leaseStart',
  'leaseEnd',
  'openEnded',
  'mainTenant',
] as const;
export type ImportColumnKey = (typeof importColumnKeys)[number];

/** Columns that make a row also a lease (direct lease to the household). */
export const leaseColumnKeys = [
  'leaseStart',
  'leaseEnd',
  'openEnded',
  'mainTenant',
] as const satisfies readonly ImportColumnKey[];

export const importModes = ['validate', 'all_or_nothing', 'valid_rows'] as const;
export type ImportMode = (typeof importModes)[number];

export const MAX_IMPORT_ROWS = 20_000;
// The import route alone accepts bodies up to IMPORT_BODY_LIMIT_BYTES (every other route: 1 MB), room
// for a ~11 MB file once base64-encoded — a 20,000-row register is ~1.5 MB as .xlsx.
export const IMPORT_BODY_LIMIT_BYTES = 16 * 1024 * 1024;
export const MAX_IMPORT_BASE64_CHARS = 15_000_000;

export const importRequest = z.strictObject({
  fileName: z.string().trim().min(1).max(255),
  contentBase64: z
    .string()
    .min(1)
    .max(MAX_IMPORT_BASE64_CHARS)
    .regex(/^[A-Za-z0-9+/]+={0,2}$/, 'import.file_invalid'),
  mode: z.enum(importModes),
});
export type ImportRequest = z.infer<typeof importRequest>;

/**
 * What can be wrong with a row. Codes that the API also uses for a single dwelling or lease keep
 * that code (dwelling.*, lease.*); problems only a spreadsheet can have are import.*.
 */
export const importProblemCodes = [
  'import.value_required',
  'import.number_invalid',
  'import.integer_invalid',
  'import.out_of_range',
  'import.date_invalid',
  'import.choice_invalid',
  'import.boolean_invalid',
  'import.too_long',
  'import.reference_invalid',
  'import.duplicate_reference',
  'import.duplicate_cadastre',
  'import.row_rejected',
  'dwelling.postnummer_invalid',
  'dwelling.kommunenummer_invalid',
  'dwelling.bruksenhetsnummer_invalid',
  'dwelling.rooms_invalid',
  'dwelling.reference_taken',
  'dwelling.cadastre_taken',
  'dwelling.parent_invalid',
  'lease.period_invalid',
  'lease.rent_invalid',
  'lease.head_lease_required',
  'lease.tenant_required',
] as const;
export type ImportProblemCode = (typeof importProblemCodes)[number];

export const importProblem = z.object({
  /** The column concerned (canonical key); null when the problem is the row as a whole. */
  column: z.enum(importColumnKeys).nullable(),
  /** The column's header as written in the file. */
  header: z.string().nullable(),
  code: z.enum(importProblemCodes),
  /** The offending value, shortened; never given for the tenant's name (personal data). */
  value: z.string().nullable(),
});
export type ImportProblem = z.infer<typeof importProblem>;

export const importRowReport = z.object({
  /** 1-based row number as in the spreadsheet: the header is row 1. */
  row: z.number().int(),
  problems: z.array(importProblem),
});

export const importReport = z.object({
  mode: z.enum(importModes),
  format: z.enum(['xlsx', 'csv']),
  /** How the file's headers were understood; `column: null` = ignored. */
  columns: z.array(z.object({ header: z.string(), column: z.enum(importColumnKeys).nullable() })),
  totalRows: z.number().int(),
  validRows: z.number().int(),
  invalidRows: z.number().int(),
  /** Rows with lease data (each becomes a dwelling and a lease). */
  leaseRows: z.number().int(),
  /** The invalid rows, in file order. */
  rows: z.array(importRowReport),
  created: z.object({ dwellings: z.number().int(), leases: z.number().int() }),
});
export type ImportReport = z.infer<typeof importReport>;

// ---- Kobo JSON export -----------------------------------------------------------------------
// Field names at the top level of a dwelling follow Husbanken's Kobo Bolig API ("Kobobolig");
// the enumeration values and the sub-object fields are our best mapping (docs/kobo-export.md).

export const KOBO_SCHEMA = 'husly.kobo.v1';

export const koboBoligtyper = ['LEILIGHET', 'HYBEL', 'HUS', 'MODULBOLIG', 'BOFELLESSKAP', 'BOFELLESSKAP_ROM'] as const;
export const koboDisposisjonsformer = ['EID', 'INNLEID'] as const;
export const koboEieformer = ['KOMMUNAL', 'KOMMUNALT_FORETAK', 'PRIVAT', 'BORETTSLAG'] as const;
export const koboEgenskaper = [
  'TILGJENGELIG_FOR_RULLESTOL',
  'UNIVERSELT_UTFORMET',
  'TRINNFRI_INNGANG',
  'HEIS',
  'MOBLERT',
  'DELVIS_MOBLERT',
] as const;

export const koboDwelling = z.strictObject({
  leverandorBoligId: z.uuid(),
  adresse: z.strictObject({
    adressetekst: z.string().min(1),
    postnummer: z.string().regex(/^[0-9]{4}$/),
    poststed: z.string(),
    kommunenummer: z.string().regex(/^[0-9]{4}$/),
  }),
  eiendom: z
    .strictObject({
      kommunenummer: z.string().regex(/^[0-9]{4}$/),
      gardsnummer: z.number().int().positive(),
      bruksnummer: z.number().int().positive(),
      festenummer: z.number().int().nonnegative(),
      seksjonsnummer: z.number().int().nonnegative(),
    })
    .nullable(),
  bruksenhetsnummer: z
    .string()
    .regex(/^[HKLU][0-9]{4}$/)
    .nullable(),
  boligtype: z.enum(koboBoligtyper),
  antallSoverom: z.number().int().nonnegative(),
  bruksareal: z.number().positive().nullable(),
  etasjenummer: z.number().int().nullable(),
  disposisjonsform: z.enum(koboDisposisjonsformer),
  eieform: z.enum(koboEieformer),
  egenskaper: z.array(z.enum(koboEgenskaper)),
  erTilgjengeligForRullestolbruker: z.boolean(),
  erBofellesskap: z.boolean(),
  ekstraReferanse: z.string().nullable(),
  leieTilEiePotensial: z.boolean(),
  leiekostnad: z.strictObject({ husleiePerMaaned: z.number().nonnegative() }).nullable(),
  /** Husly's own fields, outside Kobo's model. */
  husly: z.strictObject({
    id: z.uuid(),
    reference: z.string(),
    type: z.string(),
    disposalForm: z.string(),
    status: z.string(),
    parentId: z.uuid().nullable(),
    parentReference: z.string().nullable(),
    rooms: z.number().int(),
    capacity: z.number().int(),
    rentOre: z.number().int().nullable(),
    rentIncludes: z.array(z.string()),
    schoolDistrict: z.string(),
  }),
});
export type KoboDwelling = z.infer<typeof koboDwelling>;

export const koboEnvelope = z.strictObject({
  schema: z.literal(KOBO_SCHEMA),
  generatedAt: z.iso.datetime(),
  kommunenummer: z.string().regex(/^[0-9]{4}$/),
  dwellings: z.array(koboDwelling),
});
export type KoboEnvelope = z.infer<typeof koboEnvelope>;
