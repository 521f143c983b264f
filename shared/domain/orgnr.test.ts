import { describe, expect, it } from 'vitest';
import { validateKontonummer, validateOrgnr } from './orgnr';

const KNOWN_ORGNR = {
  '974760673': 'Brønnøysundregistrene',
  '923609016': 'Equinor ASA',
  '971526920': 'Statistisk sentralbyrå',
  '889640782': 'Arbeids- og velferdsetaten (NAV)',
};

describe('validateOrgnr', () => {
  it.each(Object.entries(KNOWN_ORGNR))('accepts %s (%s)', (orgnr) => {
    expect(validateOrgnr(orgnr)).toEqual({ ok: true, orgnr });
  });

  it('accepts the grouped form people type and returns the nine digits', () => {
    expect(validateOrgnr(' 974 760 673 ')).toEqual({ ok: true, orgnr: '974760673' });
  });

  it('when any single digit is changed, the number fails with landlord.orgnr_invalid', () => {
    for (const orgnr of Object.keys(KNOWN_ORGNR)) {
      for (let i = 0; i < orgnr.length; i++) {
        for (let d = 0; d <= 9; d++) {
          if (String(d) === orgnr[i]) continue;
          const mutated = orgnr.slice(0, i) + String(d) + orgnr.slice(i + 1);
          expect(validateOrgnr(mutated), mutated).toEqual({
            ok: false,
            code: 'landlord.orgnr_invalid',
            reason: 'checksum',
          });
        }
      }
    }
  });

  it('when two neighbouring digits are swapped, the number fails', () => {
    expect(validateOrgnr('947760673').ok).toBe(false);
    expect(validateOrgnr('923609061').ok).toBe(false);
  });

  it('when the control computation gives 10, no control digit can make the number valid', () => {
    // 3·4 + 2·0 + … = 12 → r = 1 → 11 − 1 = 10.
    for (let d = 0; d <= 9; d++) expect(validateOrgnr(`40000000${d}`).ok, `40000000${d}`).toBe(false);
  });

  it('accepts control digit 0 when the weighted sum is divisible by 11 (11 → 0)', () => {
    // 3·0 + 2·0 + 7·0 + 6·0 + 5·0 + 4·0 + 3·0 + 2·0 = 0 → 11 → 0; a 9-digit all-zero number passes the checksum.
    expect(validateOrgnr('000000000')).toEqual({ ok: true, orgnr: '000000000' });
  });

  it('rejects wrong lengths, letters, dashes and non-ASCII digits as a format error', () => {
    for (const value of ['', '97476067', '9747606730', '97476067A', '974-760-673', '٩٧٤٧٦٠٦٧٣', 'NO974760673MVA']) {
      expect(validateOrgnr(value), value).toEqual({ ok: false, code: 'landlord.orgnr_invalid', reason: 'format' });
    }
  });
});

describe('validateKontonummer', () => {
  it('accepts a valid account number, with or without the 4.2.5 grouping', () => {
    expect(validateKontonummer('12345678903')).toEqual({ ok: true, kontonummer: '12345678903' });
    expect(validateKontonummer('1234.56.78903')).toEqual({ ok: true, kontonummer: '12345678903' });
    expect(validateKontonummer('1234 56 78903')).toEqual({ ok: true, kontonummer: '12345678903' });
  });

  it('when any single digit is changed, the number fails with landlord.account_invalid', () => {
    const valid = '12345678903';
    for (let i = 0; i < valid.length; i++) {
      for (let d = 0; d <= 9; d++) {
        if (String(d) === valid[i]) continue;
        const mutated = valid.slice(0, i) + String(d) + valid.slice(i + 1);
        expect(validateKontonummer(mutated), mutated).toEqual({
          ok: false,
          code: 'landlord.account_invalid',
          reason: 'checksum',
        });
      }
    }
  });

  it('uses the account weights, not the organisation-number weights', () => {
    // 0000000001 → 2·1 = 2 → control 9; under weights 3 2 7 … it would differ.
    expect(validateKontonummer('00000000019').ok).toBe(true);
  });

  it('rejects wrong lengths, letters and IBAN form as a format error', () => {
    for (const value of ['', '1234567890', '123456789030', '1234567890X', 'NO9312345678903']) {
      expect(validateKontonummer(value), value).toEqual({
        ok: false,
        code: 'landlord.account_invalid',
        reason: 'format',
      });
    }
  });
});
