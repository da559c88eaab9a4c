import { decode } from 'next-auth/jwt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/lib/db';
import { resetEnvForTests } from '@/lib/env';
import { hashPassword } from '@/lib/auth/password';
import type { SessionUser } from '@/lib/auth/roles';
import { loadSessionUser } from '@/lib/auth/load-session-user';
import { updateUser } from '@/lib/server/users/update-user';
import { uniq } from '../helpers/fresh-database';
import { AUTH_ORIGIN, AuthBrowser } from './helpers/auth-browser';

// Finding (low): a session token stayed valid after sign-out, a password reset or a role change
// until it expired (12 h); and two admins demoting each other at once could leave none.

const PASSWORD = 'a private passphrase';

beforeAll(() => {
  process.env.NEXTAUTH_URL = AUTH_ORIGIN;
  resetEnvForTests();
});
afterAll(() => resetEnvForTests());

async function makeUser(role: SessionUser['role'] = 'revops'): Promise<SessionUser> {
  const email = `${uniq('sess')}@example.test`;
  return getDb().user.create({
    data: { email, name: 'S', role, passwordHash: await hashPassword(PASSWORD) },
    select: { id: true, email: true, name: true, role: true },
  });
}

// Signs in through next-auth's credentials flow; returns the browser and the token's claims.
async function signIn(email: string) {
  const browser = new AuthBrowser();
  const res = await browser.call('/api/auth/callback/credentials', null, {
    csrfToken: await browser.csrf(),
    email,
    password: PASSWORD,
    json: 'true',
  });
  expect(res.redirect ?? '').not.toContain('error');
  const raw = browser.cookies.get('next-auth.session-token')!;
  const token = (await decode({ token: raw, secret: process.env.NEXTAUTH_SECRET! })) as { uid: string; sv: number };
  return { browser, token };
}

const stillValid = (token: { uid: string; sv: number }) => loadSessionUser(token.uid, token.sv);

describe('sessions end', () => {
  it('on sign-out — a copy of the token stops working too', async () => {
    const user = await makeUser();
    const { browser, token } = await signIn(user.email);
    expect(await stillValid(token)).toMatchObject({ id: user.id });
    await browser.call('/api/auth/signout', null, { csrfToken: await browser.csrf(), json: 'true' });
    expect(await stillValid(token)).toBeNull();
    // Signing in again issues a working token.
    expect(await stillValid((await signIn(user.email)).token)).toMatchObject({ id: user.id });
  });

  it.each<[string, boolean, Parameters<typeof updateUser>[2]]>([
    ['a password reset', false, { password: 'a brand new passphrase' }],
    ['a role change', false, { role: 'support' }],
    ['disabling', false, { disabled: true }],
    ['a rename', true, { name: 'Renamed' }],
    ['setting the same role', true, { role: 'revops' }],
  ])('after %s the old token is still valid: %s', async (_label, valid, change) => {
    const admin = await makeUser('admin');
    const user = await makeUser();
    const { token } = await signIn(user.email);
    await updateUser(admin, user.id, change, 'r');
    expect(Boolean(await stillValid(token))).toBe(valid);
  });
});

describe('last admin', () => {
  it('two admins demoting each other at the same moment leave one admin', async () => {
    const others = await getDb().user.findMany({ where: { role: 'admin', disabledAt: null }, select: { id: true } });
    await getDb().user.updateMany({ where: { id: { in: others.map((o) => o.id) } }, data: { disabledAt: new Date() } });
    try {
      const [a, b] = [await makeUser('admin'), await makeUser('admin')];
      const results = await Promise.allSettled([
        updateUser(a, b.id, { role: 'revops' }, 'r'),
        updateUser(b, a.id, { role: 'revops' }, 'r'),
      ]);
      expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
      expect(await getDb().user.count({ where: { role: 'admin', disabledAt: null } })).toBe(1);
    } finally {
      await getDb().user.updateMany({ where: { id: { in: others.map((o) => o.id) } }, data: { disabledAt: null } });
    }
  });
});
