import { getDb } from '@/lib/db';
import { clock } from '@/lib/clock';
import { emailPayload } from '@/lib/schemas/action-payloads';
import { DestinationError } from '@/lib/server/integrations/resolve-destination';
import { composeEmail } from './compose-email';
import { emailFaultPoint } from './email-fault-point';
import { recordQueuedEmail } from './record-queued-email';
import { resolveEmailTransport } from './resolve-email-transport';
import { findSuppression, suppressionMessage } from './suppression';
import { TransportError } from './transports/email-transport';

export interface ClaimedEmail {
  id: string;
  destination: string;
  payload: Record<string, unknown>;
  attempts: number;
  idempotency_key: string;
}

export type EmailDeliveryOutcome = { status: 'sent' } | { status: 'failed' | 'dead'; error: string };

// States in which a transport already has the message: a later attempt (a reclaimed lease after a
// crash) settles the outbox row without handing it off again.
const HANDED_OFF = new Set(['accepted', 'delivered', 'opened', 'bounced', 'complained']);

const ADDRESS = /^[^\s@<>",;]+@[^\s@<>",;]+\.[^\s@<>",;]+$/;

// Delivers one claimed e-mail exactly once. The row in email_messages (with the Message-ID,
// stored when the action executed) is written before the hand-off ('handing_off') and after it
// ('accepted'), each in its own commit. A worker that finds the message accepted settles it; one
// that finds a hand-off that never recorded its end cannot know whether the server took it: it
// re-sends only through a transport that deduplicates on our key (Resend, the webhook relay) and
// otherwise records 'unknown' and stops — a possible lost e-mail the reviewer is shown, never a
// duplicate in the customer's inbox.
export async function deliverEmail(msg: ClaimedEmail, deadlineMs: number): Promise<EmailDeliveryOutcome> {
  const db = getDb();
  const row =
    (await db.emailMessage.findUnique({ where: { outboxMessageId: msg.id } })) ??
    (await db.$transaction(async (tx) => {
      await recordQueuedEmail(tx, {
        outboxMessageId: msg.id,
        idempotencyKey: msg.idempotency_key,
        actionId: null,
        payload: msg.payload,
      });
      return tx.emailMessage.findUniqueOrThrow({ where: { outboxMessageId: msg.id } });
    }));
  const mark = (data: Parameters<typeof db.emailMessage.update>[0]['data']) =>
    db.emailMessage.update({ where: { id: row.id }, data });
  const fail = async (error: string, status: 'failed' | 'suppressed' | 'unknown' = 'failed') => {
    await mark({ status, detail: error });
    return { status: 'dead' as const, error };
  };

  if (HANDED_OFF.has(row.status)) return { status: 'sent' };
  if (row.status === 'suppressed' || row.status === 'unknown' || row.status === 'failed')
    return { status: 'dead', error: row.detail ?? `E-mail is ${row.status}` };

  const parsed = emailPayload.safeParse(msg.payload);
  if (!parsed.success) return fail(`Not a valid e-mail payload: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  const payload = parsed.data;
  if (!ADDRESS.test(payload.to)) return fail(`${payload.to} is not a deliverable address`);

  let transport;
  try {
    transport = await resolveEmailTransport(msg.destination);
  } catch (err) {
    if (err instanceof DestinationError || (err instanceof TransportError && err.permanent))
      return fail((err as Error).message);
    throw err;
  }

  if (row.status === 'handing_off' && !transport.idempotent) {
    return fail(
      `Delivery unknown — the worker stopped during the hand-off to ${transport.name} ` +
        `(${row.handedOffAt?.toISOString() ?? 'time unknown'}); it may have arrived. Not re-sent automatically, to ` +
        `avoid a duplicate: look for Message-ID ${row.messageId} at the recipient or in the server's log, or resend ` +
        `it once from the e-mail history.`,
      'unknown',
    );
  }

  const composed = await composeEmail(db, payload, row.customerId);
  const suppressed = await findSuppression(db, payload.to, composed.transactional);
  if (suppressed) return fail(suppressionMessage(payload.to, suppressed), 'suppressed');

  await mark({
    status: 'handing_off',
    transport: transport.name,
    handedOffAt: clock.now(),
    toAddress: payload.to,
    subject: composed.subject,
    template: composed.template,
    transactional: composed.transactional,
  });
  emailFaultPoint('email_after_handoff');
  try {
    const result = await transport.send(
      {
        emailId: row.id,
        messageId: row.messageId,
        idempotencyKey: msg.idempotency_key,
        from: composed.from,
        replyTo: composed.replyTo,
        to: composed.to,
        subject: composed.subject,
        html: composed.html,
        text: composed.text,
        headers: composed.headers,
        transactional: composed.transactional,
        payload: msg.payload,
      },
      deadlineMs,
    );
    emailFaultPoint('email_after_accept');
    await mark({
      status: 'accepted',
      acceptedAt: clock.now(),
      providerMessageId: result.providerMessageId,
      detail: result.response.slice(0, 500),
    });
    emailFaultPoint('email_after_record');
    return { status: 'sent' };
  } catch (err) {
    const e = err instanceof TransportError ? err : new TransportError((err as Error).message, false);
    // The server refused it (or never got it): a later attempt starts afresh, not as an interruption.
    await mark({ status: e.permanent ? 'failed' : 'queued', detail: e.message.slice(0, 500) });
    return { status: e.permanent ? 'dead' : 'failed', error: e.message };
  }
}

/** The outbox gave up retrying: the row says so, for the action and customer pages. */
export async function markEmailAbandoned(outboxMessageId: string, error: string): Promise<void> {
  await getDb().emailMessage.updateMany({
    where: { outboxMessageId, status: { in: ['queued', 'handing_off'] } },
    data: { status: 'failed', detail: `Gave up: ${error}`.slice(0, 500) },
  });
}
