import { sql } from 'kysely';
import type { LandlordListQuery } from '../../../shared/api/landlords';
import type { Tx } from '../../db/tenant';

// All SQL of the landlords module (inside withTenant: row-level security scopes every query).

/** The columns a user edits (everything but identity, contact name and bookkeeping). */
type LandlordColumns = {
  party_kind: 'person' | 'company';
  category: string;
  name: string;
  orgnr: string | null;
  email: string;
  phone: string;
  address: string;
  kontonummer: string | null;
  contact_user_id: string | null;
  wants_consultation_before_reletting: boolean;
  prefers_long_term: boolean;
  refuses_municipal_guarantee: boolean;
  preference_notes: string;
  deposit_guarantee: boolean;
  rent_guarantee: boolean;
  rent_paid_in_advance: boolean;
  notes: string;
};

export type LandlordRow = LandlordColumns & {
  id: string;
  contact_name: string | null;
  created_at: Date;
  version: number;
};

export type LandlordValues = Partial<LandlordColumns>;

/** Landlords with their contact person (a staff member) joined. */
function fromLandlords(trx: Tx) {
  return trx.selectFrom('app.landlord as l').leftJoin('app.staff_user as s', 's.id', 'l.contact_user_id');
}

function landlordQuery(trx: Tx) {
  return fromLandlords(trx).selectAll('l').select('s.display_name as contact_name');
}

export async function findLandlord(trx: Tx, id: string): Promise<LandlordRow | undefined> {
  return (await landlordQuery(trx).where('l.id', '=', id).executeTakeFirst()) as LandlordRow | undefined;
}

export async function listLandlords(trx: Tx, query: LandlordListQuery, today: string) {
  let q = fromLandlords(trx).select([
    'l.id',
    'l.party_kind',
    'l.category',
    'l.name',
    'l.orgnr',
    'l.contact_user_id',
    's.display_name as contact_name',
    sql<number>`(SELECT count(*)::int FROM app.lease x WHERE x.landlord_id = l.id AND x.state IN ('active', 'notice_given')
      AND (upper_inf(x.period) OR upper(x.period) > ${today}::date))`.as('active_leases'),
    sql<number>`(SELECT count(*)::int FROM app.landlord_incident i WHERE i.landlord_id = l.id AND i.resolved_on IS NULL)`.as(
      'open_incidents',
    ),
  ]);
  if (query.search) {
    const text = query.search.replaceAll('\\', '\\\\').replaceAll('%', '\\%').replaceAll('_', '\\_');
    const digits = query.search.replace(/[ .]/g, '');
    q = q.where((eb) =>
      eb.or([eb('l.name', 'ilike', `%${text}%`), ...(/^[0-9]{3,9}$/.test(digits) ? [eb('l.orgnr', 'like', `${digits}%`)] : [])]),
    );
  }
  if (query.category) q = q.where('l.category', '=', query.category);
  if (query.partyKind) q = q.where('l.party_kind', '=', query.partyKind);
  if (query.flag) q = q.where(`l.${query.flag}`, '=', true);
  const { n } = await q.clearSelect().select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? 50;
  const rows = await q
    .orderBy('l.name')
    .orderBy('l.id')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  return { total: n, rows };
}

export async function insertLandlord(trx: Tx, values: LandlordValues & { tenant_id: string; party_kind: 'person' | 'company'; name: string }) {
  return trx.insertInto('app.landlord').values(values).returning(['id', 'version']).executeTakeFirstOrThrow();
}

export async function updateLandlord(trx: Tx, id: string, expectedVersion: number, values: LandlordValues, now: Date) {
  const row = await trx
    .updateTable('app.landlord')
    .set((eb) => ({ ...values, updated_at: now, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .returning('version')
    .executeTakeFirst();
  return row?.version ?? null;
}

export async function orgnrTaken(trx: Tx, orgnr: string, excludeId?: string): Promise<boolean> {
  let q = trx.selectFrom('app.landlord').select('id').where('orgnr', '=', orgnr);
  if (excludeId) q = q.where('id', '<>', excludeId);
  return Boolean(await q.executeTakeFirst());
}

export async function incidentsOf(trx: Tx, landlordId: string) {
  return trx
    .selectFrom('app.landlord_incident as i')
    .leftJoin('app.staff_user as s', 's.id', 'i.created_by')
    .select(['i.id', 'i.dwelling_id', 'i.occurred_on', 'i.kind', 'i.description', 'i.resolved_on', 's.display_name as created_by_name'])
    .where('i.landlord_id', '=', landlordId)
    .orderBy('i.occurred_on', 'desc')
    .orderBy('i.created_at', 'desc')
    .execute();
}

export async function insertIncident(
  trx: Tx,
  values: {
    tenant_id: string;
    landlord_id: string;
    dwelling_id: string | null;
    occurred_on: string;
    kind: string;
    description: string;
    created_by: string;
  },
) {
  return (await trx.insertInto('app.landlord_incident').values(values).returning('id').executeTakeFirstOrThrow()).id;
}

export async function findIncident(trx: Tx, { landlordId, incidentId }: { landlordId: string; incidentId: string }) {
  return trx
    .selectFrom('app.landlord_incident')
    .select(['id', 'occurred_on'])
    .where('id', '=', incidentId)
    .where('landlord_id', '=', landlordId)
    .forUpdate()
    .executeTakeFirst();
}

export async function resolveIncident(trx: Tx, id: string, resolvedOn: string | null) {
  await trx.updateTable('app.landlord_incident').set({ resolved_on: resolvedOn }).where('id', '=', id).execute();
}

export async function dwellingExists(trx: Tx, id: string): Promise<boolean> {
  return Boolean(await trx.selectFrom('app.dwelling').select('id').where('id', '=', id).executeTakeFirst());
}

export async function activeStaff(trx: Tx) {
  return trx
    .selectFrom('app.staff_user')
    .select(['id', 'display_name'])
    .where('active', '=', true)
    .orderBy('display_name')
    .execute();
}
