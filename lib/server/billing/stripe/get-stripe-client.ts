import Stripe from 'stripe';
import { getEnv } from '@/lib/env';
import { outboundLoggingStripeHttpClient } from '@/lib/server/billing/stripe/outbound-call-log';

// Builds the Stripe SDK client for a key. Callers never use this directly: they ask
// resolveStripeClient() (resolve-stripe-client.ts), which picks the key (env, else the console's
// stored connection). STRIPE_API_BASE points the SDK at another host (a local fake in tests);
// network retries are off because our job queue (and the importer's own 429 backoff) retries.

const g = globalThis as unknown as { tollgateStripe?: Map<string, Stripe> };

export function stripeClientFor(key: string): Stripe {
  const base = getEnv().STRIPE_API_BASE;
  // Keyed by configuration so a test that changes the env or the stored key gets a fresh client.
  const signature = `${key}|${base ?? ''}`;
  g.tollgateStripe ??= new Map();
  let client = g.tollgateStripe.get(signature);
  if (!client) {
    const target = base ? new URL(base) : null;
    client = new Stripe(key, {
      maxNetworkRetries: 0,
      telemetry: false,
      timeout: 20_000,
      // Agent scope, restricted key and the per-action call log (lib/server/actions/autonomy/outbound-call-log.ts).
      httpClient: outboundLoggingStripeHttpClient(),
      ...(target
        ? {
            host: target.hostname,
            port: target.port || (target.protocol === 'http:' ? 80 : 443),
            protocol: target.protocol === 'http:' ? 'http' : 'https',
          }
        : {}),
    });
    g.tollgateStripe.set(signature, client);
  }
  return client;
}
