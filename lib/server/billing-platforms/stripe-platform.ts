import type Stripe from 'stripe';
import { kindDefinition } from '@/lib/server/actions/kinds';
import { startStripeImport } from '@/lib/server/billing/stripe/import/start-stripe-import';
import { resolveStripeClient } from '@/lib/server/billing/stripe/resolve-stripe-client';
import { stripeWebhookSource } from '@/lib/server/billing/stripe/stripe-webhook-source';
import { testStripeConnection } from '@/lib/server/billing/connection/test-stripe-connection';
import { forwardUsage } from '@/lib/server/usage-forwarding/forward-usage';
import { defineBillingPlatform, type PlatformActionEffect, type PlatformActionKind } from './port';

/** A kind's Stripe calls, as its definition states them (lib/server/actions/kinds/). */
function stripeEffect(kind: PlatformActionKind): PlatformActionEffect<Stripe> {
  const billing = kindDefinition(kind).execute.billing;
  if (!billing) throw new Error(`Action kind ${kind} has no billing execution`);
  return billing.stripe;
}

// Stripe through the port: thin adapters over the existing paths, which stay as they are.
export const stripePlatform = defineBillingPlatform<Stripe>({
  id: 'stripe',
  label: 'Stripe Billing',
  webhookSource: stripeWebhookSource,
  connect: resolveStripeClient,
  testConnection: async () => {
    const tested = await testStripeConnection();
    return { ok: tested.ok, message: tested.message };
  },
  importHistory: startStripeImport,
  forwardUsage: (stripe) => forwardUsage(stripe, { maxRounds: 20 }),
  actions: {
    credit: stripeEffect('credit'),
    plan_change: stripeEffect('plan_change'),
    dunning_step: stripeEffect('dunning_step'),
  },
  // Stripe replays the first answer to a repeated Idempotency-Key for about a day; a re-send
  // after 23 h reads Stripe first (execute-claimed-action).
  idempotency: { mechanism: 'Idempotency-Key header', windowHours: 24 },
});
