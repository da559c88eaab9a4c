import type Stripe from 'stripe';
import { ProviderError, type ExecutionResult, type ExecutionTarget, type PlanChangeTarget } from '../billing-provider';
import {
  PlanChangeMappingError,
  planItemChanges,
  toPhaseItems,
  toStripeUpdateItems,
  type CurrentItem,
  type ItemChange,
} from '../plan-change-items';
import { executionTags, needStripeId, stripeCall, taggedWith } from './stripe-call';

type Proration = 'create_prorations' | 'always_invoice' | 'none';
const idOf = (x: string | { id: string }) => (typeof x === 'string' ? x : x.id);

// A plan change at Stripe. "Now" updates every item of the subscription in one call (so the
// customer is never half on each plan); "at period end" writes a subscription schedule whose
// second phase starts at the current period's end, so nothing changes until then — the action is
// `scheduled` until the webhook shows the phase started (confirm-scheduled-plan-changes.ts).
export async function applyStripePlanChange(
  stripe: Stripe,
  t: ExecutionTarget,
  p: { effective: 'now' | 'period_end'; proration: Proration },
  target: PlanChangeTarget,
): Promise<ExecutionResult> {
  const subId = needStripeId(target.subscription.externalId, 'subscription');
  const sub = await stripeCall(() => stripe.subscriptions.retrieve(subId));
  const changes = mapItems(sub, target);
  const metadata = { ...executionTags(t), tollgate_plan: target.toPlan.key };
  if (p.effective === 'period_end') return schedule(stripe, t, sub, changes, target, metadata);
  const updated = await stripeCall(() =>
    stripe.subscriptions.update(
      subId,
      { items: toStripeUpdateItems(changes), proration_behavior: p.proration, metadata },
      { idempotencyKey: t.idempotencyKey },
    ),
  );
  return {
    provider: 'stripe',
    ref: updated.id,
    summary: `Subscription moved to ${target.toPlan.key} (${changes.filter((c) => c.op !== 'keep').length} items changed)`,
    data: { status: updated.status, items: changes },
  };
}

export async function findStripePlanChange(
  stripe: Stripe,
  t: ExecutionTarget,
  p: { effective: 'now' | 'period_end' },
  target: PlanChangeTarget,
): Promise<ExecutionResult | null> {
  const sub = await stripeCall(() =>
    stripe.subscriptions.retrieve(needStripeId(target.subscription.externalId, 'subscription')),
  );
  if (p.effective === 'now')
    return taggedWith(t, sub.metadata)
      ? { provider: 'stripe', ref: sub.id, summary: 'Plan change found at Stripe' }
      : null;
  if (!sub.schedule) return null;
  const found = await stripeCall(() => stripe.subscriptionSchedules.retrieve(idOf(sub.schedule!)));
  return taggedWith(t, found.metadata) ? scheduledResult(found, target) : null;
}

function mapItems(sub: Stripe.Subscription, target: PlanChangeTarget): ItemChange[] {
  const items: CurrentItem[] = sub.items.data.map((item) => {
    const recurring = item.price.recurring;
    const metered = recurring?.usage_type === 'metered';
    return {
      id: item.id,
      priceId: item.price.id,
      meterKey: recurring?.meter ? (target.meterKeys.get(recurring.meter) ?? null) : null,
      metered,
      quantity: metered ? null : (item.quantity ?? 1),
    };
  });
  try {
    return planItemChanges(items, target.fromPrices, target.toPrices);
  } catch (err) {
    if (err instanceof PlanChangeMappingError) throw new ProviderError(err.message, err.code, false, false);
    throw err;
  }
}

async function schedule(
  stripe: Stripe,
  t: ExecutionTarget,
  sub: Stripe.Subscription,
  changes: ItemChange[],
  target: PlanChangeTarget,
  metadata: Record<string, string>,
): Promise<ExecutionResult> {
  if (sub.schedule) {
    // A retry after the schedule was written, or a schedule someone else manages.
    const existing = await stripeCall(() => stripe.subscriptionSchedules.retrieve(idOf(sub.schedule!)));
    if (taggedWith(t, existing.metadata)) return scheduledResult(existing, target);
    throw new ProviderError(
      `Subscription ${sub.id} already follows schedule ${existing.id}: change it there, or release it first`,
      'subscription_has_schedule',
      false,
      false,
    );
  }
  const created = await stripeCall(() =>
    stripe.subscriptionSchedules.create(
      { from_subscription: sub.id },
      { idempotencyKey: `${t.idempotencyKey}:schedule` },
    ),
  );
  const current = created.phases[0];
  if (!current)
    throw new ProviderError(`Schedule ${created.id} has no current phase`, 'schedule_without_phase', false, true);
  const recurring = sub.items.data[0]?.price.recurring;
  const updated = await stripeCall(() =>
    stripe.subscriptionSchedules.update(
      created.id,
      {
        end_behavior: 'release',
        metadata,
        phases: [
          {
            start_date: current.start_date,
            end_date: current.end_date,
            items: current.items.map((i) => ({
              price: idOf(i.price),
              ...(i.quantity !== undefined && i.quantity !== null ? { quantity: i.quantity } : {}),
            })),
          },
          {
            start_date: current.end_date,
            duration: { interval: recurring?.interval ?? 'month', interval_count: recurring?.interval_count ?? 1 },
            proration_behavior: 'none',
            items: toPhaseItems(changes),
            metadata,
          },
        ],
      },
      { idempotencyKey: `${t.idempotencyKey}:phases` },
    ),
  );
  return scheduledResult(updated, target, changes);
}

function scheduledResult(
  s: Stripe.SubscriptionSchedule,
  target: PlanChangeTarget,
  changes?: ItemChange[],
): ExecutionResult {
  const startsAt = s.phases[1]?.start_date ?? s.phases[0]?.end_date;
  const at = startsAt ? new Date(startsAt * 1000) : target.subscription.currentPeriodEnd;
  return {
    provider: 'stripe',
    ref: s.id,
    summary: `Scheduled: moves to ${target.toPlan.key} on ${at.toISOString().slice(0, 10)}`,
    scheduledFor: at.toISOString(),
    data: { scheduleId: s.id, status: s.status, ...(changes ? { items: changes } : {}) },
  };
}
