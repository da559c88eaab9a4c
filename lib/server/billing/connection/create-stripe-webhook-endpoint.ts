import { getDb } from '@/lib/db';
import { ApiError } from '@/lib/errors';
import type { SessionUser } from '@/lib/auth/roles';
import { appendAuditEvent } from '@/lib/server/audit/append-audit-event';
import { resolveStripeClient } from '@/lib/server/billing/stripe/resolve-stripe-client';
import { toProviderError } from '@/lib/server/billing/stripe/stripe-errors';
import { sealSecret } from '@/lib/server/integrations/secret-box';
import {
  STRIPE_CONNECTION_ID,
  STRIPE_WEBHOOK_EVENTS,
  STRIPE_WEBHOOK_SECRET_AAD,
  stripeWebhookUrl,
} from './connection-facts';

// Creates the webhook endpoint in Stripe (every event type the handlers apply) and stores its
// signing secret sealed: Stripe shows the secret only in this one answer. The Stripe call comes
// first — a failed call leaves nothing stored; the row and its audit record commit together.
export async function createStripeWebhookEndpoint(
  actor: SessionUser,
  input: { url?: string },
  requestId: string,
): Promise<{ endpointId: string; url: string; events: string[] }> {
  const url = input.url ?? stripeWebhookUrl();
  if (!url) throw new ApiError(422, 'no_public_url', 'Set NEXTAUTH_URL (the console’s public URL) or give the URL');
  const stripe = await resolveStripeClient();
  if (!stripe) throw new ApiError(409, 'not_connected', 'Connect a Stripe key first');
  const endpoint = await stripe.webhookEndpoints
    .create({
      url,
      enabled_events: [...STRIPE_WEBHOOK_EVENTS] as never,
      description: 'Tollgate',
      metadata: { created_by: 'tollgate' },
    })
    .catch((err: unknown) => {
      const e = toProviderError(err);
      throw new ApiError(502, `stripe_${e.code}`, `Stripe did not create the endpoint: ${e.message}`);
    });
  if (!endpoint.secret) throw new ApiError(502, 'stripe_no_secret', 'Stripe returned no signing secret');
  const data = {
    webhookEndpointId: endpoint.id,
    webhookUrl: url,
    webhookSecretCiphertext: sealSecret(endpoint.secret, STRIPE_WEBHOOK_SECRET_AAD),
  };
  await getDb().$transaction(async (tx) => {
    await tx.billingConnection.upsert({
      where: { id: STRIPE_CONNECTION_ID },
      create: { id: STRIPE_CONNECTION_ID, ...data },
      update: data,
    });
    await appendAuditEvent(tx, {
      actor: { type: 'user', id: actor.id },
      action: 'billing_connection.webhook_created',
      target: { type: 'billing_connection', id: STRIPE_CONNECTION_ID },
      requestId,
      after: { endpointId: endpoint.id, url, events: STRIPE_WEBHOOK_EVENTS },
    });
  });
  return { endpointId: endpoint.id, url, events: [...STRIPE_WEBHOOK_EVENTS] };
}
