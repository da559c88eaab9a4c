// POST /api/v1/billing/connection/webhook-endpoint — create the Stripe webhook endpoint and store
// its signing secret (admin)
import { z } from 'zod';
import { withApi } from '@/lib/api/with-api';
import { createWebhookEndpointBody } from '@/lib/schemas/billing-connection';
import { createStripeWebhookEndpoint } from '@/lib/server/billing/connection/create-stripe-webhook-endpoint';

export const POST = withApi({
  auth: 'session',
  capability: 'billing.manage',
  schemas: {
    body: createWebhookEndpointBody,
    response: z.object({ endpointId: z.string(), url: z.string(), events: z.array(z.string()) }),
  },
  status: 201,
  handler: ({ user, body, requestId }) => createStripeWebhookEndpoint(user, body, requestId),
});
