import { z } from 'zod';
import { purposes } from '../domain/purposes';

export const auditActions = [
  'display',
  'create',
  'update',
  'deactivate',
  'export',
  'login',
  'login_failed',
  'logout',
  'password_change',
  'import',
  'anonymise',
] as const;
export const subjectTypes = ['person', 'household', 'staff_user', 'landlord', 'lease'] as const;
export type SubjectType = (typeof subjectTypes)[number];

const isoDate = z.iso.date();

export const auditSearchQuery = z.strictObject({
  subjectId: z.uuid().optional(),
  userId: z.uuid().optional(),
  action: z.enum(auditActions).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type AuditSearchQuery = z.infer<typeof auditSearchQuery>;

export const auditEntryDto = z.object({
  seq: z.number().int(),
  occurredAt: z.string(),
  actor: z.object({ userId: z.uuid().nullable(), name: z.string().nullable(), roles: z.array(z.string()) }),
  unit: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  action: z.enum(auditActions),
  entity: z.string(),
  subject: z.object({ type: z.enum(subjectTypes), id: z.uuid(), name: z.string().nullable() }).nullable(),
  fields: z.array(z.string()),
  purpose: z.string(),
  purposeRef: z.string().nullable(),
  requestId: z.string().nullable(),
});
export type AuditEntryDto = z.infer<typeof auditEntryDto>;

export const auditSearchResponse = z.object({
  items: z.array(auditEntryDto),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

export const insightParams = z.strictObject({ subjectType: z.enum(subjectTypes), subjectId: z.uuid() });
export const insightQuery = z.strictObject({
  from: isoDate.optional(),
  to: isoDate.optional(),
  lang: z.enum(['nb', 'nn']).optional(),
});

export const insightEntryDto = z.object({
  occurredAt: z.string(),
  unitName: z.string().nullable(),
  roles: z.array(z.string()),
  action: z.enum(auditActions),
  purpose: z.enum(purposes).or(z.string()),
  /** Only when the municipality's documented setting says names are given (C-579/21). */
  employeeName: z.string().nullable(),
});

export const insightResponse = z.object({
  subject: z.object({ type: z.enum(subjectTypes), id: z.uuid(), name: z.string() }),
  municipality: z.string(),
  period: z.object({ from: z.string(), to: z.string() }),
  employeeNamesShown: z.boolean(),
  entries: z.array(insightEntryDto),
});
export type InsightResponse = z.infer<typeof insightResponse>;
