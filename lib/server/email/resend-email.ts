import { getDb } from '@/lib/db';
import { clock } from '@/lib/clock';
import { getEnv } from '@/lib/env';
import { conflict, notFound } from '@/lib/errors';
import type { SessionUser } from '@/lib/auth/roles';
import { emailPayload } from '@/lib/schemas/action-payloads';
import { appendAuditEvent } from '@/lib/server/audit/append-audit-event';
import { composeEmail } from './compose-email';
import { resolveEmailTransport } from './resolve-email-transport';
import { findSuppression, suppressionMessage } from './suppression';
import { TransportError } from './transports/email-transport';

export interface ResendOutcome {
  status: 'accepted' | 'failed';
  transport: string | null;
  response: string;
  providerMessageId: string | null;
}

// A person resends, once, an e-mail whose hand-off a crash interrupted ('unknown': it may or may
// not have arrived). The claim is taken under the e-mail row's lock and recorded (email_resends is
// unique per e-mail) with its audit event before anything is sent, so a second click or a second
// reviewer gets 409 and never a third copy. The copy keeps the stored Message-ID (a client can
// collapse a duplicate) and the action's idempotency key (a provider that honours one, Resend,
// keeps a single e-mail).
export async function resendEmail(actor: SessionUser, emailId: string, requestId: string): Promise<ResendOutcome> {
  const db = getDb();
  const claim = await db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT id FROM email_messages WHERE id = ${emailId} FOR UPDATE`;
    const row = await tx.emailMessage.findUnique({ where: { id: emailId } });
    if (!row) throw notFound('E-mail');
    if (await tx.emailResend.findUnique({ where: { emailMessageId: emailId }, select: { id: true } }))
      throw conflict('already_resent', 'This e-mail was already resent once; it is not sent again');
    if (row.status !== 'unknown')
      throw conflict(
        'not_unknown',
        `Only an e-mail whose delivery is unknown can be resent (this one is ${row.status})`,
      );
    const outbox = row.outboxMessageId
      ? await tx.outboxMessage.findUnique({ where: { id: row.outboxMessageId } })
      : null;
    if (!outbox) throw conflict('no_outbox_message', 'The queued message of this e-mail is gone; draft a new e-mail');
    const resend = await tx.emailResend.create({
      data: { emailMessageId: emailId, requestedById: actor.id, status: 'sending', requestedAt: clock.now() },
    });
    await appendAuditEvent(tx, {
      actor: { type: 'user', id: actor.id },
      action: 'email.resend_requested',
      target: { type: 'email_message', id: emailId },
      customerId: row.customerId,
      requestId,
      data: { messageId: row.messageId, to: row.toAddress, actionId: row.actionId, previousDetail: row.detail },
    });
    return { row, outbox, resendId: resend.id };
  });

  const { row, outbox } = claim;
  let outcome: ResendOutcome;
  try {
    const payload = emailPayload.parse(outbox.payload);
    const transport = await resolveEmailTransport(outbox.destination);
    const composed = await composeEmail(db, payload, row.customerId);
    const suppressed = await findSuppression(db, payload.to, composed.transactional);
    if (suppressed) throw new TransportError(suppressionMessage(payload.to, suppressed), true, 'suppressed');
    const sent = await transport.send(
      {
        emailId: row.id,
        messageId: row.messageId,
        idempotencyKey: outbox.idempotencyKey,
        from: composed.from,
        replyTo: composed.replyTo,
        to: composed.to,
        subject: composed.subject,
        html: composed.html,
        text: composed.text,
        headers: composed.headers,
        transactional: composed.transactional,
        payload: outbox.payload as Record<string, unknown>,
      },
      getEnv().OUTBOX_DELIVERY_DEADLINE_MS,
    );
    outcome = {
      status: 'accepted',
      transport: transport.name,
      response: sent.response.slice(0, 500),
      providerMessageId: sent.providerMessageId,
    };
  } catch (err) {
    outcome = {
      status: 'failed',
      transport: null,
      response: (err as Error).message.slice(0, 500),
      providerMessageId: null,
    };
  }

  await db.$transaction(async (tx) => {
    const at = clock.now();
    await tx.emailResend.update({
      where: { id: claim.resendId },
      data: { ...outcome, finishedAt: at },
    });
    await tx.emailMessage.update({
      where: { id: row.id },
      data:
        outcome.status === 'accepted'
          ? {
              status: 'accepted',
              acceptedAt: at,
              transport: outcome.transport,
              providerMessageId: outcome.providerMessageId,
              detail: `Resent by hand: ${outcome.response}`.slice(0, 500),
            }
          : { detail: `Resend failed: ${outcome.response}`.slice(0, 500) },
    });
    await appendAuditEvent(tx, {
      actor: { type: 'user', id: actor.id },
      action: outcome.status === 'accepted' ? 'email.resent' : 'email.resend_failed',
      target: { type: 'email_message', id: row.id },
      customerId: row.customerId,
      requestId,
      data: outcome,
    });
  });
  return outcome;
}
