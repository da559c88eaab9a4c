import { priceOverage } from './price-overage';

// What staying on a plan costs against what moving costs, for the usage the forecast expects:
// the Usage Analyst drafts an upgrade only when it is the cheaper way to serve that usage (or the
// only way, when a hard limit would refuse it). Pure, so the agent, its tests and the approval
// panel's evidence read the same figures.

export interface MeterPricing {
  included: number;
  /** Usage above it is refused by the entitlement check (never billed); null: overage is billed. */
  hardLimit: number | null;
  /** Minor units per package of `overagePackageSize` units (may be fractional). */
  overageUnitPrice: number;
  overagePackageSize: number;
}

export interface PlanPricing {
  key: string;
  name: string;
  rank: number;
  basePriceMinor: number;
  currency: string;
  /** Per meter key. A meter missing here is not offered on the plan. */
  limits: Record<string, MeterPricing>;
}

export interface UsageOutlook {
  meterKey: string;
  /** This period's usage at its end as the forecast expects it, and the top of its 80 % band. */
  thisPeriod: { expected: number; upper: number };
  /** A whole next period at the pace the forecast reaches by this period's end. */
  nextPeriod: { expected: number; upper: number };
}

export interface OptionCost {
  planKey: string;
  planName: string;
  baseMinor: number;
  /** Overage at the expected usage. */
  overageMinor: number;
  totalMinor: number;
  /** Plan plus overage at the top of the band. */
  totalUpperMinor: number;
  /** Meters whose usage at the top of the band a hard limit would refuse. */
  refused: string[];
}

export type Horizon = 'this_period' | 'next_period';

export interface PlanRecommendation {
  /** The plan to move to, or null: staying is the cheaper way to serve the forecast. */
  planKey: string | null;
  /** When the move should start: now (this period's usage needs it) or at the renewal. */
  effective: 'now' | 'period_end' | null;
  horizon: Horizon | null;
  reason: 'cheaper' | 'hard_limit' | 'stay_cheaper' | 'within_plan' | 'top_plan';
  /** What it saves over staying, for the horizon's forecast (0 when staying). */
  savingMinor: number;
}

export interface PlanComparison {
  currency: string;
  currentPlanKey: string;
  thisPeriod: OptionCost[];
  nextPeriod: OptionCost[];
  recommendation: PlanRecommendation;
}

function costOf(
  plan: PlanPricing,
  usage: readonly UsageOutlook[],
  pick: (u: UsageOutlook) => number,
  top: (u: UsageOutlook) => number,
): OptionCost {
  let overageMinor = 0;
  let overageUpperMinor = 0;
  const refused: string[] = [];
  for (const u of usage) {
    const l = plan.limits[u.meterKey];
    // Refused usage is never billed: the bill stops at the hard limit.
    const billable = (q: number) => (l.hardLimit === null ? q : Math.min(q, l.hardLimit));
    overageMinor += priceOverage(
      billable(pick(u)),
      l.included,
      l.overageUnitPrice,
      l.overagePackageSize,
    ).overageAmountMinor;
    overageUpperMinor += priceOverage(
      billable(top(u)),
      l.included,
      l.overageUnitPrice,
      l.overagePackageSize,
    ).overageAmountMinor;
    if (l.hardLimit !== null && top(u) > l.hardLimit) refused.push(u.meterKey);
  }
  return {
    planKey: plan.key,
    planName: plan.name,
    baseMinor: plan.basePriceMinor,
    overageMinor,
    totalMinor: plan.basePriceMinor + overageMinor,
    totalUpperMinor: plan.basePriceMinor + overageUpperMinor,
    refused,
  };
}

function costsFor(
  current: PlanPricing,
  candidates: readonly PlanPricing[],
  usage: readonly UsageOutlook[],
  horizon: Horizon,
) {
  const at = horizon === 'this_period' ? (u: UsageOutlook) => u.thisPeriod : (u: UsageOutlook) => u.nextPeriod;
  return [current, ...candidates].map((p) =>
    costOf(
      p,
      usage,
      (u) => at(u).expected,
      (u) => at(u).upper,
    ),
  );
}

// Cheapest at the expected usage among the plans that refuse nothing the band could reach; ties
// go to the smaller plan (candidates come in rank order).
function cheapest(options: readonly OptionCost[]): OptionCost | undefined {
  return options
    .filter((o) => !o.refused.length)
    .reduce<OptionCost | undefined>((best, o) => (!best || o.totalMinor < best.totalMinor ? o : best), undefined);
}

/**
 * Compares staying on `current` with each higher plan (`candidates`, rank order, same currency)
 * for this period's forecast and for a whole next period at the pace reached, and recommends:
 * - a move now when this period's forecast would be refused by a hard limit, or costs less on a
 *   higher plan than on the current one (plan + overage at the expected usage);
 * - a move at the renewal when the same holds only for the next period;
 * - otherwise staying, saying whether usage stays within the plan or the overage is the cheaper way.
 * Candidates that do not offer every metered meter are left out.
 */
export function comparePlanCosts(
  current: PlanPricing,
  candidates: readonly PlanPricing[],
  usage: readonly UsageOutlook[],
): PlanComparison {
  const metered = usage.filter((u) => current.limits[u.meterKey]);
  const offered = candidates.filter(
    (p) => p.currency === current.currency && p.rank > current.rank && metered.every((u) => p.limits[u.meterKey]),
  );
  const thisPeriod = costsFor(current, offered, metered, 'this_period');
  const nextPeriod = costsFor(current, offered, metered, 'next_period');
  const base = { currency: current.currency, currentPlanKey: current.key, thisPeriod, nextPeriod };
  const decide = (options: OptionCost[], horizon: Horizon): PlanRecommendation | null => {
    const [stay, ...moves] = options;
    const best = cheapest(moves);
    if (!best) return null;
    const effective = horizon === 'this_period' ? 'now' : 'period_end';
    if (stay.refused.length) return { planKey: best.planKey, effective, horizon, reason: 'hard_limit', savingMinor: 0 };
    if (best.totalMinor < stay.totalMinor)
      return {
        planKey: best.planKey,
        effective,
        horizon,
        reason: 'cheaper',
        savingMinor: stay.totalMinor - best.totalMinor,
      };
    return null;
  };
  const move = decide(thisPeriod, 'this_period') ?? decide(nextPeriod, 'next_period');
  if (move) return { ...base, recommendation: move };
  const overage = thisPeriod[0].overageMinor > 0 || nextPeriod[0].overageMinor > 0;
  const reason = !offered.length && overage ? 'top_plan' : overage ? 'stay_cheaper' : 'within_plan';
  return { ...base, recommendation: { planKey: null, effective: null, horizon: null, reason, savingMinor: 0 } };
}
