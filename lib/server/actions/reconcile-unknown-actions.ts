import { getDb } from '@/lib/db';
import type { BillingProvider } from '@/lib/server/billing/billing-provider';
import { getBillingProvider } from '@/lib/server/billing/get-billing-provider';
import { appendAuditEvent } from '@/lib/server/audit/append-audit-event';
import { findBillingEffect } from './billing-effect';
import { BILLING_KINDS } from './kinds';
import { loadExecutionContext } from './load-execution-context';
import { clock } from '@/lib/clock';

// Settles actions whose outcome is `unknown` by reading the billing platform for the effect
// tagged with the action's execution key: found → executed, absent → failed (safe to draft
// again). Nothing is ever re-sent under a new key. A platform that cannot be read leaves the
// action unknown until the next pass.
export async function reconcileUnknownActions(given?: BillingProvider): Promise<number> {
  const provider = given ?? (await getBillingProvider());
  const db = getDb();
  const unknown = await db.action.findMany({
    where: { status: 'unknown', kind: { in: BILLING_KINDS } },
    select: { id: true, kind: true, executionKey: true, currentRevision: true, customerId: true },
    take: 50,
  });
  let settled = 0;
  for (const a of unknown) {
    try {
      const ctx = await loadExecutionContext({
        id: a.id,
        kind: a.kind,
        executionKey: a.executionKey!,
        revision: a.currentRevision,
        customerId: a.customerId,
      });
      const found = await findBillingEffect(provider, ctx);
      await db.$transaction(async (tx) => {
        const changed = await tx.action.updateMany({
          where: { id: a.id, status: 'unknown' },
          data: found
            ? { status: 'executed', result: found as object, executedAt: clock.now(), error: null }
            : { status: 'failed', error: 'not_found: the billing platform shows no effect for this execution key' },
        });
        if (changed.count) {
          await appendAuditEvent(tx, {
            actor: { type: 'system', id: 'reconciler' },
            action: 'action.reconciled',
            target: { type: 'action', id: a.id },
            customerId: a.customerId,
            data: { executionKey: a.executionKey, outcome: found ? 'executed' : 'failed', found },
          });
          settled += 1;
        }
      });
    } catch (err) {
      console.error(`[reconcile] ${a.id}: ${(err as Error).message}`);
    }
  }
  return settled;
}
