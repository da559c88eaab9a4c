import { getDb } from '@/lib/db';
import { can } from '@/lib/auth/capabilities';
import type { SessionUser } from '@/lib/auth/roles';
import type { EmailDeliveryView } from '@/lib/schemas/email';

// What happened to the e-mails of one customer or one action: status, the transport's answer and
// each provider event — for the action's result and the customer page.
export async function listEmailDeliveries(
  filter: { customerId?: string; actionId?: string },
  viewer?: Pick<SessionUser, 'role'>,
): Promise<EmailDeliveryView[]> {
  const db = getDb();
  const rows = await db.emailMessage.findMany({
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
  const resends = await db.emailResend.findMany({ where: { emailMessageId: { in: rows.map((r) => r.id) } } });
  const resendOf = new Map(resends.map((r) => [r.emailMessageId, r]));
  const mayResend = viewer ? can(viewer, 'email.resend') : false;
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
    resend: resendOf.has(r.id)
      ? {
          status: resendOf.get(r.id)!.status,
          response: resendOf.get(r.id)!.response,
          requestedAt: resendOf.get(r.id)!.requestedAt.toISOString(),
        }
      : null,
    canResend: mayResend && r.status === 'unknown' && !resendOf.has(r.id),
  }));
}
