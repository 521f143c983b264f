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

// OIDC enrolment (decision 006): a one-time link that binds the first OIDC login through it to a
// staff member, and the identities (issuer, sub) linked so far.

/** Same slug rule as the provider ids in OIDC_PROVIDERS. */
const providerId = z.string().regex(/^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/, { error: 'enrolment.provider_unknown' });

export const createEnrolmentRequest = z.strictObject({ providerId });
export type CreateEnrolmentRequest = z.infer<typeof createEnrolmentRequest>;

export const enrolmentResponse = z.object({
  /** Shown once; give it to the staff member only. Single use, valid until expiresAt. */
  url: z.string(),
  expiresAt: z.string(),
});
export type EnrolmentResponse = z.infer<typeof enrolmentResponse>;

export const staffIdentityDto = z.object({
  id: z.uuid(),
  issuer: z.string(),
  /** The configured provider with this issuer (the first, if several share it); null if none is configured now. */
  provider: z.object({ id: z.string(), label: z.string() }).nullable(),
  createdAt: z.string(),
  actions: z.object({ unlink: z.boolean() }),
});
export type StaffIdentityDto = z.infer<typeof staffIdentityDto>;

export const staffIdentityListResponse = z.object({
  items: z.array(staffIdentityDto),
  actions: z.object({ enrol: z.boolean() }),
});
export type StaffIdentityListResponse = z.infer<typeof staffIdentityListResponse>;

export const staffIdentityParams = z.strictObject({ id: z.uuid(), identityId: z.uuid() });
