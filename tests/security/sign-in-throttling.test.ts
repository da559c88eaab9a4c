import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/lib/db';
import { resetEnvForTests } from '@/lib/env';
import { hashPassword } from '@/lib/auth/password';
import { clientAddress } from '@/lib/auth/client-address';
import { authenticateWithPassword } from '@/lib/auth/authenticate-with-password';
import { admitSignInAttempt } from '@/lib/auth/check-sign-in-rate-limit';
import { uniq } from '../helpers/fresh-database';

// Finding #5: the per-IP limit believed a client-sent X-Forwarded-For, the limit was checked and
// recorded apart (15 parallel guesses beat a limit of 5), and anyone could lock any account.

const PASSWORD = 'correct horse battery';

async function makeUser() {
  const email = `${uniq('throttle')}@example.test`;
  await getDb().user.create({
    data: { email, name: 'T', role: 'admin', passwordHash: await hashPassword(PASSWORD) },
  });
  return email;
}

beforeAll(() => {
  process.env.SIGN_IN_DELAY_BASE_MS = '10';
  process.env.SIGN_IN_DELAY_MAX_MS = '80';
  resetEnvForTests();
});

describe('source address from X-Forwarded-For', () => {
  it.each<[string | string[] | undefined, number, string | null]>([
    ['6.6.6.6', 0, null],
    ['6.6.6.6, 10.0.0.9', 0, null],
    [undefined, 1, null],
    ['203.0.113.7', 1, '203.0.113.7'],
    ['1.1.1.1, 2.2.2.2, 203.0.113.7', 1, '203.0.113.7'],
    ['1.1.1.1, 203.0.113.7, 10.0.0.2', 2, '203.0.113.7'],
    ['203.0.113.7', 2, null],
    [['1.1.1.1', '203.0.113.7'], 1, '203.0.113.7'],
    [' , 203.0.113.7 ,', 1, '203.0.113.7'],
  ])('%j with %i trusted hops → %j', (header, hops, expected) => {
    expect(clientAddress(header === undefined ? {} : { 'x-forwarded-for': header }, hops)).toBe(expected);
  });
});

describe('sign-in limits', () => {
  it('15 parallel wrong passwords from one source: exactly 5 are evaluated', async () => {
    const email = await makeUser();
    const results = await Promise.all(
      Array.from({ length: 15 }, (_, i) => authenticateWithPassword(email, `guess-${i}`, '198.51.100.1')),
    );
    expect(results.filter((r) => !r.ok && r.reason === 'invalid_credentials')).toHaveLength(5);
    expect(results.filter((r) => !r.ok && r.reason === 'rate_limited')).toHaveLength(10);
    expect(await getDb().signInAttempt.count({ where: { email } })).toBe(5);
  });

  it('a stranger cannot lock the owner out: the right password from another source still signs in', async () => {
    const email = await makeUser();
    for (let i = 0; i < 8; i++) await authenticateWithPassword(email, `guess-${i}`, '198.51.100.66');
    expect(await authenticateWithPassword(email, PASSWORD, '198.51.100.66')).toEqual({
      ok: false,
      reason: 'rate_limited',
    });
    expect(await authenticateWithPassword(email, PASSWORD, '192.0.2.10')).toMatchObject({ ok: true });
  });

  it('without a trusted source the owner is never refused, however many guesses came first', async () => {
    const email = await makeUser();
    for (let i = 0; i < 8; i++) await authenticateWithPassword(email, `guess-${i}`, null);
    expect(await authenticateWithPassword(email, PASSWORD, null)).toMatchObject({ ok: true });
  });

  it('an account under attack slows down: the delay doubles past the limit, up to the cap', async () => {
    const email = await makeUser();
    const delays: number[] = [];
    for (let i = 0; i < 10; i++) {
      const admission = await admitSignInAttempt(email, null);
      expect(admission.admitted).toBe(true);
      if (admission.admitted) delays.push(admission.delayMs);
    }
    expect(delays).toEqual([0, 0, 0, 0, 0, 10, 20, 40, 80, 80]);
  });

  it('rotating a spoofed X-Forwarded-For prefix does not escape the per-source limit behind one proxy', async () => {
    const emails = await Promise.all(Array.from({ length: 21 }, () => makeUser()));
    const results = [];
    for (const [i, email] of emails.entries()) {
      const source = clientAddress({ 'x-forwarded-for': `10.9.${i}.1, 203.0.113.250` }, 1);
      results.push(await authenticateWithPassword(email, 'spray', source));
    }
    expect(results.slice(0, 20).every((r) => !r.ok && r.reason === 'invalid_credentials')).toBe(true);
    expect(results[20]).toEqual({ ok: false, reason: 'rate_limited' });
  });
});
