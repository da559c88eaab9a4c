import { describe, expect, it } from 'vitest';
import { getDb } from '@/lib/db';
import type { SessionUser } from '@/lib/auth/roles';
import { verifyPassword } from '@/lib/auth/password';
import { createUser } from '@/lib/server/users/create-user';
import { updateUser } from '@/lib/server/users/update-user';
import { uniq } from '../helpers/fresh-database';

async function admin(): Promise<SessionUser> {
  const u = await getDb().user.create({
    data: { email: `${uniq('admin')}@example.test`, name: 'Admin', role: 'admin' },
  });
  return { id: u.id, email: u.email, name: u.name, role: 'admin' };
}

describe('user management', () => {
  it('creates a user with a hashed password and an audit event in the same transaction', async () => {
    const actor = await admin();
    const email = `${uniq('new')}@example.test`;
    const view = await createUser(
      actor,
      { email, name: 'New Person', role: 'revops', password: 'a long enough password' },
      'req_test_1',
    );
    expect(view).toMatchObject({ email, role: 'revops', disabled: false, hasPassword: true });
    expect(view).not.toHaveProperty('passwordHash');
    const row = await getDb().user.findUniqueOrThrow({ where: { email } });
    expect(await verifyPassword('a long enough password', row.passwordHash!)).toBe(true);
    const audit = await getDb().auditEvent.findFirstOrThrow({ where: { targetId: row.id, action: 'user.created' } });
    expect(audit).toMatchObject({ actorType: 'user', actorId: actor.id, requestId: 'req_test_1' });
    expect(JSON.stringify(audit.after)).not.toContain('scrypt');
  });

  it('refuses a duplicate e-mail with 409 and writes nothing', async () => {
    const actor = await admin();
    const email = `${uniq('dup')}@example.test`;
    await createUser(actor, { email, name: 'One', role: 'support' }, 'r1');
    const before = await getDb().auditEvent.count();
    await expect(createUser(actor, { email, name: 'Two', role: 'support' }, 'r2')).rejects.toMatchObject({
      status: 409,
      code: 'email_taken',
    });
    expect(await getDb().auditEvent.count()).toBe(before);
  });

  it('changes a role with before/after in the audit trail, and never demotes the last active admin', async () => {
    const db = getDb();
    const actor = await admin();
    const target = await createUser(actor, { email: `${uniq('t')}@example.test`, name: 'T', role: 'support' }, 'r');
    const updated = await updateUser(actor, target.id, { role: 'revops' }, 'req_role');
    expect(updated.role).toBe('revops');
    const audit = await db.auditEvent.findFirstOrThrow({ where: { targetId: target.id, action: 'user.updated' } });
    expect((audit.before as { role: string }).role).toBe('support');
    expect((audit.after as { role: string }).role).toBe('revops');

    // Disable every other admin so `actor` is the last one, then try to demote them.
    await db.user.updateMany({ where: { role: 'admin', id: { not: actor.id } }, data: { disabledAt: new Date() } });
    await expect(updateUser(actor, actor.id, { role: 'support' }, 'r')).rejects.toMatchObject({
      status: 409,
      code: 'last_admin',
    });
    await expect(updateUser(actor, actor.id, { disabled: true }, 'r')).rejects.toMatchObject({
      status: 409,
      code: 'last_admin',
    });
    expect((await db.user.findUniqueOrThrow({ where: { id: actor.id } })).role).toBe('admin');
    await db.user.updateMany({ where: { role: 'admin' }, data: { disabledAt: null } });
  });
});
