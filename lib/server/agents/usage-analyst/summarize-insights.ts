import type { CustomerInsights } from '@/lib/server/insights/compute-customer-insights';

const r = (x: number, d = 3) => Math.round(x * 10 ** d) / 10 ** d;
const iso = (t: number | null) => (t === null ? null : new Date(t).toISOString());

// AgentRun.inputs: what the agent saw — utilisation, forecast and anomaly scores per meter —
// without the hourly series (those can be recomputed from the rollups).
export function summarizeInsights(insights: CustomerInsights, thresholds: number[]) {
  const s = insights.subscription;
  return {
    asOf: insights.asOf.toISOString(),
    analysedUntil: iso(insights.hour),
    subscriptionId: s.id,
    plan: s.plan.key,
    periodStart: iso(s.periodStart),
    periodEnd: iso(s.periodEnd),
    thresholds,
    meters: insights.meters.map((m) => ({
      meterKey: m.meterKey,
      used: r(m.used),
      included: m.included,
      utilisation: m.utilisation === null ? null : r(m.utilisation, 4),
      forecast: {
        expected: r(m.forecast.expected),
        lower: r(m.forecast.lower),
        upper: r(m.forecast.upper),
        crossingDate: iso(m.forecast.crossingDate),
      },
      anomalies: m.anomalies.map((a) => ({
        at: iso(a.at),
        kind: a.kind,
        detectorKind: a.detectorKind,
        score: r(a.score),
        value: r(a.value),
        expected: r(a.expected),
        ratio: r(a.ratio, 2),
        onsetRatio: r(a.onsetRatio, 2),
        currentRatio: r(a.currentRatio, 2),
        excessInPeriod: r(a.excessInPeriod),
        runaway: a.runaway,
        ongoing: a.ongoing,
      })),
    })),
  };
}
