import { sql } from 'kysely';
import type { LetterKind, LetterLanguage } from '../../../shared/api/letters';
import type { Tx } from '../../db/tenant';
import type { LetterLease, LetterSender } from './letters.rules';

// All SQL of the letters module. Every query runs inside withTenant: RLS keeps it to one
// municipality, so another municipality's lease or letter is simply not found.

export type LeaseForLetter = LetterLease & { id: string; tenantPersonId: string | null };

export async function findLeaseForLetter(trx: Tx, leaseId: string): Promise<LeaseForLetter | undefined> {
  const row = await trx
    .selectFrom('app.lease as l')
    .innerJoin('app.dwelling as d', (j) =>
      j.onRef('d.tenant_id', '=', 'l.tenant_id').onRef('d.id', '=', 'l.dwelling_id'),
    )
    .leftJoin('app.person as p', (j) =>
      j.onRef('p.tenant_id', '=', 'l.tenant_id').onRef('p.id', '=', 'l.tenant_person_id'),
    )
    .leftJoin('app.unit as u', (j) =>
      j.onRef('u.tenant_id', '=', 'l.tenant_id').onRef('u.id', '=', 'l.responsible_unit_id'),
    )
    .select([
      'l.id',
      'l.reference',
      'l.state',
      'l.legal_basis',
      sql<string | null>`l.end_date::text`.as('end_date'),
      sql<string | null>`l.terminated_on::text`.as('terminated_on'),
      'l.tenant_person_id',
      'p.full_name',
      'd.street',
      'd.postnummer',
      'd.poststed',
      'u.name as unit_name',
    ])
    .where('l.id', '=', leaseId)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    id: row.id,
    reference: row.reference,
    state: row.state,
    legalBasis: row.legal_basis,
    endDate: row.end_date,
    terminatedOn: row.terminated_on,
    tenantPersonId: row.tenant_person_id,
    tenantName: row.full_name,
    street: row.street,
    postnummer: row.postnummer,
    poststed: row.poststed,
    unitName: row.unit_name,
  };
}

export async function leaseExists(trx: Tx, leaseId: string): Promise<boolean> {
  return Boolean(await trx.selectFrom('app.lease').select('id').where('id', '=', leaseId).executeTakeFirst());
}

/** The municipality and its letter settings (defaults when housing settings were never saved). */
export async function findLetterSender(trx: Tx, tenantId: string): Promise<LetterSender> {
  const row = await trx
    .selectFrom('app.municipality as m')
    .leftJoin('app.housing_settings as s', 's.tenant_id', 'm.tenant_id')
    .select(['m.name', 's.letter_sender', 's.letter_address', 's.letter_phone', 's.letter_email'])
    .where('m.tenant_id', '=', tenantId)
    .executeTakeFirstOrThrow();
  return {
    municipalityName: row.name,
    sender: row.letter_sender ?? '',
    address: row.letter_address ?? '',
    phone: row.letter_phone ?? '',
    email: row.letter_email ?? '',
  };
}

export async function staffName(trx: Tx, userId: string): Promise<string> {
  const row = await trx.selectFrom('app.staff_user').select('display_name').where('id', '=', userId).executeTakeFirst();
  return row?.display_name ?? '';
}

export async function insertLetter(
  trx: Tx,
  values: {
    tenantId: string;
    leaseId: string;
    kind: LetterKind;
    language: LetterLanguage;
    meetingAt: Date | null;
    meetingPlace: string;
    pdf: Uint8Array;
    sha256: string;
    createdBy: string;
  },
): Promise<string> {
  const row = await trx
    .insertInto('app.letter')
    .values({
      tenant_id: values.tenantId,
      lease_id: values.leaseId,
      kind: values.kind,
      language: values.language,
      meeting_at: values.meetingAt,
      meeting_place: values.meetingPlace,
      pdf: values.pdf,
      sha256: values.sha256,
      created_by: values.createdBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export type LetterRow = {
  id: string;
  lease_id: string;
  kind: LetterKind;
  language: LetterLanguage;
  meeting_at: Date | null;
  meeting_place: string;
  sha256: string;
  size_bytes: number;
  created_at: Date;
  created_by: string;
  created_by_name: string | null;
};

function lettersQuery(trx: Tx) {
  return trx
    .selectFrom('app.letter as t')
    .leftJoin('app.staff_user as s', (j) =>
      j.onRef('s.tenant_id', '=', 't.tenant_id').onRef('s.id', '=', 't.created_by'),
    )
    .select([
      't.id',
      't.lease_id',
      't.kind',
      't.language',
      't.meeting_at',
      't.meeting_place',
      't.sha256',
      sql<number>`octet_length(t.pdf)`.as('size_bytes'),
      't.created_at',
      't.created_by',
      's.display_name as created_by_name',
    ]);
}

/** Newest first. The PDF bytes stay in the database; the list carries only their size. */
export function listLetters(trx: Tx, leaseId: string): Promise<LetterRow[]> {
  return lettersQuery(trx).where('t.lease_id', '=', leaseId).orderBy('t.created_at', 'desc').orderBy('t.id').execute();
}

export function findLetter(trx: Tx, id: string): Promise<LetterRow | undefined> {
  return lettersQuery(trx).where('t.id', '=', id).executeTakeFirst();
}

export async function findLetterPdf(
  trx: Tx,
  id: string,
): Promise<
  | { pdf: Uint8Array; kind: LetterKind; sha256: string; lease_reference: string; tenant_person_id: string | null }
  | undefined
> {
  return trx
    .selectFrom('app.letter as t')
    .innerJoin('app.lease as l', (j) => j.onRef('l.tenant_id', '=', 't.tenant_id').onRef('l.id', '=', 't.lease_id'))
    .select(['t.pdf', 't.kind', 't.sha256', 'l.reference as lease_reference', 'l.tenant_person_id'])
    .where('t.id', '=', id)
    .executeTakeFirst();
}
