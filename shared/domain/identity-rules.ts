// Which identity numbers may be registered on a person in Husly (issue 5 item 1 and "bad input";
// RELIABILITY.md §1 and §6.1), on top of the checksum and date rules in identity.ts.
//
// classifyIdentityNumber tells what an 11-digit number is:
//   fnr        fødselsnummer
//   dnr        D-nummer (first digit + 4)
//   hnr        H-nummer, the health sector's help number (third digit + 4, month 41–52)
//   fhnr       FH-nummer, felles hjelpenummer (first digit 8 or 9, no date)
//   synthetic  a test number that can never be a real person's: Skatteetaten's Tenor
//              (month + 80) or SyntPop (month + 65), on an fnr or a D-nummer
// or why it is not a valid number at all (format, checksum, date).
//
// validateIdentityNumberForRegistration is the rule for storing a number on a person:
//   - fnr and dnr are accepted;
//   - H- and FH-numbers are refused in every environment: they are help numbers inside the
//     health sector and never identify a person to a municipality;
//   - synthetic numbers are refused when environment === 'production' and accepted elsewhere
//     (test data and demos). Any environment name other than 'test' or 'development' gets the
//     production rule, so a typo fails closed.
//   Refusals use `person.identity_number_invalid` with a reason.
// Month + 40 is both the H-nummer pattern and NAV Dolly's test-number pattern. identity.ts
// accepts it as Dolly with `allowSynthetic`; registration here refuses it as an H-nummer in
// every environment, because an H-nummer keyed in a test environment must fail the same way it
// will in production, and Husly's own synthetic data uses Tenor numbers.
//
// Gender is never derived (RELIABILITY.md §6.1): no function here returns one; numbers issued
// from 2032 carry none, and gender is a separate Folkeregister field.

import { validateIdentityNumber, type IdentityKind } from './identity';

export type IdentityNumberType = 'fnr' | 'dnr' | 'hnr' | 'fhnr' | 'synthetic';
export type SyntheticScheme = 'tenor' | 'syntpop';

export type IdentityClassification =
  | { valid: true; type: 'fnr' | 'dnr'; value: string; birthDate: string }
  | { valid: true; type: 'synthetic'; scheme: SyntheticScheme; base: IdentityKind; value: string; birthDate: string }
  | { valid: true; type: 'hnr' | 'fhnr'; value: string }
  | { valid: false; problem: 'format' | 'checksum' | 'date' };

/** What kind of number `input` is (surrounding whitespace ignored), or why it is none. */
export function classifyIdentityNumber(input: string): IdentityClassification {
  // With allowSynthetic every synthetic scheme is recognised; type_not_allowed then means
  // an FH-nummer only, and month + 40 comes back as 'dolly', which is the H-nummer pattern.
  const result = validateIdentityNumber(input, { allowSynthetic: true });
  const value = input.trim();
  if (!result.ok) {
    switch (result.code) {
      case 'person_id.format':
        return { valid: false, problem: 'format' };
      case 'person_id.checksum_invalid':
        return { valid: false, problem: 'checksum' };
      case 'person_id.date_invalid':
        return { valid: false, problem: 'date' };
      case 'person_id.type_not_allowed':
        return { valid: true, type: 'fhnr', value };
      case 'person_id.test_number':
        // Cannot happen with allowSynthetic: true. If identity.ts ever changes, fail loudly.
        throw new Error('identity.ts reported a test number with synthetic numbers allowed');
    }
  }
  if (result.synthetic === 'dolly') return { valid: true, type: 'hnr', value };
  if (result.synthetic === false) return { valid: true, type: result.kind, value, birthDate: result.birthDate };
  return {
    valid: true,
    type: 'synthetic',
    scheme: result.synthetic,
    base: result.kind,
    value,
    birthDate: result.birthDate,
  };
}

export type Environment = 'production' | 'test' | 'development';

export type IdentityRefusal = 'format' | 'checksum' | 'date' | 'h_number' | 'fh_number' | 'synthetic_in_production';

export type RegistrationCheck =
  | { ok: true; value: string; type: 'fnr' | 'dnr'; synthetic: false | SyntheticScheme; birthDate: string }
  | { ok: false; code: 'person.identity_number_invalid'; reason: IdentityRefusal };

/** Whether `input` may be stored as a person's identity number in `environment`. */
export function validateIdentityNumberForRegistration(
  input: string,
  { environment }: { environment: Environment | string },
): RegistrationCheck {
  const refuse = (reason: IdentityRefusal) => ({ ok: false, code: 'person.identity_number_invalid', reason }) as const;
  const c = classifyIdentityNumber(input);
  if (!c.valid) return refuse(c.problem);
  switch (c.type) {
    case 'hnr':
      return refuse('h_number');
    case 'fhnr':
      return refuse('fh_number');
    case 'synthetic': {
      const production = environment !== 'test' && environment !== 'development';
      if (production) return refuse('synthetic_in_production');
      return { ok: true, value: c.value, type: c.base, synthetic: c.scheme, birthDate: c.birthDate };
    }
    default:
      return { ok: true, value: c.value, type: c.type, synthetic: false, birthDate: c.birthDate };
  }
}
