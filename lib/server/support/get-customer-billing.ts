import { getDb } from '@/lib/db';
import { notFound } from '@/lib/errors';
import type { CustomerBilling } from '@/lib/schemas/support';
import { loadCurrentUsage } from '@/lib/server/usage/load-current-usage';
import { liveSubscriptionSelect } from '@/lib/server/customers/customer-summary';
import { priceOverage } from '@/lib/analytics/price-overage';

// Plan and price, and this period's usage against the plan's limits with the overage in money:
// what support needs to answer "why is my bill higher" before the invoice exists.
export async function getCustomerBilling(customerId: string): Promise<CustomerBilling> {
  const c = await getDb().customer.findFirst({
    where: { id: customerId, deletedAt: null },
    select: {
      id: true,
      subscriptions: {
        ...liveSubscriptionSelect,
        select: {
          status: true,
          cancelAtPeriodEnd: true,
          currentPeriodStart: true,
          currentPeriodEnd: true,
          plan: {
            select: {
              key: true,
              name: true,
              currency: true,
              basePriceMinor: true,
              interval: true,
              limits: {
                select: {
                  overageUnitPrice: true,
                  overagePackageSize: true,
                  includedQuantity: true,
                  meter: { select: { key: true } },
                },
              },
            },
          },
        },
      },
    },
  });
  if (!c) throw notFound('Customer');
  const sub = c.subscriptions[0];
  const usage = (await loadCurrentUsage([c.id])).get(c.id) ?? [];
  const limits = new Map((sub?.plan.limits ?? []).map((l) => [l.meter.key, l]));
  const meters = usage.map((u) => {
    const limit = limits.get(u.meterKey);
    const unitPrice = limit ? Number(limit.overageUnitPrice) : 0;
    const packageSize = limit?.overagePackageSize ?? 1;
    const included = u.included ?? 0;
    return {
      meterKey: u.meterKey,
      meterName: u.meterName,
      unit: u.unit,
      used: u.used,
      included,
      hardLimit: u.hardLimit,
      utilisation: u.utilisation,
      overageUnitPrice: unitPrice,
      overagePackageSize: packageSize,
      ...priceOverage(u.used, included, unitPrice, packageSize),
    };
  });
  const base = sub?.plan.basePriceMinor ?? 0;
  return {
    customerId: c.id,
    currency: (sub?.plan.currency ?? 'usd').toLowerCase(),
    plan: sub
      ? { key: sub.plan.key, name: sub.plan.name, basePriceMinor: sub.plan.basePriceMinor, interval: sub.plan.interval }
      : null,
    subscriptionStatus: sub?.status ?? null,
    cancelAtPeriodEnd: sub?.cancelAtPeriodEnd ?? false,
    periodStart: sub?.currentPeriodStart.toISOString() ?? null,
    periodEnd: sub?.currentPeriodEnd.toISOString() ?? null,
    meters,
    estimatedTotalMinor: base + meters.reduce((s, m) => s + m.overageAmountMinor, 0),
  };
}
