import type { Tx } from '@/lib/db';
import { formatMoney } from '@/lib/money';
import { appendAuditEvent, type Actor } from '@/lib/server/audit/append-audit-event';
import { destinationFor } from '@/lib/server/integrations/resolve-destination';
import { enqueueOutboxMessage } from '@/lib/server/outbox/enqueue-outbox-message';
import { clock } from '@/lib/clock';

const APPROVED = ['approved', 'executing', 'executed'] as const;

// Once an SLA credit is approved: the account manager hears of it by e-mail (the customer's
// metadata.accountManagerEmail) and the team in Slack, through the outbox; the customer's ticket
// about the incident gets a note. Each at most once (notifiedAt under a row lock, idempotency keys
// on the outbox and the note), in the caller's transaction, so approving and notifying commit
// together. Returns how many credits were notified.
export async function notifyApprovedSlaCredits(
  tx: Tx,
  where: { actionIds?: string[]; incidentId?: string },
  actor: Actor,
): Promise<number> {
  const candidates = await tx.slaCreditAssessment.findMany({
    where: {
      notifiedAt: null,
      actionId: where.actionIds ? { in: where.actionIds } : { not: null },
      ...(where.incidentId ? { incidentId: where.incidentId } : {}),
    },
    select: { id: true },
  });
  let notified = 0;
  for (const { id } of candidates) {
    const locked = await tx.$queryRaw<{ id: string }[]>`
      SELECT id FROM sla_credit_assessments WHERE id = ${id} AND notified_at IS NULL FOR UPDATE`;
    if (!locked.length) continue;
    const a = await tx.slaCreditAssessment.findUniqueOrThrow({
      where: { id },
      select: {
        actionId: true,
        amountMinor: true,
        currency: true,
        ticketId: true,
        incident: { select: { id: true, title: true } },
        customerId: true,
      },
    });
    const action = a.actionId
      ? await tx.action.findUnique({ where: { id: a.actionId }, select: { status: true } })
      : null;
    if (!action || !(APPROVED as readonly string[]).includes(action.status)) continue;
    const customer = await tx.customer.findUniqueOrThrow({
      where: { id: a.customerId },
      select: { name: true, metadata: true },
    });
    const amount = formatMoney(a.amountMinor ?? 0, a.currency ?? 'usd');
    const text = `SLA credit of ${amount} approved for ${customer.name} after "${a.incident.title}"; the credit note is issued once by the executor.`;
    const manager = (customer.metadata as { accountManagerEmail?: unknown } | null)?.accountManagerEmail;
    if (typeof manager === 'string' && manager.includes('@')) {
      await enqueueOutboxMessage(tx, {
        channel: 'email',
        destination: destinationFor('email'),
        payload: { to: manager, subject: `SLA credit approved: ${customer.name}`, body: text },
        actionId: a.actionId,
        idempotencyKey: `sla-credit:${a.actionId}:email`,
      });
    }
    await enqueueOutboxMessage(tx, {
      channel: 'slack',
      destination: destinationFor('slack'),
      payload: { text },
      actionId: a.actionId,
      idempotencyKey: `sla-credit:${a.actionId}:slack`,
    });
    if (a.ticketId) {
      await tx.supportTicketNote.upsert({
        where: { dedupeKey: `sla-credit:${a.actionId}` },
        update: {},
        create: {
          ticketId: a.ticketId,
          customerId: a.customerId,
          author: 'billing-ops-sla',
          body: text,
          status: 'confirmed',
          dedupeKey: `sla-credit:${a.actionId}`,
        },
      });
    }
    await tx.slaCreditAssessment.update({ where: { id }, data: { notifiedAt: clock.now() } });
    await tx.incidentEvent.create({
      data: {
        incidentId: a.incident.id,
        at: clock.now(),
        kind: 'credit_approved',
        source: 'agent',
        message: `Credit ${amount} for ${customer.name} approved; account manager notified${a.ticketId ? ', ticket noted' : ''}.`,
      },
    });
    await appendAuditEvent(tx, {
      actor,
      action: 'sla_credit.notified',
      target: { type: 'action', id: a.actionId! },
      customerId: a.customerId,
      data: { incidentId: a.incident.id, email: typeof manager === 'string' ? manager : null, ticketId: a.ticketId },
    });
    notified += 1;
  }
  return notified;
}
