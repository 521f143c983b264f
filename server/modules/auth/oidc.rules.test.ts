import { describe, expect, it } from 'vitest';
import { acrSatisfies, tenantAllowed } from './oidc.rules';

describe('acrSatisfies (ID-porten levels of assurance)', () => {
  it.each([
    ['idporten-loa-substantial', 'idporten-loa-substantial', true],
    ['idporten-loa-substantial', 'idporten-loa-high', true],
    ['idporten-loa-high', 'idporten-loa-high', true],
    ['idporten-loa-high', 'idporten-loa-substantial', false],
    ['idporten-loa-substantial', 'idporten-loa-low', false],
    ['idporten-loa-substantial', 'Level4', false],
    ['idporten-loa-substantial', 'IDPORTEN-LOA-HIGH', false],
    ['idporten-loa-substantial', '', false],
    ['idporten-loa-substantial', undefined, false],
    ['idporten-loa-substantial', ['idporten-loa-high'], false],
  ] as const)('when %s is required, acr %j is accepted: %s', (required, acr, expected) => {
    expect(acrSatisfies(required, acr)).toBe(expected);
  });
});

describe('tenantAllowed (Entra tid allow-list)', () => {
  const allowed = ['3f6c1d2e-8a4b-4c5d-9e0f-1a2b3c4d5e6f'];

  it('accepts an allow-listed directory, whatever the letter case', () => {
    expect(tenantAllowed(allowed, '3f6c1d2e-8a4b-4c5d-9e0f-1a2b3c4d5e6f')).toBe(true);
    expect(tenantAllowed(allowed, '3F6C1D2E-8A4B-4C5D-9E0F-1A2B3C4D5E6F')).toBe(true);
  });

  it('refuses another directory, a missing tid and anything that is not a string', () => {
    expect(tenantAllowed(allowed, '9b8a7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d')).toBe(false);
    expect(tenantAllowed(allowed, undefined)).toBe(false);
    expect(tenantAllowed(allowed, '')).toBe(false);
    expect(tenantAllowed(allowed, allowed)).toBe(false);
  });
});
