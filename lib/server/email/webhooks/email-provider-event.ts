import { createHash, timingSafeEqual } from 'node:crypto';
import type { InboxEnvelope, ReadOutcome } from '@/lib/server/webhook-source/define-webhook-source';

// What Postmark, SendGrid and Resend report, in one shape: each source's `parse` maps its payload
// to a list of these and one handler (record-email-events) applies them.
export type EmailEventType = 'delivered' | 'opened' | 'bounced' | 'complained';

export interface EmailProviderEvent {
  /** Our email_messages.id, sent as provider metadata (Postmark Metadata, SendGrid custom_args, Resend tags). */
  emailId: string | null;
  providerMessageId: string | null;
  recipient: string | null;
  type: EmailEventType;
  /** A bounce that will not go away (unknown mailbox, domain gone): the address is suppressed. */
  hard: boolean;
  detail: string | null;
  occurredAt: Date;
}

export interface ParsedEmailEvents {
  source: 'postmark' | 'sendgrid' | 'resend';
  events: EmailProviderEvent[];
}

export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

export function constantTimeEqual(a: string, b: string): boolean {
  const [x, y] = [Buffer.from(a), Buffer.from(b)];
  return x.length === y.length && timingSafeEqual(x, y);
}

/** JSON.parse that never throws: an authentic body we cannot read is stored, not refused. */
export function readJson(rawBody: string, envelope: (json: unknown) => InboxEnvelope | string): ReadOutcome {
  let json: unknown;
  try {
    json = JSON.parse(rawBody);
  } catch {
    return { ok: false, reason: 'Body is not JSON', payload: { raw: rawBody.slice(0, 2000) } };
  }
  const result = envelope(json);
  return typeof result === 'string' ? { ok: false, reason: result, payload: json } : { ok: true, envelope: result };
}

export const validDate = (value: unknown): Date | null => {
  if (typeof value !== 'string' && typeof value !== 'number') return null;
  const d = new Date(typeof value === 'number' ? value * 1000 : value);
  return Number.isNaN(d.getTime()) ? null : d;
};
