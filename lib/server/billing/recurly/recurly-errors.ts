import type { ApiError } from 'recurly';
import { RecurlyApiError } from './recurly-sdk';
import { ProviderError } from '../billing-provider';

/** The HTTP status of a Recurly error answer; null for a transport failure (timeout, reset, DNS). */
export function recurlyStatusOf(err: unknown): number | null {
  if (!(err instanceof RecurlyApiError)) return null;
  const status = (err.getResponse() as { status?: unknown } | undefined)?.status;
  return typeof status === 'number' ? status : null;
}

/** What the recurly SDK rejected with, for a person: `message [type] (HTTP n)`. */
export function describeRecurlyError(err: unknown): string {
  const status = recurlyStatusOf(err);
  if (err instanceof RecurlyApiError) {
    const type = (err as ApiError & { type?: string }).type ?? 'error';
    return `${err.message} [${type}]${status ? ` (HTTP ${status})` : ''}`;
  }
  return err instanceof Error ? err.message : String(err);
}

// What the executor needs to know of a Recurly failure: try again under the same Idempotency-Key,
// or stop. The SDK rejects an error answer with an ApiError carrying Recurly's error type and the
// response; its own timeout (TimeoutError, no response) and a lost connection reject without one:
// the request may have been applied (ambiguous). A 429 never reached Recurly's logic.
export function toRecurlyProviderError(err: unknown): ProviderError {
  if (err instanceof ProviderError) return err;
  const status = recurlyStatusOf(err);
  const message = err instanceof Error ? err.message : String(err);
  if (status === null)
    return new ProviderError(message || 'Connection to Recurly failed', 'connection_error', true, true);
  if (status === 429) return new ProviderError(message, 'rate_limited', true, false);
  if (status >= 500) return new ProviderError(message, 'recurly_server_error', true, true);
  const type = (err as { type?: unknown }).type;
  return new ProviderError(message, typeof type === 'string' ? type : 'recurly_error', false, false);
}
