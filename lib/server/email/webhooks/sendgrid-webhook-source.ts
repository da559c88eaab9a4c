import { createPublicKey, verify as verifySignature } from 'node:crypto';
import { z } from 'zod';
import { getEnv } from '@/lib/env';
import { defineWebhookSource } from '@/lib/server/webhook-source/define-webhook-source';
import { recordEmailEvents } from '../record-email-events';
import { readJson, sha256, validDate, type EmailEventType, type ParsedEmailEvents } from './email-provider-event';

// SendGrid's Signed Event Webhook: ECDSA (P-256, SHA-256) over timestamp ‖ raw body, signature
// base64 DER in X-Twilio-Email-Event-Webhook-Signature, the verification key (base64 SPKI) from
// the SendGrid settings page in SENDGRID_WEBHOOK_PUBLIC_KEY. The timestamp is checked both ways.
const TOLERANCE_SEC = 600;
const SIGNATURE = 'x-twilio-email-event-webhook-signature';
const TIMESTAMP = 'x-twilio-email-event-webhook-timestamp';

const TYPES: Record<string, EmailEventType> = {
  delivered: 'delivered',
  open: 'opened',
  bounce: 'bounced',
  spamreport: 'complained',
};

const sendgridEvent = z
  .object({
    email: z.string().optional(),
    timestamp: z.number(),
    event: z.string(),
    sg_event_id: z.string().optional(),
    sg_message_id: z.string().optional(),
    type: z.string().optional(), // bounce | blocked
    reason: z.string().optional(),
    status: z.string().optional(),
    tollgate_email_id: z.string().optional(),
  })
  .loose();

export function verifySendgridSignature(
  rawBody: string,
  signature: string | null,
  timestamp: string | null,
  publicKey: string,
  nowSec = Math.floor(Date.now() / 1000),
): { ok: true } | { ok: false; code: string; message: string } {
  if (!signature || !timestamp)
    return { ok: false, code: 'missing_signature', message: 'Signature headers are missing' };
  const ts = Number(timestamp);
  if (!Number.isInteger(ts) || Math.abs(nowSec - ts) > TOLERANCE_SEC)
    return { ok: false, code: 'stale_signature', message: `Timestamp is outside the ${TOLERANCE_SEC}s tolerance` };
  try {
    const key = createPublicKey({ key: Buffer.from(publicKey, 'base64'), format: 'der', type: 'spki' });
    const good = verifySignature('sha256', Buffer.from(timestamp + rawBody), key, Buffer.from(signature, 'base64'));
    return good ? { ok: true } : { ok: false, code: 'invalid_signature', message: 'Signature does not match' };
  } catch {
    return { ok: false, code: 'invalid_signature', message: 'Signature or key cannot be read' };
  }
}

export const sendgridWebhookSource = defineWebhookSource<ParsedEmailEvents>({
  id: 'sendgrid',
  label: 'SendGrid',
  // Worth a notice only where Sendgrid sends (its key is set) and its reports cannot be verified.
  configurationProblem: () =>
    !getEnv().SENDGRID_API_KEY || getEnv().SENDGRID_WEBHOOK_PUBLIC_KEY
      ? null
      : 'SendGrid event webhook key not configured: set SENDGRID_WEBHOOK_PUBLIC_KEY (the signed event webhook verification key)',

  verify(rawBody, headers) {
    const key = getEnv().SENDGRID_WEBHOOK_PUBLIC_KEY;
    if (!key)
      return {
        ok: false,
        status: 503,
        code: 'webhook_not_configured',
        message: 'SENDGRID_WEBHOOK_PUBLIC_KEY is not set',
      };
    const checked = verifySendgridSignature(rawBody, headers.get(SIGNATURE), headers.get(TIMESTAMP), key);
    return checked.ok ? checked : { ...checked, status: 400 };
  },

  // One POST carries a batch of events; the batch is one inbox row (keyed by its event ids).
  read: (rawBody) =>
    readJson(rawBody, (json) => {
      const batch = z.array(sendgridEvent).safeParse(json);
      if (!batch.success) return `Not a SendGrid event batch: ${batch.error.issues[0]?.message ?? 'invalid'}`;
      const ids = batch.data.map((e) => e.sg_event_id ?? `${e.sg_message_id}:${e.event}:${e.timestamp}`).join(',');
      const latest = Math.max(0, ...batch.data.map((e) => e.timestamp));
      return {
        eventId: `sg_${sha256(ids).slice(0, 40)}`,
        type: 'events',
        apiVersion: null,
        livemode: true,
        createdAt: latest ? new Date(latest * 1000) : null,
        payload: json,
      };
    }),

  async parse(envelope) {
    const batch = z.array(sendgridEvent).safeParse(envelope.payload);
    if (!batch.success) return { ok: false, reason: 'Not a SendGrid event batch' };
    const events = batch.data.flatMap((e) => {
      const type = TYPES[e.event];
      if (!type) return []; // processed, deferred, click, … say nothing about delivery we keep
      return [
        {
          emailId: e.tollgate_email_id ?? null,
          // sg_message_id is "<X-Message-Id>.<filter suffix>"; we stored the X-Message-Id.
          providerMessageId: e.sg_message_id?.split('.')[0] ?? null,
          recipient: e.email ?? null,
          type,
          // "bounce" is SendGrid's permanent failure; "blocked" is temporary and not suppressed.
          hard: type === 'bounced' && (e.type ?? 'bounce') === 'bounce',
          detail: [e.status, e.reason].filter(Boolean).join(' ') || null,
          occurredAt: validDate(e.timestamp) ?? new Date(0),
        },
      ];
    });
    return { ok: true, event: { source: 'sendgrid', events } };
  },

  eventTypes: { events: recordEmailEvents },
  subjectOf: (e) => e.events[0]?.emailId ?? e.events[0]?.providerMessageId ?? '',
});
