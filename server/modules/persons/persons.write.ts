import type { CreatePersonRequest } from '../../../shared/api/persons';
import type { Environment } from '../../../shared/domain/identity-rules';
import type { Tx } from '../../db/tenant';

// Registering a person, shared by the person form, the household form (new members) and the IMDi
// intake. Owned by the persons module.

export type InsertPersonArgs = {
  tenantId: string;
  actorUserId: string | null;
  input: CreatePersonRequest;
  environment: Environment;
  /** Today (Europe/Oslo), for birth-date and DUF plausibility. */
  today: string;
  /** JSON Pointer prefix for field errors, e.g. '/members/2/person' (default ''). */
  pointer?: string;
};

/**
 * Validates `input` with the person rules (name, transliteration, birth date, fnr/D-nummer for
 * `environment`, DUF, dates) and inserts the person with languages and the first identity events.
 * Throws AppError with field pointers (prefixed by `pointer`) on bad input, and 409
 * person.identity_number_taken / person.duf_taken with `conflict: { id, reference }` when the
 * number is already registered in this municipality. Returns the new person's id.
 */
export async function insertPerson(trx: Tx, args: InsertPersonArgs): Promise<{ id: string }> {
  void trx;
  void args;
  throw new Error('insertPerson: not implemented yet (persons helper)');
}
