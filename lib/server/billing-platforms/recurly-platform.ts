import type { Client } from 'recurly';
import { RECURLY_ACTIONS } from '@/lib/server/billing/recurly/actions/recurly-actions';
import { startRecurlyImport } from '@/lib/server/billing/recurly/import/start-recurly-import';
import { resolveRecurlyClient } from '@/lib/server/billing/recurly/recurly-client';
import { recurlyWebhookSource } from '@/lib/server/billing/recurly/recurly-webhook-source';
import { testRecurlyConnection } from '@/lib/server/billing/recurly/test-recurly-connection';
import { defineBillingPlatform } from './port';

// Recurly through the port: webhooks (recurly-signature, re-fetched), import and credit
// adjustments, configured from the environment (RECURLY_API_KEY). Usage records on add-ons,
// plan changes and invoice collection retries are not built for Recurly yet.
export const recurlyPlatform = defineBillingPlatform<Client>({
  id: 'recurly',
  label: 'Recurly',
  webhookSource: recurlyWebhookSource,
  connect: resolveRecurlyClient,
  testConnection: testRecurlyConnection,
  importHistory: startRecurlyImport,
  forwardUsage: null,
  actions: RECURLY_ACTIONS,
  // How long Recurly replays a repeated Idempotency-Key is taken as a day, like Stripe's: the
  // executor reads the platform before any re-send older than 23 h, which is safe if it is longer.
  idempotency: { mechanism: 'Idempotency-Key header', windowHours: 24 },
});
