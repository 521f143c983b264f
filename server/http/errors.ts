import { errorCodes, type ErrorCode, type FieldProblem, type Problem, type ProblemConflict } from '../../shared/errors';

/** The one application error: a stable dot code (shared/errors.ts), its status, field problems. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly errors: FieldProblem[] | undefined;
  readonly detail: string | undefined;
  /** The existing record a 409 conflicts with (e.g. the lease an overlapping lease collides with). */
  readonly conflict: ProblemConflict | undefined;

  constructor(code: ErrorCode, options: AppErrorOptions = {}) {
    super(code);
    this.name = 'AppError';
    this.code = code;
    this.status = errorCodes[code];
    this.errors = options.errors;
    this.detail = options.detail;
    this.conflict = options.conflict;
  }
}

export type AppErrorOptions = { detail?: string; errors?: FieldProblem[]; conflict?: ProblemConflict };

export function appError(code: ErrorCode, options?: AppErrorOptions): AppError {
  return new AppError(code, options);
}

// Titles are in bokmål for API consumers; the web client shows its own translation of `code`.
const titles: Partial<Record<ErrorCode, string>> = {
  'request.invalid': 'Ugyldig forespørsel',
  'request.malformed_json': 'Ugyldig JSON',
  'request.forbidden_key': 'Forbudt nøkkel i forespørselen',
  'request.too_deep': 'For dypt nøstet forespørsel',
  'request.unknown_field': 'Ukjent felt i forespørselen',
  'request.too_large': 'Forespørselen er for stor',
  'request.unsupported_media_type': 'Innholdstypen støttes ikke',
  'auth.required': 'Innlogging kreves',
  'auth.invalid_credentials': 'Feil e-post eller passord',
  'auth.locked': 'Kontoen er midlertidig låst',
  'auth.throttled': 'For mange forsøk',
  'auth.oidc_failed': 'Innloggingen mislyktes',
  'auth.oidc_unavailable': 'Innloggingstjenesten svarer ikke',
  'auth.level_insufficient': 'For lavt sikkerhetsnivå',
  'auth.tenant_not_enrolled': 'Organisasjonen har ikke tilgang',
  'auth.identity_unknown': 'Ukjent bruker',
  'auth.account_deactivated': 'Brukeren er deaktivert',
  'auth.enrolment_invalid': 'Ugyldig tilknytningslenke',
  'auth.identity_taken': 'Innloggingen er knyttet til en annen bruker',
  'auth.logout_token_invalid': 'Ugyldig utloggingstoken',
  'auth.forbidden': 'Ingen tilgang',
  'auth.csrf': 'Forespørselen mangler gyldig CSRF-token',
  'resource.not_found': 'Fant ikke ressursen',
  'route.not_found': 'Fant ikke adressen',
  'resource.version_conflict': 'Noen andre har endret dette i mellomtiden',
  'resource.version_required': 'Versjon (If-Match) mangler',
  'unit.name_taken': 'En enhet med dette navnet finnes allerede',
  'dwelling.reference_taken': 'Dwelling reference already in use',
  'dwelling.cadastre_taken': 'Cadastre unit already registered',
  'dwelling.reference_invalid': 'Invalid dwelling reference',
  'dwelling.rent_invalid': 'Invalid rent',
  'dwelling.postnummer_invalid': 'Invalid postnummer',
  'dwelling.kommunenummer_invalid': 'Invalid kommunenummer',
  'dwelling.bruksenhetsnummer_invalid': 'Invalid bruksenhetsnummer',
  'dwelling.rooms_invalid': 'Bedrooms exceed rooms',
  'dwelling.parent_invalid': 'Invalid parent dwelling',
  'dwelling.building_invalid': 'Invalid building',
  'dwelling.unit_invalid': 'Invalid disposing unit',
  'dwelling.status_invalid': 'Status change not allowed',
  'dwelling.not_lettable': 'Dwelling cannot be let',
  'building.has_dwellings': 'Building has dwellings',
  'landlord.orgnr_invalid': 'Invalid organisation number',
  'landlord.orgnr_taken': 'Organisation number already registered',
  'landlord.account_invalid': 'Invalid account number',
  'landlord.contact_invalid': 'Invalid contact person',
  'landlord.company_requires_orgnr': 'Company requires organisation number',
  'lease.overlap': 'Lease overlaps another lease',
  'person.name_invalid': 'Person name is not valid',
  'person.duf_invalid': 'DUF number is not valid',
  'person.duf_taken': 'DUF number already registered',
  'person.birth_date_invalid': 'Birth date is not valid',
  'person.dates_invalid': 'Dates are not consistent',
  'person.anonymised': 'Person has been anonymised',
  'person.retention_not_elapsed': 'Retention period has not elapsed',
  'special_category.legal_basis_required': 'Legal basis required',
  'special_category.consent_date_required': 'Consent date required',
  'household.members_invalid': 'Household members are not valid',
  'household.unit_invalid': 'Responsible unit not found',
  'household.guardian_required': 'Guardian required',
  'household.person_in_other_household': 'Person belongs to another household',
  'household.imdi_case_taken': 'IMDi case already registered',
  'household.dwelling_required': 'Dwelling required',
  'household.dwelling_taken': 'Dwelling reserved for another household',
  'household.dwelling_unavailable': 'Dwelling is not available',
  'household.arrival_date_required': 'Arrival date required',
  'pipeline.transition_invalid': 'Pipeline transition not allowed',
  'pipeline.reason_required': 'Reason required',
  'pipeline.settlement_date_invalid': 'Settlement date is not valid',
  'allocation.dwelling_reserved': 'Dwelling already reserved',
  'allocation.household_has_offer': 'Household already has an offer',
  'allocation.criteria_outdated': 'Criteria changed in the meantime',
  'allocation.criteria_invalid': 'Criteria are not valid',
  'allocation.batch_invalid': 'Batch is not valid',
  'allocation.lock_invalid': 'Locks are not valid',
  'allocation.pair_not_proposed': 'Pair not in the run',
  'allocation.offer_state_invalid': 'Offer cannot change this way',
  'allocation.refusal_reason_unknown': 'Unknown refusal reason',
  'allocation.answer_due_invalid': 'Answer date is not valid',
  'allocation.decision_exists': 'Decision already made',
  'allocation.lease_terms_required': 'Lease terms required',
  'allocation.appeal_state_invalid': 'Appeal cannot change this way',
  'allocation.matching_unavailable': 'Matching engine unavailable',
  'checklist.template_invalid': 'Checklist template is not valid',
  'contact.unreachable': 'Contact needs a phone or e-mail',
  'contact_card.after_hours_missing': 'After-hours number missing',
  'contact_card.contacts_missing': 'Household has no contacts',
  'intake.persons_exist': 'Persons already registered',
  'intake.cases_invalid': 'Intake file has errors',
  'settings.settlement_invalid': 'Settlement settings are not valid',
  'lease.period_invalid': 'Invalid lease period',
  'lease.rent_invalid': 'Invalid rent',
  'lease.deposit_invalid': 'Invalid deposit',
  'lease.deposit_exceeds_limit': 'Deposit exceeds six months rent',
  'lease.sublease_before_head_lease': 'Sublease starts before head lease',
  'lease.sublease_outlives_head_lease': 'Sublease runs past head lease',
  'lease.head_lease_invalid': 'Invalid head lease',
  'lease.head_lease_required': 'Head lease required',
  'lease.landlord_required': 'Landlord required',
  'lease.tenant_required': 'Tenant required',
  'lease.tenant_has_active_lease': 'Tenant already holds a lease',
  'lease.renewal_requires_needs_assessment': 'Needs assessment required before renewal',
  'lease.renewal_not_supported_by_assessment': 'Assessment does not support renewal',
  'lease.not_active': 'Lease is not active',
  'lease.termination_invalid': 'Invalid termination',
  'lease.head_lease_has_subleases': 'Head lease has running subleases',
  'lease.reference_taken': 'Lease reference already in use',
  'person.identity_number_invalid': 'Invalid identity number',
  'person.identity_number_taken': 'Identity number already registered',
  'task.assignee_required': 'Assignee required',
  'task.assignee_invalid': 'Invalid assignee',
  'task.not_open': 'Task already closed',
  'settings.lead_times_invalid': 'Invalid lead times',
  'import.file_invalid': 'File could not be read',
  'import.columns_missing': 'Required columns missing',
  'import.rows_invalid': 'Some rows are invalid',
  'import.too_many_rows': 'Too many rows',
  'letter.not_available': 'Letter not available for this lease',
  'unit.parent_invalid': 'Ugyldig overordnet enhet',
  'municipality.kommunenummer_invalid': 'Ukjent kommunenummer',
  'municipality.exists': 'Kommunen finnes allerede',
  'audit.unavailable': 'Hendelsesloggen er utilgjengelig',
  'request.purpose_invalid': 'Ugyldig formål',
  'user.email_taken': 'E-postadressen er i bruk',
  'user.password_too_weak': 'Passordet er for svakt',
  'user.password_wrong': 'Feil nåværende passord',
  'user.cannot_deactivate_self': 'Kan ikke deaktivere seg selv',
  'user.units_invalid': 'Ugyldige enheter',
  'enrolment.provider_unknown': 'Ukjent innloggingstjeneste',
  'enrolment.user_inactive': 'Brukeren er deaktivert',
  'server.internal': 'Noe gikk galt',
  'server.unavailable': 'Tjenesten er midlertidig utilgjengelig',
};

export function toProblem(error: AppError, requestId: string): Problem {
  return {
    // A URN: stable and dereferenceable by nobody, so it points at no domain we do not own.
    type: `urn:husly:problem:${error.code}`,
    title: titles[error.code] ?? error.code,
    status: error.status,
    code: error.code,
    ...(error.detail ? { detail: error.detail } : {}),
    requestId,
    ...(error.errors ? { errors: error.errors } : {}),
    ...(error.conflict ? { conflict: error.conflict } : {}),
  };
}

type PgError = { code?: unknown; constraint?: unknown };

/** Constraint name → the error the user can act on. Everything else stays generic. */
const constraintErrors: Record<string, { code: ErrorCode; pointer?: string }> = {
  unit_name_key: { code: 'unit.name_taken', pointer: '/name' },
  unit_parent_fkey: { code: 'unit.parent_invalid', pointer: '/parentId' },
  unit_not_own_parent: { code: 'unit.parent_invalid', pointer: '/parentId' },
  municipality_kommunenummer_key: { code: 'municipality.exists', pointer: '/kommunenummer' },
  staff_user_email_key: { code: 'user.email_taken', pointer: '/email' },
  dwelling_reference_key: { code: 'dwelling.reference_taken', pointer: '/reference' },
  dwelling_cadastre_key: { code: 'dwelling.cadastre_taken', pointer: '/bruksenhetsnummer' },
  dwelling_building_fkey: { code: 'dwelling.building_invalid', pointer: '/buildingId' },
  dwelling_parent_fkey: { code: 'dwelling.parent_invalid', pointer: '/parentId' },
  dwelling_room_has_parent: { code: 'dwelling.parent_invalid', pointer: '/parentId' },
  dwelling_not_own_parent: { code: 'dwelling.parent_invalid', pointer: '/parentId' },
  dwelling_unit_fkey: { code: 'dwelling.unit_invalid', pointer: '/disposingUnitId' },
  dwelling_bedrooms_within_rooms: { code: 'dwelling.rooms_invalid', pointer: '/bedrooms' },
  landlord_orgnr_key: { code: 'landlord.orgnr_taken', pointer: '/orgnr' },
  landlord_contact_fkey: { code: 'landlord.contact_invalid', pointer: '/contactUserId' },
  landlord_company_has_orgnr: { code: 'landlord.company_requires_orgnr', pointer: '/orgnr' },
  lease_no_overlap: { code: 'lease.overlap' },
  lease_reference_key: { code: 'lease.reference_taken', pointer: '/reference' },
  lease_end_after_start: { code: 'lease.period_invalid', pointer: '/endDate' },
  lease_open_ended_basis: { code: 'lease.period_invalid', pointer: '/endDate' },
  lease_terminated_after_start: { code: 'lease.termination_invalid', pointer: '/terminatedOn' },
  lease_terminated_within_term: { code: 'lease.termination_invalid', pointer: '/terminatedOn' },
  lease_deposit_at_most_6_months: { code: 'lease.deposit_exceeds_limit', pointer: '/depositOre' },
  lease_head_lease_fkey: { code: 'lease.head_lease_invalid', pointer: '/headLeaseId' },
  lease_head_has_landlord: { code: 'lease.landlord_required', pointer: '/landlordId' },
  lease_sub_has_head: { code: 'lease.head_lease_required', pointer: '/headLeaseId' },
  person_identity_number_key: { code: 'person.identity_number_taken', pointer: '/identityNumber' },
  task_assignee_user_fkey: { code: 'task.assignee_invalid', pointer: '/assigneeUserId' },
  task_assignee_unit_fkey: { code: 'task.assignee_invalid', pointer: '/assigneeUnitId' },
  task_has_assignee: { code: 'task.assignee_required' },
  person_duf_number_key: { code: 'person.duf_taken', pointer: '/dufNumber' },
  person_birth_date_precision: { code: 'person.birth_date_invalid', pointer: '/birthDate' },
  person_settlement_after_arrival: { code: 'pipeline.settlement_date_invalid', pointer: '/settlementDate' },
  person_intro_programme_dates: { code: 'person.dates_invalid', pointer: '/introProgrammeEnd' },
  allocation_offer_dwelling_live_key: { code: 'allocation.dwelling_reserved' },
  allocation_offer_household_live_key: { code: 'allocation.household_has_offer' },
  allocation_decision_offer_key: { code: 'allocation.decision_exists' },
  special_category_consent_dated: { code: 'special_category.consent_date_required', pointer: '/consentGivenOn' },
  household_imdi_case_key: { code: 'household.imdi_case_taken', pointer: '/imdiCaseId' },
  household_reserved_dwelling_key: { code: 'household.dwelling_taken', pointer: '/dwellingId' },
  household_reserved_has_dwelling: { code: 'household.dwelling_required', pointer: '/dwellingId' },
  household_settlement_after_arrival: { code: 'pipeline.settlement_date_invalid', pointer: '/effectiveOn' },
  household_unit_fkey: { code: 'household.unit_invalid', pointer: '/responsibleUnitId' },
  household_member_main_key: { code: 'household.members_invalid', pointer: '/members' },
  household_member_person_key: { code: 'household.person_in_other_household', pointer: '/members' },
  household_contact_reachable: { code: 'contact.unreachable', pointer: '/contacts' },
};

/**
 * Maps database errors to AppErrors without leaking values: a foreign key to another tenant's
 * row looks exactly like a missing row (no existence oracle, RELIABILITY §3.2 P3).
 */
export function fromDatabaseError(error: unknown): AppError | null {
  const pgError = error as PgError;
  if (typeof pgError?.code !== 'string') return null;
  const constraint = typeof pgError.constraint === 'string' ? pgError.constraint : '';
  const known = constraintErrors[constraint];
  if (known) {
    return appError(known.code, known.pointer ? { errors: [{ pointer: known.pointer, code: known.code }] } : {});
  }
  switch (pgError.code) {
    case '23503': // foreign_key_violation
      return appError('resource.not_found');
    case '23505': // unique_violation
    case '23P01': // exclusion_violation
    case '23514': // check_violation
    case '22P02': // invalid_text_representation
      return appError('request.invalid');
    case '42501': // insufficient_privilege, incl. row-level security WITH CHECK
      return appError('auth.forbidden');
    default:
      return null;
  }
}
