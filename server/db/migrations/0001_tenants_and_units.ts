import { sql, type Kysely } from 'kysely';
import { APP_ROLE } from '../db';
import { CURRENT_TENANT, execute, grantToApp, tenantIsolation } from '../sql-helpers';

// The tenant is the municipality (kommune). Oslo's city districts are units of kind 'bydel'
// inside Oslo. Units organise staff: flyktningtjeneste, boligkontor, eiendom, NAV-kontor …

export async function up(db: Kysely<unknown>): Promise<void> {
  // Roles are cluster-wide; create once, never drop (other databases on the server may use it).
  await execute(
    db,
    `DO $$ BEGIN
       IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${APP_ROLE}') THEN
         CREATE ROLE ${APP_ROLE} NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE NOINHERIT;
       END IF;
     END $$;`,
  );
  await execute(db, `CREATE SCHEMA app; GRANT USAGE ON SCHEMA app TO ${APP_ROLE};`);

  await execute(
    db,
    `CREATE TABLE app.municipality (
       tenant_id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
       kommunenummer text NOT NULL CHECK (kommunenummer ~ '^[0-9]{4}$'),
       name text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 120),
       language text NOT NULL CHECK (language IN ('nb', 'nn')),
       created_at timestamptz NOT NULL DEFAULT now(),
       version integer NOT NULL DEFAULT 1,
       CONSTRAINT municipality_kommunenummer_key UNIQUE (kommunenummer)
     );
     ALTER TABLE app.municipality ENABLE ROW LEVEL SECURITY;
     ALTER TABLE app.municipality FORCE ROW LEVEL SECURITY;
     -- A tenant sees only itself. Creating municipalities is a platform act: the platform
     -- context is set by the server for platform administrators and the seed only.
     CREATE POLICY municipality_tenant_isolation ON app.municipality
       USING (tenant_id = ${CURRENT_TENANT} OR current_setting('app.platform', true) = 'on')
       WITH CHECK (tenant_id = ${CURRENT_TENANT} OR current_setting('app.platform', true) = 'on');`,
  );
  await grantToApp('municipality', 'SELECT, INSERT, UPDATE').execute(db);

  await execute(
    db,
    `CREATE TABLE app.unit (
       tenant_id uuid NOT NULL REFERENCES app.municipality (tenant_id),
       id uuid NOT NULL DEFAULT gen_random_uuid(),
       name text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 120),
       kind text NOT NULL CHECK (kind IN ('bydel', 'flyktningtjeneste', 'boligkontor',
         'tildelingskontor', 'eiendom', 'nav_kontor', 'introduksjonssenter', 'annet')),
       parent_id uuid,
       created_at timestamptz NOT NULL DEFAULT now(),
       updated_at timestamptz NOT NULL DEFAULT now(),
       version integer NOT NULL DEFAULT 1,
       PRIMARY KEY (tenant_id, id),
       CONSTRAINT unit_name_key UNIQUE (tenant_id, name),
       CONSTRAINT unit_parent_fkey FOREIGN KEY (tenant_id, parent_id)
         REFERENCES app.unit (tenant_id, id),
       CONSTRAINT unit_not_own_parent CHECK (parent_id IS DISTINCT FROM id)
     );`,
  );
  await tenantIsolation('unit').execute(db);
  await grantToApp('unit', 'SELECT, INSERT, UPDATE').execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP SCHEMA app CASCADE`.execute(db);
}
