import { getDb } from '@/lib/db';
import { notFound } from '@/lib/errors';
import type { CustomerDetail } from '@/lib/schemas/customers';
import { loadCurrentUsage } from '@/lib/server/usage/load-current-usage';
import { customerSummaryFrom, liveSubscriptionSelect } from './customer-summary';

export async function getCustomer(id: string): Promise<CustomerDetail> {
  const db = getDb();
  const c = await db.customer.findFirst({
    where: { id, deletedAt: null },
    select: {
      id: true,
      name: true,
      email: true,
      externalId: true,
      delinquent: true,
      createdAt: true,
      subscriptions: liveSubscriptionSelect,
      invoices: {
        orderBy: { periodStart: 'desc' },
        take: 12,
        select: {
          id: true,
          number: true,
          status: true,
          total: true,
          currency: true,
          periodStart: true,
          periodEnd: true,
        },
      },
      tickets: {
        orderBy: { createdAt: 'desc' },
        take: 10,
        select: { id: true, subject: true, status: true, priority: true, createdAt: true },
      },
      _count: { select: { paymentAttempts: { where: { succeeded: false } } } },
    },
  });
  if (!c) throw notFound('Customer');
  const usage = await loadCurrentUsage([c.id]);
  return {
    ...customerSummaryFrom(c, usage.get(c.id) ?? []),
    createdAt: c.createdAt.toISOString(),
    invoices: c.invoices.map((i) => ({
      ...i,
      periodStart: i.periodStart.toISOString(),
      periodEnd: i.periodEnd.toISOString(),
    })),
    tickets: c.tickets.map((t) => ({ ...t, createdAt: t.createdAt.toISOString() })),
    failedPayments: c._count.paymentAttempts,
  };
}
