import type { Strings } from '../strings';

// UI texts of the households section, in the three UI languages. Bokmål is the source of truth;
// nynorsk and English must have the same keys (compile error otherwise).
export const nb = {
  title: 'Husstander',
};

export const nn: Strings<typeof nb> = {
  title: 'Husstandar',
};

export const en: Strings<typeof nb> = {
  title: 'Households',
};
