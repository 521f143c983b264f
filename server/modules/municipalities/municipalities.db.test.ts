import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/database';
import { withTenant } from '../../db/tenant';
import { seedDemo } from '../../seed';
import { AppError } from '../../http/errors';
import { createMunicipality } from './municipalities.usecases';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.destroy());

describe('municipalities as tenants', () => {
  it('accepts a kommunenummer from the current SSB classification and takes its official name', async () => {
    const { tenantId } = await createMunicipality({ db: db.app, input: { kommunenummer: '4602', language: 'nn' } });
    const row = await withTenant(db.app, { tenantId }, (trx) =>
      trx.selectFrom('app.municipality').select(['name', 'language']).executeTakeFirstOrThrow(),
    );
    expect(row).toEqual({ name: 'Kinn', language: 'nn' });
  });

  it.each([
    ['9999', 'not in the classification'],
    ['1401', 'Flora, merged into Kinn in 2020'],
    ['0101', 'Halden before the 2020 reform'],
    ['301', 'too short'],
  ])('refuses %s (%s) with municipality.kommunenummer_invalid', async (kommunenummer) => {
    const error = await createMunicipality({ db: db.app, input: { kommunenummer, language: 'nb' } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('municipality.kommunenummer_invalid');
  });

  it('refuses the same municipality twice', async () => {
    await createMunicipality({ db: db.app, input: { kommunenummer: '1875', language: 'nb' } });
    const error = await createMunicipality({ db: db.app, input: { kommunenummer: '1875', language: 'nb' } }).catch((e: unknown) => e);
    expect((error as { constraint?: string }).constraint).toBe('municipality_kommunenummer_key');
  });
});

describe('the demo seed', () => {
  it('creates the synthetic demo municipality once and is idempotent', async () => {
    const first = await seedDemo({ db: db.app, password: 'husly-demo' });
    expect(first.created).toBe(true);
    expect(first.logins.length).toBeGreaterThanOrEqual(8);
    expect(first.logins.every((l) => l.email.endsWith('.example'))).toBe(true);
    const second = await seedDemo({ db: db.app, password: 'husly-demo' });
    expect(second.created).toBe(false);
    expect(second.logins).toEqual(first.logins);
  });
});
