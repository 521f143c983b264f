import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import { withTenant } from '../../db/tenant';

let counter = 0;

/**
 * A dwelling with a lease to a household's main tenant — real rows, inserted as the app role
 * under RLS. Defaults: a § 11-1 lease [2024-03-01, 2027-03-01) in Storgata 12 B, Bodø.
 */
export async function seedLease(
  db: Kysely<DB>,
  tenantId: string,
  options: {
    tenantName?: string | null;
    legalBasis?: 'hl_9_3' | 'hl_11_1' | 'open_ended';
    endDate?: string | null;
    state?: 'active' | 'notice_given' | 'ended' | 'cancelled';
    unitId?: string | null;
    reference?: string;
  } = {},
): Promise<{ leaseId: string; personId: string | null; dwellingId: string; reference: string }> {
  const n = ++counter;
  return withTenant(db, { tenantId }, async (trx) => {
    const dwelling = await trx
      .insertInto('app.dwelling')
      .values({
        tenant_id: tenantId,
        reference: `B-${n}`,
        street: 'Storgata 12 B',
        postnummer: '8006',
        poststed: 'Bodø',
        kommunenummer: '1804',
        type: 'flat',
        rooms: 3,
        bedrooms: 2,
        capacity: 4,
        disposal_form: 'municipal',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const tenantName = options.tenantName === undefined ? 'Amina Yusuf' : options.tenantName;
    const person = tenantName
      ? await trx
          .insertInto('app.person')
          .values({ tenant_id: tenantId, full_name: tenantName })
          .returning('id')
          .executeTakeFirstOrThrow()
      : null;
    const legalBasis = options.legalBasis ?? 'hl_11_1';
    const reference = options.reference ?? `K-2024/${String(n).padStart(3, '0')}`;
    const lease = await trx
      .insertInto('app.lease')
      .values({
        tenant_id: tenantId,
        reference,
        kind: 'direct',
        dwelling_id: dwelling.id,
        tenant_person_id: person?.id ?? null,
        responsible_unit_id: options.unitId ?? null,
        start_date: '2024-03-01',
        end_date: legalBasis === 'open_ended' ? null : (options.endDate ?? '2027-03-01'),
        legal_basis: legalBasis,
        rent_ore: 950_000,
        ...(options.state ? { state: options.state } : {}),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return { leaseId: lease.id, personId: person?.id ?? null, dwellingId: dwelling.id, reference };
  });
}

/** The municipality's letterhead (housing settings). */
export async function seedLetterSettings(db: Kysely<DB>, tenantId: string): Promise<void> {
  await withTenant(db, { tenantId }, (trx) =>
    trx
      .insertInto('app.housing_settings')
      .values({
        tenant_id: tenantId,
        letter_sender: 'Bodø kommune, Boligkontoret',
        letter_address: 'Kongens gate 23, 8006 Bodø',
        letter_phone: '75 55 50 00',
        letter_email: 'bolig@bodo.kommune.example',
      })
      .execute(),
  );
}
