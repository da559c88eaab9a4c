import { getDb } from '@/lib/db';
import type { CatalogResponse } from '@/lib/schemas/catalog';
import { draftPlanFromPrice } from './draft-plan-from-price';
import { planViewInclude, toPlanView } from './plan-view';

// The Catalog page: plans with their limits, meters, the imported Stripe prices (to pick from) and
// the prices subscriptions named that no plan maps yet, each with a prefilled plan.
export async function listCatalog(): Promise<CatalogResponse> {
  const db = getDb();
  const [plans, meters, prices, products, unmapped] = await Promise.all([
    db.plan.findMany({ include: planViewInclude, orderBy: [{ active: 'desc' }, { rank: 'asc' }, { key: 'asc' }] }),
    db.meter.findMany({ orderBy: { key: 'asc' } }),
    db.stripePrice.findMany({ orderBy: [{ productExternalId: 'asc' }, { externalId: 'asc' }], take: 500 }),
    db.stripeProduct.findMany({ select: { externalId: true, name: true } }),
    db.unmappedStripePrice.findMany({ where: { resolvedAt: null }, orderBy: { lastSeenAt: 'desc' }, take: 100 }),
  ]);
  const productName = new Map(products.map((p) => [p.externalId, p.name]));
  return {
    plans: plans.map(toPlanView),
    meters: meters.map((m) => ({
      id: m.id,
      key: m.key,
      name: m.name,
      unit: m.unit,
      aggregation: m.aggregation,
      uniqueProperty: m.uniqueProperty,
      externalId: m.externalId,
    })),
    prices: prices.map((p) => ({
      externalId: p.externalId,
      productExternalId: p.productExternalId,
      productName: productName.get(p.productExternalId) ?? null,
      nickname: p.nickname,
      currency: p.currency,
      unitAmount: p.unitAmount,
      unitAmountDecimal: p.unitAmountDecimal?.toString() ?? null,
      billingScheme: p.billingScheme,
      usageType: p.usageType,
      interval: p.interval,
      meterExternalId: p.meterExternalId,
      active: p.active,
    })),
    unmapped: await Promise.all(
      unmapped.map(async (u) => ({
        priceExternalId: u.priceExternalId,
        productExternalId: u.productExternalId,
        subscriptionExternalId: u.subscriptionExternalId,
        heldEvents: u.heldInboxIds.length,
        firstSeenAt: u.firstSeenAt.toISOString(),
        lastSeenAt: u.lastSeenAt.toISOString(),
        draft: await draftPlanFromPrice(u.priceExternalId, u.productExternalId),
      })),
    ),
  };
}
