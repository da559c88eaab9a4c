import { getDb } from '@/lib/db';
import type { EmailDeliveryView } from '@/lib/schemas/email';

// What happened to the e-mails of one customer or one action: status, the transport's answer and
// each provider event — for the action's result and the customer page.
export async function listEmailDeliveries(filter: {
  customerId?: string;
  actionId?: string;
}): Promise<EmailDeliveryView[]> {
  const rows = await getDb().emailMessage.findMany({
    where: {
      ...(filter.customerId ? { customerId: filter.customerId } : {}),
      ...(filter.actionId ? { actionId: filter.actionId } : {}),
    },
    orderBy: { createdAt: 'desc' },
    take: 20,
    select: {
      id: true,
      messageId: true,
      actionId: true,
      toAddress: true,
      subject: true,
      template: true,
      transport: true,
      status: true,
      detail: true,
      createdAt: true,
      lastEventAt: true,
      events: { orderBy: { occurredAt: 'asc' }, select: { type: true, detail: true, occurredAt: true } },
    },
  });
  return rows.map((r) => ({
    id: r.id,
    messageId: r.messageId,
    actionId: r.actionId,
    to: r.toAddress,
    subject: r.subject,
    template: r.template,
    transport: r.transport,
    status: r.status,
    detail: r.detail,
    createdAt: r.createdAt.toISOString(),
    lastEventAt: r.lastEventAt?.toISOString() ?? null,
    events: r.events.map((e) => ({ type: e.type, detail: e.detail, occurredAt: e.occurredAt.toISOString() })),
  }));
}
