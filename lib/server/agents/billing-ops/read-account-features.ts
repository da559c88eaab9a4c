import type { Tx } from '@/lib/db';
import type { AccountFeatures } from '@/lib/analytics/dunning/recovery-features';
import { DAY_MS } from '@/lib/server/insights/insight-rules';
import { getCustomerMrr } from '@/lib/server/billing/get-customer-mrr';

// What the recovery model needs about the account, read from stored rows as of `now`: value
// (MRR), tenure, usage trend and engagement from the hourly rollups, payment history (other
// invoices that failed, and how many of those were paid in the end), and support friction.
// The decline class, attempt and episode fields are the caller's.
export type AccountFacts = Omit<AccountFeatures, 'declineClass' | 'attempt' | 'daysSinceFirstFailure' | 'touchesSoFar'>;

export async function readAccountFeatures(
  tx: Tx,
  customerId: string,
  invoice: { id: string; amountRemaining: number },
  now: Date,
): Promise<AccountFacts & { customerCreatedAt: Date }> {
  const from30 = new Date(now.getTime() - 30 * DAY_MS);
  const from7 = new Date(now.getTime() - 7 * DAY_MS);
  const [customer, { mrrMinor }, usage, history, tickets] = await Promise.all([
    tx.customer.findUniqueOrThrow({ where: { id: customerId }, select: { createdAt: true } }),
    getCustomerMrr(tx, customerId),
    tx.$queryRaw<{ q30: number | null; q7: number | null; days: number }[]>`
      SELECT sum(quantity)::float8 AS q30,
             sum(quantity) FILTER (WHERE hour >= ${from7})::float8 AS q7,
             count(DISTINCT date_trunc('day', hour))::int AS days
        FROM usage_rollups_hourly
       WHERE customer_id = ${customerId} AND hour >= ${from30} AND hour < ${now}`,
    tx.$queryRaw<{ failed: number; recovered: number }[]>`
      SELECT count(DISTINCT i.id)::int AS failed,
             count(DISTINCT i.id) FILTER (WHERE i.status = 'paid')::int AS recovered
        FROM invoices i JOIN payment_attempts a ON a.invoice_id = i.id AND NOT a.succeeded
       WHERE i.customer_id = ${customerId} AND i.id <> ${invoice.id} AND a.attempted_at < ${now}`,
    tx.supportTicket.findMany({
      where: { customerId, createdAt: { gte: from30, lt: now } },
      select: { priority: true, category: true },
    }),
  ]);
  const u = usage[0];
  const q30 = u?.q30 ?? 0;
  const q7 = u?.q7 ?? 0;
  const frictional = tickets.filter((t) => ['high', 'urgent'].includes(t.priority) || t.category === 'billing').length;
  return {
    customerCreatedAt: customer.createdAt,
    amountMinor: invoice.amountRemaining,
    mrrMinor,
    tenureDays: Math.max(0, (now.getTime() - customer.createdAt.getTime()) / DAY_MS),
    // Daily rate of the last week against the month's: 0 steady, −1 stopped, + growing.
    usageSlope: q30 > 0 ? Math.max(-1, Math.min(1, q7 / 7 / (q30 / 30) - 1)) : 0,
    engagement: Math.min(1, (u?.days ?? 0) / 30),
    pastFailures: history[0]?.failed ?? 0,
    pastRecoveries: history[0]?.recovered ?? 0,
    ticketsLast30d: tickets.length,
    ticketFriction: tickets.length ? frictional / tickets.length : 0,
  };
}
