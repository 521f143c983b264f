import type { CriteriaResponse, CriteriaVersionDto } from '../../../shared/api/allocation';
import { allocationCriteriaSchema } from '../../../shared/domain/allocation-criteria';
import { actorCan, type Actor } from '../auth/actor';
import type { CriteriaVersionRow } from './criteria.repository';

// Criteria versions as the API shows them (no personal data: the author's display name only).

export function parseStoredCriteria(value: unknown) {
  const raw = typeof value === 'string' ? (JSON.parse(value) as unknown) : value;
  // Every stored version passed this schema when it was saved; a row that fails it now was
  // changed behind Husly's back, and matching with guessed criteria would be indefensible.
  const parsed = allocationCriteriaSchema.safeParse(raw);
  if (!parsed.success) throw new Error('stored allocation criteria are invalid');
  return parsed.data;
}

export function presentVersion(row: CriteriaVersionRow): CriteriaVersionDto {
  return {
    version: row.version,
    criteria: parseStoredCriteria(row.criteria),
    note: row.note,
    createdAt: row.created_at.toISOString(),
    createdBy: row.created_by_name ?? null,
  };
}

export function presentCriteria(
  actor: Actor,
  current: CriteriaVersionRow,
  history: readonly { version: number; note: string; created_at: Date; created_by_name: string | null }[],
): CriteriaResponse {
  return {
    current: presentVersion(current),
    history: history
      .filter((h) => h.version !== current.version)
      .map((h) => ({ version: h.version, note: h.note, createdAt: h.created_at.toISOString(), createdBy: h.created_by_name ?? null })),
    actions: { update: actorCan(actor, 'write:allocation:any') },
  };
}
