'use client';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatDate, formatQuantity } from '@/lib/format';
import { formatMoney } from '@/lib/money';
import type { PlanComparisonEvidence } from '@/lib/schemas/plan-comparison';
import { Badge } from '@/components/ui/badge';

type Option = PlanComparisonEvidence['thisPeriod'][number];

const VERDICT: Record<PlanComparisonEvidence['reason'], string> = {
  cheaper: 'A higher plan costs less than staying at the forecast usage.',
  hard_limit: "The current plan's hard limit would refuse usage the forecast band reaches.",
  stay_cheaper: 'Paying the overage costs less than any higher plan: no plan change.',
  within_plan: 'The forecast stays within the current plan: no plan change.',
  top_plan: 'Already on the top plan: no plan change.',
};

const qty = (x: number) => formatQuantity(Math.abs(x) >= 100 ? Math.round(x) : Math.round(x * 100) / 100);

// The Usage Analyst's plan comparison as a reviewer reads it: per meter what is used, where the
// forecast (and the top of its 80 % band) ends, the limit now and on the proposed plan; per plan
// what this period and a next period cost at the forecast, the recommended option marked; and the
// same costs as a chart.
export function PlanComparison({ evidence: e }: { evidence: PlanComparisonEvidence }) {
  const money = (minor: number) => formatMoney(minor, e.currency);
  const recommended = e.proposedPlan?.key ?? e.currentPlan.key;
  const chart = e.thisPeriod.map((o, i) => ({
    plan: o.planName,
    thisBase: o.baseMinor,
    thisOverage: o.overageMinor,
    nextBase: e.nextPeriod[i]?.baseMinor ?? 0,
    nextOverage: e.nextPeriod[i]?.overageMinor ?? 0,
  }));
  const costRows = (title: string, options: Option[], horizon: PlanComparisonEvidence['horizon']) => (
    <table className="w-full text-left text-xs tabular-nums" data-testid={`plan-costs-${title.replace(/\s+/g, '-')}`}>
      <caption className="mb-1 text-left font-medium text-slate-600">{title}</caption>
      <thead className="text-slate-500">
        <tr>
          <th scope="col">Plan</th>
          <th scope="col">Plan price</th>
          <th scope="col">Overage</th>
          <th scope="col">Total at forecast</th>
          <th scope="col">At band top</th>
        </tr>
      </thead>
      <tbody>
        {options.map((o) => (
          <tr key={o.planKey} className="border-t border-slate-100">
            <th scope="row" className="py-1 font-normal">
              {o.planName} {o.planKey === e.currentPlan.key ? <span className="text-slate-400">(current)</span> : null}{' '}
              {o.planKey === recommended &&
              (horizon === null || title.startsWith(horizon === 'this_period' ? 'This' : 'Next')) ? (
                <Badge tone="green">recommended</Badge>
              ) : null}
            </th>
            <td>{money(o.baseMinor)}</td>
            <td>{o.overageMinor ? money(o.overageMinor) : '—'}</td>
            <td className="font-medium">{money(o.totalMinor)}</td>
            <td>
              {money(o.totalUpperMinor)}
              {o.refused.length ? <span className="text-red-700"> · refuses {o.refused.join(', ')}</span> : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
  return (
    <section className="flex flex-col gap-3" data-testid="plan-comparison" aria-label="Plan comparison">
      <h3 className="text-sm font-semibold">Plan comparison</h3>
      <p className="text-sm text-slate-700" data-testid="plan-comparison-verdict">
        {VERDICT[e.reason]}
        {e.proposedPlan
          ? ` Proposed: ${e.proposedPlan.name}${e.effective === 'period_end' ? ` from the renewal on ${formatDate(new Date(e.periodEnd))}` : ' now'}${e.savingMinor ? `, saving ${money(e.savingMinor)} at the forecast` : ''}.`
          : ''}
      </p>
      <table className="w-full text-left text-xs tabular-nums" data-testid="plan-comparison-meters">
        <caption className="mb-1 text-left font-medium text-slate-600">
          Usage this period (forecast to {formatDate(new Date(e.periodEnd))}, 80% band top)
        </caption>
        <thead className="text-slate-500">
          <tr>
            <th scope="col">Meter</th>
            <th scope="col">Used</th>
            <th scope="col">Forecast</th>
            <th scope="col">Next period</th>
            <th scope="col">Included now</th>
            {e.proposedPlan ? <th scope="col">On {e.proposedPlan.name}</th> : null}
          </tr>
        </thead>
        <tbody>
          {e.meters.map((m) => (
            <tr key={m.meterKey} className="border-t border-slate-100">
              <th scope="row" className="py-1 font-normal">
                {m.meterName} <span className="text-slate-400">({m.unit})</span>
              </th>
              <td>{qty(m.used)}</td>
              <td>
                {qty(m.forecast.expected)} <span className="text-slate-400">(≤ {qty(m.forecast.upper)})</span>
              </td>
              <td>
                {qty(m.nextPeriod.expected)} <span className="text-slate-400">(≤ {qty(m.nextPeriod.upper)})</span>
              </td>
              <td>
                {m.included === null ? 'none' : qty(m.included)}
                {m.hardLimit !== null ? <span className="text-slate-400"> · hard limit {qty(m.hardLimit)}</span> : null}
              </td>
              {e.proposedPlan ? <td>{m.proposedIncluded === null ? '—' : qty(m.proposedIncluded)}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
      {costRows('This period at the forecast', e.thisPeriod, e.horizon)}
      {costRows('Next period at the pace reached', e.nextPeriod, e.horizon)}
      <figure
        className="h-44 w-full"
        aria-label="Cost per plan at the forecast: plan price and overage, this period and next"
      >
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={chart} margin={{ top: 8, right: 12, bottom: 0, left: 0 }}>
            <CartesianGrid stroke="#e2e8f0" strokeDasharray="3 3" />
            <XAxis dataKey="plan" tick={{ fontSize: 11 }} />
            <YAxis tick={{ fontSize: 11 }} width={72} tickFormatter={(v) => money(Number(v))} />
            <Tooltip formatter={(v, name) => [money(Number(v)), name]} />
            <Legend wrapperStyle={{ fontSize: 11 }} />
            <Bar dataKey="thisBase" stackId="this" name="This period: plan" fill="#64748b" isAnimationActive={false} />
            <Bar
              dataKey="thisOverage"
              stackId="this"
              name="This period: overage"
              fill="#f59e0b"
              isAnimationActive={false}
            />
            <Bar dataKey="nextBase" stackId="next" name="Next period: plan" fill="#94a3b8" isAnimationActive={false} />
            <Bar
              dataKey="nextOverage"
              stackId="next"
              name="Next period: overage"
              fill="#fcd34d"
              isAnimationActive={false}
            />
          </BarChart>
        </ResponsiveContainer>
      </figure>
    </section>
  );
}
