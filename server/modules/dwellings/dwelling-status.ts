import type { Transaction } from 'kysely';
import type { CalendarDate } from '../../../shared/domain/calendar-date';
import type { DwellingStatusCode } from '../../../shared/domain/dwelling-rules';
import type { DB } from '../../db/schema';

/**
 * The one way a dwelling's status changes (by a user, a lease, the scheduler or an import): the
 * current status and its date on the dwelling, plus an append-only history event, in the caller's
 * transaction. A no-op when the dwelling already has this status from this date.
 */
export async function setDwellingStatus(
  trx: Transaction<DB>,
  {
    tenantId,
    dwellingId,
    status,
    validFrom,
    source,
    userId,
    note = '',
  }: {
    tenantId: string;
    dwellingId: string;
    status: DwellingStatusCode;
    validFrom: CalendarDate;
    source: 'user' | 'lease' | 'scheduler' | 'import';
    userId: string | null;
    note?: string;
  },
): Promise<boolean> {
  const updated = await trx
    .updateTable('app.dwelling')
    .set((eb) => ({ status, status_since: validFrom, updated_at: new Date(), version: eb('version', '+', 1) }))
    .where('id', '=', dwellingId)
    .where((eb) => eb.or([eb('status', '<>', status), eb('status_since', '<>', validFrom)]))
    .returning('id')
    .executeTakeFirst();
  if (!updated) return false;
  await trx
    .insertInto('app.dwelling_status_event')
    .values({ tenant_id: tenantId, dwelling_id: dwellingId, status, valid_from: validFrom, source, changed_by: userId, note })
    .execute();
  return true;
}
