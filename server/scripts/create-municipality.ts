import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { migrateToLatest } from '../db/migrate';
import { withTenant } from '../db/tenant';
import { AppError } from '../http/errors';
import { hashPassword } from '../modules/auth/passwords';
import { createMunicipality } from '../modules/municipalities/municipalities.usecases';
import { openDatabaseFromEnv } from './cli-db';

// The platform administrator's act: register a municipality as a tenant with its first admin.
//   npm run platform:municipality -- --kommunenummer 1804 --language nb --admin-email a@bodo.kommune.no --admin-name "Kari Admin"
// The admin's initial password is printed once; they change it at first login (Min profil).
const { values } = parseArgs({
  options: {
    kommunenummer: { type: 'string' },
    language: { type: 'string', default: 'nb' },
    'admin-email': { type: 'string' },
    'admin-name': { type: 'string' },
    'unit-name': { type: 'string', default: 'Kommunedirektørens stab' },
  },
});
if (!values.kommunenummer || !values['admin-email'] || !values['admin-name'] || !['nb', 'nn'].includes(values.language!)) {
  console.error('Bruk: --kommunenummer NNNN --language nb|nn --admin-email E-POST --admin-name NAVN [--unit-name NAVN]');
  process.exit(2);
}

const { db } = await openDatabaseFromEnv();
try {
  await migrateToLatest(db.owner as never);
  const { tenantId } = await createMunicipality({
    db: db.app,
    input: { kommunenummer: values.kommunenummer, language: values.language as 'nb' | 'nn' },
  });
  const password = randomBytes(12).toString('base64url');
  await withTenant(db.app, { tenantId }, async (trx) => {
    const unit = await trx
      .insertInto('app.unit')
      .values({ tenant_id: tenantId, name: values['unit-name']!, kind: 'annet', parent_id: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    const user = await trx
      .insertInto('app.staff_user')
      .values({
        tenant_id: tenantId,
        email: values['admin-email']!.trim().toLowerCase(),
        display_name: values['admin-name']!,
        roles: ['admin'],
        password_hash: await hashPassword(password),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx.insertInto('app.staff_unit').values({ tenant_id: tenantId, user_id: user.id, unit_id: unit.id }).execute();
  });
  console.log(`Kommune ${values.kommunenummer} er opprettet. Førstegangspassord for ${values['admin-email']}: ${password}`);
} catch (error) {
  console.error(error instanceof AppError ? error.code : error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await db.close();
}
