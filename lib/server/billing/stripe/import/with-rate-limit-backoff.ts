import Stripe from 'stripe';

export interface BackoffOptions {
  /** Attempts after the first; default 8 (≈ 2 minutes of waiting at the default base). */
  retries?: number;
  /** First wait in ms, doubled per attempt (with jitter) up to maxMs; default 500. */
  baseMs?: number;
  maxMs?: number;
  onRetry?: (info: { attempt: number; waitMs: number; reason: string }) => void;
}

function retryable(err: unknown): string | null {
  if (err instanceof Stripe.errors.StripeRateLimitError) return 'rate limited (429)';
  if (err instanceof Stripe.errors.StripeConnectionError) return 'connection error';
  if (err instanceof Stripe.errors.StripeError && (err.statusCode ?? 0) >= 500) return `Stripe ${err.statusCode}`;
  return null;
}

function retryAfterMs(err: unknown): number | null {
  const header = (err as { headers?: Record<string, string> }).headers?.['retry-after'];
  const seconds = header ? Number(header) : NaN;
  return Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : null;
}

// The importer reads a whole account, so it meets Stripe's rate limit (100 reads/s live, 25 in test
// mode) by design. The SDK retries a 429 only when Stripe sends Stripe-Should-Retry, so reads are
// retried here: 429, 5xx and connection errors (a list read is safe to repeat), honouring
// Retry-After, with exponential backoff and jitter so parallel importers spread out.
export async function withRateLimitBackoff<T>(fn: () => Promise<T>, options: BackoffOptions = {}): Promise<T> {
  const { retries = 8, baseMs = 500, maxMs = 30_000 } = options;
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await fn();
    } catch (err) {
      const reason = retryable(err);
      if (!reason || attempt > retries) throw err;
      const exponential = Math.min(maxMs, baseMs * 2 ** (attempt - 1));
      const waitMs = retryAfterMs(err) ?? Math.round(exponential * (0.5 + Math.random() / 2));
      options.onRetry?.({ attempt, waitMs, reason });
      await new Promise((resolve) => setTimeout(resolve, waitMs));
    }
  }
}
