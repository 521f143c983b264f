import type { Kysely } from 'kysely';
import * as m0001 from './0001_tenants_and_units';
import * as m0002 from './0002_staff_and_sessions';
import * as m0003 from './0003_identity_and_audit';
import * as m0004 from './0004_oidc_enrolment';
import * as m0005 from './0005_housing_stock';
import * as m0006 from './0006_households_and_pipeline';
import * as m0007 from './0007_allocation';

export type Migration = {
  name: string;
  up(db: Kysely<unknown>): Promise<void>;
  down(db: Kysely<unknown>): Promise<void>;
};

/** Ordered. Append only; never edit a migration that has shipped. */
export const migrations: readonly Migration[] = [
  { name: '0001_tenants_and_units', ...m0001 },
  { name: '0002_staff_and_sessions', ...m0002 },
  { name: '0003_identity_and_audit', ...m0003 },
  { name: '0004_oidc_enrolment', ...m0004 },
  { name: '0005_housing_stock', ...m0005 },
  { name: '0006_households_and_pipeline', ...m0006 },
  { name: '0007_allocation', ...m0007 },
];
