import type { AuditAction } from '../../db/schema';
import type { Tx } from '../../db/tenant';
import { insertAuditEntry } from '../audit/audit.repository';
import * as repo from './persons.repository';

// Retention (issue 5 item 9): persons whose every household left the pipeline (declined,
// withdrawn, moved on or moved away) and who hold no active lease are anonymised once the
// municipality's retention period (settlement_settings.retention_months) has passed since the
// last event. Run by the scheduler per municipality.
//
// Anonymising keeps the row (households, leases and statistics still count a person) but removes
// what identifies them: the name becomes 'Anonymisert'; transliteration, identity and DUF
// numbers, nationality and reception centre are cleared; the birth date is cut to its year;
// languages, the identity history and special-category records are deleted (decision 011).

/** The instant before which a household's last event must lie: `now` minus `months` calendar months. */
export function retentionCutoff(now: Date, months: number): Date {
  const cutoff = new Date(now.getTime());
  const day = cutoff.getUTCDate();
  cutoff.setUTCDate(1);
  cutoff.setUTCMonth(cutoff.getUTCMonth() - months);
  const lastDay = new Date(Date.UTC(cutoff.getUTCFullYear(), cutoff.getUTCMonth() + 1, 0)).getUTCDate();
  cutoff.setUTCDate(Math.min(day, lastDay));
  return cutoff;
}

/** Removes what identifies the person (the caller has checked the rule and writes the audit entry). */
export async function anonymisePerson(trx: Tx, { personId, now }: { personId: string; now: Date }): Promise<void> {
  await repo.anonymisePersonRow(trx, personId, now);
}

/** Anonymises every person due in this municipality; returns how many. Audit-logged per person. */
export async function anonymiseExpired(trx: Tx, args: { tenantId: string; now: Date }): Promise<number> {
  const cutoff = retentionCutoff(args.now, await repo.retentionMonths(trx));
  const due = await repo.personsDueForAnonymisation(trx, { cutoff });
  for (const { id } of due) {
    await anonymisePerson(trx, { personId: id, now: args.now });
    // The scheduler acts for the municipality, not a staff member: no actor, no roles.
    await insertAuditEntry(trx, {
      tenant_id: args.tenantId,
      occurred_at: args.now,
      actor_user_id: null,
      actor_unit_id: null,
      actor_roles: [],
      action: 'anonymise' as AuditAction,
      entity: 'person',
      subject_type: 'person',
      subject_id: id,
      fields: ['all'],
      purpose: 'settlement',
      purpose_ref: 'retention elapsed',
      request_id: null,
    });
  }
  return due.length;
}
