import pg from 'pg';

// The application should not connect as the database owner or a superuser: an owner can disable
// the audit trigger and a superuser can `SET session_replication_role = replica` to skip it, so
// the append-only audit trail would be append-only only by convention. Migrations keep running as
// the owner; the web server and workers connect as this login role, which may read and write the
// tables but never UPDATE, DELETE or TRUNCATE audit_events, nor touch the migration history.
// Idempotent: run after every migration so new tables are covered (default privileges cover
// tables the owner creates later, and the audit revocation is re-applied).
export async function ensureAppRole(ownerUrl: string, role: string, password: string): Promise<string> {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(role)) throw new Error(`Invalid role name ${role}`);
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    const exists = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role]);
    const verb = exists.rowCount ? 'ALTER' : 'CREATE';
    await client.query(
      `${verb} ROLE "${role}" LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS NOREPLICATION PASSWORD ${client.escapeLiteral(password)}`,
    );
    const { rows } = await client.query<{ db: string }>('SELECT current_database() AS db');
    const db = client.escapeIdentifier(rows[0]!.db);
    const grants = [
      // CREATE: pg-boss creates its own schema (pgboss) on first start.
      `GRANT CONNECT, CREATE ON DATABASE ${db} TO "${role}"`,
      `GRANT USAGE ON SCHEMA public TO "${role}"`,
      `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO "${role}"`,
      `GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO "${role}"`,
      `ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO "${role}"`,
      `ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO "${role}"`,
      `REVOKE UPDATE, DELETE, TRUNCATE ON audit_events FROM "${role}"`,
      `REVOKE ALL ON _prisma_migrations FROM "${role}"`,
    ];
    for (const sql of grants) await client.query(sql);
    const pgboss = await client.query(`SELECT 1 FROM pg_namespace WHERE nspname = 'pgboss'`);
    if (pgboss.rowCount) {
      // pg-boss runs DDL as it works — a new queue attaches a partition to pgboss.job, an upgrade
      // alters its tables — which only an owner may do. The job queue holds no audit record, so
      // the app role owns it outright, whoever created it first (a process run as the owner).
      await client.query(`ALTER SCHEMA pgboss OWNER TO "${role}"`);
      await client.query(`DO $$
        DECLARE r record;
        BEGIN
          FOR r IN SELECT c.oid::regclass AS name, c.relkind FROM pg_class c
                     JOIN pg_namespace n ON n.oid = c.relnamespace
                    WHERE n.nspname = 'pgboss' AND c.relkind IN ('r', 'p', 'v', 'S') LOOP
            BEGIN
              EXECUTE format('ALTER %s %s OWNER TO %I',
                CASE r.relkind WHEN 'S' THEN 'SEQUENCE' WHEN 'v' THEN 'VIEW' ELSE 'TABLE' END, r.name, '${role}');
            EXCEPTION WHEN feature_not_supported OR object_not_in_prerequisite_state THEN
              NULL; -- a sequence owned by a column follows its table
            END;
          END LOOP;
          FOR r IN SELECT p.oid::regprocedure AS name FROM pg_proc p
                     JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'pgboss' LOOP
            EXECUTE format('ALTER ROUTINE %s OWNER TO %I', r.name, '${role}');
          END LOOP;
          FOR r IN SELECT t.oid::regtype AS name FROM pg_type t
                     JOIN pg_namespace n ON n.oid = t.typnamespace
                    WHERE n.nspname = 'pgboss' AND t.typtype IN ('e', 'd') LOOP
            EXECUTE format('ALTER TYPE %s OWNER TO %I', r.name, '${role}');
          END LOOP;
        END $$`);
    }
  } finally {
    await client.end();
  }
  const url = new URL(ownerUrl);
  url.username = role;
  url.password = password;
  return url.toString();
}
