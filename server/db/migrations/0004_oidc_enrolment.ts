import type { Kysely } from 'kysely';
import { APP_ROLE } from '../db';
import { execute, tenantIsolation } from '../sql-helpers';

// OIDC enrolment (decision 006): an administrator creates a one-time link that binds the first
// OIDC login through it to a staff member, because Entra ID and ID-porten issue per-application
// (pairwise) `sub`s nobody can know beforehand. Linked identities get an id so that an
// administrator can see and remove them.

export async function up(db: Kysely<unknown>): Promise<void> {
  await execute(
    db,
    `ALTER TABLE app.staff_identity ADD COLUMN id uuid NOT NULL DEFAULT gen_random_uuid();
     ALTER TABLE app.staff_identity ADD CONSTRAINT staff_identity_id_key UNIQUE (tenant_id, id);

     -- One row per link. Only the SHA-256 of the 256-bit token is stored; the token itself is
     -- shown once, to the administrator who created it.
     CREATE TABLE app.oidc_enrolment (
       tenant_id uuid NOT NULL,
       id uuid NOT NULL DEFAULT gen_random_uuid(),
       user_id uuid NOT NULL,
       provider_id text NOT NULL CHECK (provider_id ~ '^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$'),
       token_hash text NOT NULL CHECK (token_hash ~ '^[0-9a-f]{64}$'),
       expires_at timestamptz NOT NULL,
       used_at timestamptz,
       revoked_at timestamptz,
       created_by uuid NOT NULL,
       created_at timestamptz NOT NULL DEFAULT now(),
       PRIMARY KEY (tenant_id, id),
       CONSTRAINT oidc_enrolment_token_hash_key UNIQUE (tenant_id, token_hash),
       CONSTRAINT oidc_enrolment_user_fkey FOREIGN KEY (tenant_id, user_id)
         REFERENCES app.staff_user (tenant_id, id) ON DELETE CASCADE,
       CONSTRAINT oidc_enrolment_created_by_fkey FOREIGN KEY (tenant_id, created_by)
         REFERENCES app.staff_user (tenant_id, id),
       CONSTRAINT oidc_enrolment_closed_once CHECK (used_at IS NULL OR revoked_at IS NULL)
     );
     -- The login looks a token up before the tenant is known (app.resolve_enrolment).
     CREATE INDEX oidc_enrolment_token_idx ON app.oidc_enrolment (token_hash);
     -- At most one open link per staff member and provider: a new one revokes the earlier ones.
     CREATE UNIQUE INDEX oidc_enrolment_open_key ON app.oidc_enrolment (tenant_id, user_id, provider_id)
       WHERE used_at IS NULL AND revoked_at IS NULL;`,
  );
  await tenantIsolation('oidc_enrolment').execute(db);
  // A link is created, read, and then only ever closed (used or revoked): the token hash, the
  // staff member, the provider and the expiry cannot be changed by the runtime role.
  await execute(
    db,
    `GRANT SELECT, INSERT ON app.oidc_enrolment TO ${APP_ROLE};
     GRANT UPDATE (used_at, revoked_at) ON app.oidc_enrolment TO ${APP_ROLE};`,
  );

  // The third door across tenants, like app.resolve_session: which municipality a token hash
  // belongs to, and nothing else. Whether the link is still open is decided inside that tenant.
  await execute(
    db,
    `CREATE FUNCTION app.resolve_enrolment(p_token_hash text)
       RETURNS uuid
       LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
       AS $$ SELECT e.tenant_id FROM app.oidc_enrolment e WHERE e.token_hash = p_token_hash $$;
     REVOKE ALL ON FUNCTION app.resolve_enrolment(text) FROM PUBLIC;
     GRANT EXECUTE ON FUNCTION app.resolve_enrolment(text) TO ${APP_ROLE};`,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await execute(
    db,
    `DROP FUNCTION app.resolve_enrolment(text);
     DROP TABLE app.oidc_enrolment;
     ALTER TABLE app.staff_identity DROP CONSTRAINT staff_identity_id_key;
     ALTER TABLE app.staff_identity DROP COLUMN id;`,
  );
}
