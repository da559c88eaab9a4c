import type { Tx } from '@/lib/db';
import type { Prisma } from '@/generated/prisma/client';
import type { PlanPricing } from '@/lib/analytics/plan-costs';

const planSelect = {
  id: true,
  key: true,
  name: true,
  rank: true,
  basePriceMinor: true,
  currency: true,
  interval: true,
  limits: {
    select: {
      includedQuantity: true,
      hardLimit: true,
      overageUnitPrice: true,
      overagePackageSize: true,
      meter: { select: { key: true } },
    },
  },
} satisfies Prisma.PlanSelect;

type PlanRow = Prisma.PlanGetPayload<{ select: typeof planSelect }>;

export type PricedPlan = PlanPricing & { id: string };

/**
 * A subscription's plan and the active higher-rank plans it could move to (same currency and
 * billing interval, so a base price compares with a base price), each with its metered limits and
 * overage prices: what a plan comparison needs. Candidates come in rank order.
 */
export async function loadPlanPricing(
  tx: Tx,
  planId: string,
): Promise<{ current: PricedPlan; candidates: PricedPlan[] }> {
  const current = await tx.plan.findUniqueOrThrow({ where: { id: planId }, select: planSelect });
  const higher = await tx.plan.findMany({
    where: { active: true, rank: { gt: current.rank }, currency: current.currency, interval: current.interval },
    orderBy: { rank: 'asc' },
    select: planSelect,
  });
  return { current: toPricing(current), candidates: higher.map(toPricing) };
}

function toPricing(p: PlanRow): PricedPlan {
  return {
    id: p.id,
    key: p.key,
    name: p.name,
    rank: p.rank,
    basePriceMinor: p.basePriceMinor,
    currency: p.currency,
    limits: Object.fromEntries(
      p.limits.map((l) => [
        l.meter.key,
        {
          included: Number(l.includedQuantity),
          hardLimit: l.hardLimit === null ? null : Number(l.hardLimit),
          overageUnitPrice: Number(l.overageUnitPrice),
          overagePackageSize: l.overagePackageSize,
        },
      ]),
    ),
  };
}
