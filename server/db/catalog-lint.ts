import { sql, type Kysely } from 'kysely';

export type LintFinding = { check: string; object: string };

/**
 * RELIABILITY.md §3.3: the row-level-security checklist as catalog queries. `runtime` is a
 * handle that runs as the runtime role; every check must return no rows.
 */
export async function catalogLint(runtime: Kysely<unknown>): Promise<LintFinding[]> {
  const checks: Record<string, string> = {
    // every table with a tenant_id column has RLS enabled AND forced
    'rls-enabled-and-forced': `
      SELECT c.relname AS object FROM pg_class c
      JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'tenant_id' AND NOT a.attisdropped
      WHERE c.relkind IN ('r', 'p') AND c.relnamespace = 'app'::regnamespace
        AND NOT (c.relrowsecurity AND c.relforcerowsecurity)`,
    // every table in app is tenant-owned (has tenant_id) — reference data lives elsewhere
    'tenant-id-everywhere': `
      SELECT c.relname AS object FROM pg_class c
      WHERE c.relkind IN ('r', 'p') AND c.relnamespace = 'app'::regnamespace
        AND NOT EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'tenant_id' AND NOT a.attisdropped)`,
    // every RLS table has at least one policy
    'policy-present': `
      SELECT c.relname AS object FROM pg_class c
      WHERE c.relkind IN ('r', 'p') AND c.relnamespace = 'app'::regnamespace AND c.relrowsecurity
        AND NOT EXISTS (SELECT 1 FROM pg_policy p WHERE p.polrelid = c.oid)`,
    // the runtime role is not superuser nor BYPASSRLS
    'runtime-role-privileges': `
      SELECT rolname AS object FROM pg_roles
      WHERE rolname = current_user AND (rolsuper OR rolbypassrls OR rolcreaterole OR rolcreatedb)`,
    // the runtime role owns nothing
    'runtime-role-owns-nothing': `
      SELECT relname AS object FROM pg_class WHERE relowner = (SELECT oid FROM pg_roles WHERE rolname = current_user)
      UNION ALL
      SELECT proname FROM pg_proc WHERE proowner = (SELECT oid FROM pg_roles WHERE rolname = current_user)
      UNION ALL
      SELECT nspname FROM pg_namespace WHERE nspowner = (SELECT oid FROM pg_roles WHERE rolname = current_user)`,
    // views are security_invoker
    'views-security-invoker': `
      SELECT c.relname AS object FROM pg_class c
      WHERE c.relkind = 'v' AND c.relnamespace = 'app'::regnamespace
        AND NOT coalesce('security_invoker=true' = ANY (c.reloptions), false)`,
    // SECURITY DEFINER functions pin search_path
    'definer-search-path': `
      SELECT p.proname AS object FROM pg_proc p
      WHERE p.prosecdef AND p.pronamespace = 'app'::regnamespace
        AND NOT coalesce(array_to_string(p.proconfig, ',') LIKE '%search_path=%', false)`,
    // uniqueness includes tenant_id on tenant tables (no cross-tenant existence oracle, §3.2 P3);
    // the municipality table is the tenant itself and its kommunenummer is public.
    'unique-includes-tenant': `
      SELECT c.relname || '.' || i.relname AS object FROM pg_index x
      JOIN pg_class c ON c.oid = x.indrelid
      JOIN pg_class i ON i.oid = x.indexrelid
      WHERE x.indisunique AND c.relnamespace = 'app'::regnamespace AND c.relname <> 'municipality'
        AND NOT EXISTS (
          SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'tenant_id'
            AND a.attnum = ANY (x.indkey))`,
    // foreign keys between tenant tables include tenant_id
    'foreign-keys-include-tenant': `
      SELECT c.relname || '.' || con.conname AS object FROM pg_constraint con
      JOIN pg_class c ON c.oid = con.conrelid
      WHERE con.contype = 'f' AND c.relnamespace = 'app'::regnamespace
        AND NOT EXISTS (
          SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'tenant_id'
            AND a.attnum = ANY (con.conkey))`,
  };
  const findings: LintFinding[] = [];
  for (const [check, query] of Object.entries(checks)) {
    const result = await sql.raw<{ object: string }>(query).execute(runtime);
    for (const row of result.rows) findings.push({ check, object: row.object });
  }
  return findings;
}
