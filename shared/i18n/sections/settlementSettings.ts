import type { Strings } from '../strings';

// UI texts of the settlementSettings section, in the three UI languages. Bokmål is the source of truth;
// nynorsk and English must have the same keys (compile error otherwise).
export const nb = {
  title: 'Innstillinger for bosetting',
};

export const nn: Strings<typeof nb> = {
  title: 'Innstillingar for busetjing',
};

export const en: Strings<typeof nb> = {
  title: 'Settlement settings',
};
