import type { Prisma } from '@/generated/prisma/client';
import type { PlanView } from '@/lib/schemas/catalog';

export const planViewInclude = {
  limits: { include: { meter: { select: { key: true } } }, orderBy: { meter: { key: 'asc' } } },
  _count: { select: { subscriptions: true } },
} satisfies Prisma.PlanInclude;

type PlanRow = Prisma.PlanGetPayload<{ include: typeof planViewInclude }>;

export function toPlanView(plan: PlanRow): PlanView {
  return {
    id: plan.id,
    key: plan.key,
    name: plan.name,
    externalId: plan.externalId,
    currency: plan.currency,
    basePriceMinor: plan.basePriceMinor,
    interval: plan.interval,
    rank: plan.rank,
    active: plan.active,
    entitlementFailMode: plan.entitlementFailMode,
    limits: plan.limits.map((l) => ({
      meterId: l.meterId,
      meterKey: l.meter.key,
      includedQuantity: l.includedQuantity.toString(),
      hardLimit: l.hardLimit?.toString() ?? null,
      overageUnitPrice: l.overageUnitPrice.toString(),
      overagePackageSize: l.overagePackageSize,
      priceExternalId: l.priceExternalId,
    })),
    subscriptions: plan._count.subscriptions,
  };
}
