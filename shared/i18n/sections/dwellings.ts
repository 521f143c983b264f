import type { Strings } from '../strings';

// UI texts of the dwellings section, in the three UI languages. Bokmål is the source of truth;
// nynorsk and English must have the same keys (compile error otherwise).
export const nb = {
  title: 'TODO',
} as const;

export const nn: Strings<typeof nb> = {
  title: 'TODO',
};

export const en: Strings<typeof nb> = {
  title: 'TODO',
};
