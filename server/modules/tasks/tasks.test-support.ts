import { Writable } from 'node:stream';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { DB } from '../../db/schema';
import { withTenant } from '../../db/tenant';
import { createLogger } from '../../http/logging';

// Rows for the tasks tests, inserted directly (readable, small, real rows): the dwelling and lease
// use cases belong to other modules, and the scheduler only needs the rows.

let counter = 0;
const next = () => `${Date.now().toString(36)}${(counter++).toString(36)}`.toUpperCase();

export async function insertDwelling(
  db: Kysely<DB>,
  tenantId: string,
  values: { disposingUnitId?: string | null; status?: string; statusSince?: string; reference?: string } = {},
): Promise<{ id: string; reference: string }> {
  const reference = values.reference ?? `B-${next()}`;
  return withTenant(db, { tenantId }, async (trx) => {
    const row = await trx
      .insertInto('app.dwelling')
      .values({
        tenant_id: tenantId,
        reference,
        building_id: null,
        parent_id: null,
        street: 'Storgata 1',
        postnummer: '8006',
        kommunenummer: '1804',
        gnr: null,
        bnr: null,
        fnr: null,
        snr: null,
        bruksenhetsnummer: null,
        type: 'flat',
        rooms: 3,
        bedrooms: 2,
        area_m2: 60,
        capacity: 4,
        floor: 1,
        walk_min_school: null,
        walk_min_kindergarten: null,
        walk_min_bus_stop: null,
        walk_min_shop: null,
        walk_min_centre: null,
        walk_min_intro_programme: null,
        disposal_form: 'municipal',
        disposing_unit_id: values.disposingUnitId ?? null,
        rent_ore: 900_000,
        market_rent_ore: null,
        husbanken_grant_percent: null,
        acquisition_method: null,
        acquisition_date: null,
        ...(values.status ? { status: values.status } : {}),
        ...(values.statusSince ? { status_since: values.statusSince } : {}),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return { id: row.id, reference };
  });
}

export async function insertLandlord(db: Kysely<DB>, tenantId: string): Promise<string> {
  return withTenant(db, { tenantId }, async (trx) => {
    const row = await trx
      .insertInto('app.landlord')
      .values({
        tenant_id: tenantId,
        party_kind: 'company',
        name: 'Utleie AS',
        orgnr: '923609016',
        kontonummer: null,
        contact_user_id: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  });
}

/** A person whose name the tests look for in mails and feeds (it must never appear there). */
export const TENANT_NAME = 'Amina Haile Testesen';

export async function insertPerson(db: Kysely<DB>, tenantId: string): Promise<string> {
  return withTenant(db, { tenantId }, async (trx) => {
    const row = await trx
      .insertInto('app.person')
      .values({ tenant_id: tenantId, full_name: TENANT_NAME, birth_date: null, identity_number: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  });
}

export async function insertLease(
  db: Kysely<DB>,
  tenantId: string,
  values: {
    dwellingId: string;
    kind?: 'head' | 'sub' | 'direct';
    start: string;
    end: string | null;
    headLeaseId?: string | null;
    landlordId?: string | null;
    personId?: string | null;
    responsibleUnitId?: string | null;
    signedByUserId?: string | null;
    reference?: string;
  },
): Promise<{ id: string; reference: string }> {
  const reference = values.reference ?? `K-${next()}`;
  return withTenant(db, { tenantId }, async (trx) => {
    const row = await trx
      .insertInto('app.lease')
      .values({
        tenant_id: tenantId,
        reference,
        kind: values.kind ?? 'direct',
        dwelling_id: values.dwellingId,
        head_lease_id: values.headLeaseId ?? null,
        landlord_id: values.landlordId ?? null,
        tenant_person_id: values.personId ?? null,
        responsible_unit_id: values.responsibleUnitId ?? null,
        start_date: values.start,
        end_date: values.end,
        terminated_on: null,
        legal_basis: values.end === null ? 'open_ended' : 'hl_9_3',
        rent_ore: 900_000,
        signed_by_user_id: values.signedByUserId ?? null,
        signed_on: null,
        notice_given_on: null,
        termination_reason: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return { id: row.id, reference };
  });
}

/** A logger whose lines the test can read (and that never writes to the console). */
export function captureLogger(): { logger: Logger; lines: string[] } {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, callback) {
      lines.push(String(chunk));
      callback();
    },
  });
  return { logger: createLogger({ level: 'info', destination }), lines };
}

/** A clock the test moves: `at('2027-01-15')` is noon in Oslo that day. */
export function movableClock(start: string) {
  const state = { now: new Date(`${start}T11:00:00Z`) };
  return {
    clock: () => state.now,
    at(date: string) {
      state.now = new Date(`${date}T11:00:00Z`);
    },
    get now() {
      return state.now;
    },
  };
}
