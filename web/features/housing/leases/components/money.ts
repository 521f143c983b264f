/**
 * Kroner as typed by a person ('12 500', '12500,50', '12 500.5') → integer øre, or null when it
 * is not an amount with at most two decimals. Empty → null. Money is integer øre everywhere.
 */
export function kronerToOre(text: string): number | null {
  const compact = text.replace(/[\s\u00a0]/g, '').replace(',', '.');
  if (!/^-?[0-9]{1,9}(\.[0-9]{1,2})?$/.test(compact)) return null;
  const [whole, fraction = ''] = compact.replace('-', '').split('.');
  const ore = Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
  return compact.startsWith('-') ? -ore : ore;
}

/** Øre → the kroner text a form shows ('12500,5' for 1 250 050 øre). */
export function oreToKronerText(ore: number): string {
  const kroner = Math.trunc(ore / 100);
  const rest = Math.abs(ore % 100);
  return rest === 0 ? String(kroner) : `${kroner},${String(rest).padStart(2, '0').replace(/0$/, '')}`;
}
