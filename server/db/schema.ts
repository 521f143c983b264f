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
  | 'password_change';

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
  subject_type: 'person' | 'household' | 'staff_user' | null;
  subject_id: string | null;
  fields: string[];
  purpose: string;
  purpose_ref: string | null;
  request_id: string | null;
  prev_hash: Generated<Uint8Array>;
  hash: Generated<Uint8Array>;
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
}
