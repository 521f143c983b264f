import { sql, type Kysely } from 'kysely';

/**
 * A stable text description of schema `app` (tables, columns, constraints, indexes, policies,
 * functions, grants), used to prove that a migration's down() restores the previous schema and
 * to keep a reviewed snapshot of the final one.
 */
export async function describeSchema(db: Kysely<unknown>): Promise<string> {
  const queries: [string, string][] = [
    [
      'schema',
      `SELECT nspname AS line FROM pg_namespace WHERE nspname = 'app'`,
    ],
    [
      'columns',
      `SELECT table_name || '.' || column_name || ' ' || data_type
              || CASE WHEN is_nullable = 'NO' THEN ' not null' ELSE '' END
              || coalesce(' default ' || column_default, '') AS line
         FROM information_schema.columns WHERE table_schema = 'app'
         ORDER BY table_name, ordinal_position`,
    ],
    [
      'constraints',
      `SELECT c.relname || ' ' || con.conname || ' ' || pg_get_constraintdef(con.oid) AS line
         FROM pg_constraint con JOIN pg_class c ON c.oid = con.conrelid
        WHERE c.relnamespace = 'app'::regnamespace AND con.contype <> 'n' ORDER BY 1`,
    ],
    [
      'indexes',
      `SELECT indexdef AS line FROM pg_indexes WHERE schemaname = 'app' ORDER BY indexname`,
    ],
    [
      'rls',
      `SELECT relname || ' enabled=' || relrowsecurity || ' forced=' || relforcerowsecurity AS line
         FROM pg_class WHERE relnamespace = 'app'::regnamespace AND relkind IN ('r', 'p') ORDER BY relname`,
    ],
    [
      'policies',
      `SELECT tablename || ' ' || policyname || ' ' || cmd || ' using ' || coalesce(qual, '-')
              || ' check ' || coalesce(with_check, '-') AS line
         FROM pg_policies WHERE schemaname = 'app' ORDER BY tablename, policyname`,
    ],
    [
      'functions',
      `SELECT p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ') definer=' || p.prosecdef
              || ' config=' || coalesce(array_to_string(p.proconfig, ','), '-') AS line
         FROM pg_proc p WHERE p.pronamespace = 'app'::regnamespace ORDER BY 1`,
    ],
    [
      'triggers',
      `SELECT t.tgname || ' on ' || c.relname || ' ' || pg_get_triggerdef(t.oid) AS line
         FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
        WHERE NOT t.tgisinternal AND c.relnamespace = 'app'::regnamespace ORDER BY 1`,
    ],
    [
      'grants',
      `SELECT table_name || ' ' || grantee || ' ' || string_agg(privilege_type, ',' ORDER BY privilege_type) AS line
         FROM information_schema.role_table_grants
        WHERE table_schema = 'app' AND grantee = 'husly_app'
        GROUP BY table_name, grantee ORDER BY 1`,
    ],
  ];
  const sections: string[] = [];
  for (const [title, query] of queries) {
    const result = await sql.raw<{ line: string }>(query).execute(db);
    sections.push(`## ${title}\n${result.rows.map((r) => r.line).join('\n')}`);
  }
  return sections.join('\n\n') + '\n';
}
