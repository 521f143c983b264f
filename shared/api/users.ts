import { z } from 'zod';
import { staffRoles } from '../domain/roles';
import { plainText } from './text';

const email = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ error: 'user.email_invalid' }).max(254));

const password = z.string().min(12, { error: 'user.password_too_weak' }).max(200);

export const staffUserDto = z.object({
  id: z.uuid(),
  email: z.string(),
  displayName: z.string(),
  roles: z.array(z.enum(staffRoles)),
  unitIds: z.array(z.uuid()),
  active: z.boolean(),
  createdAt: z.string(),
  version: z.number().int(),
  actions: z.object({ update: z.boolean(), deactivate: z.boolean() }),
});
export type StaffUserDto = z.infer<typeof staffUserDto>;

export const staffUserListResponse = z.object({
  items: z.array(staffUserDto.omit({ actions: true, createdAt: true })),
  actions: z.object({ create: z.boolean() }),
});

export const createStaffUserRequest = z.strictObject({
  email,
  displayName: plainText({ min: 1, max: 200 }),
  roles: z.array(z.enum(staffRoles)).min(1).max(staffRoles.length),
  unitIds: z.array(z.uuid()).max(50),
  password,
});
export type CreateStaffUserRequest = z.infer<typeof createStaffUserRequest>;

export const updateStaffUserRequest = z.strictObject({
  displayName: plainText({ min: 1, max: 200 }).optional(),
  roles: z.array(z.enum(staffRoles)).min(1).max(staffRoles.length).optional(),
  unitIds: z.array(z.uuid()).max(50).optional(),
  active: z.boolean().optional(),
});
export type UpdateStaffUserRequest = z.infer<typeof updateStaffUserRequest>;

export const staffUserParams = z.strictObject({ id: z.uuid() });

export const changePasswordRequest = z.strictObject({
  currentPassword: z.string().min(1).max(200),
  newPassword: password,
});
