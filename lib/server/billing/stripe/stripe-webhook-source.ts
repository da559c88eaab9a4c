import { getEnv } from '@/lib/env';
import { readStoredWebhookSecret } from '@/lib/server/billing/connection/read-stored-webhook-secret';
import { defineWebhookSource } from '@/lib/server/webhook-source/define-webhook-source';
import { normalizeStripeEvent } from './normalize/normalize-event';
import { StripeNormalizeError } from './normalize/read';
import type { StripeEventEnvelope } from './normalize/stripe-records';
import { refetchStripeEvent } from './refetch-stripe-event';
import { STRIPE_EVENT_HANDLERS } from './stripe-event-handlers';
import type { StripeParsedEvent } from './stripe-handler-context';
import { readStripeEvent, verifyStripeSignature } from './verify-stripe-signature';

/** STRIPE_WEBHOOK_SECRET (Stripe's name) plus STRIPE_WEBHOOK_SECRETS (a rotation): any one verifies. */
export function stripeWebhookSecrets(): string[] {
  const env = getEnv();
  return [...new Set([env.STRIPE_WEBHOOK_SECRET ?? '', ...env.STRIPE_WEBHOOK_SECRETS].filter(Boolean))];
}

// Stripe → the inbox: the Stripe-Signature header over the raw body; the payload is a trigger —
// with a Stripe key (env or console) the object is re-fetched and that is what the handlers apply.
export const stripeWebhookSource = defineWebhookSource<StripeParsedEvent>({
  id: 'stripe',
  label: 'Stripe',
  configurationProblem: async () =>
    stripeWebhookSecrets().length || (await readStoredWebhookSecret())
      ? null
      : 'Stripe webhook signing secret not configured: set STRIPE_WEBHOOK_SECRET (or STRIPE_WEBHOOK_SECRETS while rotating), or create the endpoint in Settings → Billing platform; deliveries are answered 503 until then',

  async verify(rawBody, headers) {
    // The signature's age is judged at arrival, not after the secret lookup below.
    const nowSec = Math.floor(Date.now() / 1000);
    // The env's secrets, plus the one stored when the endpoint was created from the console.
    const stored = await readStoredWebhookSecret();
    const secrets = [...stripeWebhookSecrets(), ...(stored ? [stored] : [])];
    if (!secrets.length) {
      // Our misconfiguration, not the sender's fault: 503 makes Stripe deliver again later.
      return {
        ok: false,
        status: 503,
        code: 'webhook_not_configured',
        message: 'No Stripe webhook signing secret is configured (STRIPE_WEBHOOK_SECRET or STRIPE_WEBHOOK_SECRETS)',
      };
    }
    const verified = verifyStripeSignature(rawBody, headers.get('stripe-signature'), secrets, { nowSec });
    return verified.ok ? verified : { ...verified, status: 400 };
  },

  read(rawBody) {
    const read = readStripeEvent(rawBody);
    if (!read.ok) return { ok: false, reason: read.message, payload: read.payload };
    const event = read.event;
    return {
      ok: true,
      envelope: {
        eventId: event.id,
        type: event.type,
        apiVersion: event.api_version ?? null,
        livemode: event.livemode ?? false,
        createdAt: typeof event.created === 'number' ? new Date(event.created * 1000) : null,
        payload: event,
      },
    };
  },

  // Re-fetch (a failed fetch throws: the attempt is retried) → normalise. A payload missing an id
  // or timestamp the handlers cannot do without is unparseable, not a transient failure.
  async parse(envelope) {
    const { event } = await refetchStripeEvent(envelope.payload as StripeEventEnvelope);
    try {
      const normalized = normalizeStripeEvent(event);
      if (!normalized) return { ok: false, reason: `Stripe event type ${event.type} is not handled` };
      return {
        ok: true,
        event: {
          event: normalized,
          envelope: event,
          eventCreatedAt: new Date(normalized.orderingKey.eventCreated * 1000),
        },
      };
    } catch (err) {
      if (err instanceof StripeNormalizeError) return { ok: false, reason: err.message };
      throw err;
    }
  },

  eventTypes: STRIPE_EVENT_HANDLERS,
  subjectOf: (parsed) => parsed.event.record.externalId,
});
