import type { Tx } from '@/lib/db';
import { getDb } from '@/lib/db';
import { getEnv } from '@/lib/env';
import { clock } from '@/lib/clock';

export type SignInAdmission =
  { admitted: true; attemptId: bigint; delayMs: number } | { admitted: false; reason: 'rate_limited' };

async function lockKey(tx: Tx, key: string) {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${key}, 0))`;
}

// Decides whether a sign-in attempt may check its password, and records it in the same locked
// transaction — counting and recording apart let 15 parallel guesses all pass a limit of 5.
// The attempt is stored as a failure up front; `markSignInSucceeded` flips it when it succeeds.
//
// Limits (counted in PostgreSQL, so they hold across instances), per window:
//   · one source on one account: SIGN_IN_MAX_FAILURES, then that source is refused;
//   · one source over all accounts: four times that (a shared office NAT);
//   · one account over all sources: never refused — each attempt past the limit waits a growing
//     delay instead, so a stranger cannot lock the owner out but guessing slows to a crawl.
// The source is only known behind trusted proxies (TRUSTED_PROXY_HOPS); unknown → account delay only.
export async function admitSignInAttempt(email: string, source: string | null): Promise<SignInAdmission> {
  const env = getEnv();
  const max = env.SIGN_IN_MAX_FAILURES;
  const now = clock.nowMs();
  const since = new Date(now - env.SIGN_IN_WINDOW_MINUTES * 60_000);
  return getDb().$transaction(async (tx) => {
    await lockKey(tx, `sign-in:account:${email}`);
    if (source) {
      await lockKey(tx, `sign-in:source:${source}`);
      const [pair, bySource] = await Promise.all([
        tx.signInAttempt.count({ where: { email, ip: source, success: false, createdAt: { gte: since } } }),
        tx.signInAttempt.count({ where: { ip: source, success: false, createdAt: { gte: since } } }),
      ]);
      if (pair >= max || bySource >= max * 4) return { admitted: false, reason: 'rate_limited' } as const;
    }
    const byAccount = await tx.signInAttempt.count({ where: { email, success: false, createdAt: { gte: since } } });
    const extra = byAccount - max;
    const delayMs = extra < 0 ? 0 : Math.min(env.SIGN_IN_DELAY_MAX_MS, env.SIGN_IN_DELAY_BASE_MS * 2 ** extra);
    const attempt = await tx.signInAttempt.create({
      data: { email, ip: source ?? 'unknown', success: false, createdAt: new Date(now) },
      select: { id: true },
    });
    return { admitted: true, attemptId: attempt.id, delayMs } as const;
  });
}

export async function markSignInSucceeded(attemptId: bigint): Promise<void> {
  await getDb().signInAttempt.update({ where: { id: attemptId }, data: { success: true } });
}
