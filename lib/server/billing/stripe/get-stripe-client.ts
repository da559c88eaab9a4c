import Stripe from 'stripe';
import { getEnv } from '@/lib/env';
import { outboundLoggingStripeHttpClient } from '@/lib/server/autonomy/outbound-call-log';

// The one place a Stripe SDK client is made. Null without STRIPE_SECRET_KEY: callers then work
// from webhook payloads alone. STRIPE_API_BASE points the SDK at another host (a local fake in
// tests); network retries are off because our job queue already retries with backoff.

const g = globalThis as unknown as { tollgateStripe?: { signature: string; client: Stripe } };

export function getStripeClient(): Stripe | null {
  const { STRIPE_SECRET_KEY: key, STRIPE_API_BASE: base } = getEnv();
  if (!key) return null;
  // Keyed by configuration so a test that changes the env gets a fresh client.
  const signature = `${key}|${base ?? ''}`;
  if (g.tollgateStripe?.signature !== signature) {
    const target = base ? new URL(base) : null;
    const client = new Stripe(key, {
      maxNetworkRetries: 0,
      telemetry: false,
      timeout: 20_000,
      // Agent scope, restricted key and the per-action call log (lib/server/autonomy/outbound-call-log.ts).
      httpClient: outboundLoggingStripeHttpClient(),
      ...(target
        ? {
            host: target.hostname,
            port: target.port || (target.protocol === 'http:' ? 80 : 443),
            protocol: target.protocol === 'http:' ? 'http' : 'https',
          }
        : {}),
    });
    g.tollgateStripe = { signature, client };
  }
  return g.tollgateStripe.client;
}
