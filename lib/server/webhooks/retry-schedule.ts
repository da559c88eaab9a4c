// How long a failing webhook event keeps being retried. Stripe stops redelivering once we have
// answered 2xx, so from then on our retries are the only ones: they must last at least as long
// as Stripe's own (3 days), and back off so a Stripe or database outage of hours is ridden out
// without hammering either. Attempt n (1-based) that fails waits min(1 min · 2^(n-1), 6 h):
// 1, 2, 4 … 256 min, then every 6 h; the event is dead once the waits so far cover the horizon
// (attempt 21, about 74 h after the first failure). The sweep job enqueues due attempts.

export const RETRY_HORIZON_SECONDS = 3 * 24 * 60 * 60;
const FIRST_DELAY_SECONDS = 60;
const MAX_DELAY_SECONDS = 6 * 60 * 60;

/** The wait after failed attempt n (1-based). */
export function retryDelaySeconds(failedAttempt: number): number {
  const exponent = Math.max(0, failedAttempt - 1);
  return Math.min(FIRST_DELAY_SECONDS * 2 ** Math.min(exponent, 30), MAX_DELAY_SECONDS);
}

/** The waits already spent before attempt n: the sum of the delays after attempts 1 … n-1. */
export function retriedForSeconds(attempt: number): number {
  let total = 0;
  for (let n = 1; n < attempt; n += 1) total += retryDelaySeconds(n);
  return total;
}

export type RetryDecision = { dead: true } | { dead: false; nextAttemptAt: Date };

/** After failed attempt n at `now`: schedule the next one, or dead once the horizon is covered. */
export function decideRetry(failedAttempt: number, now: Date): RetryDecision {
  if (retriedForSeconds(failedAttempt) >= RETRY_HORIZON_SECONDS) return { dead: true };
  return { dead: false, nextAttemptAt: new Date(now.getTime() + retryDelaySeconds(failedAttempt) * 1000) };
}
