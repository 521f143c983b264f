import { can, type Permission } from '../../shared/domain/permissions';
import type { MessageKey } from '../../shared/i18n';

export type NavigationItem = { path: string; label: MessageKey; end?: boolean; permission: Permission };

/**
 * The main menu, in the order of the settlement process, then administration and control. Each
 * page names the permission it needs (shared/domain/permissions.ts); the menu and the router
 * both use it, never role names. The server checks again — this only spares the user dead ends.
 * Paths are Norwegian, ASCII only.
 */
export const navigationItems: readonly NavigationItem[] = [
  { path: '/', label: 'nav.overview', end: true, permission: 'read:unit:any' },
  { path: '/oppgaver', label: 'nav.tasks', permission: 'read:task:own' },
  { path: '/bosetting', label: 'nav.settlement', permission: 'read:household:unit' },
  { path: '/boliger', label: 'nav.dwellings', permission: 'read:dwelling:unit' },
  { path: '/kontrakter', label: 'nav.leases', permission: 'read:lease:any' },
  { path: '/utleiere', label: 'nav.landlords', permission: 'read:landlord:any' },
  { path: '/husstander', label: 'nav.households', permission: 'read:household:unit' },
  { path: '/tildeling', label: 'nav.allocation', permission: 'read:allocation:unit' },
  { path: '/oppfolging', label: 'nav.followUp', permission: 'read:follow_up:unit' },
  { path: '/rapporter', label: 'nav.reports', permission: 'read:report:any' },
  { path: '/enheter', label: 'nav.units', permission: 'read:unit:any' },
  { path: '/brukere', label: 'nav.users', permission: 'read:staff:any' },
  { path: '/boliginnstillinger', label: 'nav.housingSettings', permission: 'read:housing_settings:any' },
  { path: '/bosettingsinnstillinger', label: 'nav.settlementSettings', permission: 'read:housing_settings:any' },
  { path: '/hendelseslogg', label: 'nav.auditLog', permission: 'read:audit:any' },
  { path: '/innsyn', label: 'nav.insight', permission: 'read:insight:any' },
];

export const loginPath = '/logg-inn';
export const noAccessPath = '/ingen-tilgang';
/** Everyone's own page (name, roles, password); linked from the user menu. */
export const profilePath = '/profil';

/** The menu items these permissions allow, in menu order. */
export function visibleNavigation(permissions: readonly Permission[]): NavigationItem[] {
  return navigationItems.filter((item) => can(permissions, item.permission));
}

/** The permission a menu page (and the pages below it, e.g. /brukere/:id) needs. */
export function pagePermission(path: string): Permission {
  const item = navigationItems.find((i) => i.path === path);
  if (!item) throw new Error(`${path} is not a page in navigationItems`);
  return item.permission;
}

/** Where to go after login: only a path inside this app (never `//host` or a full URL). */
export function safeReturnPath(value: unknown): string {
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) {
    return '/';
  }
  return value.startsWith(loginPath) ? '/' : value;
}
