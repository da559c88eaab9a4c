import { Prisma } from '@/generated/prisma/client';
import { getDb, type Tx } from '@/lib/db';
import { appendAuditEvent } from '@/lib/server/audit/append-audit-event';
import { planKeyFor } from './plan-key';
import { overageFromPrice } from './overage-from-price';

export async function uniquePlanKey(tx: Tx, base: string): Promise<string> {
  for (let n = 1; ; n += 1) {
    const key = n === 1 ? base : `${base}_${n}`;
    if (!(await tx.plan.findUnique({ where: { key }, select: { id: true } }))) return key;
  }
}

/*
 * After the catalog is imported: every active recurring licensed price that no plan maps becomes
 * a plan (its base price), and each metered price of the same product whose billing meter is
 * known becomes that plan's limit for the meter (included quantity from a free first tier, the
 * overage price from the next). Subscriptions on those prices can then be imported. Prices that
 * fit no such pattern stay unmapped for an admin ("create plan from this price"). Each plan and its
 * audit record commit together; the import is the actor. Returns the number of plans created.
 */
export async function createPlansFromPrices(runId: string): Promise<number> {
  const db = getDb();
  const licensed = await db.stripePrice.findMany({
    where: { active: true, type: 'recurring', OR: [{ usageType: 'licensed' }, { usageType: null }] },
    orderBy: { externalId: 'asc' },
  });
  const mapped = new Set(
    (
      await db.plan.findMany({
        where: { externalId: { in: licensed.map((p) => p.externalId) } },
        select: { externalId: true },
      })
    ).map((p) => p.externalId),
  );
  let created = 0;
  for (const price of licensed.filter((p) => !mapped.has(p.externalId))) {
    const product = await db.stripeProduct.findUnique({ where: { externalId: price.productExternalId } });
    const metered = await db.stripePrice.findMany({
      where: {
        productExternalId: price.productExternalId,
        usageType: 'metered',
        active: true,
        meterExternalId: { not: null },
      },
    });
    const meters = await db.meter.findMany({
      where: { externalId: { in: metered.map((m) => m.meterExternalId!) } },
      select: { id: true, externalId: true },
    });
    await db.$transaction(async (tx) => {
      const name = [product?.name ?? price.productExternalId, price.nickname].filter(Boolean).join(' – ');
      const plan = await tx.plan.create({
        data: {
          key: await uniquePlanKey(tx, planKeyFor(name, price.interval)),
          name,
          externalId: price.externalId,
          currency: price.currency,
          basePriceMinor: price.unitAmount ?? 0,
          interval: price.interval ?? 'month',
        },
      });
      const limits = [];
      for (const m of metered) {
        const meter = meters.find((x) => x.externalId === m.meterExternalId);
        if (!meter) continue;
        const overage = overageFromPrice(m);
        limits.push({
          planId: plan.id,
          meterId: meter.id,
          includedQuantity: new Prisma.Decimal(overage.included),
          overageUnitPrice: new Prisma.Decimal(overage.unitPrice),
          priceExternalId: m.externalId,
        });
      }
      if (limits.length) await tx.planMeterLimit.createMany({ data: limits, skipDuplicates: true });
      await appendAuditEvent(tx, {
        actor: { type: 'system', id: 'stripe-import' },
        action: 'plan.created',
        target: { type: 'plan', id: plan.id },
        sourceRef: `stripe_import_runs:${runId}`,
        after: { key: plan.key, name, externalId: price.externalId, limits: limits.map((l) => l.priceExternalId) },
      });
    });
    created += 1;
  }
  return created;
}
