import type Chargebee from 'chargebee';
import { CHARGEBEE_ACTIONS } from '@/lib/server/billing/chargebee/actions/chargebee-actions';
import { chargebeeWebhookSource } from '@/lib/server/billing/chargebee/chargebee-webhook-source';
import { startChargebeeImport } from '@/lib/server/billing/chargebee/import/start-chargebee-import';
import { resolveChargebeeClient } from '@/lib/server/billing/chargebee/resolve-chargebee-client';
import { testChargebeeConnection } from '@/lib/server/billing/connection/test-chargebee-connection';
import { defineBillingPlatform } from './port';

// Chargebee through the port: webhooks (Basic auth), connection, import and credit notes. Usage
// forwarding and the other action kinds are not built for Chargebee yet.
export const chargebeePlatform = defineBillingPlatform<Chargebee>({
  id: 'chargebee',
  label: 'Chargebee',
  webhookSource: chargebeeWebhookSource,
  connect: resolveChargebeeClient,
  testConnection: async () => {
    const tested = await testChargebeeConnection();
    return { ok: tested.ok, message: tested.message };
  },
  importHistory: startChargebeeImport,
  forwardUsage: null,
  actions: CHARGEBEE_ACTIONS,
  // Chargebee replays the first answer to a repeated chargebee-idempotency-key for 24 hours; the
  // executor reads the platform before a re-send older than 23 h (execute-claimed-action).
  idempotency: { mechanism: 'chargebee-idempotency-key header', windowHours: 24 },
});
