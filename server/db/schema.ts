import type { ColumnType, Generated } from 'kysely';

// Kysely's view of the schema `app`. Keep in step with server/db/migrations.
type CreatedAt = ColumnType<Date, never, never>;
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface MunicipalityTable {
  tenant_id: Generated<string>;
  kommunenummer: string;
  name: string;
  language: 'nb' | 'nn';
  insight_employee_names: Generated<boolean>;
  created_at: CreatedAt;
  version: Generated<number>;
}

export interface UnitTable {
  tenant_id: string;
  id: Generated<string>;
  name: string;
  kind: string;
  parent_id: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface StaffUserTable {
  tenant_id: string;
  id: Generated<string>;
  email: string;
  display_name: string;
  roles: string[];
  password_hash: string | null;
  active: Generated<boolean>;
  failed_logins: Generated<number>;
  locked_until: Date | null;
  created_at: CreatedAt;
  version: Generated<number>;
}

export interface StaffUnitTable {
  tenant_id: string;
  user_id: string;
  unit_id: string;
}

export interface SessionTable {
  tenant_id: string;
  id: string;
  user_id: string;
  csrf_token: string;
  active_unit_id: string | null;
  created_at: CreatedAt;
  last_seen_at: Timestamp;
  expires_at: Date;
}

export interface StaffIdentityTable {
  tenant_id: string;
  id: Generated<string>;
  user_id: string;
  issuer: string;
  subject: string;
  created_at: CreatedAt;
}

/** One-time OIDC enrolment link; only the token's SHA-256 is stored. */
export interface OidcEnrolmentTable {
  tenant_id: string;
  id: Generated<string>;
  user_id: string;
  provider_id: string;
  token_hash: string;
  expires_at: Date;
  used_at: Date | null;
  revoked_at: Date | null;
  created_by: string;
  created_at: CreatedAt;
}

export type AuditAction =
  | 'display'
  | 'create'
  | 'update'
  | 'deactivate'
  | 'export'
  | 'login'
  | 'login_failed'
  | 'logout'
  | 'password_change'
  | 'import'
  | 'anonymise';

/** Append-only; seq, prev_hash and hash are set by the database trigger. */
export interface AuditLogTable {
  tenant_id: string;
  seq: Generated<number>;
  id: Generated<string>;
  occurred_at: Date;
  actor_user_id: string | null;
  actor_unit_id: string | null;
  actor_roles: string[];
  action: AuditAction;
  entity: string;
  subject_type: 'person' | 'household' | 'staff_user' | 'landlord' | 'lease' | null;
  subject_id: string | null;
  fields: string[];
  purpose: string;
  purpose_ref: string | null;
  request_id: string | null;
  prev_hash: Generated<Uint8Array>;
  hash: Generated<Uint8Array>;
}

// ---- Issue 4: housing stock, landlords, leases, letters, tasks (migration 0005) ---------------

type CalendarDate = string;
type Updated = ColumnType<Date, Date | string | undefined, Date | string>;
/** numeric comes back as a string; write numbers or strings. */
type Numeric = ColumnType<string | null, number | string | null | undefined, number | string | null>;

export interface HousingSettingsTable {
  tenant_id: string;
  internal_rent_after_months: Generated<number>;
  lead_months_lease: Generated<number[]>;
  lead_months_head_lease: Generated<number[]>;
  allow_multiple_primary_leases: Generated<boolean>;
  letter_sender: Generated<string>;
  letter_address: Generated<string>;
  letter_phone: Generated<string>;
  letter_email: Generated<string>;
  version: Generated<number>;
  updated_at: Updated;
}

export interface BuildingTable {
  tenant_id: string;
  id: Generated<string>;
  name: string;
  kind: 'modular' | 'shared_house' | 'apartment_block' | 'house' | 'other';
  street: string;
  postnummer: string;
  poststed: Generated<string>;
  kommunenummer: string;
  gnr: number | null;
  bnr: number | null;
  owner_kind: Generated<string>;
  common_house: Generated<boolean>;
  common_facilities: Generated<string[]>;
  staff_rooms: Generated<number>;
  neighbourhood_notes: Generated<string>;
  created_at: CreatedAt;
  updated_at: Updated;
  version: Generated<number>;
}

export interface DwellingTable {
  tenant_id: string;
  id: Generated<string>;
  reference: string;
  building_id: string | null;
  parent_id: string | null;
  street: string;
  postnummer: string;
  poststed: Generated<string>;
  kommunenummer: string;
  gnr: number | null;
  bnr: number | null;
  fnr: number | null;
  snr: number | null;
  bruksenhetsnummer: string | null;
  type: string;
  rooms: number;
  bedrooms: number;
  area_m2: Numeric;
  capacity: number;
  floor: number | null;
  lift: Generated<boolean>;
  universal_design: Generated<boolean>;
  wheelchair_accessible: Generated<boolean>;
  step_free_entrance: Generated<boolean>;
  standard: Generated<string>;
  condition: Generated<string>;
  condition_note: Generated<string>;
  furnished: Generated<string>;
  walk_min_school: number | null;
  walk_min_kindergarten: number | null;
  walk_min_bus_stop: number | null;
  walk_min_shop: number | null;
  walk_min_centre: number | null;
  walk_min_intro_programme: number | null;
  school_district: Generated<string>;
  area_zone: Generated<string>;
  disposal_form: string;
  earmarking: Generated<string>;
  disposing_unit_id: string | null;
  rent_ore: number | null;
  rent_includes: Generated<string[]>;
  market_rent_ore: number | null;
  husbanken_financing: Generated<string>;
  husbanken_grant_percent: number | null;
  acquisition_method: string | null;
  acquisition_date: CalendarDate | null;
  bostotte_approved_unit: Generated<boolean>;
  rent_to_own_potential: Generated<boolean>;
  caretaker: Generated<string>;
  notes: Generated<string>;
  status: Generated<string>;
  status_since: Generated<CalendarDate>;
  created_at: CreatedAt;
  updated_at: Updated;
  version: Generated<number>;
}

export interface DwellingStatusEventTable {
  tenant_id: string;
  id: Generated<string>;
  dwelling_id: string;
  status: string;
  valid_from: CalendarDate;
  note: Generated<string>;
  source: Generated<'user' | 'lease' | 'scheduler' | 'import'>;
  changed_by: string | null;
  changed_at: Generated<Date>;
}

export interface LandlordTable {
  tenant_id: string;
  id: Generated<string>;
  party_kind: 'person' | 'company';
  category: Generated<string>;
  name: string;
  orgnr: string | null;
  email: Generated<string>;
  phone: Generated<string>;
  address: Generated<string>;
  kontonummer: string | null;
  contact_user_id: string | null;
  wants_consultation_before_reletting: Generated<boolean>;
  prefers_long_term: Generated<boolean>;
  refuses_municipal_guarantee: Generated<boolean>;
  preference_notes: Generated<string>;
  deposit_guarantee: Generated<boolean>;
  rent_guarantee: Generated<boolean>;
  rent_paid_in_advance: Generated<boolean>;
  notes: Generated<string>;
  created_at: CreatedAt;
  updated_at: Updated;
  version: Generated<number>;
}

export interface LandlordIncidentTable {
  tenant_id: string;
  id: Generated<string>;
  landlord_id: string;
  dwelling_id: string | null;
  occurred_on: CalendarDate;
  kind: string;
  description: string;
  resolved_on: CalendarDate | null;
  created_by: string | null;
  created_at: CreatedAt;
}

export interface PersonTable {
  tenant_id: string;
  id: Generated<string>;
  full_name: string;
  birth_date: CalendarDate | null;
  identity_number: string | null;
  transliteration: string | null;
  name_search: Generated<string>;
  birth_date_precision: 'exact' | 'year' | 'jan1_convention' | null;
  duf_number: string | null;
  nationality: string | null;
  refugee_category: RefugeeCategoryColumn | null;
  residence_permit_date: CalendarDate | null;
  reception_centre: string | null;
  arrival_date: CalendarDate | null;
  settlement_date: CalendarDate | null;
  intro_programme: Generated<'unknown' | 'entitled_and_obliged' | 'entitled' | 'not_entitled'>;
  intro_programme_start: CalendarDate | null;
  intro_programme_end: CalendarDate | null;
  created_by: string | null;
  anonymised_at: Timestamp | null;
  created_at: CreatedAt;
  updated_at: Updated;
  version: Generated<number>;
}

type RefugeeCategoryColumn =
  | 'resettlement_refugee'
  | 'from_reception_centre'
  | 'unaccompanied_minor'
  | 'family_reunification'
  | 'self_settled_by_agreement';
type PipelineStateColumn =
  | 'proposed'
  | 'accepted'
  | 'dwelling_reserved'
  | 'ready_to_move_in'
  | 'settled'
  | 'moved_on'
  | 'moved_away'
  | 'declined'
  | 'withdrawn';

export interface PersonLanguageTable {
  tenant_id: string;
  person_id: string;
  code: string;
  interpreter_needed: Generated<boolean>;
  preferred_for_letters: Generated<boolean>;
}

export interface PersonIdentityEventTable {
  tenant_id: string;
  id: Generated<string>;
  person_id: string;
  field: 'identity_number' | 'duf_number';
  old_value: string | null;
  new_value: string | null;
  reason: Generated<string>;
  changed_by: string | null;
  changed_at: Generated<Date>;
}

export interface SpecialCategoryRecordTable {
  tenant_id: string;
  id: Generated<string>;
  person_id: string;
  category: 'health' | 'functional_needs' | 'disability' | 'universal_design';
  details: string;
  legal_basis:
    | 'consent'
    | 'integration_act'
    | 'health_and_care_services_act'
    | 'social_services_act'
    | 'child_welfare_act'
    | 'vital_interests';
  legal_basis_note: Generated<string>;
  consent_given_on: CalendarDate | null;
  consent_withdrawn_on: CalendarDate | null;
  source: Generated<'staff' | 'imdi_intake'>;
  recorded_by: string | null;
  recorded_at: Generated<Date>;
  updated_at: Updated;
  version: Generated<number>;
}

export interface HouseholdTable {
  tenant_id: string;
  id: Generated<string>;
  reference: string;
  imdi_case_id: string | null;
  category: RefugeeCategoryColumn;
  responsible_unit_id: string;
  pipeline_state: Generated<PipelineStateColumn>;
  state_changed_at: Generated<Date>;
  proposed_on: CalendarDate;
  residence_permit_date: CalendarDate | null;
  reception_centre: string | null;
  agreed_target_days: number | null;
  planned_arrival_date: CalendarDate | null;
  arrival_date: CalendarDate | null;
  settlement_date: CalendarDate | null;
  reserved_dwelling_id: string | null;
  shared_housing: Generated<boolean>;
  guardian_name: string | null;
  guardian_phone: Generated<string>;
  guardian_email: Generated<string>;
  guardian_appointed_on: CalendarDate | null;
  reunification_adults: Generated<number>;
  reunification_children: Generated<number>;
  reunification_expected_on: CalendarDate | null;
  accessibility: Generated<'none' | 'step_free' | 'wheelchair'>;
  near_school: Generated<boolean>;
  near_kindergarten: Generated<boolean>;
  near_intro_site: Generated<boolean>;
  preferred_area: Generated<string>;
  max_rent_ore: number | null;
  income_sources: Generated<string[]>;
  needs_notes: Generated<string>;
  support_need: Generated<boolean>;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: Updated;
  anonymised_at: Timestamp | null;
  version: Generated<number>;
}

export interface HouseholdMemberTable {
  tenant_id: string;
  household_id: string;
  person_id: string;
  relation: 'main' | 'spouse' | 'child' | 'parent' | 'sibling' | 'grandchild' | 'other';
  joined_on: CalendarDate | null;
  left_on: CalendarDate | null;
  created_at: CreatedAt;
}

export interface PipelineEventTable {
  tenant_id: string;
  id: Generated<string>;
  household_id: string;
  from_state: PipelineStateColumn | null;
  to_state: PipelineStateColumn;
  reason: Generated<string>;
  effective_on: CalendarDate;
  dwelling_id: string | null;
  actor_user_id: string | null;
  occurred_at: Generated<Date>;
}

export interface HouseholdContactTable {
  tenant_id: string;
  id: Generated<string>;
  household_id: string;
  role:
    | 'settlement_worker'
    | 'nav_adviser'
    | 'introduction_adviser'
    | 'on_site_staff'
    | 'landlord'
    | 'housing_office'
    | 'emergency'
    | 'guardian'
    | 'other';
  staff_user_id: string | null;
  name: string;
  phone: Generated<string>;
  email: Generated<string>;
  availability: Generated<string>;
  sort_order: Generated<number>;
}

export interface SettlementTargetTable {
  tenant_id: string;
  year: number;
  quarter: number;
  target: number;
  set_by: string | null;
  updated_at: Updated;
}

export interface SettlementSettingsTable {
  tenant_id: string;
  agreed_target_days: number | null;
  checklist: ColumnType<unknown[] | null, string | null | undefined, string | null>;
  unit_for_role: ColumnType<Record<string, string>, string | undefined, string>;
  retention_months: Generated<number>;
  emergency_phone: Generated<string>;
  version: Generated<number>;
  updated_at: Updated;
}

export interface IntakeBatchTable {
  tenant_id: string;
  id: Generated<string>;
  file_name: Generated<string>;
  file_sha256: string;
  format: 'json' | 'csv';
  cases_total: number;
  cases_created: number;
  problems: number;
  imported_by: string | null;
  imported_at: Generated<Date>;
}

type Json<T> = ColumnType<T, string, string>;

export interface AllocationCriteriaVersionTable {
  tenant_id: string;
  version: number;
  criteria: Json<unknown>;
  note: Generated<string>;
  created_by: string | null;
  created_at: Generated<Date>;
}

export interface AllocationSettingsTable {
  tenant_id: string;
  refusal_reasons: Json<{ code: string; label: string }[]>;
  offer_answer_days: Generated<number>;
  appeal_office: Generated<string>;
  appeal_address: Generated<string>;
  appeal_body: Generated<string>;
  version: Generated<number>;
  updated_at: Updated;
}

export interface AllocationRunTable {
  tenant_id: string;
  id: Generated<string>;
  criteria_version: number;
  planned_move_in: string;
  previous_run_id: string | null;
  input: Json<unknown>;
  result: Json<unknown>;
  households: number;
  dwellings: number;
  objective: ColumnType<string, number | string, never>;
  bound: ColumnType<string, number | string, never>;
  millis: number;
  created_by: string | null;
  created_at: Generated<Date>;
}

export interface AllocationOfferTable {
  tenant_id: string;
  id: Generated<string>;
  household_id: string;
  dwelling_id: string;
  run_id: string | null;
  criteria_version: number;
  state: Generated<'reserved' | 'offered' | 'accepted' | 'refused' | 'withdrawn' | 'expired'>;
  score: number | null;
  explanation: ColumnType<unknown, string | undefined, string>;
  reserved_at: Generated<Date>;
  reserved_by: string | null;
  offered_at: Date | null;
  offered_by: string | null;
  answer_due: string | null;
  answered_at: Date | null;
  answered_on: string | null;
  refusal_reason: string | null;
  refusal_text: Generated<string>;
  consequence: 'new_offer' | 'no_new_offer' | 'finds_own' | 'under_dialogue' | null;
  letter_form: 'nb' | 'nn' | null;
  summary_language: string | null;
  closed_reason: Generated<string>;
  version: Generated<number>;
  updated_at: Updated;
}

export interface AllocationDecisionTable {
  tenant_id: string;
  id: Generated<string>;
  reference: string;
  household_id: string;
  offer_id: string | null;
  dwelling_id: string | null;
  outcome: 'allocated' | 'rejected';
  criteria_version: number;
  assessment: string;
  letter_form: Generated<'nb' | 'nn'>;
  appeal_deadline: string;
  lease_id: string | null;
  decided_by: string | null;
  decided_at: Generated<Date>;
}

export interface AllocationAppealTable {
  tenant_id: string;
  id: Generated<string>;
  decision_id: string;
  received_on: string;
  grounds: string;
  state: Generated<'received' | 'upheld_by_office' | 'reversed_by_office' | 'sent_to_appeal_body' | 'upheld' | 'reversed' | 'withdrawn'>;
  outcome_on: string | null;
  outcome_note: Generated<string>;
  registered_by: string | null;
  created_at: Generated<Date>;
  version: Generated<number>;
  updated_at: Updated;
}

export interface AllocationLetterTable {
  tenant_id: string;
  id: Generated<string>;
  kind: 'offer' | 'decision';
  offer_id: string | null;
  decision_id: string | null;
  form: 'nb' | 'nn';
  summary_language: string | null;
  pdf: Uint8Array;
  sha256: string;
  created_by: string | null;
  created_at: Generated<Date>;
}

export interface LeaseTable {
  tenant_id: string;
  id: Generated<string>;
  reference: string;
  kind: 'head' | 'sub' | 'direct';
  dwelling_id: string;
  head_lease_id: string | null;
  landlord_id: string | null;
  tenant_person_id: string | null;
  responsible_unit_id: string | null;
  start_date: CalendarDate;
  end_date: CalendarDate | null;
  terminated_on: CalendarDate | null;
  legal_basis: 'hl_9_3' | 'hl_11_1' | 'open_ended';
  rent_ore: number;
  deposit_ore: Generated<number>;
  security_kind: Generated<'none' | 'deposit' | 'deposit_guarantee' | 'rent_guarantee'>;
  rent_paid_in_advance: Generated<boolean>;
  signed_by_user_id: string | null;
  signed_on: CalendarDate | null;
  state: Generated<'active' | 'notice_given' | 'ended' | 'cancelled'>;
  notice_given_on: CalendarDate | null;
  termination_reason: string | null;
  termination_note: Generated<string>;
  maintenance_duties: Generated<string>;
  notes: Generated<string>;
  period: ColumnType<string, never, never>;
  layer: ColumnType<'head' | 'occupancy', never, never>;
  created_at: CreatedAt;
  updated_at: Updated;
  version: Generated<number>;
}

export interface NeedsAssessmentTable {
  tenant_id: string;
  id: Generated<string>;
  lease_id: string;
  assessed_on: CalendarDate;
  outcome: string;
  reasons: string;
  could_buy: boolean | null;
  assessed_by: string;
  created_at: CreatedAt;
}

export interface LeaseRenewalTable {
  tenant_id: string;
  id: Generated<string>;
  lease_id: string;
  assessment_id: string;
  previous_end: CalendarDate | null;
  new_end: CalendarDate | null;
  renewed_on: CalendarDate;
  renewed_by: string;
  created_at: CreatedAt;
}

export interface MoveOutInspectionTable {
  tenant_id: string;
  id: Generated<string>;
  lease_id: string;
  inspected_on: CalendarDate;
  inspected_by: string | null;
  damages: ColumnType<{ description: string; costOre: number }[], string, string>;
  total_cost_ore: Generated<number>;
  deposit_withheld_ore: Generated<number>;
  notes: Generated<string>;
  created_at: CreatedAt;
}

export interface LetterTable {
  tenant_id: string;
  id: Generated<string>;
  lease_id: string;
  kind: 'lease_end_notice' | 'next_steps_meeting';
  language: 'nb' | 'nn';
  meeting_at: Date | null;
  meeting_place: Generated<string>;
  pdf: Uint8Array;
  sha256: string;
  created_by: string;
  created_at: CreatedAt;
}

export type TaskSubjectType = 'dwelling' | 'building' | 'lease' | 'landlord' | 'household' | 'person';

export interface TaskTable {
  tenant_id: string;
  id: Generated<string>;
  kind: string;
  title: Generated<string>;
  description: Generated<string>;
  params: ColumnType<Record<string, string | number | null>, string | undefined, string>;
  subject_type: TaskSubjectType | null;
  subject_id: string | null;
  due_on: CalendarDate;
  assignee_user_id: string | null;
  assignee_unit_id: string | null;
  state: Generated<'open' | 'done' | 'dismissed'>;
  dedupe_key: string | null;
  completed_at: Date | null;
  completed_by: string | null;
  completion_note: Generated<string>;
  notified_at: Date | null;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: Updated;
  version: Generated<number>;
}

export interface CalendarFeedTable {
  tenant_id: string;
  id: Generated<string>;
  user_id: string;
  token_hash: string;
  created_at: CreatedAt;
  revoked_at: Date | null;
}

export interface DB {
  'app.municipality': MunicipalityTable;
  'app.unit': UnitTable;
  'app.staff_user': StaffUserTable;
  'app.staff_unit': StaffUnitTable;
  'app.session': SessionTable;
  'app.staff_identity': StaffIdentityTable;
  'app.oidc_enrolment': OidcEnrolmentTable;
  'app.audit_log': AuditLogTable;
  'app.housing_settings': HousingSettingsTable;
  'app.building': BuildingTable;
  'app.dwelling': DwellingTable;
  'app.dwelling_status_event': DwellingStatusEventTable;
  'app.landlord': LandlordTable;
  'app.landlord_incident': LandlordIncidentTable;
  'app.person': PersonTable;
  'app.lease': LeaseTable;
  'app.needs_assessment': NeedsAssessmentTable;
  'app.lease_renewal': LeaseRenewalTable;
  'app.move_out_inspection': MoveOutInspectionTable;
  'app.letter': LetterTable;
  'app.task': TaskTable;
  'app.calendar_feed': CalendarFeedTable;
  'app.person_language': PersonLanguageTable;
  'app.person_identity_event': PersonIdentityEventTable;
  'app.special_category_record': SpecialCategoryRecordTable;
  'app.household': HouseholdTable;
  'app.household_member': HouseholdMemberTable;
  'app.pipeline_event': PipelineEventTable;
  'app.household_contact': HouseholdContactTable;
  'app.settlement_target': SettlementTargetTable;
  'app.settlement_settings': SettlementSettingsTable;
  'app.intake_batch': IntakeBatchTable;
  'app.allocation_criteria_version': AllocationCriteriaVersionTable;
  'app.allocation_settings': AllocationSettingsTable;
  'app.allocation_run': AllocationRunTable;
  'app.allocation_offer': AllocationOfferTable;
  'app.allocation_decision': AllocationDecisionTable;
  'app.allocation_appeal': AllocationAppealTable;
  'app.allocation_letter': AllocationLetterTable;
}
