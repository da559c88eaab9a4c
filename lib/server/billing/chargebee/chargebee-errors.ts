import { ProviderError } from '../billing-provider';

/** What the chargebee SDK rejects with for an HTTP error answer: Chargebee's error body. */
export interface ChargebeeApiError {
  message: string;
  api_error_code?: string;
  error_code?: string;
  type?: string;
  http_status_code: number;
}

// The SDK rejects an error answer with Chargebee's own error body plus http_status_code (a plain
// object, not an Error); a network failure or its timeout rejects with an Error instead.
export function asChargebeeApiError(err: unknown): ChargebeeApiError | null {
  const e = err as Partial<ChargebeeApiError> | null;
  return e && typeof e === 'object' && typeof e.http_status_code === 'number' && typeof e.message === 'string'
    ? (e as ChargebeeApiError)
    : null;
}

// What the executor needs to know of a Chargebee failure: try again under the same
// chargebee-idempotency-key, or stop. A 429 never reached Chargebee's logic; a 5xx, a timeout or
// a lost connection may have applied the effect (ambiguous: read back before giving up).
export function toChargebeeProviderError(err: unknown): ProviderError {
  if (err instanceof ProviderError) return err;
  const api = asChargebeeApiError(err);
  if (!api) {
    return new ProviderError(
      (err as Error)?.message || 'Connection to Chargebee failed',
      'connection_error',
      true,
      true,
    );
  }
  const code = api.api_error_code ?? api.error_code ?? 'chargebee_error';
  if (api.http_status_code === 429) return new ProviderError(api.message, 'rate_limited', true, false);
  if (api.http_status_code >= 500) return new ProviderError(api.message, 'chargebee_server_error', true, true);
  return new ProviderError(api.message, code, false, false);
}
