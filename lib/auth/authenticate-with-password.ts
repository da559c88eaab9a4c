import { setTimeout as sleep } from 'node:timers/promises';
import { getDb } from '@/lib/db';
import { DUMMY_PASSWORD_HASH, verifyPassword } from '@/lib/auth/password';
import type { SessionUser } from '@/lib/auth/roles';
import { admitSignInAttempt, markSignInSucceeded } from './check-sign-in-rate-limit';
import { clock } from '@/lib/clock';

export type PasswordSignIn =
  { ok: true; user: SessionUser } | { ok: false; reason: 'invalid_credentials' | 'rate_limited' };

// `source` is the client address as far as trusted proxies vouch for it (null when unknown).
export async function authenticateWithPassword(
  emailInput: string,
  password: string,
  source: string | null,
): Promise<PasswordSignIn> {
  const email = emailInput.trim().toLowerCase();
  const admission = await admitSignInAttempt(email, source);
  if (!admission.admitted) return { ok: false, reason: 'rate_limited' };
  // Wall-clock wait, not business time: it throttles guessing on an account under attack.
  if (admission.delayMs > 0) await sleep(admission.delayMs);
  const db = getDb();
  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, role: true, passwordHash: true, disabledAt: true },
  });
  const valid = await verifyPassword(password, user?.passwordHash ?? DUMMY_PASSWORD_HASH);
  if (!user || !valid || user.disabledAt) return { ok: false, reason: 'invalid_credentials' };
  await markSignInSucceeded(admission.attemptId);
  await db.user.update({ where: { id: user.id }, data: { lastLoginAt: clock.now() } });
  return { ok: true, user: { id: user.id, email: user.email, name: user.name, role: user.role } };
}
