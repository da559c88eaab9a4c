import { getDb, type Tx } from '@/lib/db';
import { ApiError, conflict } from '@/lib/errors';
import { formatMoney } from '@/lib/money';
import type { ActionPayload } from '@/lib/schemas/action-kinds';
import { ProviderError, type PlanChangeTarget } from '@/lib/server/billing/billing-provider';
import { recordLedgerEntry } from '@/lib/server/billing/ledger-provider';
import { executionTags, needStripeId, stripeCall, taggedWith } from '@/lib/server/billing/stripe/stripe-call';
import { notifyEntitlementsChanged } from '@/lib/server/entitlements/notify-entitlements-changed';
import { defineActionKind } from './define-action-kind';

type Payload = ActionPayload<'plan_change'>;
const planFields = { id: true, key: true, name: true, basePriceMinor: true, currency: true } as const;

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
        : ', from the next billing period';
    return { headline: `${price(from)} → ${price(to)}${when}`, before: price(from), after: price(to) };
  },

  execute: {
    billing: {
      async loadTarget(db, p, customerId) {
        const [subscription, toPlan] = await Promise.all([
          customerId
            ? db.subscription.findFirst({
                where: { id: p.subscriptionId, customerId },
                select: { id: true, externalId: true },
              })
            : null,
          db.plan.findUnique({ where: { key: p.toPlanKey }, select: { id: true, key: true, externalId: true } }),
        ]);
        if (!subscription || !toPlan)
          throw new ProviderError(
            'The subscription or target plan no longer exists',
            'plan_change_target_missing',
            false,
            false,
          );
        return { subscription, toPlan };
      },
      stripe: {
        async apply(stripe, t, p, target) {
          const subId = needStripeId(target.subscription.externalId, 'subscription');
          const sub = await stripeCall(() => stripe.subscriptions.retrieve(subId));
          const item = sub.items.data[0];
          if (!item)
            throw new ProviderError(`Subscription ${subId} has no items`, 'no_subscription_item', false, false);
          const updated = await stripeCall(() =>
            stripe.subscriptions.update(
              subId,
              {
                items: [{ id: item.id, price: needStripeId(target.toPlan.externalId, 'target plan price') }],
                // "At period end" bills the new price from the next invoice, with no proration now.
                proration_behavior: p.effective === 'period_end' ? 'none' : p.proration,
                metadata: { ...executionTags(t), tollgate_plan: target.toPlan.key },
              },
              { idempotencyKey: t.idempotencyKey },
            ),
          );
          return {
            provider: 'stripe',
            ref: updated.id,
            summary: `Subscription moved to ${target.toPlan.key}`,
            data: { status: updated.status },
          };
        },
        async find(stripe, t, _p, target) {
          const sub = await stripeCall(() =>
            stripe.subscriptions.retrieve(needStripeId(target.subscription.externalId, 'subscription')),
          );
          return taggedWith(t, sub.metadata)
            ? { provider: 'stripe', ref: sub.id, summary: 'Plan change found at Stripe' }
            : null;
        },
      },
      // Without a billing platform the console's own state is the truth: move the subscription.
      ledger: (t, p, target) =>
        getDb().$transaction(async (tx) => {
          const already = await tx.ledgerEntry.findUnique({ where: { idempotencyKey: t.idempotencyKey } });
          if (!already && p.effective === 'now') {
            await tx.subscription.update({ where: { id: target.subscription.id }, data: { planId: target.toPlan.id } });
            await notifyEntitlementsChanged(tx, [t.customer.id]);
          }
          return recordLedgerEntry(tx, t, {
            kind: 'plan_change',
            amountMinor: 0,
            currency: 'usd',
            data: { from: p.fromPlanKey, to: p.toPlanKey, proration: p.proration, effective: p.effective },
          });
        }),
    },
  },
});
