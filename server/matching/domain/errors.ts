/**
 * A domain input the matcher refuses: a lock that cannot be applied (unknown household or
 * dwelling in the batch, a forced pair that fails a hard rule, two forces on one household or one
 * dwelling, force and forbid on one pair) → 'allocation.lock_invalid'; duplicate ids in the
 * batch → 'allocation.batch_invalid'. Pure (no HTTP dependency): run-in-worker.ts and the command
 * line map it to AppError(code, { detail }). The detail names references, never persons.
 */
export class MatchingInputError extends Error {
  readonly code: 'allocation.lock_invalid' | 'allocation.batch_invalid';
  readonly detail: string;

  constructor(code: 'allocation.lock_invalid' | 'allocation.batch_invalid', detail: string) {
    super(`${code}: ${detail}`);
    this.name = 'MatchingInputError';
    this.code = code;
    this.detail = detail;
  }
}
