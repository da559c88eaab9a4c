import type { SubscriptionStatus } from '@/generated/prisma/client';
import { clock } from '@/lib/clock';
import { confirmScheduledPlanChanges } from '@/lib/server/billing/confirm-scheduled-plan-changes';
import type { SubscriptionRecord } from '@/lib/server/billing/stripe/normalize/stripe-records';
import { notifyEntitlementsChanged } from '@/lib/server/entitlements/notify-entitlements-changed';
import type { BillingSyncContext, StripeHandlerResult } from '../stripe-handler-context';
import { ensureStripeCustomer } from './ensure-stripe-customer';
import { lockStripeObjects } from './lock-stripe-objects';
import { resolveSubscriptionPlan } from './resolve-subscription-plan';
import { olderThanStoredNote, storedOrderingKey, toUnixSeconds } from './stored-ordering-key';

const STATUSES: readonly SubscriptionStatus[] = [
  'trialing',
  'active',
  'past_due',
  'unpaid',
  'paused',
  'canceled',
  'incomplete',
  'incomplete_expired',
];

function toStatus(status: string | null, id: string): SubscriptionStatus {
  const match = STATUSES.find((s) => s === status);
  if (!match) throw new Error(`Subscription ${id} has status ${status ?? '(none)'}, which Tollgate does not know`);
  return match;
}

// customer.subscription.created / updated / deleted → the subscription (by external id), its
// items (replaced on every newer snapshot) and its plan; a customer not seen yet gets a stub.
// Entitlements depend on plan and status, so every applied change is announced in the same
// transaction (delivered only if it commits).
export async function applyStripeSubscription(
  ctx: BillingSyncContext,
  record: SubscriptionRecord,
): Promise<StripeHandlerResult> {
  const { tx, eventCreatedAt } = ctx;
  await lockStripeObjects(tx, [record.customerExternalId, record.externalId]);
  const customerId = await ensureStripeCustomer(tx, record.customerExternalId, ctx.platform);
  const stored = await tx.subscription.findUnique({
    where: { externalId: record.externalId },
    select: {
      id: true,
      customerId: true,
      planId: true,
      status: true,
      currentPeriodStart: true,
      currentPeriodEnd: true,
      sourceEventCreatedAt: true,
    },
  });
  const storedKey = stored
    ? storedOrderingKey('subscription', record.externalId, stored.sourceEventCreatedAt, {
        status: stored.status,
        current_period_start: toUnixSeconds(stored.currentPeriodStart),
      })
    : null;
  const skipped = olderThanStoredNote(ctx.event.orderingKey, storedKey);
  if (skipped) return { note: skipped };

  const status = toStatus(record.status, record.externalId);
  const plan = await resolveSubscriptionPlan(tx, record, stored, customerId);
  const currentPeriodStart =
    record.currentPeriodStart ?? stored?.currentPeriodStart ?? record.createdAt ?? eventCreatedAt;
  const data = {
    customerId,
    planId: plan.planId,
    status,
    currentPeriodStart,
    currentPeriodEnd: record.currentPeriodEnd ?? stored?.currentPeriodEnd ?? currentPeriodStart,
    cancelAtPeriodEnd: record.cancelAtPeriodEnd,
    canceledAt: record.canceledAt,
    sourceEventCreatedAt: eventCreatedAt,
  };
  const subscription = stored
    ? await tx.subscription.update({ where: { id: stored.id }, data, select: { id: true } })
    : await tx.subscription.create({ data: { ...data, externalId: record.externalId }, select: { id: true } });

  const meterIds = record.items.map((item) => item.meterExternalId).filter((id): id is string => Boolean(id));
  const meters = meterIds.length
    ? await tx.meter.findMany({ where: { externalId: { in: meterIds } }, select: { id: true, externalId: true } })
    : [];
  await tx.subscriptionItem.deleteMany({ where: { subscriptionId: subscription.id } });
  if (record.items.length) {
    await tx.subscriptionItem.createMany({
      data: record.items.map((item) => ({
        subscriptionId: subscription.id,
        externalId: item.externalId,
        priceExternalId: item.priceExternalId,
        meterId: meters.find((m) => m.externalId === item.meterExternalId)?.id ?? null,
        quantity: item.quantity ?? 1,
      })),
    });
  }
  await notifyEntitlementsChanged(tx, [
    customerId,
    ...(stored && stored.customerId !== customerId ? [stored.customerId] : []),
  ]);
  // A schedule's phase starting shows up here as the subscription on its new plan.
  const confirmed = await confirmScheduledPlanChanges(tx, subscription.id, clock.now());
  return {
    note: confirmed ? `${plan.note ?? 'applied'}; ${confirmed} scheduled plan change(s) took effect` : plan.note,
  };
}
