import { sql, type Updateable } from 'kysely';
import type { PersonTable, SpecialCategoryRecordTable } from '../../db/schema';
import { escapeLike } from '../../db/like';
import type { Tx } from '../../db/tenant';
import { DEFAULT_RETENTION_MONTHS } from '../settlement-settings/settlement-settings.usecases';

// All SQL of the persons module (inside withTenant: row-level security scopes every query to the
// caller's municipality, so another municipality's person is never found, never conflicts).

export type PersonRow = {
  id: string;
  full_name: string;
  transliteration: string | null;
  birth_date: string | null;
  birth_date_precision: 'exact' | 'year' | 'jan1_convention' | null;
  identity_number: string | null;
  duf_number: string | null;
  nationality: string | null;
  refugee_category: PersonTable['refugee_category'];
  residence_permit_date: string | null;
  reception_centre: string | null;
  arrival_date: string | null;
  settlement_date: string | null;
  intro_programme: 'unknown' | 'entitled_and_obliged' | 'entitled' | 'not_entitled';
  intro_programme_start: string | null;
  intro_programme_end: string | null;
  created_by: string | null;
  anonymised_at: Date | null;
  created_at: Date;
  updated_at: Date;
  version: number;
};

const personColumns = [
  'id',
  'full_name',
  'transliteration',
  sql<string | null>`to_char(birth_date, 'YYYY-MM-DD')`.as('birth_date'),
  'birth_date_precision',
  'identity_number',
  'duf_number',
  'nationality',
  'refugee_category',
  sql<string | null>`to_char(residence_permit_date, 'YYYY-MM-DD')`.as('residence_permit_date'),
  'reception_centre',
  sql<string | null>`to_char(arrival_date, 'YYYY-MM-DD')`.as('arrival_date'),
  sql<string | null>`to_char(settlement_date, 'YYYY-MM-DD')`.as('settlement_date'),
  'intro_programme',
  sql<string | null>`to_char(intro_programme_start, 'YYYY-MM-DD')`.as('intro_programme_start'),
  sql<string | null>`to_char(intro_programme_end, 'YYYY-MM-DD')`.as('intro_programme_end'),
  'created_by',
  'anonymised_at',
  'created_at',
  'updated_at',
  'version',
] as const;

export async function findPerson(
  trx: Tx,
  id: string,
  { lock = false }: { lock?: boolean } = {},
): Promise<PersonRow | undefined> {
  let q = trx.selectFrom('app.person').select(personColumns).where('id', '=', id);
  if (lock) q = q.forUpdate();
  return (await q.executeTakeFirst()) as PersonRow | undefined;
}

export async function updatePerson(
  trx: Tx,
  id: string,
  values: Updateable<PersonTable>,
  now: Date,
): Promise<number | null> {
  const row = await trx
    .updateTable('app.person')
    .set({ ...values, updated_at: now, version: sql`version + 1` })
    .where('id', '=', id)
    .returning('version')
    .executeTakeFirst();
  return row?.version ?? null;
}

export async function languagesOf(trx: Tx, personId: string) {
  return trx
    .selectFrom('app.person_language')
    .select(['code', 'interpreter_needed', 'preferred_for_letters'])
    .where('person_id', '=', personId)
    .orderBy('preferred_for_letters', 'desc')
    .orderBy('code')
    .execute();
}

export async function deleteLanguages(trx: Tx, personId: string): Promise<void> {
  await trx.deleteFrom('app.person_language').where('person_id', '=', personId).execute();
}

export async function identityHistoryOf(trx: Tx, personId: string) {
  return trx
    .selectFrom('app.person_identity_event as e')
    .leftJoin('app.staff_user as s', 's.id', 'e.changed_by')
    .select(['e.field', 'e.old_value', 'e.new_value', 'e.reason', 's.display_name as changed_by_name', 'e.changed_at'])
    .where('e.person_id', '=', personId)
    .orderBy('e.changed_at')
    .orderBy(sql`case e.field when 'identity_number' then 0 else 1 end`)
    .orderBy('e.id')
    .execute();
}

export async function insertIdentityEvent(
  trx: Tx,
  values: {
    tenantId: string;
    personId: string;
    field: 'identity_number' | 'duf_number';
    oldValue: string | null;
    newValue: string | null;
    reason: string;
    changedBy: string | null;
    at: Date;
  },
): Promise<void> {
  await trx
    .insertInto('app.person_identity_event')
    .values({
      tenant_id: values.tenantId,
      person_id: values.personId,
      field: values.field,
      old_value: values.oldValue,
      new_value: values.newValue,
      reason: values.reason,
      changed_by: values.changedBy,
      changed_at: values.at,
    })
    .execute();
}

export type HouseholdOfPerson = {
  id: string;
  reference: string;
  relation: string;
  responsible_unit_id: string;
};

/** The household the person currently belongs to (left_on null), if any. */
export async function currentHousehold(trx: Tx, personId: string): Promise<HouseholdOfPerson | undefined> {
  return trx
    .selectFrom('app.household_member as m')
    .innerJoin('app.household as h', 'h.id', 'm.household_id')
    .select(['h.id', 'h.reference', 'm.relation', 'h.responsible_unit_id'])
    .where('m.person_id', '=', personId)
    .where('m.left_on', 'is', null)
    .executeTakeFirst();
}

/** Whether the person is (now) a member of a household one of `unitIds` is responsible for. */
export async function personInUnits(trx: Tx, personId: string, unitIds: readonly string[]): Promise<boolean> {
  if (unitIds.length === 0) return false;
  const row = await trx
    .selectFrom('app.household_member as m')
    .innerJoin('app.household as h', 'h.id', 'm.household_id')
    .select('m.person_id')
    .where('m.person_id', '=', personId)
    .where('m.left_on', 'is', null)
    .where('h.responsible_unit_id', 'in', [...unitIds])
    .executeTakeFirst();
  return Boolean(row);
}

export type PersonSearch =
  | { kind: 'identity_number'; value: string }
  | { kind: 'duf_number'; value: string }
  | { kind: 'name'; tokens: string[] };

/**
 * Persons matching a search (not anonymised), with their current household. `unitIds` null: the
 * whole municipality; else only members of households those units are responsible for.
 */
export async function searchPersons(
  trx: Tx,
  {
    search,
    unitIds,
    page,
    pageSize,
  }: { search: PersonSearch; unitIds: readonly string[] | null; page: number; pageSize: number },
) {
  let q = trx
    .selectFrom('app.person as p')
    .leftJoin('app.household_member as m', (j) => j.onRef('m.person_id', '=', 'p.id').on('m.left_on', 'is', null))
    .leftJoin('app.household as h', 'h.id', 'm.household_id')
    .where('p.anonymised_at', 'is', null);
  if (search.kind === 'identity_number') q = q.where('p.identity_number', '=', search.value);
  else if (search.kind === 'duf_number') q = q.where('p.duf_number', '=', search.value);
  else {
    for (const token of search.tokens) {
      // Every token of the query occurs in the key of the name or its transliteration (any order).
      // Persons registered by the lease form before it used insertPerson have no key: their
      // lower-cased name stands in.
      q = q.where(
        sql<string>`coalesce(nullif(p.name_search, ''), lower(p.full_name))`,
        'like',
        `%${escapeLike(token)}%`,
      );
    }
  }
  if (unitIds !== null) {
    if (unitIds.length === 0) return { total: 0, rows: [] };
    q = q.where('h.responsible_unit_id', 'in', [...unitIds]);
  }
  const total = Number((await q.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow()).n);
  const rows = await q
    .select([
      'p.id',
      'p.full_name',
      'p.transliteration',
      sql<string | null>`to_char(p.birth_date, 'YYYY-MM-DD')`.as('birth_date'),
      'p.birth_date_precision',
      'h.id as household_id',
      'h.reference as household_reference',
    ])
    .orderBy('p.full_name')
    .orderBy('p.id')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  return { total, rows };
}

// ---- Special categories ------------------------------------------------------------------------

export type SpecialCategoryRow = {
  id: string;
  person_id: string;
  category: SpecialCategoryRecordTable['category'];
  details: string;
  legal_basis: SpecialCategoryRecordTable['legal_basis'];
  legal_basis_note: string;
  consent_given_on: string | null;
  source: 'staff' | 'imdi_intake';
  recorded_by_name: string | null;
  recorded_at: Date;
  version: number;
};

function specialCategoryQuery(trx: Tx) {
  return trx
    .selectFrom('app.special_category_record as r')
    .leftJoin('app.staff_user as s', 's.id', 'r.recorded_by')
    .select([
      'r.id',
      'r.person_id',
      'r.category',
      'r.details',
      'r.legal_basis',
      'r.legal_basis_note',
      sql<string | null>`to_char(r.consent_given_on, 'YYYY-MM-DD')`.as('consent_given_on'),
      'r.source',
      's.display_name as recorded_by_name',
      'r.recorded_at',
      'r.version',
    ]);
}

/** The person's records in `categories` only: the filter is in SQL, hidden categories never load. */
export async function specialCategoriesOf(
  trx: Tx,
  personId: string,
  categories: readonly SpecialCategoryRow['category'][],
): Promise<SpecialCategoryRow[]> {
  if (categories.length === 0) return [];
  return (await specialCategoryQuery(trx)
    .where('r.person_id', '=', personId)
    .where('r.category', 'in', [...categories])
    .orderBy('r.category')
    .orderBy('r.recorded_at')
    .execute()) as SpecialCategoryRow[];
}

export async function findSpecialCategory(
  trx: Tx,
  personId: string,
  recordId: string,
  { lock = false }: { lock?: boolean } = {},
): Promise<SpecialCategoryRow | undefined> {
  if (lock) {
    await trx.selectFrom('app.special_category_record').select('id').where('id', '=', recordId).forUpdate().execute();
  }
  return (await specialCategoryQuery(trx)
    .where('r.person_id', '=', personId)
    .where('r.id', '=', recordId)
    .executeTakeFirst()) as SpecialCategoryRow | undefined;
}

export async function insertSpecialCategory(
  trx: Tx,
  values: {
    tenant_id: string;
    person_id: string;
    category: SpecialCategoryRow['category'];
    details: string;
    legal_basis: SpecialCategoryRow['legal_basis'];
    legal_basis_note: string;
    consent_given_on: string | null;
    recorded_by: string | null;
    recorded_at: Date;
  },
): Promise<string> {
  const row = await trx
    .insertInto('app.special_category_record')
    .values({ ...values, updated_at: values.recorded_at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateSpecialCategory(
  trx: Tx,
  id: string,
  version: number,
  values: Updateable<SpecialCategoryRecordTable>,
  now: Date,
): Promise<number | null> {
  const row = await trx
    .updateTable('app.special_category_record')
    .set({ ...values, updated_at: now, version: sql`version + 1` })
    .where('id', '=', id)
    .where('version', '=', version)
    .returning('version')
    .executeTakeFirst();
  return row?.version ?? null;
}

export async function deleteSpecialCategory(trx: Tx, id: string): Promise<void> {
  await trx.deleteFrom('app.special_category_record').where('id', '=', id).execute();
}

// ---- Export (data-subject access) --------------------------------------------------------------

export async function municipalityOf(trx: Tx) {
  return trx.selectFrom('app.municipality').select(['kommunenummer', 'name']).executeTakeFirst();
}

export async function householdsOf(trx: Tx, personId: string) {
  return trx
    .selectFrom('app.household_member as m')
    .innerJoin('app.household as h', 'h.id', 'm.household_id')
    .select([
      'h.id',
      'h.reference',
      'h.imdi_case_id',
      'h.category',
      'h.pipeline_state',
      sql<string>`to_char(h.proposed_on, 'YYYY-MM-DD')`.as('proposed_on'),
      sql<string | null>`to_char(h.residence_permit_date, 'YYYY-MM-DD')`.as('residence_permit_date'),
      sql<string | null>`to_char(h.arrival_date, 'YYYY-MM-DD')`.as('arrival_date'),
      sql<string | null>`to_char(h.settlement_date, 'YYYY-MM-DD')`.as('settlement_date'),
      'h.reception_centre',
      'm.relation',
      sql<string | null>`to_char(m.joined_on, 'YYYY-MM-DD')`.as('joined_on'),
      sql<string | null>`to_char(m.left_on, 'YYYY-MM-DD')`.as('left_on'),
    ])
    .where('m.person_id', '=', personId)
    .orderBy('m.created_at')
    .execute();
}

export async function pipelineEventsOf(trx: Tx, householdId: string) {
  return trx
    .selectFrom('app.pipeline_event')
    .select([
      'from_state',
      'to_state',
      'reason',
      sql<string>`to_char(effective_on, 'YYYY-MM-DD')`.as('effective_on'),
      'occurred_at',
    ])
    .where('household_id', '=', householdId)
    .orderBy('occurred_at')
    .orderBy('id')
    .execute();
}

export async function leasesOf(trx: Tx, personId: string) {
  return trx
    .selectFrom('app.lease as l')
    .innerJoin('app.dwelling as d', 'd.id', 'l.dwelling_id')
    .select([
      'l.id',
      'l.reference',
      'l.kind',
      'l.state',
      sql<string>`to_char(l.start_date, 'YYYY-MM-DD')`.as('start_date'),
      sql<string | null>`to_char(l.end_date, 'YYYY-MM-DD')`.as('end_date'),
      sql<string | null>`to_char(l.terminated_on, 'YYYY-MM-DD')`.as('terminated_on'),
      'l.rent_ore',
      'l.deposit_ore',
      'd.street as dwelling_street',
      'd.postnummer as dwelling_postnummer',
    ])
    .where('l.tenant_person_id', '=', personId)
    .orderBy('l.start_date')
    .execute();
}

export async function tasksAbout(
  trx: Tx,
  { personId, householdIds }: { personId: string; householdIds: readonly string[] },
) {
  return trx
    .selectFrom('app.task')
    .select([
      'id',
      'kind',
      'title',
      'description',
      'state',
      sql<string>`to_char(due_on, 'YYYY-MM-DD')`.as('due_on'),
      'subject_type',
      'created_at',
      'completed_at',
    ])
    .where((eb) =>
      eb.or([
        eb.and([eb('subject_type', '=', 'person'), eb('subject_id', '=', personId)]),
        ...(householdIds.length > 0
          ? [eb.and([eb('subject_type', '=', 'household'), eb('subject_id', 'in', [...householdIds])])]
          : []),
      ]),
    )
    .orderBy('due_on')
    .execute();
}

export async function accessLogOf(trx: Tx, personId: string) {
  return trx
    .selectFrom('app.audit_log')
    .select(['occurred_at', 'action', 'purpose', 'actor_roles'])
    .where('subject_type', '=', 'person')
    .where('subject_id', '=', personId)
    .orderBy('seq')
    .execute();
}

// ---- Retention -----------------------------------------------------------------------------------

export async function retentionMonths(trx: Tx): Promise<number> {
  const row = await trx.selectFrom('app.settlement_settings').select('retention_months').executeTakeFirst();
  return row?.retention_months ?? DEFAULT_RETENTION_MONTHS;
}

export const FINAL_STATES = ['declined', 'withdrawn', 'moved_on', 'moved_away'] as const;

/**
 * Persons (not anonymised) for whom the retention period has run out at `cutoff`: they belong to
 * at least one household, every household of theirs is in a final state with its last pipeline
 * event (or state change) before `cutoff`, and they hold no running lease. `personId` narrows to
 * one person (the manual anonymisation asks the same question).
 */
export async function personsDueForAnonymisation(trx: Tx, { cutoff, personId }: { cutoff: Date; personId?: string }) {
  let q = trx
    .selectFrom('app.person as p')
    .select('p.id')
    .where('p.anonymised_at', 'is', null)
    .where(({ exists, selectFrom }) =>
      exists(selectFrom('app.household_member as m').select('m.person_id').whereRef('m.person_id', '=', 'p.id')),
    )
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('app.household_member as m')
            .innerJoin('app.household as h', 'h.id', 'm.household_id')
            .select('h.id')
            .whereRef('m.person_id', '=', 'p.id')
            .where((eb) =>
              eb.or([
                eb('h.pipeline_state', 'not in', [...FINAL_STATES]),
                eb(
                  sql<Date>`greatest(h.state_changed_at,
                    coalesce((select max(e.occurred_at) from app.pipeline_event e where e.household_id = h.id), h.state_changed_at))`,
                  '>=',
                  cutoff,
                ),
              ]),
            ),
        ),
      ),
    )
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('app.lease as l')
            .select('l.id')
            .whereRef('l.tenant_person_id', '=', 'p.id')
            .where('l.state', 'in', ['active', 'notice_given']),
        ),
      ),
    );
  if (personId) q = q.where('p.id', '=', personId);
  return q.orderBy('p.id').execute();
}

export async function anonymisePersonRow(trx: Tx, id: string, now: Date): Promise<void> {
  await trx
    .updateTable('app.person')
    .set({
      full_name: 'Anonymisert',
      transliteration: null,
      name_search: '',
      identity_number: null,
      duf_number: null,
      nationality: null,
      reception_centre: null,
      // The year stays for statistics (age groups); the day goes.
      birth_date: sql`case when birth_date is null then null else make_date(extract(year from birth_date)::int, 1, 1) end`,
      birth_date_precision: sql`case when birth_date is null then null else 'year' end`,
      anonymised_at: now,
      updated_at: now,
      version: sql`version + 1`,
    })
    .where('id', '=', id)
    .execute();
  await trx.deleteFrom('app.person_language').where('person_id', '=', id).execute();
  await trx.deleteFrom('app.person_identity_event').where('person_id', '=', id).execute();
  await trx.deleteFrom('app.special_category_record').where('person_id', '=', id).execute();
}
