import type { DwellingDto, DwellingListItem, DwellingStatusEventDto } from '../../../shared/api/dwellings';
import type { DwellingRow, DwellingListRow } from './dwellings.repository';

const num = (value: string | number | null): number | null => (value === null ? null : Number(value));

export function presentListItem(row: DwellingListRow): DwellingListItem {
  return {
    id: row.id,
    reference: row.reference,
    street: row.street,
    postnummer: row.postnummer,
    poststed: row.poststed,
    type: row.type as DwellingListItem['type'],
    rooms: row.rooms,
    bedrooms: row.bedrooms,
    areaM2: num(row.area_m2),
    capacity: row.capacity,
    floor: row.floor,
    status: row.status as DwellingListItem['status'],
    statusSince: row.status_since,
    vacancyDays: row.vacancy_days === null ? null : Number(row.vacancy_days),
    earmarking: row.earmarking as DwellingListItem['earmarking'],
    disposalForm: row.disposal_form as DwellingListItem['disposalForm'],
    rentOre: num(row.rent_ore),
    wheelchairAccessible: row.wheelchair_accessible,
    buildingId: row.building_id,
    buildingName: row.building_name,
    occupancyLeaseEnd: row.occupancy_lease_end,
    headLeaseEnd: row.head_lease_end,
    hasOccupancyLease: row.has_occupancy_lease,
    hasHeadLease: row.has_head_lease,
  };
}

export function presentDwelling(row: DwellingRow, disposingUnitName: string | null): DwellingDto {
  return {
    id: row.id,
    reference: row.reference,
    buildingId: row.building_id,
    parentId: row.parent_id,
    street: row.street,
    postnummer: row.postnummer,
    poststed: row.poststed,
    kommunenummer: row.kommunenummer,
    gnr: row.gnr,
    bnr: row.bnr,
    fnr: row.fnr,
    snr: row.snr,
    bruksenhetsnummer: row.bruksenhetsnummer,
    type: row.type as DwellingDto['type'],
    rooms: row.rooms,
    bedrooms: row.bedrooms,
    areaM2: num(row.area_m2),
    capacity: row.capacity,
    floor: row.floor,
    lift: row.lift,
    universalDesign: row.universal_design,
    wheelchairAccessible: row.wheelchair_accessible,
    stepFreeEntrance: row.step_free_entrance,
    standard: row.standard as DwellingDto['standard'],
    condition: row.condition as DwellingDto['condition'],
    conditionNote: row.condition_note,
    furnished: row.furnished as DwellingDto['furnished'],
    walkMinSchool: row.walk_min_school,
    walkMinKindergarten: row.walk_min_kindergarten,
    walkMinBusStop: row.walk_min_bus_stop,
    walkMinShop: row.walk_min_shop,
    walkMinCentre: row.walk_min_centre,
    walkMinIntroProgramme: row.walk_min_intro_programme,
    schoolDistrict: row.school_district,
    areaZone: row.area_zone,
    disposalForm: row.disposal_form as DwellingDto['disposalForm'],
    earmarking: row.earmarking as DwellingDto['earmarking'],
    disposingUnitId: row.disposing_unit_id,
    disposingUnitName,
    rentOre: num(row.rent_ore),
    rentIncludes: row.rent_includes as DwellingDto['rentIncludes'],
    marketRentOre: num(row.market_rent_ore),
    husbankenFinancing: row.husbanken_financing as DwellingDto['husbankenFinancing'],
    husbankenGrantPercent: row.husbanken_grant_percent,
    acquisitionMethod: row.acquisition_method as DwellingDto['acquisitionMethod'],
    acquisitionDate: row.acquisition_date,
    bostotteApprovedUnit: row.bostotte_approved_unit,
    rentToOwnPotential: row.rent_to_own_potential,
    caretaker: row.caretaker,
    notes: row.notes,
    status: row.status as DwellingDto['status'],
    statusSince: row.status_since,
    version: row.version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

export function presentStatusEvent(row: {
  id: string;
  status: string;
  valid_from: string;
  note: string;
  source: string;
  changed_at: Date;
  changed_by_name: string | null;
}): DwellingStatusEventDto {
  return {
    id: row.id,
    status: row.status as DwellingStatusEventDto['status'],
    validFrom: row.valid_from,
    note: row.note,
    source: row.source as DwellingStatusEventDto['source'],
    changedBy: row.changed_by_name,
    changedAt: row.changed_at.toISOString(),
  };
}
