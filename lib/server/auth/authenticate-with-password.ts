import { getDb } from '@/lib/db';
import { DUMMY_PASSWORD_HASH, verifyPassword } from '@/lib/auth/password';
import type { SessionUser } from '@/lib/auth/roles';
import { isSignInRateLimited, recordSignInAttempt } from './check-sign-in-rate-limit';
import { clock } from '@/lib/clock';

export type PasswordSignIn =
  { ok: true; user: SessionUser } | { ok: false; reason: 'invalid_credentials' | 'rate_limited' };

export async function authenticateWithPassword(
  emailInput: string,
  password: string,
  ip: string,
): Promise<PasswordSignIn> {
  const email = emailInput.trim().toLowerCase();
  if (await isSignInRateLimited(email, ip)) return { ok: false, reason: 'rate_limited' };
  const db = getDb();
  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, role: true, passwordHash: true, disabledAt: true },
  });
  const valid = await verifyPassword(password, user?.passwordHash ?? DUMMY_PASSWORD_HASH);
  const ok = Boolean(user && valid && !user.disabledAt);
  await recordSignInAttempt(email, ip, ok);
  if (!ok || !user) return { ok: false, reason: 'invalid_credentials' };
  await db.user.update({ where: { id: user.id }, data: { lastLoginAt: clock.now() } });
  return { ok: true, user: { id: user.id, email: user.email, name: user.name, role: user.role } };
}
