import type { ContactRole } from '../../../shared/api/households';
import type { Tx } from '../../db/tenant';

// The SQL of a household's contacts and its contact card (Kysely only), inside the caller's
// tenant transaction (row-level security scopes it to one municipality).

export type HouseholdForContacts = {
  id: string;
  reference: string;
  responsible_unit_id: string;
  version: number;
  anonymised_at: Date | null;
};

export function findHousehold(
  trx: Tx,
  id: string,
  { forUpdate = false }: { forUpdate?: boolean } = {},
): Promise<HouseholdForContacts | undefined> {
  let query = trx
    .selectFrom('app.household')
    .select(['id', 'reference', 'responsible_unit_id', 'version', 'anonymised_at'])
    .where('id', '=', id);
  if (forUpdate) query = query.forUpdate();
  return query.executeTakeFirst();
}

export type ContactRow = {
  id: string;
  role: ContactRole;
  staff_user_id: string | null;
  name: string;
  phone: string;
  email: string;
  availability: string;
  sort_order: number;
};

/** In the household's order (sort order, then name; id last so equal rows keep one order). */
export function contactsOf(trx: Tx, householdId: string): Promise<ContactRow[]> {
  return trx
    .selectFrom('app.household_contact')
    .select(['id', 'role', 'staff_user_id', 'name', 'phone', 'email', 'availability', 'sort_order'])
    .where('household_id', '=', householdId)
    .orderBy('sort_order')
    .orderBy('name')
    .orderBy('id')
    .execute();
}

export type NewContact = Omit<ContactRow, 'id'>;

/** Replaces every contact of the household with `contacts`. */
export async function replaceContacts(
  trx: Tx,
  { tenantId, householdId, contacts }: { tenantId: string; householdId: string; contacts: readonly NewContact[] },
): Promise<void> {
  await trx.deleteFrom('app.household_contact').where('household_id', '=', householdId).execute();
  if (contacts.length === 0) return;
  await trx
    .insertInto('app.household_contact')
    .values(contacts.map((c) => ({ tenant_id: tenantId, household_id: householdId, ...c })))
    .execute();
}

/** Optimistic bump of the household's version: false when it has moved on. */
export async function bumpHouseholdVersion(
  trx: Tx,
  { id, version, now }: { id: string; version: number; now: Date },
): Promise<boolean> {
  const result = await trx
    .updateTable('app.household')
    .set((eb) => ({ version: eb('version', '+', 1), updated_at: now }))
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Active staff members among `ids`, with what their profile gives a contact. */
export function staffProfiles(
  trx: Tx,
  ids: readonly string[],
): Promise<Array<{ id: string; display_name: string; email: string }>> {
  if (ids.length === 0) return Promise.resolve([]);
  return trx
    .selectFrom('app.staff_user')
    .select(['id', 'display_name', 'email'])
    .where('id', 'in', [...ids])
    .where('active', '=', true)
    .execute();
}

export async function municipality(trx: Tx): Promise<{ name: string; language: 'nb' | 'nn' }> {
  return trx.selectFrom('app.municipality').select(['name', 'language']).executeTakeFirstOrThrow();
}
