import { getDb } from '@/lib/db';
import { getEnv } from '@/lib/env';
import { clock } from '@/lib/clock';

// Failed sign-ins are counted in PostgreSQL so the limit holds across every instance.
// Per e-mail: SIGN_IN_MAX_FAILURES in the window; per IP: four times that (a shared office NAT).
export async function isSignInRateLimited(email: string, ip: string): Promise<boolean> {
  const { SIGN_IN_MAX_FAILURES: max, SIGN_IN_WINDOW_MINUTES: minutes } = getEnv();
  const since = new Date(clock.nowMs() - minutes * 60_000);
  const db = getDb();
  const [byEmail, byIp] = await Promise.all([
    db.signInAttempt.count({ where: { email, success: false, createdAt: { gte: since } } }),
    db.signInAttempt.count({ where: { ip, success: false, createdAt: { gte: since } } }),
  ]);
  return byEmail >= max || byIp >= max * 4;
}

export async function recordSignInAttempt(email: string, ip: string, success: boolean): Promise<void> {
  await getDb().signInAttempt.create({ data: { email, ip, success } });
}
