import type { Tx } from '@/lib/db';
import { ApiError, conflict } from '@/lib/errors';
import { formatMoney } from '@/lib/money';
import type { ActionPayload } from '@/lib/schemas/action-kinds';
import { ProviderError, type PlanChangeTarget } from '@/lib/server/billing/billing-provider';
import { applyLedgerPlanChange } from '@/lib/server/billing/apply-ledger-plan-change';
import { loadPlanPrices, loadStoredItems, meterKeysByExternalId } from '@/lib/server/billing/load-plan-prices';
import { describeItemChanges, PlanChangeMappingError, planItemChanges } from '@/lib/server/billing/plan-change-items';
import { applyStripePlanChange, findStripePlanChange } from '@/lib/server/billing/stripe/apply-stripe-plan-change';
import { defineActionKind } from './define-action-kind';

type Payload = ActionPayload<'plan_change'>;
const planFields = { id: true, key: true, name: true, basePriceMinor: true, currency: true } as const;

// What happens to each stored item, for the approval's before/after (empty when the plans have
// no platform prices to map, e.g. a ledger-only catalogue).
async function describeStoredItems(tx: Tx, subscriptionId: string, fromPlanId: string, toPlanKey: string) {
  const [items, fromPrices, toPrices] = await Promise.all([
    loadStoredItems(tx, subscriptionId),
    loadPlanPrices(tx, { id: fromPlanId }),
    loadPlanPrices(tx, { key: toPlanKey }),
  ]);
  if (!fromPrices || !toPrices) return { before: [], after: [] };
  try {
    return describeItemChanges(planItemChanges(items, fromPrices, toPrices), fromPrices, toPrices);
  } catch (err) {
    if (err instanceof PlanChangeMappingError) return { before: [], after: [`cannot be mapped: ${err.message}`] };
    throw err;
  }
}

// The subscription as stored — its customer and current plan — and the target plan. The draft's
// `fromPlanKey` is what its author believed; the stored plan is what the money is computed from.
async function readStoredState(tx: Tx, p: Payload, customerId: string | null) {
  const [sub, to] = await Promise.all([
    customerId
      ? tx.subscription.findFirst({
          where: { id: p.subscriptionId, customerId },
          select: { currentPeriodStart: true, currentPeriodEnd: true, plan: { select: planFields } },
        })
      : null,
    tx.plan.findUnique({ where: { key: p.toPlanKey }, select: planFields }),
  ]);
  return { sub, from: sub?.plan ?? null, to };
}

const price = (x: { name: string; basePriceMinor: number; currency: string }) =>
  `${x.name} ${formatMoney(x.basePriceMinor, x.currency)}/mo`;

// Moves a subscription to another plan. The money at stake is the monthly price difference
// between the subscription's stored plan and the target.
export const planChange = defineActionKind<'plan_change', PlanChangeTarget>({
  kind: 'plan_change',

  async amountAtStake(tx, p, customerId) {
    const { from, to } = await readStoredState(tx, p, customerId);
    if (!from) return { amountMinor: null, currency: null, uncertain: 'the subscription is not this customer’s' };
    if (!to) return { amountMinor: null, currency: null, uncertain: `plan ${p.toPlanKey} does not exist` };
    if (from.currency !== to.currency)
      return {
        amountMinor: null,
        currency: null,
        uncertain: `the plans are priced in ${from.currency} and ${to.currency}`,
      };
    return { amountMinor: Math.abs(to.basePriceMinor - from.basePriceMinor), currency: to.currency };
  },

  async checkAgainstStoredState(tx, p, customerId) {
    const { from, to } = await readStoredState(tx, p, customerId);
    if (!from)
      throw new ApiError(422, 'subscription_not_found', `Subscription ${p.subscriptionId} is not this customer's`);
    if (!to) throw new ApiError(422, 'plan_not_found', `Plan ${p.toPlanKey} does not exist`);
    if (from.key !== p.fromPlanKey)
      throw conflict(
        'from_plan_mismatch',
        `The subscription is on ${from.key}, not ${p.fromPlanKey}: draft the change from its current plan`,
      );
  },

  async describe(tx, p, { customerId, now }) {
    const { sub, from, to } = await readStoredState(tx, p, customerId);
    if (!sub || !from || !to)
      return { headline: `Move from ${p.fromPlanKey} to ${p.toPlanKey}`, before: p.fromPlanKey, after: p.toPlanKey };
    let prorated = 0;
    if (p.effective === 'now' && p.proration !== 'none') {
      const span = sub.currentPeriodEnd.getTime() - sub.currentPeriodStart.getTime();
      const left = Math.min(1, Math.max(0, (sub.currentPeriodEnd.getTime() - now.getTime()) / span));
      prorated = Math.round((to.basePriceMinor - from.basePriceMinor) * left);
    }
    const when =
      p.effective === 'now'
        ? prorated
          ? `, prorated ${formatMoney(prorated, to.currency)} today`
          : ', effective now'
        : `, from the period end (${sub.currentPeriodEnd.toISOString().slice(0, 10)}): nothing changes until then`;
    const items = await describeStoredItems(tx, p.subscriptionId, from.id, p.toPlanKey);
    return {
      headline: `${price(from)} → ${price(to)}${when}`,
      before: [price(from), ...items.before].join(' · '),
      after: [price(to), ...items.after].join(' · '),
    };
  },

  execute: {
    billing: {
      async loadTarget(db, p, customerId) {
        const [subscription, toPlan, toPrices, meterKeys] = await Promise.all([
          customerId
            ? db.subscription.findFirst({
                where: { id: p.subscriptionId, customerId },
                select: { id: true, externalId: true, currentPeriodEnd: true, planId: true },
              })
            : null,
          db.plan.findUnique({ where: { key: p.toPlanKey }, select: { id: true, key: true, externalId: true } }),
          loadPlanPrices(db, { key: p.toPlanKey }),
          meterKeysByExternalId(db),
        ]);
        const fromPrices = subscription ? await loadPlanPrices(db, { id: subscription.planId }) : null;
        if (!subscription || !toPlan || !toPrices || !fromPrices)
          throw new ProviderError(
            'The subscription or target plan no longer exists',
            'plan_change_target_missing',
            false,
            false,
          );
        return { subscription, toPlan, fromPrices, toPrices, meterKeys };
      },
      stripe: { apply: applyStripePlanChange, find: findStripePlanChange },
      // Without a billing platform the console's own state is the truth: move the subscription.
      ledger: applyLedgerPlanChange,
    },
  },
});
