// Stable error codes (dot codes). The server sends them in application/problem+json
// (RFC 9457); the web client translates them (shared/i18n). Never rename a code: add a new one.
export const errorCodes = {
  'request.invalid': 400,
  'request.malformed_json': 400,
  'request.forbidden_key': 400,
  'request.too_deep': 400,
  'request.unknown_field': 400,
  'request.too_large': 413,
  'request.unsupported_media_type': 415,
  'auth.required': 401,
  'auth.invalid_credentials': 401,
  'auth.locked': 429,
  'auth.throttled': 429,
  'auth.forbidden': 403,
  'auth.csrf': 403,
  'auth.oidc_failed': 401,
  'auth.oidc_unavailable': 503,
  'auth.level_insufficient': 403,
  'auth.tenant_not_enrolled': 403,
  'auth.identity_unknown': 403,
  'auth.account_deactivated': 403,
  'auth.enrolment_invalid': 403,
  'auth.identity_taken': 409,
  'auth.logout_token_invalid': 400,
  'resource.not_found': 404,
  'route.not_found': 404,
  'resource.version_conflict': 412,
  'resource.version_required': 428,
  'unit.name_taken': 409,
  'unit.parent_invalid': 422,
  'municipality.kommunenummer_invalid': 422,
  'municipality.exists': 409,
  'audit.unavailable': 503,
  'request.purpose_invalid': 400,
  'user.email_taken': 409,
  'user.password_too_weak': 422,
  'user.password_wrong': 422,
  'user.cannot_deactivate_self': 422,
  'user.units_invalid': 422,
  'enrolment.provider_unknown': 422,
  'enrolment.user_inactive': 422,
  'dwelling.reference_taken': 409,
  'dwelling.cadastre_taken': 409,
  'dwelling.reference_invalid': 422,
  'dwelling.rent_invalid': 422,
  'dwelling.postnummer_invalid': 422,
  'dwelling.kommunenummer_invalid': 422,
  'dwelling.bruksenhetsnummer_invalid': 422,
  'dwelling.rooms_invalid': 422,
  'dwelling.parent_invalid': 422,
  'dwelling.building_invalid': 422,
  'dwelling.unit_invalid': 422,
  'dwelling.status_invalid': 422,
  'dwelling.not_lettable': 409,
  'building.has_dwellings': 409,
  'landlord.orgnr_invalid': 422,
  'landlord.orgnr_taken': 409,
  'landlord.account_invalid': 422,
  'landlord.contact_invalid': 422,
  'landlord.company_requires_orgnr': 422,
  'lease.overlap': 409,
  'lease.period_invalid': 422,
  'lease.rent_invalid': 422,
  'lease.deposit_invalid': 422,
  'lease.deposit_exceeds_limit': 422,
  'lease.sublease_before_head_lease': 422,
  'lease.sublease_outlives_head_lease': 422,
  'lease.head_lease_invalid': 422,
  'lease.head_lease_required': 422,
  'lease.landlord_required': 422,
  'lease.tenant_required': 422,
  'lease.tenant_has_active_lease': 409,
  'lease.renewal_requires_needs_assessment': 422,
  'lease.renewal_not_supported_by_assessment': 422,
  'lease.not_active': 409,
  'lease.termination_invalid': 422,
  'lease.head_lease_has_subleases': 409,
  'lease.reference_taken': 409,
  'person.identity_number_invalid': 422,
  'person.identity_number_taken': 409,
  'task.assignee_required': 422,
  'task.assignee_invalid': 422,
  'task.not_open': 409,
  'settings.lead_times_invalid': 422,
  'import.file_invalid': 422,
  'import.columns_missing': 422,
  'import.rows_invalid': 422,
  'import.too_many_rows': 413,
  'letter.not_available': 409,
  'person.name_invalid': 422,
  'person.duf_invalid': 422,
  'person.duf_taken': 409,
  'person.birth_date_invalid': 422,
  'person.dates_invalid': 422,
  'person.anonymised': 409,
  'person.retention_not_elapsed': 409,
  'special_category.legal_basis_required': 422,
  'special_category.consent_date_required': 422,
  'household.members_invalid': 422,
  'household.unit_invalid': 422,
  'household.guardian_required': 422,
  'household.person_in_other_household': 409,
  'household.imdi_case_taken': 409,
  'household.dwelling_required': 422,
  'household.dwelling_taken': 409,
  'household.dwelling_unavailable': 409,
  'household.arrival_date_required': 422,
  'pipeline.transition_invalid': 409,
  'pipeline.reason_required': 422,
  'pipeline.settlement_date_invalid': 422,
  'checklist.template_invalid': 422,
  'contact.unreachable': 422,
  'contact_card.after_hours_missing': 422,
  'contact_card.contacts_missing': 422,
  'intake.persons_exist': 409,
  'intake.cases_invalid': 422,
  'settings.settlement_invalid': 422,
  'allocation.dwelling_reserved': 409,
  'allocation.household_has_offer': 409,
  'allocation.criteria_outdated': 409,
  'allocation.criteria_invalid': 422,
  'allocation.batch_invalid': 422,
  'allocation.lock_invalid': 422,
  'allocation.pair_not_proposed': 422,
  'allocation.offer_state_invalid': 409,
  'allocation.refusal_reason_unknown': 422,
  'allocation.answer_due_invalid': 422,
  'allocation.decision_exists': 409,
  'allocation.lease_terms_required': 422,
  'allocation.appeal_state_invalid': 409,
  'allocation.matching_unavailable': 503,
  'server.internal': 500,
  'server.unavailable': 503,
} as const satisfies Record<string, number>;

export type ErrorCode = keyof typeof errorCodes;
export const allErrorCodes = Object.keys(errorCodes) as ErrorCode[];

/** One field-level problem; `pointer` is a JSON Pointer into the request (RFC 6901). */
export type FieldProblem = { pointer: string; code: string };

/** The existing record a conflict (409) is about, in the same municipality only. */
export type ProblemConflict = { id: string; reference: string };

export type Problem = {
  type: string;
  title: string;
  status: number;
  code: ErrorCode;
  detail?: string;
  requestId?: string;
  errors?: FieldProblem[];
  conflict?: ProblemConflict;
};

/**
 * How the UI should treat an error (after NAV's case-management apps): a functional error is
 * something the user can act on; no-access and technical failures are shown differently.
 */
export function errorKind(status: number): 'functional' | 'no_access' | 'auth' | 'technical' {
  if (status === 401) return 'auth';
  if (status === 403) return 'no_access';
  if (status >= 500) return 'technical';
  return 'functional';
}
