import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import { withTenant } from '../../db/tenant';
import { injectAs, type LoggedIn } from '../../test/app';
import { tableColumnSum, tableRowCount } from '../../test/database';

// Readable fixtures for the lease and landlord tests: real rows, inserted as the app role under
// row-level security (the dwellings module's own API is another slice's and is not needed here).

let counter = 0;
const next = () => `${Date.now().toString(36).slice(-5)}${(counter++).toString(36)}`;

export async function insertDwelling(
  db: Kysely<DB>,
  tenantId: string,
  values: { disposalForm?: 'municipal' | 'private_sublet' | 'municipal_company'; status?: 'ready' | 'disposed' | 'vacant'; street?: string } = {},
): Promise<string> {
  return withTenant(db, { tenantId }, async (trx) => {
    const row = await trx
      .insertInto('app.dwelling')
      .values({
        tenant_id: tenantId,
        reference: `B-${next()}`,
        street: values.street ?? 'Storgata 1',
        postnummer: '6413',
        kommunenummer: '1506',
        type: 'flat',
        rooms: 3,
        bedrooms: 2,
        capacity: 4,
        disposal_form: values.disposalForm ?? 'municipal',
        status: values.status ?? 'ready',
      } as never)
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  });
}

export async function insertLandlord(db: Kysely<DB>, tenantId: string, name = 'Fjordutleie AS'): Promise<string> {
  return withTenant(db, { tenantId }, async (trx) => {
    const row = await trx
      .insertInto('app.landlord')
      .values({ tenant_id: tenantId, party_kind: 'person', name })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  });
}

export async function insertPerson(db: Kysely<DB>, tenantId: string, fullName = 'Amina Haile'): Promise<string> {
  return withTenant(db, { tenantId }, async (trx) => {
    const row = await trx.insertInto('app.person').values({ tenant_id: tenantId, full_name: fullName }).returning('id').executeTakeFirstOrThrow();
    return row.id;
  });
}

/** Row counts of everything a lease request may write, to assert that a refusal wrote nothing. */
export async function leaseWrites(db: Kysely<DB>, tenantId: string) {
  return withTenant(db, { tenantId }, async (trx) => {
    const count = (table: string) => tableRowCount(trx, table);
    return {
      lease: await count('app.lease'),
      person: await count('app.person'),
      needs_assessment: await count('app.needs_assessment'),
      lease_renewal: await count('app.lease_renewal'),
      move_out_inspection: await count('app.move_out_inspection'),
      dwelling_status_event: await count('app.dwelling_status_event'),
      landlord: await count('app.landlord'),
      landlord_incident: await count('app.landlord_incident'),
      lease_versions: await tableColumnSum(trx, 'version', 'app.lease'),
    };
  });
}

export function api(app: FastifyInstance, session: LoggedIn) {
  return (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown, headers: Record<string, string> = {}) =>
    injectAs(app, session, method, url, payload, headers);
}
