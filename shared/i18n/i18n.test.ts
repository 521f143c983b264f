import { describe, expect, it } from 'vitest';
import { allErrorCodes } from '../errors';
import { en } from './en';
import { auditActions } from '../api/audit';
import { purposes } from '../domain/purposes';
import { staffRoles } from '../domain/roles';
import {
  clientErrorCodes,
  codeLabel,
  errorMessage,
  fieldProblemCodes,
  formatDate,
  formatDateTime,
  formatMoneyOre,
  formatNumber,
  genericValidationCodes,
  languages,
  translate,
} from './index';
import { nb } from './nb';
import { nn } from './nn';

const NBSP = '\u00a0';

function leaves(node: unknown, prefix = ''): Array<[string, unknown]> {
  if (typeof node !== 'object' || node === null) return [[prefix, node]];
  return Object.entries(node).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k));
}

function lookup(dict: unknown, path: string[]): unknown {
  return path.reduce<unknown>(
    (node, part) => (typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[part] : undefined),
    dict,
  );
}

describe('dictionaries', () => {
  const nbLeaves = leaves(nb);
  // Error keys contain dots themselves, so walk the two halves separately.
  const keyPaths = (dict: unknown) =>
    Object.entries(dict as Record<string, unknown>).flatMap(([top, value]) =>
      top === 'errors'
        ? Object.keys(value as object).map((code) => ['errors', code])
        : leaves(value).map(([p]) => [top, ...p.split('.')]),
    );

  it('every nb text is a non-empty string', () => {
    for (const [key, value] of nbLeaves) {
      expect(typeof value, key).toBe('string');
      expect((value as string).trim(), key).not.toBe('');
    }
  });

  for (const [name, dict] of [
    ['nn', nn],
    ['en', en],
  ] as const) {
    it(`every nb key exists and is non-empty in ${name}`, () => {
      for (const path of keyPaths(nb)) {
        const value = lookup(dict, path);
        expect(typeof value, path.join('.')).toBe('string');
        expect((value as string).trim(), path.join('.')).not.toBe('');
      }
    });

    it(`${name} has no keys that nb lacks`, () => {
      for (const path of keyPaths(dict)) {
        expect(lookup(nb, path), path.join('.')).toBeTypeOf('string');
      }
    });

    it(`${name} uses the same {placeholders} as nb`, () => {
      for (const path of keyPaths(nb)) {
        const placeholders = (s: unknown) => [...String(s).matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
        expect(placeholders(lookup(dict, path)), path.join('.')).toEqual(placeholders(lookup(nb, path)));
      }
    });
  }

  it('nynorsk is not a copy of bokmål', () => {
    expect(nn.nav.settlement).toBe('Busetjing');
    expect(nn.nav.dwellings).toBe('Bustader');
    expect(nn.nav.households).toBe('Hushald');
    expect(nn.nav.units).toBe('Einingar');
    expect(nn.errors['auth.forbidden']).toContain('ikkje');
    expect(nn.nav.users).toBe('Brukarar');
    expect(nn.nav.auditLog).toBe('Hendingslogg');
    expect(nn.auditActions.display).toBe('Vising');
  });
});

describe('errorMessage', () => {
  const codes = [...allErrorCodes, ...fieldProblemCodes, ...genericValidationCodes, ...clientErrorCodes];

  for (const lang of languages) {
    it(`when the language is ${lang}, every error code has its own text`, () => {
      const unknown = errorMessage(lang, 'no.such_code');
      for (const code of codes) {
        const text = errorMessage(lang, code);
        expect(text.trim(), code).not.toBe('');
        expect(text, code).not.toBe(unknown);
      }
    });
  }

  it('an unknown code gets a generic text, never the raw code', () => {
    expect(errorMessage('nb', 'no.such_code')).toBe(nb.errors.unknown);
    expect(errorMessage('nb', 'toString')).toBe(nb.errors.unknown);
  });

  it('translates the login failures', () => {
    expect(errorMessage('nb', 'auth.invalid_credentials')).toBe('Feil e-postadresse eller passord.');
    expect(errorMessage('nn', 'auth.locked')).toMatch(/mislukka/);
    expect(errorMessage('en', 'auth.locked')).toMatch(/Too many/);
  });
});

describe('codeLabel', () => {
  it('the audit actions have the agreed Norwegian names', () => {
    expect(auditActions.map((a) => codeLabel('nb', 'auditActions', a))).toEqual([
      'Visning',
      'Oppretting',
      'Endring',
      'Deaktivering',
      'Eksport',
      'Innlogging',
      'Mislykket innlogging',
      'Utlogging',
      'Passordbytte',
      'Import',
      'Anonymisering',
    ]);
  });

  for (const lang of languages) {
    it(`in ${lang}, every role, action and purpose has its own text`, () => {
      for (const [group, codes] of [
        ['roles', staffRoles],
        ['auditActions', auditActions],
        ['purposes', purposes],
      ] as const) {
        for (const code of codes) {
          const text = codeLabel(lang, group, code);
          expect(text, `${group}.${code}`).not.toBe(code);
          expect(text.trim(), `${group}.${code}`).not.toBe('');
        }
      }
    });
  }

  it('translates entities, and shows a code it does not know as it is', () => {
    expect(codeLabel('nn', 'entities', 'staff_user')).toBe('Brukar');
    expect(codeLabel('nb', 'roles', 'astronaut')).toBe('astronaut');
    expect(codeLabel('nb', 'purposes', 'toString')).toBe('toString');
  });
});

describe('translate', () => {
  it('looks up dot paths per language', () => {
    expect(translate('nb', 'nav.settlement')).toBe('Bosetting');
    expect(translate('nn', 'nav.settlement')).toBe('Busetjing');
    expect(translate('en', 'nav.settlement')).toBe('Settlement');
  });

  it('fills in parameters and formats numbers nb-NO whatever the language', () => {
    expect(translate('en', 'layout.municipality', { name: 'Molde', kommunenummer: '1506' })).toBe(
      'Molde (municipality no. 1506)',
    );
    expect(translate('en', 'units.create.success', { name: 12345 })).toBe(`The unit “12${NBSP}345” has been created.`);
  });

  it('leaves an unknown placeholder visible instead of dropping it', () => {
    expect(translate('nb', 'units.create.success')).toBe('Enheten «{name}» er opprettet.');
  });
});

describe('formatting (always nb-NO, Europe/Oslo)', () => {
  it('formats 1234567 as "1 234 567" with non-breaking spaces', () => {
    expect(formatNumber(1234567)).toBe(`1${NBSP}234${NBSP}567`);
  });

  it('formats a calendar date as dd.mm.yyyy without shifting the day', () => {
    expect(formatDate('2026-11-21')).toBe('21.11.2026');
    expect(formatDate('2026-01-01')).toBe('01.01.2026');
  });

  it('formats an instant as the date it was in Oslo', () => {
    expect(formatDate(new Date('2026-11-21T12:00:00Z'))).toBe('21.11.2026');
    // 23:30 UTC on 21 November is 00:30 on 22 November in Oslo (CET, UTC+1).
    expect(formatDate('2026-11-21T23:30:00Z')).toBe('22.11.2026');
    // 22:30 UTC on 30 June is 00:30 on 1 July in Oslo (CEST, UTC+2).
    expect(formatDate('2026-06-30T22:30:00.000Z')).toBe('01.07.2026');
  });

  it('returns an unparseable date string unchanged', () => {
    expect(formatDate('not a date')).toBe('not a date');
    expect(formatDateTime('not a date')).toBe('not a date');
  });

  it('formats an instant with the time of day it was in Oslo, to the second', () => {
    expect(formatDateTime('2026-11-21T23:30:05Z')).toBe('22.11.2026, 00:30:05');
    expect(formatDateTime(new Date('2026-06-30T22:30:00.000Z'))).toBe('01.07.2026, 00:30:00');
  });

  it('formats øre as kroner exactly', () => {
    expect(formatMoneyOre(123450)).toBe(`1${NBSP}234,50${NBSP}kr`);
    expect(formatMoneyOre(5)).toBe(`0,05${NBSP}kr`);
    expect(formatMoneyOre(900719925474099)).toBe(`9${NBSP}007${NBSP}199${NBSP}254${NBSP}740,99${NBSP}kr`);
    expect(formatMoneyOre(-1005)).toMatch(/^[-\u2212]10,05\u00a0kr$/);
    expect(() => formatMoneyOre(1.5)).toThrow(RangeError);
  });
});
