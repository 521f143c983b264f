// Norwegian organisation numbers (organisasjonsnummer) and bank account numbers (kontonummer),
// as registered for private landlords (utleiere, requirements §3.3 "Private landlord").
//
// Both are checked with a modulus-11 control digit. Only the check digit is validated here:
// whether the organisation exists (Enhetsregisteret) or the account belongs to the landlord is
// for the shell to look up.

export type OrgnrValidation =
  { ok: true; orgnr: string } | { ok: false; code: 'landlord.orgnr_invalid'; reason: 'format' | 'checksum' };
export type KontonummerValidation =
  { ok: true; kontonummer: string } | { ok: false; code: 'landlord.account_invalid'; reason: 'format' | 'checksum' };

// Brønnøysundregistrene, "Organisasjonsnummeret": nine digits, the last a modulus-11 control
// digit over the first eight with weights 3 2 7 6 5 4 3 2.
const ORGNR_WEIGHTS = [3, 2, 7, 6, 5, 4, 3, 2] as const;

// Norwegian account number standard (Bits / the banks' "kontonummer" layout, 4+2+5 digits
// 'XXXX.XX.XXXXX'): eleven digits, the last a modulus-11 control digit over the first ten with
// weights 5 4 3 2 7 6 5 4 3 2.
const KONTONUMMER_WEIGHTS = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2] as const;

/**
 * Modulus 11: r = Σ wᵢ·dᵢ mod 11, control digit = 11 − r, where 11 → 0 and 10 means no valid
 * number can have these leading digits.
 */
function mod11ControlDigit(digits: readonly number[], weights: readonly number[]): number | undefined {
  let sum = 0;
  for (let i = 0; i < weights.length; i++) sum += (weights[i] ?? 0) * (digits[i] ?? 0);
  const control = 11 - (sum % 11);
  if (control === 11) return 0;
  if (control === 10) return undefined;
  return control;
}

/**
 * Removes the grouping people type ('974 760 673', '1234.56.78903'). ASCII digits only: \d is
 * avoided on purpose so that Arabic-Indic or full-width digits are not accepted.
 */
function normalise(value: string, separators: RegExp): string {
  return value.trim().replace(separators, '');
}

function checkDigits(value: string, weights: readonly number[]): 'format' | 'checksum' | undefined {
  if (!new RegExp(`^[0-9]{${weights.length + 1}}$`).test(value)) return 'format';
  const digits = Array.from(value, Number);
  return mod11ControlDigit(digits, weights) === digits[weights.length] ? undefined : 'checksum';
}

/** Validates an organisasjonsnummer; spaces between digit groups are allowed and removed. */
export function validateOrgnr(value: string): OrgnrValidation {
  const orgnr = normalise(value, / /g);
  const problem = checkDigits(orgnr, ORGNR_WEIGHTS);
  return problem ? { ok: false, code: 'landlord.orgnr_invalid', reason: problem } : { ok: true, orgnr };
}

/** Validates a kontonummer; spaces and dots between digit groups are allowed and removed. */
export function validateKontonummer(value: string): KontonummerValidation {
  const kontonummer = normalise(value, /[ .]/g);
  const problem = checkDigits(kontonummer, KONTONUMMER_WEIGHTS);
  return problem ? { ok: false, code: 'landlord.account_invalid', reason: problem } : { ok: true, kontonummer };
}
