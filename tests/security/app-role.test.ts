import { randomBytes } from 'node:crypto';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PrismaClient } from '@/generated/prisma/client';
import { ensureAppRole } from '@/lib/server/db/ensure-app-role';
import { appendAuditEvent } from '@/lib/server/audit/append-audit-event';
import { verifyAuditChain } from '@/lib/server/audit/verify-audit-chain';
import { createFreshDatabase, uniq } from '../helpers/fresh-database';

// Finding #6 (role part): the application connected as the table owner / a superuser, which can
// `SET session_replication_role = replica` or disable the trigger and rewrite the audit trail.
// As the app role it cannot; the owner (migrations) still can.

let fresh: Awaited<ReturnType<typeof createFreshDatabase>>;
let app: pg.Client;
let appDb: PrismaClient;
let appPool: pg.Pool;

beforeAll(async () => {
  fresh = await createFreshDatabase('approle');
  const role = uniq('tollgate_app').toLowerCase();
  const url = await ensureAppRole(fresh.url, role, randomBytes(18).toString('base64url'));
  expect(new URL(url).username).toBe(role);
  app = new pg.Client({ connectionString: url });
  await app.connect();
  appPool = new pg.Pool({ connectionString: url, max: 2 });
  appDb = new PrismaClient({ adapter: new PrismaPg(appPool) });
  for (let i = 0; i < 3; i++)
    await appDb.$transaction((tx) =>
      appendAuditEvent(tx, { actor: { type: 'system' }, action: 'x', target: { type: 't', id: String(i) } }),
    );
});
afterAll(async () => {
  await app.end();
  await appDb.$disconnect();
  await appPool.end();
  await fresh.drop();
});

describe('the app role', () => {
  it('appends to the audit trail and does ordinary work', async () => {
    expect(await verifyAuditChain(appDb)).toMatchObject({ ok: true, rows: 3 });
    const user = await appDb.user.create({ data: { email: `${uniq('r')}@example.test`, name: 'R', role: 'support' } });
    await appDb.user.update({ where: { id: user.id }, data: { name: 'R2' } });
    await appDb.user.delete({ where: { id: user.id } });
  });

  it.each([
    ['update an audit row', `UPDATE audit_events SET action = 'forged' WHERE sequence = 1`],
    ['delete the newest audit rows', 'DELETE FROM audit_events WHERE sequence >= 2'],
    ['truncate the audit trail', 'TRUNCATE audit_events'],
    ['skip triggers with session_replication_role', 'SET session_replication_role = replica'],
    ['disable the audit trigger', 'ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update_delete'],
    ['rewrite the migration history', `DELETE FROM _prisma_migrations`],
    ['drop the audit table', 'DROP TABLE audit_events'],
  ])('cannot %s', async (_label, sql) => {
    await expect(app.query(sql)).rejects.toMatchObject({ code: expect.stringMatching(/^42501$|^42P01$/) });
    expect(await verifyAuditChain(appDb)).toMatchObject({ ok: true, rows: 3 });
  });

  it('is not a superuser and owns nothing', async () => {
    const { rows } = await app.query(
      `SELECT rolsuper, rolbypassrls, (SELECT count(*) FROM pg_tables WHERE tableowner = current_user) AS owned
         FROM pg_roles WHERE rolname = current_user`,
    );
    expect(rows[0]).toEqual({ rolsuper: false, rolbypassrls: false, owned: '0' });
  });

  it('is idempotent and covers tables added by later migrations', async () => {
    const role = (await app.query<{ u: string }>('SELECT current_user AS u')).rows[0]!.u;
    await fresh.pool.query('CREATE TABLE later_table (id int)');
    await ensureAppRole(fresh.url, role, 'another-password-123');
    const other = new pg.Client({
      connectionString: Object.assign(new URL(fresh.url), {
        username: role,
        password: 'another-password-123',
      }).toString(),
    });
    await other.connect();
    try {
      await other.query('INSERT INTO later_table VALUES (1)');
      await expect(other.query('DELETE FROM audit_events')).rejects.toMatchObject({ code: '42501' });
    } finally {
      await other.end();
    }
  });
});
