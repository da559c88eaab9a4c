import { Webhook } from 'svix';
import { z } from 'zod';
import { getEnv } from '@/lib/env';
import { defineWebhookSource } from '@/lib/server/webhook-source/define-webhook-source';
import { recordEmailEvents } from '../record-email-events';
import { readJson, sha256, validDate, type EmailEventType, type ParsedEmailEvents } from './email-provider-event';

// Resend delivers webhooks through Svix: svix-id, svix-timestamp and svix-signature headers,
// HMAC-SHA256 with the endpoint's whsec_ secret (RESEND_WEBHOOK_SECRET). Svix's own library
// checks the signature and the timestamp (five minutes either way).
const TYPES: Record<string, EmailEventType> = {
  'email.delivered': 'delivered',
  'email.opened': 'opened',
  'email.bounced': 'bounced',
  'email.complained': 'complained',
};

const resendEvent = z.object({
  type: z.string(),
  created_at: z.string(),
  data: z
    .object({
      email_id: z.string(),
      to: z.array(z.string()).optional(),
      tags: z
        .union([z.record(z.string(), z.string()), z.array(z.object({ name: z.string(), value: z.string() }))])
        .optional(),
      bounce: z
        .object({ type: z.string().optional(), subType: z.string().optional(), message: z.string().optional() })
        .optional(),
    })
    .loose(),
});

const tagValue = (tags: z.infer<typeof resendEvent>['data']['tags'], name: string) =>
  Array.isArray(tags) ? tags.find((t) => t.name === name)?.value : tags?.[name];

export const resendWebhookSource = defineWebhookSource<ParsedEmailEvents>({
  id: 'resend',
  label: 'Resend',
  // Worth a notice only where Resend sends (its key is set) and its reports cannot be verified.
  configurationProblem: () =>
    !getEnv().RESEND_API_KEY || getEnv().RESEND_WEBHOOK_SECRET
      ? null
      : 'Resend webhook secret not configured: set RESEND_WEBHOOK_SECRET (whsec_…)',

  verify(rawBody, headers) {
    const secret = getEnv().RESEND_WEBHOOK_SECRET;
    if (!secret)
      return { ok: false, status: 503, code: 'webhook_not_configured', message: 'RESEND_WEBHOOK_SECRET is not set' };
    try {
      new Webhook(secret).verify(rawBody, {
        'svix-id': headers.get('svix-id') ?? '',
        'svix-timestamp': headers.get('svix-timestamp') ?? '',
        'svix-signature': headers.get('svix-signature') ?? '',
      });
      return { ok: true };
    } catch (err) {
      return { ok: false, status: 400, code: 'invalid_signature', message: (err as Error).message };
    }
  },

  read: (rawBody) =>
    readJson(rawBody, (json) => {
      const e = resendEvent.safeParse(json);
      if (!e.success) return `Not a Resend event: ${e.error.issues[0]?.message ?? 'invalid'}`;
      return {
        eventId: `rs_${sha256(`${e.data.type}:${e.data.data.email_id}:${e.data.created_at}`).slice(0, 40)}`,
        type: e.data.type,
        apiVersion: null,
        livemode: true,
        createdAt: validDate(e.data.created_at),
        payload: json,
      };
    }),

  async parse(envelope) {
    const e = resendEvent.safeParse(envelope.payload);
    const type = e.success ? TYPES[e.data.type] : undefined;
    if (!e.success || !type) return { ok: false, reason: 'Not a Resend delivery event' };
    const bounce = e.data.data.bounce;
    return {
      ok: true,
      event: {
        source: 'resend',
        events: [
          {
            emailId: tagValue(e.data.data.tags, 'tollgate_email_id') ?? null,
            providerMessageId: e.data.data.email_id,
            recipient: e.data.data.to?.[0] ?? null,
            type,
            hard: type === 'bounced' && (bounce?.type ?? 'Permanent') === 'Permanent',
            detail: bounce ? [bounce.type, bounce.subType, bounce.message].filter(Boolean).join(': ') : null,
            occurredAt: envelope.createdAt ?? new Date(0),
          },
        ],
      },
    };
  },

  eventTypes: Object.fromEntries(Object.keys(TYPES).map((t) => [t, recordEmailEvents])),
  subjectOf: (e) => e.events[0]?.emailId ?? e.events[0]?.providerMessageId ?? '',
});
