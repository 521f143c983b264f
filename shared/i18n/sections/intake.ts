import type { Strings } from '../strings';

// UI texts of the intake section, in the three UI languages. Bokmål is the source of truth;
// nynorsk and English must have the same keys (compile error otherwise).
export const nb = {
  title: 'Import fra IMDi',
};

export const nn: Strings<typeof nb> = {
  title: 'Import frå IMDi',
};

export const en: Strings<typeof nb> = {
  title: 'Import from IMDi',
};
