import type { Strings } from '../strings';

// UI texts of the persons section, in the three UI languages. Bokmål is the source of truth;
// nynorsk and English must have the same keys (compile error otherwise).
export const nb = {
  title: 'Personer',
};

export const nn: Strings<typeof nb> = {
  title: 'Personar',
};

export const en: Strings<typeof nb> = {
  title: 'Persons',
};
