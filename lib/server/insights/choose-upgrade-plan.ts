import type { Tx } from '@/lib/db';
import type { MeterInsight } from '@/lib/server/insights/analyze-meter-usage';

export interface UpgradeChoice {
  plan: { id: string; key: string; name: string; rank: number; basePriceMinor: number; currency: string };
  /** Included quantity per meter key on the chosen plan. */
  included: Record<string, number>;
  /** Whether the plan covers every meter's forecast (false: the largest plan, and even it may not). */
  fits: boolean;
}

// The smallest higher-rank active plan (same currency) whose included quantity covers, for every
// metered limit, this period's usage and the top of its 80 % forecast band — so the upgrade is
// not outgrown before the period ends. Null on the top plan.
export async function chooseUpgradePlan(
  tx: Tx,
  current: { rank: number; currency: string },
  meters: readonly MeterInsight[],
): Promise<UpgradeChoice | null> {
  const plans = await tx.plan.findMany({
    where: { active: true, rank: { gt: current.rank }, currency: current.currency },
    orderBy: { rank: 'asc' },
    select: {
      id: true,
      key: true,
      name: true,
      rank: true,
      basePriceMinor: true,
      currency: true,
      limits: { select: { meterId: true, includedQuantity: true, meter: { select: { key: true } } } },
    },
  });
  if (!plans.length) return null;
  const needs = meters
    .filter((m) => m.included)
    .map((m) => ({ meterId: m.meterId, need: Math.max(m.used, m.forecast.upper) }));
  const choices = plans.map(({ limits, ...plan }) => {
    const included = Object.fromEntries(limits.map((l) => [l.meter.key, Number(l.includedQuantity)]));
    const fits = needs.every((n) => {
      const l = limits.find((x) => x.meterId === n.meterId);
      return l !== undefined && Number(l.includedQuantity) >= n.need;
    });
    return { plan, included, fits };
  });
  return choices.find((c) => c.fits) ?? choices[choices.length - 1];
}
