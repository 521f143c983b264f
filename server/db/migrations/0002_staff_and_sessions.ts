import type { Kysely } from 'kysely';
import { APP_ROLE } from '../db';
import { execute, grantToApp, tenantIsolation } from '../sql-helpers';

const roles = `'admin', 'bosetter', 'boligkontor', 'eiendom', 'nav_veileder', 'miljoarbeider', 'leder', 'revisor'`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await execute(
    db,
    `CREATE TABLE app.staff_user (
       tenant_id uuid NOT NULL REFERENCES app.municipality (tenant_id),
       id uuid NOT NULL DEFAULT gen_random_uuid(),
       email text NOT NULL CHECK (email = lower(email) AND char_length(email) BETWEEN 3 AND 254),
       display_name text NOT NULL CHECK (char_length(display_name) BETWEEN 1 AND 200),
       roles text[] NOT NULL DEFAULT '{}' CHECK (roles <@ ARRAY[${roles}]::text[]),
       password_hash text,
       active boolean NOT NULL DEFAULT true,
       failed_logins integer NOT NULL DEFAULT 0,
       locked_until timestamptz,
       created_at timestamptz NOT NULL DEFAULT now(),
       version integer NOT NULL DEFAULT 1,
       PRIMARY KEY (tenant_id, id),
       CONSTRAINT staff_user_email_key UNIQUE (tenant_id, email)
     );
     CREATE TABLE app.staff_unit (
       tenant_id uuid NOT NULL,
       user_id uuid NOT NULL,
       unit_id uuid NOT NULL,
       PRIMARY KEY (tenant_id, user_id, unit_id),
       FOREIGN KEY (tenant_id, user_id) REFERENCES app.staff_user (tenant_id, id) ON DELETE CASCADE,
       FOREIGN KEY (tenant_id, unit_id) REFERENCES app.unit (tenant_id, id)
     );
     CREATE INDEX staff_unit_unit_idx ON app.staff_unit (tenant_id, unit_id);
     -- Server-side sessions. id is the SHA-256 of the cookie token, never the token itself.
     CREATE TABLE app.session (
       tenant_id uuid NOT NULL,
       id text NOT NULL CHECK (id ~ '^[0-9a-f]{64}$'),
       user_id uuid NOT NULL,
       csrf_token text NOT NULL,
       active_unit_id uuid,
       created_at timestamptz NOT NULL DEFAULT now(),
       last_seen_at timestamptz NOT NULL DEFAULT now(),
       expires_at timestamptz NOT NULL,
       PRIMARY KEY (tenant_id, id),
       FOREIGN KEY (tenant_id, user_id) REFERENCES app.staff_user (tenant_id, id) ON DELETE CASCADE,
       FOREIGN KEY (tenant_id, active_unit_id) REFERENCES app.unit (tenant_id, id)
     );
     CREATE INDEX session_id_idx ON app.session (id);
     CREATE INDEX session_user_idx ON app.session (tenant_id, user_id);`,
  );
  for (const table of ['staff_user', 'staff_unit', 'session']) {
    await tenantIsolation(table).execute(db);
  }
  await grantToApp('staff_user', 'SELECT, INSERT, UPDATE').execute(db);
  await grantToApp('staff_unit', 'SELECT, INSERT, DELETE').execute(db);
  await grantToApp('session', 'SELECT, INSERT, UPDATE, DELETE').execute(db);

  // Before authentication the tenant is unknown. These two SECURITY DEFINER functions are the
  // only doors across tenants: each answers one narrow question and returns ids, nothing else.
  // search_path is pinned (RELIABILITY.md §3.2).
  await execute(
    db,
    `CREATE FUNCTION app.find_login(p_email text)
       RETURNS TABLE (tenant_id uuid, user_id uuid)
       LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
       AS $$ SELECT u.tenant_id, u.id FROM app.staff_user u WHERE u.email = lower(p_email) $$;
     CREATE FUNCTION app.resolve_session(p_session_id text)
       RETURNS uuid
       LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
       AS $$ SELECT s.tenant_id FROM app.session s WHERE s.id = p_session_id $$;
     REVOKE ALL ON FUNCTION app.find_login(text) FROM PUBLIC;
     REVOKE ALL ON FUNCTION app.resolve_session(text) FROM PUBLIC;
     GRANT EXECUTE ON FUNCTION app.find_login(text) TO ${APP_ROLE};
     GRANT EXECUTE ON FUNCTION app.resolve_session(text) TO ${APP_ROLE};`,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await execute(
    db,
    `DROP FUNCTION app.resolve_session(text);
     DROP FUNCTION app.find_login(text);
     DROP TABLE app.session;
     DROP TABLE app.staff_unit;
     DROP TABLE app.staff_user;`,
  );
}
