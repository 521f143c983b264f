import type { Kysely } from 'kysely';
import { generateDufNumber } from '../../../shared/domain/duf';
import { generateSyntheticIdentityNumber } from '../../../shared/domain/identity';
import { withControlDigits } from '../../../shared/domain/identity.test-support';
import type { DB } from '../../db/schema';
import { withTenant } from '../../db/tenant';
import { tableColumnSum, tableRowCount } from '../../test/database';

// Fixtures for the persons tests: synthetic identity numbers (Tenor range, never a real person),
// DUF numbers with valid check digits, households inserted as rows (the households module's API is
// another slice's), and row counts to assert that a refusal wrote nothing.

let seed = 20261121;
export const rng = {
  int(min: number, max: number): number {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return min + (seed % (max - min + 1));
  },
};

export const syntheticFnr = (birthDate = '1990-05-17', kind: 'fnr' | 'dnr' = 'fnr') =>
  generateSyntheticIdentityNumber({ rng, birthDate, kind, scheme: 'tenor' });

export const dufNumber = (year = 2024) => generateDufNumber({ rng, year });

/** An H-number (month + 40) with valid control digits: refused as an identity number. */
export function hNumber(): string {
  for (let i = 100; i < 999; i++) {
    // 17 May 1990 with month + 40.
    const n = withControlDigits(`174590${i}`);
    if (n) return n;
  }
  throw new Error('no H-number');
}

/** A well-formed number whose date part is no date (day 32). */
export function badDateFnr(): string {
  for (let i = 100; i < 999; i++) {
    const n = withControlDigits(`320190${i}`);
    if (n) return n;
  }
  throw new Error('no number');
}

/** A synthetic number with its last control digit changed. */
export function badChecksumFnr(): string {
  const good = syntheticFnr('1985-03-02');
  return `${good.slice(0, 10)}${(Number(good[10]) + 1) % 10}`;
}

let counter = 0;

export async function insertHousehold(
  db: Kysely<DB>,
  tenantId: string,
  {
    unitId,
    members,
    state = 'proposed',
    lastEventAt = new Date('2026-11-01T10:00:00Z'),
  }: {
    unitId: string;
    members: { personId: string; relation?: 'main' | 'spouse' | 'child' | 'other' }[];
    state?: 'proposed' | 'accepted' | 'declined' | 'withdrawn' | 'moved_on' | 'moved_away';
    lastEventAt?: Date;
  },
): Promise<{ id: string; reference: string }> {
  const reference = `H-T${Date.now().toString(36).slice(-4)}${(counter++).toString(36)}`;
  return withTenant(db, { tenantId }, async (trx) => {
    const household = await trx
      .insertInto('app.household')
      .values({
        tenant_id: tenantId,
        reference,
        category: 'resettlement_refugee',
        responsible_unit_id: unitId,
        pipeline_state: state,
        state_changed_at: lastEventAt,
        proposed_on: '2016-01-10',
        // Settled once before moving on or away (household_settled_has_date).
        ...(state === 'moved_on' || state === 'moved_away'
          ? { arrival_date: '2016-03-01', settlement_date: '2016-03-01' }
          : {}),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('app.pipeline_event')
      .values({
        tenant_id: tenantId,
        household_id: household.id,
        from_state: null,
        to_state: state,
        reason: 'test',
        effective_on: lastEventAt.toISOString().slice(0, 10),
        occurred_at: lastEventAt,
      })
      .execute();
    for (const [i, m] of members.entries()) {
      await trx
        .insertInto('app.household_member')
        .values({
          tenant_id: tenantId,
          household_id: household.id,
          person_id: m.personId,
          relation: m.relation ?? (i === 0 ? 'main' : 'child'),
        })
        .execute();
    }
    return { id: household.id, reference };
  });
}

/** Row counts of everything a person request may write. */
export async function personWrites(db: Kysely<DB>, tenantId: string) {
  return withTenant(db, { tenantId }, async (trx) => {
    const count = (table: string) => tableRowCount(trx, table);
    return {
      person: await count('app.person'),
      person_language: await count('app.person_language'),
      person_identity_event: await count('app.person_identity_event'),
      special_category_record: await count('app.special_category_record'),
      versions: await tableColumnSum(trx, 'version', 'app.person'),
    };
  });
}

export async function auditEntries(db: Kysely<DB>, tenantId: string, personId: string) {
  return withTenant(db, { tenantId }, (trx) =>
    trx
      .selectFrom('app.audit_log')
      .select(['action', 'entity', 'fields', 'actor_user_id', 'purpose', 'purpose_ref'])
      .where('subject_id', '=', personId)
      .orderBy('seq')
      .execute(),
  );
}
