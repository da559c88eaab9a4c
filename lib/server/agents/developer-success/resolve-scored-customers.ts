import { getDb } from '@/lib/db';
import type { AgentInput } from '../define-agent';

const LIVE = ['active', 'trialing', 'past_due', 'unpaid'] as const;

// Which customers a run scores: those named by the trigger (ingest), the one a billing event is
// about (its object — customer, subscription, invoice, charge or payment — by platform id), else
// every customer with a live subscription (the daily run).
export async function resolveScoredCustomers(input: AgentInput): Promise<string[]> {
  const db = getDb();
  if (input.customerIds?.length) return input.customerIds;
  const objectId = input.objectId;
  if (objectId) {
    const where = { externalId: objectId };
    const hits = await Promise.all([
      db.customer.findFirst({ where, select: { id: true } }),
      db.subscription.findFirst({ where, select: { customerId: true } }),
      db.invoice.findFirst({ where, select: { customerId: true } }),
      db.paymentAttempt.findFirst({ where, select: { customerId: true } }),
      db.payment.findFirst({ where, select: { customerId: true } }),
      db.dispute.findFirst({ where, select: { customerId: true } }),
    ]);
    const [customer, ...others] = hits;
    const id = customer?.id ?? others.find((o) => o?.customerId)?.customerId;
    return id ? [id] : [];
  }
  const subs = await db.subscription.findMany({
    where: { status: { in: [...LIVE] }, customer: { deletedAt: null } },
    distinct: ['customerId'],
    orderBy: { customerId: 'asc' },
    select: { customerId: true },
  });
  return subs.map((s) => s.customerId);
}
