/**
 * The six modules of Husly that are not built yet. Each gets its own feature folder
 * (web/features/<module>/) when work on it starts; until then this page says what it will do.
 */
export const moduleKeys = ['settlement', 'dwellings', 'households', 'allocation', 'followUp', 'reports'] as const;
export type ModuleKey = (typeof moduleKeys)[number];
