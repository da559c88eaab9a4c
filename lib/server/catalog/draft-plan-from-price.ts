import { getDb } from '@/lib/db';
import type { CreatePlanInput } from '@/lib/schemas/catalog';
import { overageFromPrice } from '@/lib/server/billing/stripe/import/overage-from-price';
import { planKeyFor } from '@/lib/server/billing/stripe/import/plan-key';

const INTERVALS = ['day', 'week', 'month', 'year'] as const;

/*
 * "Create plan from this price": a plan prefilled from the imported Stripe price — name from its
 * product, base amount, currency and interval — with a limit for each metered price of the same
 * product whose billing meter Tollgate knows. The admin reviews and saves it; nothing is created
 * here. A price the import has not seen yet gives a bare draft with its id.
 */
export async function draftPlanFromPrice(
  priceExternalId: string,
  productHint: string | null,
): Promise<CreatePlanInput> {
  const db = getDb();
  const price = await db.stripePrice.findUnique({ where: { externalId: priceExternalId } });
  const productId = price?.productExternalId ?? productHint;
  const product = productId ? await db.stripeProduct.findUnique({ where: { externalId: productId } }) : null;
  const name = [product?.name ?? productId ?? priceExternalId, price?.nickname].filter(Boolean).join(' – ');
  const metered = productId
    ? await db.stripePrice.findMany({
        where: { productExternalId: productId, usageType: 'metered', meterExternalId: { not: null }, active: true },
      })
    : [];
  const meters = await db.meter.findMany({
    where: { externalId: { in: metered.map((m) => m.meterExternalId!) } },
    select: { id: true, externalId: true },
  });
  const interval = INTERVALS.find((i) => i === price?.interval) ?? 'month';
  return {
    key: planKeyFor(name, interval),
    name,
    externalId: priceExternalId,
    currency: price?.currency ?? 'usd',
    basePriceMinor: price?.usageType === 'metered' ? 0 : (price?.unitAmount ?? 0),
    interval,
    rank: 0,
    entitlementFailMode: 'open',
    limits: metered.flatMap((m) => {
      const meter = meters.find((x) => x.externalId === m.meterExternalId);
      if (!meter) return [];
      const overage = overageFromPrice(m);
      return [
        {
          meterId: meter.id,
          includedQuantity: overage.included,
          hardLimit: null,
          overageUnitPrice: overage.unitPrice,
          overagePackageSize: 1,
          priceExternalId: m.externalId,
        },
      ];
    }),
  };
}
