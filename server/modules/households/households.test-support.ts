import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { BirthDatePrecision } from '../../../shared/domain/birth-date';
import type { PipelineState } from '../../../shared/domain/pipeline';
import { nameSearchKey } from '../../../shared/domain/person-names';
import type { DB } from '../../db/schema';
import { withTenant } from '../../db/tenant';
import type { LoggedIn } from '../../test/app';
import { tableColumnSum, tableRowCount } from '../../test/database';

// Readable fixtures for the household and pipeline tests: real rows inserted as the app role under
// row-level security. Persons are inserted directly (the persons module registers them through
// the API); households in a given pipeline state are inserted with the columns that state needs.

let counter = 0;
const next = () => `${Date.now().toString(36).slice(-5)}${(counter++).toString(36)}`;

export type TestPerson = {
  fullName?: string;
  transliteration?: string | null;
  birthDate?: string | null;
  precision?: BirthDatePrecision;
  identityNumber?: string | null;
  dufNumber?: string | null;
  residencePermitDate?: string | null;
  arrivalDate?: string | null;
};

export async function insertTestPerson(db: Kysely<DB>, tenantId: string, p: TestPerson = {}): Promise<string> {
  const fullName = p.fullName ?? 'Amina Haile';
  const transliteration = p.transliteration ?? null;
  return withTenant(db, { tenantId }, async (trx) => {
    const row = await trx
      .insertInto('app.person')
      .values({
        tenant_id: tenantId,
        full_name: fullName,
        transliteration,
        name_search: nameSearchKey(transliteration ? `${fullName} ${transliteration}` : fullName),
        // A year-only birth date is stored as 1 January of that year (birth-date.ts).
        birth_date: p.birthDate ? (/^[0-9]{4}$/.test(p.birthDate) ? `${p.birthDate}-01-01` : p.birthDate) : null,
        birth_date_precision: p.birthDate ? (p.precision ?? 'exact') : null,
        identity_number: p.identityNumber ?? null,
        duf_number: p.dufNumber ?? null,
        residence_permit_date: p.residencePermitDate ?? null,
        arrival_date: p.arrivalDate ?? null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  });
}

/** A dwelling with its first status event, as the dwellings module registers one. */
export async function insertTestDwelling(
  db: Kysely<DB>,
  tenantId: string,
  {
    status = 'ready',
    type = 'flat',
  }: {
    status?: 'ready' | 'vacant' | 'let' | 'renovation' | 'reserved';
    type?: 'flat' | 'shared_housing' | 'shared_room';
  } = {},
): Promise<string> {
  return withTenant(db, { tenantId }, async (trx) => {
    const row = await trx
      .insertInto('app.dwelling')
      .values({
        tenant_id: tenantId,
        reference: `B-${next()}`,
        street: 'Fjordgata 4',
        postnummer: '6413',
        kommunenummer: '1506',
        type,
        rooms: 4,
        bedrooms: 3,
        capacity: 6,
        disposal_form: 'municipal',
        status,
        status_since: '2026-01-01',
      } as never)
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('app.dwelling_status_event')
      .values({ tenant_id: tenantId, dwelling_id: row.id, status, valid_from: '2026-01-01', source: 'user', changed_by: null })
      .execute();
    return row.id;
  });
}

export async function dwellingStatus(db: Kysely<DB>, tenantId: string, id: string): Promise<string> {
  return withTenant(db, { tenantId }, async (trx) =>
    (await trx.selectFrom('app.dwelling').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status,
  );
}

/**
 * A household inserted directly in `state` with one adult main person, and what that state
 * requires: a reserved dwelling in the reserved states (the dwelling's status 'reserved'), a
 * settlement date (and arrival) in the settled ones. Returns ids.
 */
export async function insertHouseholdInState(
  db: Kysely<DB>,
  { tenantId, unitId }: { tenantId: string; unitId: string },
  state: PipelineState,
  extra: { category?: 'resettlement_refugee' | 'unaccompanied_minor'; permitDate?: string | null; settlementDate?: string } = {},
): Promise<{ id: string; personId: string; dwellingId: string | null; reference: string }> {
  const personId = await insertTestPerson(db, tenantId, { fullName: `Person ${next()}`, birthDate: '1990-05-05' });
  const reserved = ['dwelling_reserved', 'ready_to_move_in', 'settled', 'moved_on', 'moved_away'].includes(state);
  const dwellingId = reserved ? await insertTestDwelling(db, tenantId, { status: 'ready' }) : null;
  const settled = ['settled', 'moved_on', 'moved_away'].includes(state);
  const reference = `H-T-${next()}`;
  return withTenant(db, { tenantId }, async (trx) => {
    if (dwellingId) {
      await trx.updateTable('app.dwelling').set({ status: 'reserved' }).where('id', '=', dwellingId).execute();
      await trx
        .insertInto('app.dwelling_status_event')
        .values({ tenant_id: tenantId, dwelling_id: dwellingId, status: 'reserved', valid_from: '2026-02-01', source: 'user', changed_by: null })
        .execute();
    }
    const settlementDate = extra.settlementDate ?? '2026-10-01';
    const row = await trx
      .insertInto('app.household')
      .values({
        tenant_id: tenantId,
        reference,
        category: extra.category ?? 'resettlement_refugee',
        responsible_unit_id: unitId,
        pipeline_state: state,
        proposed_on: '2026-06-01',
        residence_permit_date: extra.permitDate === undefined ? '2026-06-01' : extra.permitDate,
        reserved_dwelling_id: dwellingId,
        arrival_date: settled ? settlementDate : null,
        settlement_date: settled ? settlementDate : null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('app.household_member')
      .values({ tenant_id: tenantId, household_id: row.id, person_id: personId, relation: 'main', joined_on: null })
      .execute();
    await trx
      .insertInto('app.pipeline_event')
      .values({
        tenant_id: tenantId,
        household_id: row.id,
        from_state: null,
        to_state: state,
        effective_on: '2026-06-01',
        occurred_at: new Date('2026-06-01T10:00:00Z'),
      })
      .execute();
    return { id: row.id, personId, dwellingId, reference };
  });
}

/** Row counts and version sums of everything a household request may write. */
export async function householdWrites(db: Kysely<DB>, tenantId: string) {
  return withTenant(db, { tenantId }, async (trx) => {
    const count = (table: string) => tableRowCount(trx, table);
    const sum = (column: string, table: string) => tableColumnSum(trx, column, table);
    return {
      household: await count('app.household'),
      household_versions: await sum('version', 'app.household'),
      household_member: await count('app.household_member'),
      pipeline_event: await count('app.pipeline_event'),
      person: await count('app.person'),
      person_versions: await sum('version', 'app.person'),
      dwelling_status_event: await count('app.dwelling_status_event'),
      audit_log: await count('app.audit_log'),
    };
  });
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT';

/** A request as a signed-in staff member (with its CSRF token). */
export function api(app: () => FastifyInstance, session: LoggedIn) {
  return (method: Method, url: string, payload?: unknown, headers: Record<string, string> = {}) =>
    app().inject({
      method,
      url,
      headers: { cookie: session.cookie, 'x-csrf-token': session.csrf, ...headers },
      ...(payload !== undefined ? { payload: payload as object } : {}),
    });
}
