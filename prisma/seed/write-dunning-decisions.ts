import type { Tx } from '@/lib/db';
import { billingOps, decideForInvoice } from '@/lib/server/agents/billing-ops/billing-ops';
import { decideExpiringCard } from '@/lib/server/agents/billing-ops/decide-expiring-card';
import { findExpiringCardCustomers } from '@/lib/server/agents/billing-ops/find-expiring-cards';
import { agentContextFor } from '@/lib/server/agents/run-agent';
import type { DemoData } from '../factories/demo-data';

// The demo world's failing invoices go through the real billing-ops agent, as a failed-payment
// webhook would send them: classified, scored by the recovery model and drafted through policy,
// with their decision records — nothing hand-written. Then its daily card check, which finds the
// demo card that expires next month. Inside the seed's transaction.
export async function writeDunningDecisions(tx: Tx, data: DemoData): Promise<number> {
  const ctx = agentContextFor(billingOps, { trigger: 'seed', asOf: data.now.toISOString() }, 'seed');
  const invoices = await tx.invoice.findMany({
    where: { status: 'open', amountRemaining: { gt: 0 }, paymentAttempts: { some: { succeeded: false } } },
    select: { id: true },
    orderBy: { id: 'asc' },
  });
  for (const inv of invoices) await decideForInvoice(ctx, tx, inv.id, false);
  for (const id of await findExpiringCardCustomers(tx, ctx.now)) await decideExpiringCard(ctx, tx, id);
  return invoices.length;
}
