import type { Tx } from '@/lib/db';
import type { SubscriptionRecord } from '@/lib/server/billing/stripe/normalize/stripe-records';
import { HeldEventError } from '@/lib/server/webhook-source/held-event-error';
import { recordUnmappedPrice } from './record-unmapped-price';

export class UnknownPriceError extends HeldEventError {
  constructor(
    readonly subscriptionId: string,
    readonly priceIds: string[],
    readonly productId: string | null = null,
  ) {
    const named = priceIds.length ? priceIds.join(', ') : '(no price on any item)';
    super(
      `Unknown Stripe price ${named} for subscription ${subscriptionId}, and the customer has no plan to keep: ` +
        `map the price to a plan on the Catalog page ("Map this price"); this event is replayed when the plan is created`,
    );
    this.name = 'UnknownPriceError';
  }

  /** The primary price becomes a "map this price" item that remembers this event. */
  async hold(inboxId: string | null): Promise<void> {
    const price = this.priceIds[0];
    if (price)
      await recordUnmappedPrice({
        priceExternalId: price,
        productExternalId: this.productId,
        subscriptionExternalId: this.subscriptionId,
        inboxId,
      });
  }
}

/*
 * Which local plan a Stripe subscription is on. Plan.externalId holds the Stripe price id.
 *   1. the primary item's price (first licensed item), else any other item's price, when a plan has it;
 *   2. an unknown price on a subscription we already have: keep its plan (noted on the event);
 *   3. an unknown price on a new subscription of a customer with another subscription: that plan (noted);
 *   4. otherwise hold the event with UnknownPriceError: the price is listed on the Catalog page
 *      ("map this price") and the event is replayed once a plan maps it. No placeholder plans: a
 *      guessed plan would hand out guessed entitlements.
 */
export async function resolveSubscriptionPlan(
  tx: Tx,
  record: SubscriptionRecord,
  existing: { planId: string } | null,
  customerId: string,
): Promise<{ planId: string; note: string | null }> {
  const priceIds = [record.planExternalId, ...record.items.map((item) => item.priceExternalId)].filter(
    (id, index, all): id is string => Boolean(id) && all.indexOf(id) === index,
  );
  if (priceIds.length) {
    const plans = await tx.plan.findMany({
      where: { externalId: { in: priceIds } },
      select: { id: true, externalId: true },
    });
    const match = priceIds.map((price) => plans.find((plan) => plan.externalId === price)).find(Boolean);
    if (match) return { planId: match.id, note: null };
  }
  const unknown = priceIds.join(', ') || '(none)';
  if (existing) return { planId: existing.planId, note: `unknown price ${unknown}: kept the subscription's plan` };
  const other = await tx.subscription.findFirst({
    where: { customerId },
    orderBy: { updatedAt: 'desc' },
    select: { planId: true },
  });
  if (other) return { planId: other.planId, note: `unknown price ${unknown}: used the customer's current plan` };
  throw new UnknownPriceError(record.externalId, priceIds, record.planProductExternalId);
}
