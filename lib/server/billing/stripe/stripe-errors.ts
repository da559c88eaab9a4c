import Stripe from 'stripe';
import { ProviderError } from '../billing-provider';

// Maps stripe-node's errors to what the executor needs to know: try again with the same key,
// or stop. A 429 or a connection refused never reached Stripe's business logic; a 5xx or a
// timeout may have.
export function toProviderError(err: unknown): ProviderError {
  if (err instanceof ProviderError) return err;
  if (err instanceof Stripe.errors.StripeRateLimitError)
    return new ProviderError(err.message, 'rate_limited', true, false);
  if (err instanceof Stripe.errors.StripeConnectionError)
    return new ProviderError(err.message || 'Connection to Stripe failed', 'connection_error', true, true);
  if (
    err instanceof Stripe.errors.StripeAPIError ||
    (err instanceof Stripe.errors.StripeError && (err.statusCode ?? 0) >= 500)
  ) {
    return new ProviderError(err.message, 'stripe_server_error', true, true);
  }
  if (err instanceof Stripe.errors.StripeIdempotencyError)
    return new ProviderError(err.message, 'idempotency_conflict', false, true);
  if (err instanceof Stripe.errors.StripeError)
    return new ProviderError(err.message, err.code ?? err.type, false, false);
  return new ProviderError((err as Error)?.message ?? String(err), 'unexpected_error', true, true);
}
