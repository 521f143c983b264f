import type { ColumnType, Generated } from 'kysely';

// Kysely's view of the schema `app`. Keep in step with server/db/migrations.
type CreatedAt = ColumnType<Date, never, never>;
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface MunicipalityTable {
  tenant_id: Generated<string>;
  kommunenummer: string;
  name: string;
  language: 'nb' | 'nn';
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

export interface DB {
  'app.municipality': MunicipalityTable;
  'app.unit': UnitTable;
  'app.staff_user': StaffUserTable;
  'app.staff_unit': StaffUnitTable;
  'app.session': SessionTable;
}
