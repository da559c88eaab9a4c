import { getDb } from '@/lib/db';
import type { ReconciliationRow } from '@/lib/schemas/usage-forwarding';

const num = (v: { toString(): string } | null) => (v === null ? null : Number(v.toString()));

// The latest reconciliation rows, drift first, then newest period; optionally one customer's or
// only the flagged ones.
export async function listReconciliations(filter: {
  flagged?: boolean;
  customerId?: string;
  limit?: number;
}): Promise<ReconciliationRow[]> {
  const db = getDb();
  const rows = await db.usageReconciliation.findMany({
    where: {
      ...(filter.flagged === undefined ? {} : { flagged: filter.flagged }),
      ...(filter.customerId ? { customerId: filter.customerId } : {}),
    },
    orderBy: [{ flagged: 'desc' }, { periodStart: 'desc' }, { checkedAt: 'desc' }],
    take: filter.limit ?? 200,
  });
  const [customers, meters] = await Promise.all([
    db.customer.findMany({
      where: { id: { in: [...new Set(rows.map((r) => r.customerId))] } },
      select: { id: true, name: true },
    }),
    db.meter.findMany({
      where: { id: { in: [...new Set(rows.map((r) => r.meterId))] } },
      select: { id: true, name: true },
    }),
  ]);
  const nameOf = (list: { id: string; name: string }[], id: string) => list.find((x) => x.id === id)?.name ?? id;
  return rows.map((r) => ({
    id: r.id,
    customerId: r.customerId,
    customerName: nameOf(customers, r.customerId),
    meterId: r.meterId,
    meterName: nameOf(meters, r.meterId),
    periodStart: r.periodStart.toISOString(),
    periodEnd: r.periodEnd.toISOString(),
    accepted: Number(r.accepted),
    rolledUp: Number(r.rolledUp),
    forwarded: Number(r.forwarded),
    acknowledged: Number(r.acknowledged),
    unacknowledgedEvents: r.unacknowledgedEvents,
    flaggedEvents: r.flaggedEvents,
    stripeReported: num(r.stripeReported),
    invoiced: num(r.invoiced),
    invoiceId: r.invoiceId,
    amountPaid: r.amountPaid,
    currency: r.currency,
    findings: r.findings,
    flagged: r.flagged,
    actionId: r.actionId,
    trigger: r.trigger,
    checkedAt: r.checkedAt.toISOString(),
  }));
}
