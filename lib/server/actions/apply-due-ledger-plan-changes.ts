import { getDb } from '@/lib/db';
import { clock } from '@/lib/clock';
import { moveStoredSubscription } from '@/lib/server/billing/apply-ledger-plan-change';
import { loadPlanPrices } from '@/lib/server/billing/load-plan-prices';
import { loadScheduledPlanChanges, markScheduledExecuted } from '@/lib/server/billing/confirm-scheduled-plan-changes';

// The built-in ledger's equivalent of a Stripe schedule's phase starting: period-end plan
// changes whose time has come move the stored subscription then, and only then. Locked rows
// (FOR UPDATE) make two workers polling side by side move each subscription once.
export async function applyDueLedgerPlanChanges(now = clock.now()): Promise<number> {
  return getDb().$transaction(async (tx) => {
    let applied = 0;
    for (const action of await loadScheduledPlanChanges(tx, {})) {
      const at = typeof action.result.scheduledFor === 'string' ? Date.parse(action.result.scheduledFor) : NaN;
      if (action.result.provider !== 'ledger' || !(at <= now.getTime()) || !action.customerId) continue;
      const subscription = await tx.subscription.findFirst({
        where: { id: action.payload.subscriptionId, customerId: action.customerId },
        select: { id: true, planId: true },
      });
      const toPlan = await tx.plan.findUnique({ where: { key: action.payload.toPlanKey }, select: { id: true } });
      const [fromPrices, toPrices] = await Promise.all([
        subscription ? loadPlanPrices(tx, { id: subscription.planId }) : null,
        loadPlanPrices(tx, { key: action.payload.toPlanKey }),
      ]);
      if (!subscription || !toPlan || !fromPrices || !toPrices) continue; // stays scheduled, visible to reviewers
      await moveStoredSubscription(tx, { subscription, toPlan, fromPrices, toPrices }, action.customerId);
      if (await markScheduledExecuted(tx, action, 'ledger_period_end', now)) applied++;
    }
    return applied;
  });
}
