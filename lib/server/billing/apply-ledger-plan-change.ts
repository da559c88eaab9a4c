import { getDb, type Tx } from '@/lib/db';
import { notifyEntitlementsChanged } from '@/lib/server/entitlements/notify-entitlements-changed';
import type { ExecutionResult, ExecutionTarget, PlanChangeTarget } from './billing-provider';
import { recordLedgerEntry } from './ledger-provider';
import { loadStoredItems } from './load-plan-prices';
import { PlanChangeMappingError, planItemChanges, type ItemChange, type PlanPrices } from './plan-change-items';

// A plan change on the built-in ledger, with Stripe's semantics: "now" moves the stored
// subscription and every item at once; "at period end" records the change and leaves the
// subscription alone until the period ends (apply-due-ledger-plan-changes.ts moves it then).
export function applyLedgerPlanChange(
  t: ExecutionTarget,
  p: { fromPlanKey: string; toPlanKey: string; proration: string; effective: 'now' | 'period_end' },
  target: PlanChangeTarget,
): Promise<ExecutionResult> {
  return getDb().$transaction(async (tx) => {
    const already = await tx.ledgerEntry.findUnique({ where: { idempotencyKey: t.idempotencyKey } });
    if (!already && p.effective === 'now') await moveStoredSubscription(tx, target, t.customer.id);
    const startsAt = target.subscription.currentPeriodEnd.toISOString();
    const result = await recordLedgerEntry(tx, t, {
      kind: 'plan_change',
      amountMinor: 0,
      currency: 'usd',
      data: {
        from: p.fromPlanKey,
        to: p.toPlanKey,
        proration: p.proration,
        effective: p.effective,
        ...(p.effective === 'period_end' ? { scheduledFor: startsAt } : {}),
      },
    });
    if (p.effective === 'now') return result;
    return {
      ...result,
      summary: `Scheduled: moves to ${p.toPlanKey} on ${startsAt.slice(0, 10)}`,
      scheduledFor: startsAt,
    };
  });
}

/** Moves the stored subscription to the target plan, item by item (plan-change-items.ts). */
export async function moveStoredSubscription(
  tx: Tx,
  target: { subscription: { id: string }; toPlan: { id: string }; fromPrices: PlanPrices; toPrices: PlanPrices },
  customerId: string,
): Promise<void> {
  const items = await loadStoredItems(tx, target.subscription.id);
  let changes: ItemChange[];
  try {
    changes = planItemChanges(items, target.fromPrices, target.toPrices);
  } catch (err) {
    // A ledger-only catalogue may have no platform prices: the plan still moves.
    if (!(err instanceof PlanChangeMappingError)) throw err;
    changes = [];
  }
  const meterIds = new Map(
    (await tx.meter.findMany({ select: { id: true, key: true } })).map((m) => [m.key, m.id] as const),
  );
  for (const c of changes) {
    if (c.op === 'swap')
      await tx.subscriptionItem.update({ where: { id: c.itemId }, data: { priceExternalId: c.toPriceId } });
    else if (c.op === 'remove') await tx.subscriptionItem.delete({ where: { id: c.itemId } });
    else if (c.op === 'add')
      await tx.subscriptionItem.create({
        data: {
          subscriptionId: target.subscription.id,
          priceExternalId: c.toPriceId,
          meterId: c.meterKey ? (meterIds.get(c.meterKey) ?? null) : null,
        },
      });
  }
  await tx.subscription.update({ where: { id: target.subscription.id }, data: { planId: target.toPlan.id } });
  await notifyEntitlementsChanged(tx, [customerId]);
}
