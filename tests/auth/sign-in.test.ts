import { describe, expect, it } from 'vitest';
import { getDb } from '@/lib/db';
import { hashPassword } from '@/lib/auth/password';
import { authenticateWithPassword } from '@/lib/auth/authenticate-with-password';
import { uniq } from '../helpers/fresh-database';

async function makeUser(password: string, disabled = false) {
  const email = `${uniq('u')}@example.test`;
  await getDb().user.create({
    data: {
      email,
      name: 'T',
      role: 'support',
      passwordHash: await hashPassword(password),
      disabledAt: disabled ? new Date() : null,
    },
  });
  return email;
}

describe('password sign-in', () => {
  it('accepts the right password (case-insensitive e-mail) and refuses a wrong one', async () => {
    const email = await makeUser('correct horse battery');
    const ok = await authenticateWithPassword(email.toUpperCase(), 'correct horse battery', '10.0.0.1');
    expect(ok).toMatchObject({ ok: true, user: { email, role: 'support' } });
    expect(await authenticateWithPassword(email, 'wrong password!', '10.0.0.1')).toEqual({
      ok: false,
      reason: 'invalid_credentials',
    });
    expect(await authenticateWithPassword('nobody@example.test', 'whatever', '10.0.0.1')).toEqual({
      ok: false,
      reason: 'invalid_credentials',
    });
  });

  it('refuses disabled users even with the right password', async () => {
    const email = await makeUser('correct horse battery', true);
    expect(await authenticateWithPassword(email, 'correct horse battery', '10.0.0.2')).toEqual({
      ok: false,
      reason: 'invalid_credentials',
    });
  });

  it('rate-limits a source on an account after repeated failures, even when the right password follows', async () => {
    const email = await makeUser('correct horse battery');
    for (let i = 0; i < 5; i++) await authenticateWithPassword(email, `guess-${i}`, '10.1.0.1');
    expect(await authenticateWithPassword(email, 'correct horse battery', '10.1.0.1')).toEqual({
      ok: false,
      reason: 'rate_limited',
    });
    const attempts = await getDb().signInAttempt.count({ where: { email } });
    expect(attempts).toBe(5);
  });
});
