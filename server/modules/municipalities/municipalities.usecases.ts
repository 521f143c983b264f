import { sql, type Kysely } from 'kysely';
import type { OverviewResponse } from '../../../shared/api/overview';
import { findKommune } from '../../../shared/domain/kommuner';
import type { AdministrativeLanguage } from '../../../shared/domain/units';
import type { DB } from '../../db/schema';
import { withPlatform, withTenant } from '../../db/tenant';
import { appError } from '../../http/errors';
import type { Actor } from '../auth/actor';

/**
 * A platform act: registers a municipality as a tenant. The kommunenummer must be in SSB's
 * current classification (shared/domain/kommuner.ts).
 */
export async function createMunicipality({
  db,
  input,
}: {
  db: Kysely<DB>;
  input: { kommunenummer: string; name?: string; language: AdministrativeLanguage };
}): Promise<{ tenantId: string }> {
  const kommune = findKommune(input.kommunenummer);
  if (!kommune) {
    throw appError('municipality.kommunenummer_invalid', {
      errors: [{ pointer: '/kommunenummer', code: 'municipality.kommunenummer_invalid' }],
    });
  }
  return withPlatform(db, async (trx) => {
    const row = await trx
      .insertInto('app.municipality')
      .values({ kommunenummer: kommune.nummer, name: input.name ?? kommune.navn, language: input.language })
      .returning('tenant_id')
      .executeTakeFirstOrThrow();
    return { tenantId: row.tenant_id };
  });
}

export function findMunicipalityByNumber(db: Kysely<DB>, kommunenummer: string) {
  return withPlatform(db, (trx) =>
    trx.selectFrom('app.municipality').select(['tenant_id', 'name']).where('kommunenummer', '=', kommunenummer).executeTakeFirst(),
  );
}

export function overview(actor: Actor, { db }: { db: Kysely<DB> }): Promise<OverviewResponse> {
  return withTenant(db, actor, async (trx) => {
    const municipality = await trx
      .selectFrom('app.municipality')
      .select(['kommunenummer', 'name', 'language', 'created_at'])
      .executeTakeFirstOrThrow();
    const counts = await trx
      .selectNoFrom([
        sql<number>`(select count(*)::int from app.unit)`.as('units'),
        sql<number>`(select count(*)::int from app.staff_user where active)`.as('staff'),
      ])
      .executeTakeFirstOrThrow();
    return {
      municipality: {
        kommunenummer: municipality.kommunenummer,
        name: municipality.name,
        language: municipality.language,
        createdAt: municipality.created_at.toISOString(),
      },
      unitCount: counts.units,
      staffCount: counts.staff,
    };
  });
}
