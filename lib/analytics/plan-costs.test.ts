import { describe, expect, it } from 'vitest';
import { comparePlanCosts, type PlanPricing, type UsageOutlook } from './plan-costs';

// Growth: $199 for 1M requests, $0.0008 a request over; Scale: $799 for 10M.
const plan = (
  key: string,
  rank: number,
  base: number,
  included: number,
  extra: Partial<PlanPricing['limits'][string]> = {},
): PlanPricing => ({
  key,
  name: key[0].toUpperCase() + key.slice(1),
  rank,
  basePriceMinor: base,
  currency: 'usd',
  limits: { calls: { included, hardLimit: null, overageUnitPrice: 0.08, overagePackageSize: 1, ...extra } },
});
const growth = plan('growth', 2, 19_900, 1_000_000);
const scale = plan('scale', 3, 79_900, 10_000_000);
const usage = (expected: number, upper = expected, next = expected, nextUpper = next): UsageOutlook[] => [
  { meterKey: 'calls', thisPeriod: { expected, upper }, nextPeriod: { expected: next, upper: nextUpper } },
];

describe('comparePlanCosts', () => {
  it('stays when the forecast fits the plan', () => {
    const c = comparePlanCosts(growth, [scale], usage(900_000, 1_100_000));
    expect(c.recommendation).toMatchObject({ planKey: null, reason: 'within_plan' });
    expect(c.thisPeriod.map((o) => o.totalMinor)).toEqual([19_900, 79_900]);
    // The band's top is priced too, so a reviewer sees the risk.
    expect(c.thisPeriod[0].totalUpperMinor).toBe(19_900 + 8_000);
  });

  it('stays when paying the overage is cheaper than the upgrade', () => {
    // 1.4M: 400k over at 0.08 = $320 → $519 on Growth against $799 on Scale.
    const c = comparePlanCosts(growth, [scale], usage(1_400_000));
    expect(c.thisPeriod[0]).toMatchObject({ overageMinor: 32_000, totalMinor: 51_900 });
    expect(c.recommendation).toMatchObject({ planKey: null, reason: 'stay_cheaper' });
  });

  it('upgrades now when the upgrade is cheaper this period', () => {
    // 2M: $800 of overage → $999 on Growth against $799 on Scale.
    const c = comparePlanCosts(growth, [scale], usage(2_000_000));
    expect(c.recommendation).toEqual({
      planKey: 'scale',
      effective: 'now',
      horizon: 'this_period',
      reason: 'cheaper',
      savingMinor: 20_000,
    });
  });

  it('upgrades at the renewal when only the next period makes it cheaper', () => {
    const c = comparePlanCosts(growth, [scale], usage(1_400_000, 1_500_000, 2_500_000));
    expect(c.recommendation).toMatchObject({ planKey: 'scale', effective: 'period_end', horizon: 'next_period' });
    expect(c.recommendation.savingMinor).toBe(19_900 + 120_000 - 79_900);
  });

  it('picks the cheapest higher plan, not the smallest or the largest', () => {
    const pro = plan('pro', 3, 39_900, 3_000_000);
    const enterprise = plan('enterprise', 4, 199_900, 50_000_000);
    // 4M: Growth $199 + $2,400; Pro $399 + $800 = $1,199; Enterprise $1,999.
    const c = comparePlanCosts(growth, [pro, enterprise], usage(4_000_000));
    expect(c.recommendation).toMatchObject({ planKey: 'pro', reason: 'cheaper' });
    expect(c.thisPeriod.map((o) => o.totalMinor)).toEqual([259_900, 119_900, 199_900]);
  });

  it('a hard limit the band could reach calls for the upgrade even when overage would be cheaper', () => {
    const capped = plan('growth', 2, 19_900, 1_000_000, { hardLimit: 1_200_000 });
    const c = comparePlanCosts(capped, [scale], usage(1_100_000, 1_300_000));
    expect(c.thisPeriod[0].refused).toEqual(['calls']);
    expect(c.recommendation).toMatchObject({ planKey: 'scale', reason: 'hard_limit', effective: 'now' });
    // Refused usage is not billed: the bill stops at the hard limit.
    expect(c.thisPeriod[0].totalUpperMinor).toBe(19_900 + 16_000);
  });

  it('prices overage in whole packages', () => {
    const packaged = plan('growth', 2, 19_900, 1_000_000, { overageUnitPrice: 500, overagePackageSize: 10_000 });
    const c = comparePlanCosts(packaged, [scale], usage(1_000_001));
    expect(c.thisPeriod[0].overageMinor).toBe(500);
  });

  it('leaves out plans in another currency, of lower rank or without the meter', () => {
    const eur = { ...scale, key: 'scale_eur', currency: 'eur' };
    const noMeter = { ...scale, key: 'scale_x', limits: {} };
    const lower = plan('starter', 1, 4_900, 100_000);
    const c = comparePlanCosts(growth, [eur, noMeter, lower], usage(5_000_000));
    expect(c.thisPeriod.map((o) => o.planKey)).toEqual(['growth']);
    expect(c.recommendation).toMatchObject({ planKey: null, reason: 'top_plan' });
  });
});
