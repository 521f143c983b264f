// Norwegian postnummer (postal codes): four digits, and only the ones Posten/Bring has issued.
// The register itself is the generated data module `postnummer-data.ts` next to this file (its
// header names the source and the edition). Store the postnummer; take the poststed from the
// register rather than from the user, so the two always agree.

import { postnummerRegisterData, postnummerRegisterEdition } from './postnummer-data';

export { postnummerRegisterEdition };

const FORMAT = /^[0-9]{4}$/;

let register: ReadonlyMap<string, string> | undefined;

/** postnummer → poststed, parsed once from the compact data string. */
function postnummerRegister(): ReadonlyMap<string, string> {
  if (register) return register;
  const map = new Map<string, string>();
  for (const line of postnummerRegisterData.split('\n')) {
    const bar = line.indexOf('|');
    if (bar < 0) continue;
    const poststed = line.slice(0, bar);
    for (const token of line.slice(bar + 1).split(' ')) {
      const [from, to = from] = token.split('-') as [string, string?];
      if (!FORMAT.test(from) || !FORMAT.test(to)) continue;
      for (let n = Number(from); n <= Number(to); n++) map.set(String(n).padStart(4, '0'), poststed);
    }
  }
  register = map;
  return map;
}

/** Four digits, nothing else (no spaces, no country prefix). */
export function isPostnummerFormat(value: unknown): value is string {
  return typeof value === 'string' && FORMAT.test(value);
}

/** The poststed for a postnummer in the register, e.g. '8006' → 'BODØ'; undefined if unknown. */
export function findPoststed(postnummer: string): string | undefined {
  if (!FORMAT.test(postnummer)) return undefined;
  return postnummerRegister().get(postnummer);
}

/** Four digits AND issued by Posten/Bring (present in the register). */
export function isPostnummer(value: unknown): value is string {
  return isPostnummerFormat(value) && postnummerRegister().has(value);
}

/** How many postnummer the register holds (for tests and the about page). */
export function postnummerCount(): number {
  return postnummerRegister().size;
}
