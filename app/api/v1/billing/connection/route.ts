// GET /api/v1/billing/connection — the Stripe connection as Settings shows it (admin);
// PUT — store a Stripe key, encrypted (admin); DELETE — remove the stored key (admin)
import { withApi } from '@/lib/api/with-api';
import { billingConnectionView, stripeKeyBody } from '@/lib/schemas/billing-connection';
import { getBillingConnection } from '@/lib/server/billing/connection/get-billing-connection';
import { removeStripeKey, saveStripeKey } from '@/lib/server/billing/connection/save-stripe-key';

export const GET = withApi({
  auth: 'session',
  capability: 'billing.manage',
  schemas: { response: billingConnectionView },
  handler: () => getBillingConnection(),
});

export const PUT = withApi({
  auth: 'session',
  capability: 'billing.manage',
  schemas: { body: stripeKeyBody, response: billingConnectionView },
  handler: async ({ user, body, requestId }) => {
    await saveStripeKey(user, body, requestId);
    return getBillingConnection();
  },
});

export const DELETE = withApi({
  auth: 'session',
  capability: 'billing.manage',
  schemas: { response: billingConnectionView },
  handler: async ({ user, requestId }) => {
    await removeStripeKey(user, requestId);
    return getBillingConnection();
  },
});
