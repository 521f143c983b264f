import { z } from 'zod';
import { unitKinds } from '../domain/units';
import { plainText } from './text';

export const unitDto = z.object({
  id: z.uuid(),
  name: z.string(),
  kind: z.enum(unitKinds),
  parentId: z.uuid().nullable(),
  staffCount: z.number().int(),
  version: z.number().int(),
  createdAt: z.string(),
  /** What the current user may do with this unit (policies travel with the data). */
  actions: z.object({ update: z.boolean() }),
});
export type UnitDto = z.infer<typeof unitDto>;

export const unitListResponse = z.object({ items: z.array(unitDto), actions: z.object({ create: z.boolean() }) });

/** The same schema validates the web form and the request body. */
export const createUnitRequest = z.strictObject({
  name: plainText({ min: 2, max: 120 }),
  kind: z.enum(unitKinds),
  parentId: z.uuid().nullable().optional(),
});
export type CreateUnitRequest = z.infer<typeof createUnitRequest>;

export const updateUnitRequest = z.strictObject({
  name: plainText({ min: 2, max: 120 }).optional(),
  kind: z.enum(unitKinds).optional(),
  parentId: z.uuid().nullable().optional(),
});
export type UpdateUnitRequest = z.infer<typeof updateUnitRequest>;

export const unitIdParams = z.strictObject({ id: z.uuid() });
