import { clock } from '@/lib/clock';
import { getEnv } from '@/lib/env';
import type { PlatformContent } from '@/lib/server/billing/stripe/sync/apply-platform-content';
import { applyPlatformContent } from '@/lib/server/billing/stripe/sync/apply-platform-content';
import { defineWebhookSource, type WebhookEventHandler } from '@/lib/server/webhook-source/define-webhook-source';
import { fetchRecurlyObjects } from './fetch-recurly-objects';
import { RecurlyNormalizeError } from './normalize/normalize-recurly-records';
import { recurlyContent } from './normalize/recurly-content';
import { resolveRecurlyClient } from './recurly-client';
import { describeRecurlyError, recurlyStatusOf } from './recurly-errors';
import {
  notificationEventId,
  notificationType,
  recurlyNotificationSchema,
  type RecurlyNotification,
} from './recurly-notification';
import { verifyRecurlySignature } from './verify-recurly-signature';

/** What the Recurly source's parse() hands its handlers: the objects as Recurly has them now. */
export interface RecurlyParsedEvent {
  eventType: string;
  content: PlatformContent;
}

const applyRecurlyObjects: WebhookEventHandler<RecurlyParsedEvent> = (ctx) =>
  applyPlatformContent(ctx, ctx.eventType, ctx.content, 'recurly');

// The notification types whose object Tollgate stores; every other type is kept as 'ignored'.
// Each re-reads its object (fetch-recurly-objects) and applies what it read, so the table is the list.
export const HANDLED_RECURLY_EVENT_TYPES: readonly string[] = [
  ...['created', 'updated', 'deactivated', 'reactivated'].map((e) => `account.${e}`),
  ...['created', 'updated', 'canceled', 'expired', 'renewed', 'reactivated', 'paused', 'resumed'].map(
    (e) => `subscription.${e}`,
  ),
  ...['created', 'processing', 'past_due', 'paid', 'failed', 'reopened', 'updated'].map((e) => `charge_invoice.${e}`),
];
const RECURLY_EVENT_HANDLERS = Object.fromEntries(HANDLED_RECURLY_EVENT_TYPES.map((t) => [t, applyRecurlyObjects]));

// Recurly → the inbox (/api/webhooks/recurly): the recurly-signature header over the raw body,
// an event id made of what names the notification, and — since a JSON notification carries ids
// only — the object re-read through the SDK and stored as billing_provider 'recurly'.
export const recurlyWebhookSource = defineWebhookSource<RecurlyParsedEvent>({
  id: 'recurly',
  label: 'Recurly',
  configurationProblem: () => {
    const env = getEnv();
    if (!env.RECURLY_WEBHOOK_SECRET) {
      return 'Recurly webhook signing key not configured: set RECURLY_WEBHOOK_SECRET (the key shown on the endpoint in Recurly); deliveries are answered 503 until then';
    }
    if (!env.RECURLY_API_KEY) {
      return 'Recurly API key not configured: set RECURLY_API_KEY; notifications are stored but cannot be applied until then (they carry ids only)';
    }
    return null;
  },

  verify: (rawBody, headers) =>
    verifyRecurlySignature(rawBody, headers.get('recurly-signature'), getEnv().RECURLY_WEBHOOK_SECRET, clock.nowMs()),

  read(rawBody) {
    let json: unknown;
    try {
      json = JSON.parse(rawBody);
    } catch {
      return { ok: false, reason: 'the body is not JSON (is the endpoint set to XML in Recurly?)', payload: null };
    }
    const parsed = recurlyNotificationSchema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return {
        ok: false,
        reason: `not a Recurly notification: ${issue?.path.join('.')} ${issue?.message}`,
        payload: json,
      };
    }
    const notification = parsed.data;
    return {
      ok: true,
      envelope: {
        eventId: notificationEventId(notification),
        type: notificationType(notification),
        apiVersion: null,
        // Sandbox and production are separate sites with their own endpoints and keys.
        livemode: false,
        createdAt: new Date(notification.event_time),
        payload: notification,
      },
    };
  },

  // Re-fetch → normalise. Not connected, a timeout or a 5xx throws (the attempt is retried); an
  // object Recurly no longer has, or one missing what the records need, is unparseable.
  async parse(envelope) {
    const notification = envelope.payload as RecurlyNotification;
    const client = await resolveRecurlyClient();
    if (!client) throw new Error('Recurly is not connected: set RECURLY_API_KEY to apply its notifications');
    try {
      const objects = await fetchRecurlyObjects(client, notification);
      const content = recurlyContent(objects, new Date(notification.event_time));
      return { ok: true, event: { eventType: envelope.type, content } };
    } catch (err) {
      if (err instanceof RecurlyNormalizeError) return { ok: false, reason: err.message };
      if (recurlyStatusOf(err) === 404) {
        return {
          ok: false,
          reason: `Recurly has no ${notification.object_type} ${notification.id}: ${describeRecurlyError(err)}`,
        };
      }
      throw err;
    }
  },

  eventTypes: RECURLY_EVENT_HANDLERS,
  subjectOf: ({ content }) =>
    content.invoice?.record.externalId ??
    content.subscription?.record.externalId ??
    content.customer?.record.externalId ??
    '',
});
