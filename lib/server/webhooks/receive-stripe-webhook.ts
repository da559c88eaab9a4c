import { ApiError } from '@/lib/api/api-error';
import { verifyStripeSignature } from '@/lib/server/billing/stripe/verify-stripe-signature';
import { getEnv } from '@/lib/env';
import type { StripeWebhookResponse } from '@/lib/schemas/webhooks';
import { enqueueStripeEvent } from './enqueue-stripe-event';
import { recordStripeEvent } from './record-stripe-event';

// Verify → record → enqueue (convention 6). A bad signature is a 400 with its code
// (missing_signature | invalid_signature | stale_signature | malformed_payload) and nothing is
// stored. Several secrets may be configured (rotation): any one verifies. The answer is sent only
// after the inbox row is committed; a redelivery answers 200 with duplicate=true and no effect.
export async function receiveStripeWebhook(
  rawBody: string,
  signatureHeader: string | null,
): Promise<StripeWebhookResponse> {
  const secrets = getEnv().STRIPE_WEBHOOK_SECRETS;
  if (!secrets.length) {
    // Our misconfiguration, not the sender's fault: 503 makes Stripe deliver again later.
    throw new ApiError(
      503,
      'webhook_not_configured',
      'No Stripe webhook signing secret is configured (STRIPE_WEBHOOK_SECRETS)',
    );
  }
  const verified = verifyStripeSignature(rawBody, signatureHeader, secrets);
  if (!verified.ok) throw new ApiError(400, verified.code, verified.message);

  const recorded = await recordStripeEvent(rawBody, verified.event);
  if (recorded.inserted && recorded.status === 'received') await enqueueStripeEvent(recorded.id);
  return { received: true, id: recorded.id, duplicate: !recorded.inserted, status: recorded.status };
}
