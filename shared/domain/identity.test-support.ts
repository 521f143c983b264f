// Test support: an independent implementation of the fødselsnummer control digits (not the one in
// identity.ts), so tests can build numbers of every kind and check the validator against it.

const K1 = [3, 7, 6, 1, 8, 9, 4, 5, 2];
const K2 = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];

/**
 * Nine digits plus control digits with the given k1 remainder (0 = the pre-2032 rule; 0–3 are valid
 * from 2032), or undefined when no control digit exists for them.
 */
export function withControlDigits(nine: string, k1Remainder = 0): string | undefined {
  const d = Array.from(nine, Number);
  const s1 = d.reduce((sum, x, i) => sum + x * (K1[i] ?? 0), 0);
  const k1 = (((k1Remainder - s1) % 11) + 11) % 11;
  if (k1 === 10) return undefined;
  const s2 = [...d, k1].reduce((sum, x, i) => sum + x * (K2[i] ?? 0), 0);
  const k2 = (11 - (s2 % 11)) % 11;
  if (k2 === 10) return undefined;
  return `${nine}${k1}${k2}`;
}
