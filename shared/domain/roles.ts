// Staff roles (requirements §1.5, §1.8). The permission matrix built on them is in
// server/modules/auth/permissions.ts.
export const staffRoles = [
  'admin',
  'bosetter',
  'boligkontor',
  'eiendom',
  'nav_veileder',
  'miljoarbeider',
  'leder',
  'revisor',
] as const;
export type StaffRole = (typeof staffRoles)[number];
