import type { Db } from '@/lib/db';
import { AGENT_ID } from './read-dunning-episode';

// Days after the last dunning decision before the daily scan decides again for an invoice that
// is still unpaid and has nothing waiting (no pending or approved step).
export const FOLLOW_UP_AFTER_DAYS = 3;

// Open invoices with a failed payment whose episode is due for its next step: no decision in the
// last FOLLOW_UP_AFTER_DAYS and no billing-ops action still pending, approved or executing.
export async function findDueDunningInvoices(db: Db, now: Date, customerIds?: string[]): Promise<string[]> {
  const since = new Date(now.getTime() - FOLLOW_UP_AFTER_DAYS * 86_400_000);
  const open = await db.invoice.findMany({
    where: {
      status: 'open',
      amountRemaining: { gt: 0 },
      paymentAttempts: { some: { succeeded: false } },
      customer: { deletedAt: null },
      ...(customerIds ? { customerId: { in: customerIds } } : {}),
    },
    select: { id: true, customerId: true },
    orderBy: { createdAt: 'asc' },
    take: 1000,
  });
  const due: string[] = [];
  for (const inv of open) {
    const byInvoice = { agentId: AGENT_ID, inputs: { path: ['invoiceId'], equals: inv.id } };
    const [recent, waiting] = await Promise.all([
      db.agentRun.count({ where: { ...byInvoice, startedAt: { gte: since } } }),
      db.action.count({
        where: {
          customerId: inv.customerId,
          status: { in: ['pending_approval', 'approved', 'executing'] },
          agentRun: byInvoice,
        },
      }),
    ]);
    if (!recent && !waiting) due.push(inv.id);
  }
  return due;
}
