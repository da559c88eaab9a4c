import type { Tx } from '@/lib/db';
import { comparePlanCosts, type PlanComparison } from '@/lib/analytics/plan-costs';
import type { PlanComparisonEvidence } from '@/lib/schemas/plan-comparison';
import type { CustomerInsights } from '@/lib/server/insights/compute-customer-insights';
import { loadPlanPricing, type PricedPlan } from '@/lib/server/insights/load-plan-pricing';
import { meterOutlook } from '@/lib/server/insights/meter-outlook';

export interface UpgradeWeighing {
  comparison: PlanComparison;
  /** The recommended plan, null when staying is the cheaper way to serve the forecast. */
  proposed: PricedPlan | null;
  evidence: PlanComparisonEvidence;
}

const r = (x: number) => Math.round(x * 1000) / 1000;

// Prices this period's forecast and a next period at the pace reached on the current plan and
// on every higher one, and keeps the table a reviewer reads (per meter: used, forecast with its
// band, limit, proposed limit; per plan: base, overage, total) as the decision's evidence.
export async function weighUpgrade(tx: Tx, insights: CustomerInsights): Promise<UpgradeWeighing> {
  const sub = insights.subscription;
  const { current, candidates } = await loadPlanPricing(tx, sub.plan.id);
  const outlooks = insights.meters.map((m) => meterOutlook(m, sub));
  const comparison = comparePlanCosts(current, candidates, outlooks);
  const proposed = candidates.find((c) => c.key === comparison.recommendation.planKey) ?? null;
  const rec = comparison.recommendation;
  const evidence: PlanComparisonEvidence = {
    currency: comparison.currency,
    currentPlan: { key: current.key, name: current.name },
    proposedPlan: proposed ? { key: proposed.key, name: proposed.name } : null,
    effective: rec.effective,
    horizon: rec.horizon,
    reason: rec.reason,
    savingMinor: rec.savingMinor,
    periodEnd: new Date(sub.periodEnd).toISOString(),
    meters: insights.meters.map((m, i) => ({
      meterKey: m.meterKey,
      meterName: m.meterName,
      unit: m.unit,
      used: r(m.used),
      included: m.included,
      hardLimit: m.hardLimit,
      forecast: { expected: r(outlooks[i].thisPeriod.expected), upper: r(outlooks[i].thisPeriod.upper) },
      nextPeriod: { expected: r(outlooks[i].nextPeriod.expected), upper: r(outlooks[i].nextPeriod.upper) },
      proposedIncluded: proposed?.limits[m.meterKey]?.included ?? null,
    })),
    thisPeriod: comparison.thisPeriod,
    nextPeriod: comparison.nextPeriod,
  };
  return { comparison, proposed, evidence };
}
