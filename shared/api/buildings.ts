import { z } from 'zod';
import {
  buildingKinds,
  buildingOwnerKinds,
  commonFacilities,
  dwellingStatuses,
  dwellingTypes,
} from '../domain/dwelling-rules';
import { plainText } from './text';

// Buildings of the housing register: a modular building with a common house, a shared house, an
// apartment block … Dwellings point at their building. Postnummer and kommunenummer are checked
// in the use case (dwelling.postnummer_invalid / dwelling.kommunenummer_invalid, 422).

const buildingFields = {
  name: plainText({ min: 1, max: 120 }),
  kind: z.enum(buildingKinds),
  street: plainText({ min: 1, max: 200 }),
  postnummer: z.string().trim().max(10),
  kommunenummer: z.string().trim().max(10),
  gnr: z.number().int().min(1).max(99999).nullable().optional(),
  bnr: z.number().int().min(1).max(99999).nullable().optional(),
  ownerKind: z.enum(buildingOwnerKinds).optional(),
  commonHouse: z.boolean().optional(),
  commonFacilities: z.array(z.enum(commonFacilities)).max(commonFacilities.length).optional(),
  staffRooms: z.number().int().min(0).max(100).optional(),
  neighbourhoodNotes: plainText({ min: 0, max: 2000 }).optional(),
};

export const createBuildingRequest = z.strictObject(buildingFields);
export type CreateBuildingRequest = z.infer<typeof createBuildingRequest>;

export const updateBuildingRequest = z.strictObject({
  name: buildingFields.name.optional(),
  kind: buildingFields.kind.optional(),
  street: buildingFields.street.optional(),
  postnummer: buildingFields.postnummer.optional(),
  kommunenummer: buildingFields.kommunenummer.optional(),
  gnr: buildingFields.gnr,
  bnr: buildingFields.bnr,
  ownerKind: buildingFields.ownerKind,
  commonHouse: buildingFields.commonHouse,
  commonFacilities: buildingFields.commonFacilities,
  staffRooms: buildingFields.staffRooms,
  neighbourhoodNotes: buildingFields.neighbourhoodNotes,
});
export type UpdateBuildingRequest = z.infer<typeof updateBuildingRequest>;

export const buildingIdParams = z.strictObject({ id: z.uuid() });

export const buildingDto = z.object({
  id: z.uuid(),
  name: z.string(),
  kind: z.enum(buildingKinds),
  street: z.string(),
  postnummer: z.string(),
  poststed: z.string(),
  kommunenummer: z.string(),
  gnr: z.number().int().nullable(),
  bnr: z.number().int().nullable(),
  ownerKind: z.enum(buildingOwnerKinds),
  commonHouse: z.boolean(),
  commonFacilities: z.array(z.enum(commonFacilities)),
  staffRooms: z.number().int(),
  neighbourhoodNotes: z.string(),
  dwellingCount: z.number().int(),
  version: z.number().int(),
  createdAt: z.string(),
});
export type BuildingDto = z.infer<typeof buildingDto>;

export const buildingListResponse = z.object({
  items: z.array(buildingDto),
  actions: z.object({ create: z.boolean() }),
});
export type BuildingListResponse = z.infer<typeof buildingListResponse>;

export const buildingDetailResponse = z.object({
  building: buildingDto,
  dwellings: z.array(
    z.object({
      id: z.uuid(),
      reference: z.string(),
      street: z.string(),
      type: z.enum(dwellingTypes),
      rooms: z.number().int(),
      bedrooms: z.number().int(),
      capacity: z.number().int(),
      floor: z.number().int().nullable(),
      status: z.enum(dwellingStatuses),
      statusSince: z.string(),
    }),
  ),
  actions: z.object({ update: z.boolean(), delete: z.boolean() }),
});
export type BuildingDetailResponse = z.infer<typeof buildingDetailResponse>;
