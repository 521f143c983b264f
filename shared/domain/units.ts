// Organisational units inside a municipality (requirements §1.4). Names vary by municipality;
// the kind is what Husly reasons about.
export const unitKinds = [
  'bydel',
  'flyktningtjeneste',
  'boligkontor',
  'tildelingskontor',
  'eiendom',
  'nav_kontor',
  'introduksjonssenter',
  'annet',
] as const;
export type UnitKind = (typeof unitKinds)[number];

export const administrativeLanguages = ['nb', 'nn'] as const;
export type AdministrativeLanguage = (typeof administrativeLanguages)[number];
