import { z } from 'zod';
import { isCalendarDate } from '../domain/calendar-date';
import {
  acquisitionMethods,
  disposalForms,
  DWELLING_REFERENCE,
  dwellingConditions,
  dwellingStandards,
  dwellingStatuses,
  dwellingTypes,
  earmarkings,
  furnishedLevels,
  husbankenFinancings,
  rentIncludesItems,
} from '../domain/dwelling-rules';
import { plainText } from './text';

// The housing register's API (issue 4 §1–2, §8). One schema validates the web form and the
// request body; domain checks that need the register or the database (postnummer register,
// kommunenummer list, building/parent/unit of the same municipality) run in the use case and
// answer 422 with a JSON Pointer at the field.

/** 'YYYY-MM-DD' naming a day that exists (invalid_format otherwise). */
export const calendarDate = z.iso.date().refine(isCalendarDate);
const MAX_RENT_ORE = 100_000_000;

const int = (min: number, max: number) => z.number().int().min(min).max(max);
const optionalInt = (min: number, max: number) => int(min, max).nullable().optional();
const rentOre = z.number().int().min(0, { error: 'dwelling.rent_invalid' }).max(MAX_RENT_ORE);
const shortText = (max: number) => plainText({ min: 0, max });

/** Fields of a dwelling a user or an import sets (everything but status, which has its own act). */
const dwellingFields = {
  reference: z.string().trim().regex(DWELLING_REFERENCE, { error: 'dwelling.reference_invalid' }),
  buildingId: z.uuid().nullable().optional(),
  /** The shared housing a room (type shared_room) belongs to. */
  parentId: z.uuid().nullable().optional(),
  street: plainText({ min: 1, max: 200 }),
  /** Checked against Posten/Bring's register (dwelling.postnummer_invalid, 422). */
  postnummer: z.string().trim().max(10),
  /** Checked against SSB's list (dwelling.kommunenummer_invalid, 422). */
  kommunenummer: z.string().trim().max(10),
  gnr: optionalInt(1, 99999),
  bnr: optionalInt(1, 99999),
  fnr: optionalInt(0, 9999),
  snr: optionalInt(0, 9999),
  /** H0101 etc. (dwelling.bruksenhetsnummer_invalid, 422). */
  bruksenhetsnummer: z
    .string()
    .trim()
    .max(10)
    .transform((s) => (s === '' ? null : s.toUpperCase()))
    .nullable()
    .optional(),
  type: z.enum(dwellingTypes),
  rooms: int(1, 30),
  bedrooms: int(0, 20),
  areaM2: z.number().positive().max(2000).multipleOf(0.1).nullable().optional(),
  capacity: int(1, 40),
  floor: optionalInt(-5, 60),
  lift: z.boolean().optional(),
  universalDesign: z.boolean().optional(),
  wheelchairAccessible: z.boolean().optional(),
  stepFreeEntrance: z.boolean().optional(),
  standard: z.enum(dwellingStandards).optional(),
  condition: z.enum(dwellingConditions).optional(),
  conditionNote: shortText(2000).optional(),
  furnished: z.enum(furnishedLevels).optional(),
  walkMinSchool: optionalInt(0, 600),
  walkMinKindergarten: optionalInt(0, 600),
  walkMinBusStop: optionalInt(0, 600),
  walkMinShop: optionalInt(0, 600),
  walkMinCentre: optionalInt(0, 600),
  walkMinIntroProgramme: optionalInt(0, 600),
  schoolDistrict: shortText(120).optional(),
  areaZone: shortText(120).optional(),
  disposalForm: z.enum(disposalForms),
  earmarking: z.enum(earmarkings).optional(),
  disposingUnitId: z.uuid().nullable().optional(),
  /** Rent per month in øre (integer, ≥ 0). */
  rentOre: rentOre.nullable().optional(),
  rentIncludes: z.array(z.enum(rentIncludesItems)).max(rentIncludesItems.length).optional(),
  marketRentOre: rentOre.nullable().optional(),
  husbankenFinancing: z.enum(husbankenFinancings).optional(),
  husbankenGrantPercent: optionalInt(0, 100),
  acquisitionMethod: z.enum(acquisitionMethods).nullable().optional(),
  acquisitionDate: calendarDate.nullable().optional(),
  bostotteApprovedUnit: z.boolean().optional(),
  rentToOwnPotential: z.boolean().optional(),
  caretaker: shortText(120).optional(),
  notes: shortText(4000).optional(),
};

/**
 * Registering a dwelling. Optional fields fall back to the database defaults. The initial status
 * (default 'ready' from today) is recorded as the first history event; 'let' and 'notice_given'
 * are set by leases only (dwelling.status_invalid).
 */
export const createDwellingRequest = z.strictObject({
  ...dwellingFields,
  status: z.enum(dwellingStatuses).optional(),
  statusSince: calendarDate.optional(),
});
export type CreateDwellingRequest = z.infer<typeof createDwellingRequest>;
/** What `insertDwelling` takes (the import slice builds these from spreadsheet rows). */
export type CreateDwellingInput = CreateDwellingRequest;

/** Changing a dwelling (If-Match: "<version>"): any subset of the fields; status has its own act. */
export const updateDwellingRequest = z.strictObject({
  reference: dwellingFields.reference.optional(),
  buildingId: dwellingFields.buildingId,
  parentId: dwellingFields.parentId,
  street: dwellingFields.street.optional(),
  postnummer: dwellingFields.postnummer.optional(),
  kommunenummer: dwellingFields.kommunenummer.optional(),
  gnr: dwellingFields.gnr,
  bnr: dwellingFields.bnr,
  fnr: dwellingFields.fnr,
  snr: dwellingFields.snr,
  bruksenhetsnummer: dwellingFields.bruksenhetsnummer,
  type: dwellingFields.type.optional(),
  rooms: dwellingFields.rooms.optional(),
  bedrooms: dwellingFields.bedrooms.optional(),
  areaM2: dwellingFields.areaM2,
  capacity: dwellingFields.capacity.optional(),
  floor: dwellingFields.floor,
  lift: dwellingFields.lift,
  universalDesign: dwellingFields.universalDesign,
  wheelchairAccessible: dwellingFields.wheelchairAccessible,
  stepFreeEntrance: dwellingFields.stepFreeEntrance,
  standard: dwellingFields.standard,
  condition: dwellingFields.condition,
  conditionNote: dwellingFields.conditionNote,
  furnished: dwellingFields.furnished,
  walkMinSchool: dwellingFields.walkMinSchool,
  walkMinKindergarten: dwellingFields.walkMinKindergarten,
  walkMinBusStop: dwellingFields.walkMinBusStop,
  walkMinShop: dwellingFields.walkMinShop,
  walkMinCentre: dwellingFields.walkMinCentre,
  walkMinIntroProgramme: dwellingFields.walkMinIntroProgramme,
  schoolDistrict: dwellingFields.schoolDistrict,
  areaZone: dwellingFields.areaZone,
  disposalForm: dwellingFields.disposalForm.optional(),
  earmarking: dwellingFields.earmarking,
  disposingUnitId: dwellingFields.disposingUnitId,
  rentOre: dwellingFields.rentOre,
  rentIncludes: dwellingFields.rentIncludes,
  marketRentOre: dwellingFields.marketRentOre,
  husbankenFinancing: dwellingFields.husbankenFinancing,
  husbankenGrantPercent: dwellingFields.husbankenGrantPercent,
  acquisitionMethod: dwellingFields.acquisitionMethod,
  acquisitionDate: dwellingFields.acquisitionDate,
  bostotteApprovedUnit: dwellingFields.bostotteApprovedUnit,
  rentToOwnPotential: dwellingFields.rentToOwnPotential,
  caretaker: dwellingFields.caretaker,
  notes: dwellingFields.notes,
});
export type UpdateDwellingRequest = z.infer<typeof updateDwellingRequest>;

/** A status change by a user: goes through setDwellingStatus and into the history. */
export const changeDwellingStatusRequest = z.strictObject({
  status: z.enum(dwellingStatuses),
  validFrom: calendarDate,
  note: shortText(1000).optional(),
});
export type ChangeDwellingStatusRequest = z.infer<typeof changeDwellingStatusRequest>;

export const dwellingIdParams = z.strictObject({ id: z.uuid() });

// ---- List ------------------------------------------------------------------------------------

export const dwellingSortKeys = [
  'reference',
  'address',
  'bedrooms',
  'area',
  'status',
  'statusSince',
  'rent',
  'vacancyDays',
] as const;
export type DwellingSortKey = (typeof dwellingSortKeys)[number];
export const MAX_DWELLING_PAGE_SIZE = 200;

/** Query strings carry repeated keys (?status=a&status=b) or one comma-separated value. */
function multi<T extends readonly [string, ...string[]]>(values: T) {
  return z
    .preprocess(
      (v) =>
        v === undefined || v === '' ? undefined : (Array.isArray(v) ? v : [v]).flatMap((s) => String(s).split(',')),
      z.array(z.enum(values)).max(values.length * 2),
    )
    .optional();
}
const queryInt = (min: number, max: number) => z.coerce.number().int().min(min).max(max).optional();
const queryBool = z
  .enum(['true', 'false'])
  .transform((v) => v === 'true')
  .optional();

export const dwellingListQuery = z.strictObject({
  status: multi(dwellingStatuses),
  type: multi(dwellingTypes),
  earmarking: multi(earmarkings),
  disposalForm: multi(disposalForms),
  bedroomsMin: queryInt(0, 20),
  bedroomsMax: queryInt(0, 20),
  areaMin: queryInt(0, 2000),
  areaMax: queryInt(0, 2000),
  /** Only dwellings vacant now (status 'vacant'). */
  vacant: queryBool,
  /** Only dwellings vacant for more than N days (implies vacant). */
  vacantMoreThanDays: queryInt(0, 36500),
  buildingId: z.uuid().optional(),
  wheelchairAccessible: queryBool,
  stepFreeEntrance: queryBool,
  schoolDistrict: z.string().trim().max(120).optional(),
  /** Free text: reference or street address (case-insensitive, contains). */
  q: z.string().trim().max(100).optional(),
  /** Has an active head or occupancy lease whose effective end is within N months from today. */
  expiringWithinMonths: queryInt(1, 60),
  sort: z.enum(dwellingSortKeys).optional(),
  dir: z.enum(['asc', 'desc']).optional(),
  page: queryInt(1, 100_000),
  pageSize: queryInt(1, MAX_DWELLING_PAGE_SIZE),
});
export type DwellingListQuery = z.infer<typeof dwellingListQuery>;

export const dwellingListItem = z.object({
  id: z.uuid(),
  reference: z.string(),
  street: z.string(),
  postnummer: z.string(),
  poststed: z.string(),
  type: z.enum(dwellingTypes),
  rooms: z.number().int(),
  bedrooms: z.number().int(),
  areaM2: z.number().nullable(),
  capacity: z.number().int(),
  floor: z.number().int().nullable(),
  status: z.enum(dwellingStatuses),
  statusSince: z.string(),
  /** Whole days vacant before today (null unless status is 'vacant'). */
  vacancyDays: z.number().int().nullable(),
  earmarking: z.enum(earmarkings),
  disposalForm: z.enum(disposalForms),
  rentOre: z.number().int().nullable(),
  wheelchairAccessible: z.boolean(),
  buildingId: z.uuid().nullable(),
  buildingName: z.string().nullable(),
  /** Effective end of the current lease to a household, if any (null when open-ended or none). */
  occupancyLeaseEnd: z.string().nullable(),
  /** Effective end of the current head lease, if any. */
  headLeaseEnd: z.string().nullable(),
  hasOccupancyLease: z.boolean(),
  hasHeadLease: z.boolean(),
});
export type DwellingListItem = z.infer<typeof dwellingListItem>;

export const dwellingListResponse = z.object({
  items: z.array(dwellingListItem),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  today: z.string(),
  actions: z.object({ create: z.boolean(), export: z.boolean(), import: z.boolean() }),
});
export type DwellingListResponse = z.infer<typeof dwellingListResponse>;

// ---- One dwelling --------------------------------------------------------------------------

export const dwellingStatusEventDto = z.object({
  id: z.uuid(),
  status: z.enum(dwellingStatuses),
  validFrom: z.string(),
  note: z.string(),
  source: z.enum(['user', 'lease', 'scheduler', 'import']),
  changedBy: z.string().nullable(),
  changedAt: z.string(),
});
export type DwellingStatusEventDto = z.infer<typeof dwellingStatusEventDto>;

export const dwellingDto = z.object({
  id: z.uuid(),
  reference: z.string(),
  buildingId: z.uuid().nullable(),
  parentId: z.uuid().nullable(),
  street: z.string(),
  postnummer: z.string(),
  poststed: z.string(),
  kommunenummer: z.string(),
  gnr: z.number().int().nullable(),
  bnr: z.number().int().nullable(),
  fnr: z.number().int().nullable(),
  snr: z.number().int().nullable(),
  bruksenhetsnummer: z.string().nullable(),
  type: z.enum(dwellingTypes),
  rooms: z.number().int(),
  bedrooms: z.number().int(),
  areaM2: z.number().nullable(),
  capacity: z.number().int(),
  floor: z.number().int().nullable(),
  lift: z.boolean(),
  universalDesign: z.boolean(),
  wheelchairAccessible: z.boolean(),
  stepFreeEntrance: z.boolean(),
  standard: z.enum(dwellingStandards),
  condition: z.enum(dwellingConditions),
  conditionNote: z.string(),
  furnished: z.enum(furnishedLevels),
  walkMinSchool: z.number().int().nullable(),
  walkMinKindergarten: z.number().int().nullable(),
  walkMinBusStop: z.number().int().nullable(),
  walkMinShop: z.number().int().nullable(),
  walkMinCentre: z.number().int().nullable(),
  walkMinIntroProgramme: z.number().int().nullable(),
  schoolDistrict: z.string(),
  areaZone: z.string(),
  disposalForm: z.enum(disposalForms),
  earmarking: z.enum(earmarkings),
  disposingUnitId: z.uuid().nullable(),
  disposingUnitName: z.string().nullable(),
  rentOre: z.number().int().nullable(),
  rentIncludes: z.array(z.enum(rentIncludesItems)),
  marketRentOre: z.number().int().nullable(),
  husbankenFinancing: z.enum(husbankenFinancings),
  husbankenGrantPercent: z.number().int().nullable(),
  acquisitionMethod: z.enum(acquisitionMethods).nullable(),
  acquisitionDate: z.string().nullable(),
  bostotteApprovedUnit: z.boolean(),
  rentToOwnPotential: z.boolean(),
  caretaker: z.string(),
  notes: z.string(),
  status: z.enum(dwellingStatuses),
  statusSince: z.string(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type DwellingDto = z.infer<typeof dwellingDto>;

export const dwellingDetailResponse = z.object({
  dwelling: dwellingDto,
  building: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  parent: z.object({ id: z.uuid(), reference: z.string(), street: z.string() }).nullable(),
  subUnits: z.array(
    z.object({
      id: z.uuid(),
      reference: z.string(),
      type: z.enum(dwellingTypes),
      bedrooms: z.number().int(),
      capacity: z.number().int(),
      status: z.enum(dwellingStatuses),
      statusSince: z.string(),
    }),
  ),
  history: z.array(dwellingStatusEventDto),
  vacancy: z
    .object({
      vacantSince: z.string(),
      days: z.number().int(),
      thresholdMonths: z.number().int(),
      /** From this day the disposing unit pays internal rent (internhusleie). */
      internalRentFrom: z.string(),
      internalRentAccrues: z.boolean(),
      /** Accrued from the accrual start to today, pro rata (null without a rent). */
      internalRentAccruedOre: z.number().int().nullable(),
    })
    .nullable(),
  today: z.string(),
  actions: z.object({ update: z.boolean(), changeStatus: z.boolean() }),
});
export type DwellingDetailResponse = z.infer<typeof dwellingDetailResponse>;
