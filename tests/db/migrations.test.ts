import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIGRATIONS_DIR } from '@/lib/server/db/migrations-dir';
import { createFreshDatabase } from '../helpers/fresh-database';

describe('migrations on an empty database', () => {
  let fresh: Awaited<ReturnType<typeof createFreshDatabase>>;
  beforeAll(async () => {
    fresh = await createFreshDatabase('migrate');
  });
  afterAll(async () => fresh?.drop());

  it('records every checked-in migration in _prisma_migrations, finished and not rolled back', async () => {
    const { rows } = await fresh.pool.query<{
      migration_name: string;
      finished_at: Date | null;
      rolled_back_at: Date | null;
    }>('SELECT migration_name, finished_at, rolled_back_at FROM _prisma_migrations ORDER BY migration_name');
    expect(rows.map((r) => r.migration_name)).toEqual(
      expect.arrayContaining(['20261125221800_init', '20261125221801_audit_append_only']),
    );
    expect(rows.every((r) => r.finished_at !== null && r.rolled_back_at === null)).toBe(true);
  });

  it('creates the domain tables', async () => {
    const { rows } = await fresh.pool.query<{ table_name: string }>(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'",
    );
    const tables = rows.map((r) => r.table_name);
    for (const t of [
      'users',
      'customers',
      'usage_events',
      'usage_rollups_hourly',
      'invoices',
      'webhook_events',
      'actions',
      'action_revisions',
      'action_approvals',
      'policies',
      'audit_events',
      'outbox_messages',
      'agent_runs',
    ]) {
      expect(tables).toContain(t);
    }
  });

  it('has a migration for every schema change: the snapshot of the last migration is schema.prisma', () => {
    // db:migration:new writes the snapshot with each migration; a schema edited without one differs.
    const snapshot = readFileSync(path.join(MIGRATIONS_DIR, 'schema.snapshot.prisma'), 'utf8');
    expect(snapshot, 'run npm run db:migration:new -- <name>').toBe(readFileSync('prisma/schema.prisma', 'utf8'));
  });

  it('is idempotent: a second run applies nothing', async () => {
    const { migrateDatabase } = await import('@/lib/server/db/migrate-database');
    expect(await migrateDatabase(fresh.url)).toEqual([]);
  });

  it('refuses UPDATE, DELETE and TRUNCATE on audit events', async () => {
    await fresh.pool.query(
      `INSERT INTO audit_events (sequence, occurred_at, actor_type, actor_id, action, target_type, target_id, prev_hash, hash)
       VALUES (1, now(), 'system', 'system', 'test.event', 'test', 't1', repeat('0', 64), repeat('a', 64))`,
    );
    await expect(fresh.pool.query("UPDATE audit_events SET action = 'forged' WHERE sequence = 1")).rejects.toThrow(
      /append-only: UPDATE/,
    );
    await expect(fresh.pool.query('DELETE FROM audit_events WHERE sequence = 1')).rejects.toThrow(
      /append-only: DELETE/,
    );
    await expect(fresh.pool.query('TRUNCATE audit_events')).rejects.toThrow(/append-only: TRUNCATE/);
    const { rows } = await fresh.pool.query('SELECT action FROM audit_events WHERE sequence = 1');
    expect(rows[0].action).toBe('test.event');
  });
});
