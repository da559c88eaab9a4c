import type { Tx } from '@/lib/db';
import type { MeterInsight } from '@/lib/server/insights/analyze-meter-usage';
import { loadPlanPricing, type PricedPlan } from './load-plan-pricing';

export interface UpgradeChoice {
  plan: Omit<PricedPlan, 'limits'>;
  /** Included quantity per meter key on the chosen plan. */
  included: Record<string, number>;
  /** Whether the plan covers every meter's forecast (false: the largest plan, and even it may not). */
  fits: boolean;
}

/** Included quantity per meter key of a priced plan. */
export const includedOf = (p: PricedPlan): Record<string, number> =>
  Object.fromEntries(Object.entries(p.limits).map(([k, l]) => [k, l.included]));

// For a person who asked for an upgrade (the expansion page): the smallest higher plan whose
// included quantity covers, for every metered limit, this period's usage and the top of its 80 %
// forecast band — so the upgrade is not outgrown before the period ends. Null on the top plan.
// The Usage Analyst decides on cost instead (lib/analytics/plan-costs.ts).
export async function chooseUpgradePlan(
  tx: Tx,
  current: { id: string },
  meters: readonly MeterInsight[],
): Promise<UpgradeChoice | null> {
  const { candidates } = await loadPlanPricing(tx, current.id);
  if (!candidates.length) return null;
  const needs = meters
    .filter((m) => m.included)
    .map((m) => ({ key: m.meterKey, need: Math.max(m.used, m.forecast.upper) }));
  const choices = candidates.map(({ limits, ...plan }) => ({
    plan,
    included: includedOf({ ...plan, limits }),
    fits: needs.every((n) => limits[n.key] !== undefined && limits[n.key].included >= n.need),
  }));
  return choices.find((c) => c.fits) ?? choices[choices.length - 1];
}
