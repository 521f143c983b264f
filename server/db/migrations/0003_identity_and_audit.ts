import type { Kysely } from 'kysely';
import { APP_ROLE } from '../db';
import { execute, grantToApp, tenantIsolation } from '../sql-helpers';

// Issue 3: external identities (OIDC), the municipality's insight setting, and the audit trail
// (hendelseslogg): append-only, hash-chained per municipality.

export async function up(db: Kysely<unknown>): Promise<void> {
  await execute(
    db,
    `-- C-579/21: the data subject is owed dates and purposes; employee names only where needed.
     ALTER TABLE app.municipality ADD COLUMN insight_employee_names boolean NOT NULL DEFAULT false;

     -- An OIDC login maps (issuer, sub) to a staff member; never by e-mail alone.
     CREATE TABLE app.staff_identity (
       tenant_id uuid NOT NULL,
       user_id uuid NOT NULL,
       issuer text NOT NULL CHECK (char_length(issuer) BETWEEN 1 AND 500),
       subject text NOT NULL CHECK (char_length(subject) BETWEEN 1 AND 255),
       created_at timestamptz NOT NULL DEFAULT now(),
       PRIMARY KEY (tenant_id, issuer, subject),
       FOREIGN KEY (tenant_id, user_id) REFERENCES app.staff_user (tenant_id, id) ON DELETE CASCADE
     );
     CREATE INDEX staff_identity_lookup_idx ON app.staff_identity (issuer, subject);

     CREATE TABLE app.audit_log (
       tenant_id uuid NOT NULL REFERENCES app.municipality (tenant_id),
       seq bigint NOT NULL,
       id uuid NOT NULL DEFAULT gen_random_uuid(),
       occurred_at timestamptz NOT NULL,
       actor_user_id uuid,
       actor_unit_id uuid,
       actor_roles text[] NOT NULL DEFAULT '{}',
       action text NOT NULL CHECK (action IN ('display', 'create', 'update', 'deactivate', 'export',
         'login', 'login_failed', 'logout', 'password_change')),
       entity text NOT NULL CHECK (char_length(entity) BETWEEN 1 AND 60),
       subject_type text CHECK (subject_type IN ('person', 'household', 'staff_user')),
       subject_id uuid,
       fields text[] NOT NULL DEFAULT '{}',
       purpose text NOT NULL CHECK (char_length(purpose) BETWEEN 1 AND 60),
       purpose_ref text CHECK (char_length(purpose_ref) <= 200),
       request_id text CHECK (char_length(request_id) <= 64),
       prev_hash bytea NOT NULL,
       hash bytea NOT NULL,
       PRIMARY KEY (tenant_id, seq),
       CONSTRAINT audit_log_id_key UNIQUE (tenant_id, id)
     );
     CREATE INDEX audit_log_subject_idx ON app.audit_log (tenant_id, subject_id, occurred_at);
     CREATE INDEX audit_log_actor_idx ON app.audit_log (tenant_id, actor_user_id, occurred_at);
     CREATE INDEX audit_log_time_idx ON app.audit_log (tenant_id, occurred_at);

     -- The canonical bytes of an entry; the chain hash is sha256(prev_hash || these bytes).
     CREATE FUNCTION app.audit_digest(p_prev bytea, e app.audit_log) RETURNS bytea
       LANGUAGE sql IMMUTABLE SET search_path = pg_catalog, pg_temp
       AS $$ SELECT sha256(p_prev || convert_to(concat_ws(chr(31),
         e.tenant_id::text, e.seq::text, e.id::text,
         to_char(e.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US'),
         coalesce(e.actor_user_id::text, ''), coalesce(e.actor_unit_id::text, ''),
         array_to_string(e.actor_roles, ','), e.action, e.entity,
         coalesce(e.subject_type, ''), coalesce(e.subject_id::text, ''),
         array_to_string(e.fields, ','), e.purpose, coalesce(e.purpose_ref, ''),
         coalesce(e.request_id, '')), 'UTF8')) $$;

     -- Sequence and chain are set by the database, under a per-tenant lock, whatever the caller sends.
     CREATE FUNCTION app.audit_chain() RETURNS trigger
       LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp
       AS $$
       DECLARE last_seq bigint; last_hash bytea;
       BEGIN
         PERFORM pg_advisory_xact_lock(hashtextextended('husly-audit:' || NEW.tenant_id::text, 0));
         SELECT a.seq, a.hash INTO last_seq, last_hash FROM app.audit_log a
           WHERE a.tenant_id = NEW.tenant_id ORDER BY a.seq DESC LIMIT 1;
         NEW.seq := coalesce(last_seq, 0) + 1;
         NEW.prev_hash := coalesce(last_hash, '\\x'::bytea);
         NEW.hash := app.audit_digest(NEW.prev_hash, NEW);
         RETURN NEW;
       END $$;
     CREATE TRIGGER audit_log_chain BEFORE INSERT ON app.audit_log
       FOR EACH ROW EXECUTE FUNCTION app.audit_chain();

     CREATE FUNCTION app.find_identity(p_issuer text, p_subject text)
       RETURNS TABLE (tenant_id uuid, user_id uuid)
       LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
       AS $$ SELECT i.tenant_id, i.user_id FROM app.staff_identity i
             WHERE i.issuer = p_issuer AND i.subject = p_subject $$;
     REVOKE ALL ON FUNCTION app.find_identity(text, text) FROM PUBLIC;
     GRANT EXECUTE ON FUNCTION app.find_identity(text, text) TO ${APP_ROLE};`,
  );
  await tenantIsolation('staff_identity').execute(db);
  await tenantIsolation('audit_log').execute(db);
  await grantToApp('staff_identity', 'SELECT, INSERT, DELETE').execute(db);
  // Append-only: the runtime role may add and read entries, never change or remove them.
  await grantToApp('audit_log', 'SELECT, INSERT').execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await execute(
    db,
    `DROP FUNCTION app.find_identity(text, text);
     DROP TRIGGER audit_log_chain ON app.audit_log;
     DROP FUNCTION app.audit_chain();
     DROP FUNCTION app.audit_digest(bytea, app.audit_log);
     DROP TABLE app.audit_log;
     DROP TABLE app.staff_identity;
     ALTER TABLE app.municipality DROP COLUMN insight_employee_names;`,
  );
}
