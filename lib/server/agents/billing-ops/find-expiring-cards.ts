import type { Tx } from '@/lib/db';
import { CARD_CHECK, RENEWING_SUBSCRIPTION } from './decide-expiring-card';
import { AGENT_ID } from './read-dunning-episode';

// The daily scan's customers: those whose default card expires this month or next (UTC) while a
// subscription still renews, plus those with a card reminder still pending — their card may have
// been replaced by a path that triggers no run (the import), and the check withdraws it then.
export async function findExpiringCardCustomers(db: Tx, now: Date, customerIds?: string[]): Promise<string[]> {
  const year = now.getUTCFullYear();
  const month = now.getUTCMonth() + 1;
  const next = month === 12 ? { expYear: year + 1, expMonth: 1 } : { expYear: year, expMonth: month + 1 };
  const only = customerIds ? { customerId: { in: customerIds } } : {};
  const [cards, waiting] = await Promise.all([
    db.paymentCard.findMany({
      where: {
        detachedAt: null,
        OR: [{ expYear: year, expMonth: month }, next],
        customer: { deletedAt: null, subscriptions: { some: RENEWING_SUBSCRIPTION } },
        ...only,
      },
      select: { externalId: true, customerId: true, customer: { select: { defaultPaymentMethodExternalId: true } } },
      orderBy: { customerId: 'asc' },
      take: 5_000,
    }),
    db.action.findMany({
      where: {
        status: 'pending_approval',
        agentRun: { agentId: AGENT_ID, inputs: { path: ['check'], equals: CARD_CHECK } },
        ...only,
      },
      select: { customerId: true },
      distinct: ['customerId'],
    }),
  ]);
  const due = cards.filter((c) => c.customer?.defaultPaymentMethodExternalId === c.externalId).map((c) => c.customerId);
  return [...new Set([...due, ...waiting.map((w) => w.customerId)])].filter((id): id is string => Boolean(id));
}
