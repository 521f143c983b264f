import { z } from 'zod';

export const healthResponse = z.object({
  status: z.enum(['ok', 'unavailable']),
  database: z.enum(['ok', 'unavailable']),
  version: z.string(),
});

export const overviewResponse = z.object({
  municipality: z.object({
    kommunenummer: z.string(),
    name: z.string(),
    language: z.enum(['nb', 'nn']),
    createdAt: z.string(),
  }),
  unitCount: z.number().int(),
  staffCount: z.number().int(),
});
export type OverviewResponse = z.infer<typeof overviewResponse>;
