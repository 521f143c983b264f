import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { withTenant } from '../db/tenant';
import { hashPassword } from '../modules/auth/passwords';
import { createMunicipality } from '../modules/municipalities/municipalities.usecases';
import type { StaffRole } from '../../shared/domain/roles';

export const TEST_PASSWORD = 'riktig-passord-123';
let passwordHash: Promise<string> | undefined;

export type TenantFixture = {
  tenantId: string;
  unitId: string;
  /** One staff member per requested role (default: admin and bosetter). */
  users: Record<StaffRole, { id: string; email: string }>;
};

/** A municipality with one unit, an admin and a settlement worker — readable, small, real rows. */
export async function createTenantFixture(
  db: Kysely<DB>,
  {
    kommunenummer,
    slug,
    roles = ['admin', 'bosetter'],
  }: { kommunenummer: string; slug: string; roles?: readonly StaffRole[] },
): Promise<TenantFixture> {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const hash = await passwordHash;
  const { tenantId } = await createMunicipality({ db, input: { kommunenummer, language: 'nb' } });
  return withTenant(db, { tenantId }, async (trx) => {
    const unit = await trx
      .insertInto('app.unit')
      .values({ tenant_id: tenantId, name: 'Flyktningtjenesten', kind: 'flyktningtjeneste', parent_id: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    const users = {} as TenantFixture['users'];
    for (const role of roles) {
      const email = `${role}@${slug}.kommune.example`;
      const user = await trx
        .insertInto('app.staff_user')
        .values({ tenant_id: tenantId, email, display_name: `Test ${role}`, roles: [role], password_hash: hash })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx.insertInto('app.staff_unit').values({ tenant_id: tenantId, user_id: user.id, unit_id: unit.id }).execute();
      users[role] = { id: user.id, email };
    }
    return { tenantId, unitId: unit.id, users };
  });
}
