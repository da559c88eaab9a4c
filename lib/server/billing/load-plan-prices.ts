import type { Db, Tx } from '@/lib/db';
import type { CurrentItem, PlanPrices } from './plan-change-items';

// The prices a plan change maps between, and the subscription's items as stored (what the
// approval shows and the built-in ledger changes).

export async function loadPlanPrices(db: Db | Tx, where: { id: string } | { key: string }): Promise<PlanPrices | null> {
  const plan = await db.plan.findUnique({
    where,
    select: {
      key: true,
      name: true,
      externalId: true,
      limits: {
        select: { priceExternalId: true, meter: { select: { key: true, name: true } } },
        orderBy: { meter: { key: 'asc' } },
      },
    },
  });
  if (!plan) return null;
  return {
    key: plan.key,
    name: plan.name,
    basePriceId: plan.externalId,
    meters: plan.limits.map((l) => ({ meterKey: l.meter.key, meterName: l.meter.name, priceId: l.priceExternalId })),
  };
}

export async function loadStoredItems(db: Db | Tx, subscriptionId: string): Promise<CurrentItem[]> {
  const items = await db.subscriptionItem.findMany({
    where: { subscriptionId },
    select: { id: true, priceExternalId: true, quantity: true, meter: { select: { key: true } } },
    orderBy: { id: 'asc' },
  });
  return items.map((i) => ({
    id: i.id,
    priceId: i.priceExternalId,
    meterKey: i.meter?.key ?? null,
    metered: i.meter !== null,
    quantity: i.meter ? null : i.quantity,
  }));
}

/** Stripe billing meter id (mtr_…) → Tollgate meter key. */
export async function meterKeysByExternalId(db: Db | Tx): Promise<Map<string, string>> {
  const meters = await db.meter.findMany({
    where: { externalId: { not: null } },
    select: { key: true, externalId: true },
  });
  return new Map(meters.map((m) => [m.externalId!, m.key]));
}
