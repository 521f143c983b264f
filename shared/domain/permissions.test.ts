import { describe, expect, it } from 'vitest';
import { can, permissionsFor, rolePermissions } from './permissions';
import { staffRoles } from './roles';

describe('the permission matrix', () => {
  it('gives every role a matrix row', () => {
    expect(Object.keys(rolePermissions).sort()).toEqual([...staffRoles].sort());
  });

  it('a wider scope includes the narrower ones, never the other way', () => {
    expect(can(['read:person:any'], 'read:person:unit')).toBe(true);
    expect(can(['read:person:unit'], 'read:person:any')).toBe(false);
    expect(can(['read:person:any'], 'write:person:any')).toBe(false);
  });

  it('health and functional needs are visible only to the roles that need them', () => {
    const withHealth = staffRoles.filter((r) => can(permissionsFor([r]), 'read:health:unit'));
    expect(withHealth).toEqual(['bosetter']);
    const withNeeds = staffRoles.filter((r) => can(permissionsFor([r]), 'read:functional_needs:unit'));
    expect(withNeeds.sort()).toEqual(['boligkontor', 'bosetter']);
  });

  it('management sees aggregates only, no person-level data', () => {
    const leder = permissionsFor(['leder']);
    for (const entity of ['person', 'household', 'health', 'functional_needs', 'nav_economy', 'follow_up'] as const) {
      expect(can(leder, `read:${entity}:own`)).toBe(false);
    }
    expect(can(leder, 'read:report:any')).toBe(true);
  });

  it("NAV's economic data is NAV's alone; only the auditor reads the audit log", () => {
    expect(staffRoles.filter((r) => can(permissionsFor([r]), 'read:nav_economy:own'))).toEqual(['nav_veileder']);
    expect(staffRoles.filter((r) => can(permissionsFor([r]), 'read:audit:any'))).toEqual(['revisor']);
  });

  it('combines roles without duplicates', () => {
    const both = permissionsFor(['admin', 'revisor']);
    expect(new Set(both).size).toBe(both.length);
    expect(can(both, 'write:staff:any') && can(both, 'read:audit:any')).toBe(true);
  });
});
