import { describe, expect, it } from 'vitest';
import { parseEnv } from '../../env';

const entra = {
  id: 'molde-entra',
  kind: 'entra',
  label: 'Microsoft Entra ID',
  issuer: 'https://login.microsoftonline.com/3f6c1d2e-8a4b-4c5d-9e0f-1a2b3c4d5e6f/v2.0',
  clientId: '00000000-0000-0000-0000-000000000001',
  clientSecret: 'client-secret',
  allowedTenantIds: ['3f6c1d2e-8a4b-4c5d-9e0f-1a2b3c4d5e6f'],
};
const idporten = {
  id: 'idporten',
  kind: 'idporten',
  label: 'ID-porten',
  issuer: 'https://idporten.no',
  clientId: 'husly-client',
  requiredAcr: 'idporten-loa-substantial',
};
const production = {
  NODE_ENV: 'production',
  HUSLY_PUBLIC_URL: 'https://husly.molde.kommune.example',
  HUSLY_SECRET: 'x'.repeat(32),
};

const parse = (providers: unknown, extra: Record<string, string> = {}) =>
  parseEnv({ NODE_ENV: 'test', OIDC_PROVIDERS: JSON.stringify(providers), ...extra });

describe('OIDC_PROVIDERS', () => {
  it('absent means no OIDC login', () => {
    expect(parseEnv({ NODE_ENV: 'test' }).OIDC_PROVIDERS).toEqual([]);
  });

  it('accepts Entra and ID-porten providers', () => {
    expect(parse([entra, idporten]).OIDC_PROVIDERS.map((p) => p.id)).toEqual(['molde-entra', 'idporten']);
  });

  it.each([
    ['not JSON', 'not json', /OIDC_PROVIDERS: must be a JSON array/],
    [
      'Entra without allowedTenantIds',
      JSON.stringify([{ ...entra, allowedTenantIds: undefined }]),
      /allowedTenantIds: required for kind entra/,
    ],
    [
      'ID-porten without requiredAcr',
      JSON.stringify([{ ...idporten, requiredAcr: undefined }]),
      /requiredAcr: required for kind idporten/,
    ],
    ['an unknown level', JSON.stringify([{ ...idporten, requiredAcr: 'idporten-loa-low' }]), /requiredAcr/],
    [
      'requiredAcr on Entra',
      JSON.stringify([{ ...entra, requiredAcr: 'idporten-loa-high' }]),
      /only for kind idporten/,
    ],
    ['a misspelt key', JSON.stringify([{ ...entra, allowedTenantId: ['x'] }]), /allowedTenantId/],
    ['a tid that is not a GUID', JSON.stringify([{ ...entra, allowedTenantIds: ['molde'] }]), /allowedTenantIds/],
    ['scopes without openid', JSON.stringify([{ ...entra, scopes: 'profile email' }]), /must include openid/],
    ['two providers with one id', JSON.stringify([idporten, idporten]), /unique/],
    ['an id that is not a slug', JSON.stringify([{ ...idporten, id: 'ID porten' }]), /id/],
  ])('refuses %s', (_name, value, message) => {
    expect(() => parseEnv({ NODE_ENV: 'test', OIDC_PROVIDERS: value })).toThrow(message);
  });

  it('never prints a client secret when refusing the configuration', () => {
    let message = '';
    try {
      parse([{ ...entra, allowedTenantIds: undefined, clientSecret: 'super-secret-value' }]);
    } catch (error) {
      message = String(error);
    }
    expect(message).toContain('allowedTenantIds');
    expect(message).not.toContain('super-secret-value');
  });
});

describe('HUSLY_PUBLIC_URL and HUSLY_SECRET', () => {
  it('default to http://localhost:PORT and a random per-process secret outside production', () => {
    const env = parseEnv({ NODE_ENV: 'development', PORT: '4000' });
    expect(env.HUSLY_PUBLIC_URL).toBe('http://localhost:4000');
    expect(env.HUSLY_SECRET.length).toBeGreaterThanOrEqual(32);
    expect(parseEnv({ NODE_ENV: 'development' }).HUSLY_SECRET).toBe(env.HUSLY_SECRET);
  });

  it('drop a trailing slash from the public URL', () => {
    expect(parseEnv({ HUSLY_PUBLIC_URL: 'https://husly.example/' }).HUSLY_PUBLIC_URL).toBe('https://husly.example');
  });

  it('refuse a secret shorter than 32 characters', () => {
    expect(() => parseEnv({ HUSLY_SECRET: 'short' })).toThrow(/HUSLY_SECRET/);
  });

  it('in production with providers: require a secret, an https public URL and https issuers', () => {
    expect(parse([entra, idporten], production).OIDC_PROVIDERS).toHaveLength(2);
    const { HUSLY_SECRET: _secret, ...withoutSecret } = production;
    expect(() => parse([entra], withoutSecret)).toThrow(/HUSLY_SECRET: required in production/);
    expect(() => parse([entra], { ...production, HUSLY_PUBLIC_URL: 'http://husly.example' })).toThrow(
      /HUSLY_PUBLIC_URL/,
    );
    expect(() => parse([{ ...entra, issuer: 'http://login.example' }], production)).toThrow(
      /must be https in production/,
    );
  });

  it('in production without providers: no secret needed', () => {
    expect(() => parseEnv({ NODE_ENV: 'production' })).not.toThrow();
  });
});
