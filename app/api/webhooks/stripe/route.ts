// POST /api/webhooks/stripe — Stripe events: verify the signature on the raw body, store, enqueue
import { withApi } from '@/lib/api/with-api';
import { ApiError } from '@/lib/api/api-error';
import { readTextCapped } from '@/lib/api/read-json-body';
import { stripeWebhookResponse } from '@/lib/schemas/webhooks';
import { receiveStripeWebhook } from '@/lib/server/webhooks/receive-stripe-webhook';

// Stripe events are a few kilobytes; 1 MB leaves room for large invoices and stops abuse.
const BODY_LIMIT_BYTES = 1024 * 1024;

export const POST = withApi({
  auth: 'webhook',
  schemas: { response: stripeWebhookResponse },
  handler: async ({ req }) => {
    if (Number(req.headers.get('content-length') ?? '0') > BODY_LIMIT_BYTES) {
      throw new ApiError(413, 'body_too_large', `The request body is larger than ${BODY_LIMIT_BYTES} bytes`);
    }
    // The exact bytes Stripe signed: never parse and re-serialise before verifying.
    const rawBody = await readTextCapped(req, BODY_LIMIT_BYTES);
    return receiveStripeWebhook(rawBody, req.headers.get('stripe-signature'));
  },
});
