import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from '@/lib/auth/password';
import { createFirstAdmin } from '@/lib/server/users/create-first-admin';
import { findDemoPasswordAccounts } from '@/lib/server/users/find-demo-password-accounts';
import { DEMO_USERS } from '@/prisma/factories/catalog';
import { wantsDemoData, type LaunchMode } from '@/scripts/lib/demo-data-policy';
import { createFreshDatabase } from '../helpers/fresh-database';
import { runTsx } from './helpers/run-tsx';

// Finding #1: `npm start` seeded README passwords (admin included) into any empty database.

const DEMO_ADMIN = DEMO_USERS.find((u) => u.role === 'admin')!;
// The demo admin as the seed writes it: still signing in with its README password.
async function createDemoAdmin(db: Awaited<ReturnType<typeof createFreshDatabase>>['db']) {
  await db.user.create({
    data: {
      email: DEMO_ADMIN.email,
      name: 'Demo',
      role: 'admin',
      passwordHash: await hashPassword(DEMO_ADMIN.password),
    },
  });
}

const PREPARE = (mode: LaunchMode) => ['tests/security/helpers/prepare-database-cli.ts', mode];

describe('demo data only when asked', () => {
  it.each<[LaunchMode, string[], Record<string, string>, boolean]>([
    ['development', [], {}, true],
    ['development', [], { SEED_DEMO_DATA: 'never' }, false],
    ['production', [], {}, false],
    ['production', ['--demo'], {}, true],
    ['production', [], { TOLLGATE_DEMO: 'true' }, true],
    ['production', [], { TOLLGATE_DEMO: 'false' }, false],
    ['production', ['--demo'], { SEED_DEMO_DATA: 'never' }, false],
  ])('%s %j %j → demo %s', (mode, argv, env, expected) => {
    expect(wantsDemoData(mode, argv, env)).toBe(expected);
  });
});

describe('production start on an external database', () => {
  let fresh: Awaited<ReturnType<typeof createFreshDatabase>>;
  beforeAll(async () => {
    fresh = await createFreshDatabase('creds');
  });
  afterAll(async () => {
    await fresh.drop();
  });

  it('seeds no users into an empty database and points at admin:create', async () => {
    const run = await runTsx(PREPARE('production'), { env: { DATABASE_URL: fresh.url } });
    expect(run.code).toBe(0);
    expect(await fresh.db.user.count()).toBe(0);
    expect(run.stdout).toContain('npm run admin:create -- --email');
  }, 60_000);

  it('creates the first admin from stdin, once, and refuses README passwords', async () => {
    const env = { DATABASE_URL: fresh.url };
    const weak = await runTsx(['scripts/admin-create.ts', '--email', 'owner@example.test'], {
      env,
      input: `${DEMO_ADMIN.password}\n`,
    });
    expect(weak.code).toBe(1);
    expect(weak.stderr).toMatch(/README/);

    const ok = await runTsx(['scripts/admin-create.ts', '--email', 'Owner@Example.test'], {
      env,
      input: 'a long and private passphrase\n',
    });
    expect(ok.code, ok.stderr).toBe(0);
    const admin = await fresh.db.user.findUniqueOrThrow({ where: { email: 'owner@example.test' } });
    expect(admin.role).toBe('admin');
    expect(await verifyPassword('a long and private passphrase', admin.passwordHash!)).toBe(true);
    expect(await fresh.db.auditEvent.count({ where: { action: 'user.created', targetId: admin.id } })).toBe(1);

    const again = await runTsx(['scripts/admin-create.ts', '--email', 'second@example.test'], {
      env: { ...env, TOLLGATE_ADMIN_PASSWORD: 'another long passphrase' },
    });
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already exists');
    expect(await fresh.db.user.count({ where: { role: 'admin' } })).toBe(1);
  }, 90_000);

  it('refuses to start while a README password signs in, with one line naming the fix', async () => {
    await createDemoAdmin(fresh.db);
    expect(await findDemoPasswordAccounts(fresh.db)).toEqual([DEMO_ADMIN.email]);
    const run = await runTsx(PREPARE('production'), { env: { DATABASE_URL: fresh.url } });
    expect(run.code).toBe(1);
    const lines = run.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(DEMO_ADMIN.email);
    // This database already has the admin created from stdin above: sign in as that one.
    expect(lines[0]).toContain('Sign in as your admin');

    // A changed password clears the refusal.
    await fresh.db.user.update({
      where: { email: DEMO_ADMIN.email },
      data: { passwordHash: await hashPassword('now a private passphrase') },
    });
    expect(await findDemoPasswordAccounts(fresh.db)).toEqual([]);
  }, 60_000);
});

describe('first admin on a database that started as the demo', () => {
  it('a demo admin with its README password does not block admin:create; a real admin does', async () => {
    const fresh = await createFreshDatabase('demo-owner');
    try {
      await createDemoAdmin(fresh.db);
      const refusal = async () => {
        const run = await runTsx(PREPARE('production'), { env: { DATABASE_URL: fresh.url } });
        expect(run.code).toBe(1);
        const lines = run.stderr.trim().split('\n');
        expect(lines).toHaveLength(1);
        expect(lines[0]).toContain(DEMO_ADMIN.email);
        return lines[0]!;
      };
      // Only the demo admin: the refusal says to create one's own.
      expect(await refusal()).toContain('npm run admin:create');
      const owner = await createFirstAdmin(fresh.db, {
        email: 'owner@example.test',
        password: 'a long private passphrase',
      });
      expect(owner.email).toBe('owner@example.test');
      // The start refusal still names the demo admin until it is disabled or its password changed,
      // and now points at signing in as the owner rather than creating an admin again.
      expect(await findDemoPasswordAccounts(fresh.db)).toEqual([DEMO_ADMIN.email]);
      const line = await refusal();
      expect(line).toContain('Sign in as your admin');
      expect(line).not.toContain('admin:create');
      await expect(
        createFirstAdmin(fresh.db, { email: 'second@example.test', password: 'another private passphrase' }),
      ).rejects.toMatchObject({ code: 'admin_exists' });
    } finally {
      await fresh.drop();
    }
  }, 60_000);
});

describe('first-admin bootstrap race', () => {
  it('five concurrent bootstraps create exactly one admin', async () => {
    const fresh = await createFreshDatabase('bootstrap');
    try {
      const results = await Promise.allSettled(
        [0, 1, 2, 3, 4].map((i) =>
          createFirstAdmin(fresh.db, { email: `racer${i}@example.test`, password: 'a long private passphrase' }),
        ),
      );
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      expect(await fresh.db.user.count({ where: { role: 'admin' } })).toBe(1);
    } finally {
      await fresh.drop();
    }
  }, 60_000);
});
