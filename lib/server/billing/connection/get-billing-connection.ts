import { getDb } from '@/lib/db';
import type { BillingConnectionView } from '@/lib/schemas/billing-connection';
import { resolveStripeKey } from '@/lib/server/billing/stripe/resolve-stripe-client';
import { stripeWebhookSecrets } from '@/lib/server/billing/stripe/stripe-webhook-source';
import { keyHint, keyMode, STRIPE_CONNECTION_ID, STRIPE_WEBHOOK_EVENTS, stripeWebhookUrl } from './connection-facts';

// What Settings → Billing platform shows: which key is in use (never the key), what the last
// test saw, and exactly what to configure in Stripe for webhooks.
export async function getBillingConnection(): Promise<BillingConnectionView> {
  const [resolved, row] = await Promise.all([
    resolveStripeKey(),
    getDb().billingConnection.findUnique({ where: { id: STRIPE_CONNECTION_ID } }),
  ]);
  return {
    source: resolved?.source ?? null,
    keyHint: resolved ? keyHint(resolved.key) : null,
    keyMode: resolved ? keyMode(resolved.key) : null,
    accountId: row?.accountId ?? null,
    accountName: row?.accountName ?? null,
    livemode: row?.livemode ?? null,
    testedAt: row?.testedAt?.toISOString() ?? null,
    missingPermissions: Array.isArray(row?.missingPermissions) ? (row.missingPermissions as string[]) : [],
    webhook: {
      url: row?.webhookUrl ?? stripeWebhookUrl(),
      events: [...STRIPE_WEBHOOK_EVENTS],
      endpointId: row?.webhookEndpointId ?? null,
      secretStored: Boolean(row?.webhookSecretCiphertext),
      secretInEnv: stripeWebhookSecrets().length > 0,
    },
  };
}
