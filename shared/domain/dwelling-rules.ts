// Code lists and pure rules for the housing register (dwellings and buildings), requirements
// §3.3 and R4.x. The database (migration 0005) holds the same lists as CHECK constraints; these
// are the ones the API, the import and the web forms use, so a bad value is refused with a
// field-level code before anything reaches the database.

import { isKommunenummer } from './kommuner';
import { isPostnummer } from './postnummer';

export const dwellingTypes = ['flat', 'bedsit', 'house', 'modular_unit', 'shared_housing', 'shared_room'] as const;
export type DwellingType = (typeof dwellingTypes)[number];

export const dwellingStatuses = [
  'planned',
  'procurement',
  'renovation',
  'ready',
  'reserved',
  'let',
  'notice_given',
  'vacant',
  'awaiting_maintenance',
  'disposed',
] as const;
export type DwellingStatusCode = (typeof dwellingStatuses)[number];

/** Statuses only a lease sets (R5.x): a user or an import cannot set them by hand. */
export const leaseOnlyStatuses: readonly DwellingStatusCode[] = ['let', 'notice_given'];
/** Statuses a user may choose on the dwelling page or when registering a dwelling. */
export const manualStatuses = dwellingStatuses.filter((s) => !leaseOnlyStatuses.includes(s));

export const disposalForms = [
  'municipal',
  'municipal_company',
  'private_sublet',
  'cooperative',
  'rent_to_own',
] as const;
export type DisposalForm = (typeof disposalForms)[number];
export const earmarkings = ['first_settlement', 'welfare', 'care', 'none'] as const;
export const dwellingStandards = ['low', 'satisfactory', 'high'] as const;
export const dwellingConditions = ['good', 'needs_maintenance', 'poor'] as const;
export const furnishedLevels = ['no', 'partly', 'fully'] as const;
export const rentIncludesItems = ['electricity', 'heating', 'water_sewage', 'internet', 'furniture', 'tv'] as const;
export const husbankenFinancings = ['none', 'grunnlan', 'tilskudd', 'grunnlan_og_tilskudd'] as const;
export const acquisitionMethods = [
  'new_build',
  'purchase_new',
  'purchase_used',
  'renovation',
  'lease_in',
  'ops',
  'hamaroy',
  'other',
] as const;

export const buildingKinds = ['modular', 'shared_house', 'apartment_block', 'house', 'other'] as const;
export const buildingOwnerKinds = [
  'municipality',
  'municipal_company',
  'housing_foundation',
  'private_landlord',
  'developer',
] as const;
export const commonFacilities = ['kitchen', 'tv_room', 'living_room', 'toilet', 'laundry', 'veranda'] as const;

/** Matrikkel: the bruksenhetsnummer of a dwelling unit, e.g. H0101 (floor type H/K/L/U + 4 digits). */
export const BRUKSENHETSNUMMER = /^[HKLU][0-9]{4}$/;
/** A register reference chosen by the municipality (e.g. "B-102", "Storgata 5/H0201"). */
export const DWELLING_REFERENCE = /^[A-Za-z0-9][A-Za-z0-9._/-]{0,39}$/;

export type RuleProblem = { pointer: string; code: string };

/**
 * Address and cadastre checks shared by dwellings and buildings: postnummer in Posten/Bring's
 * register, kommunenummer in SSB's list, bruksenhetsnummer in the matrikkel format.
 */
export function addressProblems(input: {
  postnummer?: string | undefined;
  kommunenummer?: string | undefined;
  bruksenhetsnummer?: string | null | undefined;
}): RuleProblem[] {
  const problems: RuleProblem[] = [];
  if (input.postnummer !== undefined && !isPostnummer(input.postnummer)) {
    problems.push({ pointer: '/postnummer', code: 'dwelling.postnummer_invalid' });
  }
  if (input.kommunenummer !== undefined && !isKommunenummer(input.kommunenummer)) {
    problems.push({ pointer: '/kommunenummer', code: 'dwelling.kommunenummer_invalid' });
  }
  if (input.bruksenhetsnummer != null && !BRUKSENHETSNUMMER.test(input.bruksenhetsnummer)) {
    problems.push({ pointer: '/bruksenhetsnummer', code: 'dwelling.bruksenhetsnummer_invalid' });
  }
  return problems;
}

/** Bedrooms are rooms too: a dwelling cannot have more bedrooms than rooms. */
export function roomsProblems({ rooms, bedrooms }: { rooms: number; bedrooms: number }): RuleProblem[] {
  return bedrooms > rooms ? [{ pointer: '/bedrooms', code: 'dwelling.rooms_invalid' }] : [];
}

/**
 * A room in shared housing is its own sub-unit: it has a parent, and the parent is a shared
 * housing dwelling. Nothing else has a parent.
 */
export function parentProblems({
  type,
  parentId,
  parentType,
}: {
  type: DwellingType;
  parentId: string | null;
  /** The parent's type, or null when the parent does not exist (in this municipality). */
  parentType: DwellingType | null;
}): RuleProblem[] {
  if (type === 'shared_room') {
    if (parentId === null || parentType !== 'shared_housing')
      return [{ pointer: '/parentId', code: 'dwelling.parent_invalid' }];
    return [];
  }
  return parentId === null ? [] : [{ pointer: '/parentId', code: 'dwelling.parent_invalid' }];
}

/** Whether a user (or an import) may set this status by hand; let/notice_given come from leases. */
export function isManualStatus(status: DwellingStatusCode): boolean {
  return !leaseOnlyStatuses.includes(status);
}
