import {
  subscriptionRecordSchema,
  type SubscriptionItemRecord,
  type SubscriptionRecord,
} from '@/lib/server/billing/stripe/normalize/stripe-records';
import { asDate, asInt, asString, assertObjectType, firstOf, get, idOf, listData, requireId } from './read';

// Version notes:
// - Before basil (2025-03-31) the billing period is subscription.current_period_start/end;
//   from basil on it lives on each item (items.data[].current_period_*). We read the
//   subscription-level value when present, else the primary item's; each item keeps its own.
// - Items carry both `price` (current) and `plan` (legacy mirror); price wins, plan fills gaps.

function normalizeItem(item: unknown, index: number): SubscriptionItemRecord {
  const price = get(item, 'price');
  const plan = get(item, 'plan');
  const usageType = firstOf(asString(get(price, 'recurring', 'usage_type')), asString(get(plan, 'usage_type')));
  return {
    externalId: requireId(get(item, 'id'), `subscription.items.data[${index}].id`),
    priceExternalId: firstOf(idOf(price), idOf(plan)),
    productExternalId: firstOf(idOf(get(price, 'product')), idOf(get(plan, 'product'))),
    meterExternalId: firstOf(idOf(get(price, 'recurring', 'meter')), idOf(get(plan, 'meter'))),
    quantity: asInt(get(item, 'quantity')),
    unitAmount: firstOf(asInt(get(price, 'unit_amount')), asInt(get(plan, 'amount'))),
    interval: firstOf(asString(get(price, 'recurring', 'interval')), asString(get(plan, 'interval'))),
    intervalCount: firstOf(asInt(get(price, 'recurring', 'interval_count')), asInt(get(plan, 'interval_count'))),
    usageType: usageType === 'licensed' || usageType === 'metered' ? usageType : null,
    currentPeriodStart: asDate(get(item, 'current_period_start')),
    currentPeriodEnd: asDate(get(item, 'current_period_end')),
  };
}

/** The item that stands for "the plan": the first licensed item, else the first item. */
function primaryItem(items: SubscriptionItemRecord[]): SubscriptionItemRecord | null {
  return items.find((item) => item.usageType === 'licensed') ?? items[0] ?? null;
}

/** Stripe subscription (2020 → basil and later) → SubscriptionRecord. */
export function normalizeSubscription(subscription: unknown): SubscriptionRecord {
  const obj = assertObjectType(subscription, ['subscription'], 'subscription');
  const items = listData(obj.items).map(normalizeItem);
  const primary = primaryItem(items);
  return subscriptionRecordSchema.parse({
    externalId: requireId(obj.id, 'subscription.id'),
    // Newest versions may bill an Accounts v2 account instead of a customer.
    customerExternalId: requireId(idOf(obj.customer) ?? idOf(obj.customer_account), 'subscription.customer'),
    status: asString(obj.status),
    currentPeriodStart: asDate(obj.current_period_start) ?? primary?.currentPeriodStart ?? null,
    currentPeriodEnd: asDate(obj.current_period_end) ?? primary?.currentPeriodEnd ?? null,
    cancelAtPeriodEnd: obj.cancel_at_period_end === true,
    cancelAt: asDate(obj.cancel_at),
    canceledAt: asDate(obj.canceled_at),
    items,
    planExternalId: primary?.priceExternalId ?? idOf(obj.plan),
    planProductExternalId: primary?.productExternalId ?? idOf(get(obj, 'plan', 'product')),
    createdAt: asDate(obj.created),
  });
}
