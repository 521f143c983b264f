import { describe, expect, it } from 'vitest';
import { permissionsFor } from '../../shared/domain/permissions';
import { pagePermission, safeReturnPath, visibleNavigation } from './navigation';

describe('safeReturnPath', () => {
  it('returns to a path inside the app', () => {
    expect(safeReturnPath('/enheter?x=1')).toBe('/enheter?x=1');
  });

  it('never sends the user to another site or back to login', () => {
    for (const value of ['//evil.example', '/\\evil.example', 'https://evil.example', 'enheter', '', null, 42]) {
      expect(safeReturnPath(value)).toBe('/');
    }
    expect(safeReturnPath('/logg-inn')).toBe('/');
  });
});

describe('visibleNavigation', () => {
  const menu = (...roles: Parameters<typeof permissionsFor>[0]) =>
    visibleNavigation(permissionsFor(roles)).map((item) => item.path);

  it('with no permissions, shows nothing', () => {
    expect(visibleNavigation([])).toEqual([]);
  });

  it('management sees the overview, the housing register, reports and units, and no person-level pages', () => {
    expect(menu('leder')).toEqual(['/', '/oppgaver', '/boliger', '/rapporter', '/enheter']);
  });

  it('the auditor sees the audit log and subject access, not the case pages', () => {
    expect(menu('revisor')).toEqual(['/', '/oppgaver', '/enheter', '/hendelseslogg', '/innsyn']);
  });

  it('a unit-scoped permission is enough for a page that needs the unit scope', () => {
    expect(menu('miljoarbeider')).toEqual(['/', '/oppgaver', '/bosetting', '/boliger', '/husstander', '/oppfolging', '/enheter']);
  });

  it('a municipality-wide permission includes the unit scope', () => {
    expect(menu('bosetter')).toContain('/tildeling');
  });

  it('several roles see the union of their pages, in menu order', () => {
    expect(menu('admin', 'revisor')).toEqual([
      '/',
      '/oppgaver',
      '/rapporter',
      '/enheter',
      '/brukere',
      '/boliginnstillinger',
      '/bosettingsinnstillinger',
      '/hendelseslogg',
      '/innsyn',
    ]);
  });
});

describe('pagePermission', () => {
  it('names the permission of a menu page and refuses an unknown one', () => {
    expect(pagePermission('/brukere')).toBe('read:staff:any');
    expect(() => pagePermission('/nowhere')).toThrow();
  });
});
