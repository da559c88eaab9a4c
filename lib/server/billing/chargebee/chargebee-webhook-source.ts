import { getEnv } from '@/lib/env';
import { defineWebhookSource } from '@/lib/server/webhook-source/define-webhook-source';
import { applyChargebeeContent } from './apply-chargebee-content';
import type { ChargebeeEventHandler, ChargebeeParsedEvent } from './chargebee-handler-context';
import { chargebeeEventSchema } from './normalize/chargebee-objects';
import { ChargebeeNormalizeError, normalizeChargebeeEvent } from './normalize/normalize-chargebee-event';
import { verifyChargebeeBasicAuth } from './verify-chargebee-basic-auth';

function chargebeeWebhookCredentials() {
  const env = getEnv();
  return env.CHARGEBEE_WEBHOOK_USERNAME && env.CHARGEBEE_WEBHOOK_PASSWORD
    ? { username: env.CHARGEBEE_WEBHOOK_USERNAME, password: env.CHARGEBEE_WEBHOOK_PASSWORD }
    : null;
}

// The event types whose content Tollgate stores; every other type is kept as 'ignored'. Each
// applies the snapshots its content carries (apply-chargebee-content), so the table is the list.
export const HANDLED_CHARGEBEE_EVENT_TYPES: readonly string[] = [
  'customer_created',
  'customer_changed',
  'customer_deleted',
  'subscription_created',
  'subscription_started',
  'subscription_activated',
  'subscription_changed',
  'subscription_renewed',
  'subscription_cancelled',
  'subscription_reactivated',
  'subscription_paused',
  'subscription_resumed',
  'invoice_generated',
  'invoice_updated',
  'payment_succeeded',
  'payment_failed',
];
const CHARGEBEE_EVENT_HANDLERS: Record<string, ChargebeeEventHandler> = Object.fromEntries(
  HANDLED_CHARGEBEE_EVENT_TYPES.map((type) => [type, applyChargebeeContent]),
);

// Chargebee → the inbox (/api/webhooks/chargebee): Basic auth on the URL, the event id for
// dedupe, and the content's snapshots normalised into the records the Stripe writers store, with
// billing_provider 'chargebee'. The payload is applied as it came: every snapshot carries its
// resource_version, which is what makes out-of-order deliveries safe to skip.
export const chargebeeWebhookSource = defineWebhookSource<ChargebeeParsedEvent>({
  id: 'chargebee',
  label: 'Chargebee',
  configurationProblem: () =>
    chargebeeWebhookCredentials()
      ? null
      : 'Chargebee webhook credentials not configured: set CHARGEBEE_WEBHOOK_USERNAME and CHARGEBEE_WEBHOOK_PASSWORD (the Basic-auth pair on the webhook in Chargebee); deliveries are answered 503 until then',

  verify: (_rawBody, headers) => verifyChargebeeBasicAuth(headers, chargebeeWebhookCredentials()),

  read(rawBody) {
    let json: unknown;
    try {
      json = JSON.parse(rawBody);
    } catch {
      return { ok: false, reason: 'the body is not JSON', payload: null };
    }
    const parsed = chargebeeEventSchema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return { ok: false, reason: `not a Chargebee event: ${issue?.path.join('.')} ${issue?.message}`, payload: json };
    }
    const event = parsed.data;
    return {
      ok: true,
      envelope: {
        eventId: event.id,
        type: event.event_type,
        apiVersion: event.api_version ?? null,
        // Chargebee events do not say: test and live are separate sites (acme-test, acme).
        livemode: false,
        createdAt: new Date(event.occurred_at * 1000),
        payload: event,
      },
    };
  },

  async parse(envelope) {
    const event = chargebeeEventSchema.parse(envelope.payload);
    try {
      return { ok: true, event: { eventType: event.event_type, content: normalizeChargebeeEvent(event) } };
    } catch (err) {
      if (err instanceof ChargebeeNormalizeError) return { ok: false, reason: err.message };
      throw err;
    }
  },

  eventTypes: CHARGEBEE_EVENT_HANDLERS,
  subjectOf: ({ content }) =>
    content.invoice?.record.externalId ??
    content.subscription?.record.externalId ??
    content.customer?.record.externalId ??
    '',
});
