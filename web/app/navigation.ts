import type { MessageKey } from '../../shared/i18n';

export type NavigationItem = { path: string; label: MessageKey; end?: boolean };

/** The main menu, in the order of the settlement process. Paths are Norwegian, ASCII only. */
export const navigationItems: readonly NavigationItem[] = [
  { path: '/', label: 'nav.overview', end: true },
  { path: '/bosetting', label: 'nav.settlement' },
  { path: '/boliger', label: 'nav.dwellings' },
  { path: '/husstander', label: 'nav.households' },
  { path: '/tildeling', label: 'nav.allocation' },
  { path: '/oppfolging', label: 'nav.followUp' },
  { path: '/rapporter', label: 'nav.reports' },
  { path: '/enheter', label: 'nav.units' },
];

export const loginPath = '/logg-inn';
export const noAccessPath = '/ingen-tilgang';

/** Where to go after login: only a path inside this app (never `//host` or a full URL). */
export function safeReturnPath(value: unknown): string {
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) {
    return '/';
  }
  return value.startsWith(loginPath) ? '/' : value;
}
