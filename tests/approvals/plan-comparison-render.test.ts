import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { PlanComparison } from '@/components/approvals/plan-comparison';
import { comparePlanCosts, type PlanPricing } from '@/lib/analytics/plan-costs';
import { findPlanComparison, type PlanComparisonEvidence } from '@/lib/schemas/plan-comparison';

const plan = (
  key: string,
  rank: number,
  base: number,
  included: number,
  hardLimit: number | null = null,
): PlanPricing => ({
  key,
  name: key[0].toUpperCase() + key.slice(1),
  rank,
  basePriceMinor: base,
  currency: 'usd',
  limits: { calls: { included, hardLimit, overageUnitPrice: 0.08, overagePackageSize: 1 } },
});

// The evidence the agent stores, built the way weighUpgrade builds it, then rendered as the
// approval panel renders it (server markup: the tables; the chart needs a browser to lay out).
function evidenceFor(current: PlanPricing, candidates: PlanPricing[], expected: number, upper: number) {
  const usage = [{ meterKey: 'calls', thisPeriod: { expected, upper }, nextPeriod: { expected, upper } }];
  const c = comparePlanCosts(current, candidates, usage);
  const proposed = candidates.find((p) => p.key === c.recommendation.planKey) ?? null;
  const evidence: PlanComparisonEvidence = {
    currency: 'usd',
    currentPlan: { key: current.key, name: current.name },
    proposedPlan: proposed && { key: proposed.key, name: proposed.name },
    effective: c.recommendation.effective,
    horizon: c.recommendation.horizon,
    reason: c.recommendation.reason,
    savingMinor: c.recommendation.savingMinor,
    periodEnd: '2026-12-31T00:00:00.000Z',
    meters: [
      {
        meterKey: 'calls',
        meterName: 'API calls',
        unit: 'requests',
        used: expected * 0.8,
        included: current.limits.calls.included,
        hardLimit: current.limits.calls.hardLimit,
        forecast: { expected, upper },
        nextPeriod: { expected, upper },
        proposedIncluded: proposed?.limits.calls.included ?? null,
      },
    ],
    thisPeriod: c.thisPeriod,
    nextPeriod: c.nextPeriod,
  };
  // Through the decision record's shape, as the panel reads it.
  return findPlanComparison({ evidence: [{ threshold: {} }, { planComparison: evidence }] })!;
}
const render = (e: PlanComparisonEvidence) => renderToStaticMarkup(createElement(PlanComparison, { evidence: e }));
const rowOf = (html: string, table: string, plan: string) => {
  const t = html.slice(html.indexOf(`data-testid="${table}"`));
  const body = t.slice(0, t.indexOf('</table>'));
  return body.split('<tr').find((r) => r.includes(`>${plan} `) || r.includes(`>${plan}<`)) ?? '';
};

describe('plan comparison in the approval panel', () => {
  it('an upgrade: both costs per period, the proposed plan marked recommended, the limits side by side', () => {
    const html = render(
      evidenceFor(plan('growth', 2, 19_900, 1_000_000), [plan('scale', 3, 79_900, 10_000_000)], 2_000_000, 2_400_000),
    );
    expect(html).toContain('A higher plan costs less than staying at the forecast usage.');
    expect(html).toContain('Proposed: Scale now, saving $200.00 at the forecast.');
    const table = 'plan-costs-This-period-at-the-forecast';
    expect(rowOf(html, table, 'Scale')).toContain('recommended');
    expect(rowOf(html, table, 'Growth')).not.toContain('recommended');
    expect(rowOf(html, table, 'Growth')).toContain('$999.00');
    expect(html).toContain('On Scale</th>');
    expect(html).toContain('10,000,000');
  });

  it('staying: no proposed column, the current plan recommended, a hard limit shown as refusing', () => {
    const html = render(
      evidenceFor(plan('growth', 2, 19_900, 1_000_000), [plan('scale', 3, 79_900, 10_000_000)], 1_200_000, 1_300_000),
    );
    expect(html).toContain('Paying the overage costs less than any higher plan: no plan change.');
    expect(html).not.toContain('On Scale</th>');
    expect(rowOf(html, 'plan-costs-This-period-at-the-forecast', 'Growth')).toContain('recommended');
    const capped = render(
      evidenceFor(
        plan('growth', 2, 19_900, 1_000_000, 1_250_000),
        [plan('scale', 3, 79_900, 10_000_000)],
        1_200_000,
        1_300_000,
      ),
    );
    expect(capped).toContain('hard limit would refuse usage');
    expect(rowOf(capped, 'plan-costs-This-period-at-the-forecast', 'Growth')).toContain('refuses calls');
  });
});
