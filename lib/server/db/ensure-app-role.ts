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
      await client.query(`GRANT USAGE, CREATE ON SCHEMA pgboss TO "${role}"`);
      await client.query(`GRANT ALL ON ALL TABLES IN SCHEMA pgboss TO "${role}"`);
      await client.query(`GRANT ALL ON ALL SEQUENCES IN SCHEMA pgboss TO "${role}"`);
    }
  } finally {
    await client.end();
  }
  const url = new URL(ownerUrl);
  url.username = role;
  url.password = password;
  return url.toString();
}
