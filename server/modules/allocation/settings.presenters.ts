import type { AllocationSettingsDto } from '../../../shared/api/allocation';
import { actorCan, type Actor } from '../auth/actor';
import type { AllocationSettingsRow } from './settings.repository';

// The allocation settings as the API shows them (no personal data).

type RefusalReason = AllocationSettingsDto['refusalReasons'][number];

export function refusalReasonsOf(value: unknown): RefusalReason[] {
  const raw = typeof value === 'string' ? (JSON.parse(value) as unknown) : value;
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((r: unknown) =>
    r && typeof r === 'object' && typeof (r as RefusalReason).code === 'string' && typeof (r as RefusalReason).label === 'string'
      ? [{ code: (r as RefusalReason).code, label: (r as RefusalReason).label }]
      : [],
  );
}

export function presentSettings(actor: Actor, row: AllocationSettingsRow): AllocationSettingsDto {
  return {
    refusalReasons: refusalReasonsOf(row.refusal_reasons),
    offerAnswerDays: row.offer_answer_days,
    appealOffice: row.appeal_office,
    appealAddress: row.appeal_address,
    appealBody: row.appeal_body,
    version: row.version,
    actions: { update: actorCan(actor, 'write:allocation:any') },
  };
}
