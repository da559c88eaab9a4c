import type { Tx } from '@/lib/db';
import { appendAuditEvent } from '@/lib/server/audit/append-audit-event';
import type { WebhookHandlerContext, WebhookHandlerResult } from '@/lib/server/webhook-source/define-webhook-source';
import { notifyReviewersOfBounce } from './notify-reviewers-of-bounce';
import { suppressAddress } from './suppression';
import type { EmailProviderEvent, ParsedEmailEvents } from './webhooks/email-provider-event';

// How far along a message is. Events arrive out of order (an open before its delivery), so a
// status only ever moves up this scale: an older, lesser event never overwrites a newer state.
// An `unknown` hand-off (a crash mid-send) is settled by any event: the provider had it.
const RANK: Record<string, number> = {
  queued: 0,
  handing_off: 1,
  unknown: 1,
  failed: 1,
  suppressed: 1,
  accepted: 2,
  delivered: 3,
  opened: 4,
  bounced: 5,
  complained: 6,
};

async function findMessage(tx: Tx, e: EmailProviderEvent) {
  const select = {
    id: true,
    status: true,
    toAddress: true,
    actionId: true,
    customerId: true,
    lastEventAt: true,
  } as const;
  const byId = e.emailId ? await tx.emailMessage.findUnique({ where: { id: e.emailId }, select }) : null;
  if (byId) return byId;
  return e.providerMessageId
    ? tx.emailMessage.findFirst({ where: { providerMessageId: e.providerMessageId }, select })
    : null;
}

// The handler of every provider's delivery events (Postmark, SendGrid, Resend), inside the inbox
// transaction. Each event is stored once (its source ref is unique, so a replay adds nothing); a
// hard bounce or a complaint puts the address on the suppression list, and a hard bounce tells the
// people who approved the e-mail.
export async function recordEmailEvents(ctx: WebhookHandlerContext & ParsedEmailEvents): Promise<WebhookHandlerResult> {
  const { tx, inboxId } = ctx;
  const notes: string[] = [];
  for (const [i, e] of ctx.events.entries()) {
    const row = await findMessage(tx, e);
    if (!row) {
      notes.push(`no message for ${e.providerMessageId ?? e.emailId ?? 'event'}`);
      continue;
    }
    const sourceRef = `webhook_events:${inboxId}#${i}`;
    if (await tx.emailEvent.findUnique({ where: { sourceRef }, select: { id: true } })) continue;
    await tx.emailEvent.create({
      data: {
        emailMessageId: row.id,
        type: e.type,
        detail: e.detail,
        occurredAt: e.occurredAt,
        source: ctx.source,
        sourceRef,
      },
    });
    const advances = (RANK[e.type] ?? 0) > (RANK[row.status] ?? 0);
    await tx.emailMessage.update({
      where: { id: row.id },
      data: {
        ...(advances ? { status: e.type, detail: e.detail ?? row.status } : {}),
        lastEventAt: row.lastEventAt && row.lastEventAt > e.occurredAt ? row.lastEventAt : e.occurredAt,
      },
    });
    if (e.type === 'complained' || (e.type === 'bounced' && e.hard)) {
      const address = e.recipient ?? row.toAddress;
      const reason = e.type === 'complained' ? 'complaint' : 'hard_bounce';
      if (await suppressAddress(tx, address, reason, e.detail, e.occurredAt)) {
        await appendAuditEvent(tx, {
          actor: { type: 'system', id: ctx.source },
          action: 'email.suppressed',
          target: { type: 'email_address', id: address.toLowerCase() },
          customerId: row.customerId,
          sourceRef,
          data: { reason, detail: e.detail, emailMessageId: row.id, actionId: row.actionId },
        });
      }
      if (reason === 'hard_bounce') await notifyReviewersOfBounce(tx, { ...row, toAddress: address }, e.detail);
    }
  }
  return { note: notes.length ? notes.join('; ').slice(0, 500) : null };
}
