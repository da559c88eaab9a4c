import { z } from 'zod';
import { getEnv } from '@/lib/env';
import { defineWebhookSource } from '@/lib/server/webhook-source/define-webhook-source';
import { recordEmailEvents } from '../record-email-events';
import { constantTimeEqual, readJson, sha256, validDate, type ParsedEmailEvents } from './email-provider-event';

// Postmark signs nothing: its documented protection is HTTP Basic auth in the webhook URL
// (https://user:password@host/api/webhooks/postmark), checked here against
// POSTMARK_WEBHOOK_CREDENTIALS ("user:password") in constant time.
const TYPES = { Delivery: 'delivered', Open: 'opened', Bounce: 'bounced', SpamComplaint: 'complained' } as const;

// Postmark's bounce types that mean the address will never accept mail (its docs' "hard" set).
const HARD_BOUNCES = new Set(['HardBounce', 'BadEmailAddress', 'ManuallyDeactivated', 'Blocked', 'DMARCPolicy']);

const postmarkEvent = z.object({
  RecordType: z.string(),
  MessageID: z.string(),
  ID: z.union([z.number(), z.string()]).optional(),
  Recipient: z.string().optional(),
  Email: z.string().optional(),
  Type: z.string().optional(),
  Description: z.string().optional(),
  Details: z.string().optional(),
  DeliveredAt: z.string().optional(),
  BouncedAt: z.string().optional(),
  ReceivedAt: z.string().optional(),
  Metadata: z.record(z.string(), z.string()).optional(),
});

const timeOf = (e: z.infer<typeof postmarkEvent>) => e.DeliveredAt ?? e.BouncedAt ?? e.ReceivedAt ?? null;

export const postmarkWebhookSource = defineWebhookSource<ParsedEmailEvents>({
  id: 'postmark',
  label: 'Postmark',
  // Worth a notice only where Postmark sends (its key is set) and its reports cannot be verified.
  configurationProblem: () =>
    !getEnv().POSTMARK_SERVER_TOKEN || getEnv().POSTMARK_WEBHOOK_CREDENTIALS
      ? null
      : 'Postmark webhook credentials not configured: set POSTMARK_WEBHOOK_CREDENTIALS (user:password, as in the webhook URL)',

  verify(_rawBody, headers) {
    const expected = getEnv().POSTMARK_WEBHOOK_CREDENTIALS;
    if (!expected)
      return {
        ok: false,
        status: 503,
        code: 'webhook_not_configured',
        message: 'POSTMARK_WEBHOOK_CREDENTIALS is not set',
      };
    const header = headers.get('authorization') ?? '';
    const given = header.startsWith('Basic ') ? Buffer.from(header.slice(6), 'base64').toString('utf8') : '';
    return constantTimeEqual(given, expected)
      ? { ok: true }
      : { ok: false, status: 400, code: 'invalid_credentials', message: 'Missing or wrong basic-auth credentials' };
  },

  read: (rawBody) =>
    readJson(rawBody, (json) => {
      const e = postmarkEvent.safeParse(json);
      if (!e.success) return `Not a Postmark event: ${e.error.issues[0]?.message ?? 'invalid'}`;
      // Postmark sends no event id: a record type, message and time identify one event.
      const key = `${e.data.RecordType}:${e.data.MessageID}:${e.data.ID ?? ''}:${timeOf(e.data) ?? ''}`;
      return {
        eventId: `pm_${sha256(key).slice(0, 40)}`,
        type: e.data.RecordType,
        apiVersion: null,
        livemode: true,
        createdAt: validDate(timeOf(e.data)),
        payload: json,
      };
    }),

  async parse(envelope) {
    const e = postmarkEvent.safeParse(envelope.payload);
    const type = e.success ? TYPES[e.data.RecordType as keyof typeof TYPES] : undefined;
    if (!e.success || !type) return { ok: false, reason: 'Not a Postmark delivery event' };
    return {
      ok: true,
      event: {
        source: 'postmark',
        events: [
          {
            emailId: e.data.Metadata?.tollgate_email_id ?? null,
            providerMessageId: e.data.MessageID,
            recipient: e.data.Recipient ?? e.data.Email ?? null,
            type,
            hard: type === 'bounced' && HARD_BOUNCES.has(e.data.Type ?? ''),
            detail: [e.data.Type, e.data.Description ?? e.data.Details].filter(Boolean).join(': ') || null,
            occurredAt: envelope.createdAt ?? validDate(timeOf(e.data)) ?? new Date(0),
          },
        ],
      },
    };
  },

  eventTypes: {
    Delivery: recordEmailEvents,
    Open: recordEmailEvents,
    Bounce: recordEmailEvents,
    SpamComplaint: recordEmailEvents,
  },
  subjectOf: (e) => e.events[0]?.emailId ?? e.events[0]?.providerMessageId ?? '',
});
