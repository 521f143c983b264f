/**
 * The modules of Husly that are not built yet. Each gets its own feature folder
 * (web/features/<module>/) when work on it starts; until then this page says what it will do.
 * (Settlement and households: web/features/households.)
 */
export const moduleKeys = ['dwellings', 'allocation', 'followUp', 'reports'] as const;
export type ModuleKey = (typeof moduleKeys)[number];
