import { getEnv } from '@/lib/env';
import { HANDLED_STRIPE_EVENT_TYPES } from '@/lib/server/billing/stripe/normalize/event-types';

// Facts about the Stripe connection that the settings page, the tester and the webhook creator
// share, stated once.

/** The one BillingConnection row; also the additional data its sealed key is bound to. */
export const STRIPE_CONNECTION_ID = 'stripe';
/** What the stored webhook signing secret is sealed under (not the key's AAD: never swappable). */
export const STRIPE_WEBHOOK_SECRET_AAD = 'stripe:webhook-signing-secret';

/** Every event type the webhook handlers apply: what the Stripe endpoint must send. */
export const STRIPE_WEBHOOK_EVENTS: readonly string[] = HANDLED_STRIPE_EVENT_TYPES;

/** The public URL Stripe must deliver to, from NEXTAUTH_URL (the console's public origin). */
export function stripeWebhookUrl(): string | null {
  const origin = getEnv().NEXTAUTH_URL;
  return origin ? new URL('/api/webhooks/stripe', origin).toString() : null;
}

/** sk_test_…wxyz — enough to tell keys apart, never enough to use one. */
export function keyHint(key: string): string {
  const prefix = /^(sk|rk)_(test|live)_/.exec(key)?.[0] ?? key.slice(0, 3);
  return `${prefix}…${key.slice(-4)}`;
}

export function keyMode(key: string): 'test' | 'live' | null {
  return /^(sk|rk)_live_/.test(key) ? 'live' : /^(sk|rk)_test_/.test(key) ? 'test' : null;
}
