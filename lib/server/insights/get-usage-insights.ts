import { USAGE_ANALYST_ID } from './insight-rules';
import { getDb } from '@/lib/db';
import { notFound } from '@/lib/errors';
import type { MeterInsightView, UsageInsights } from '@/lib/schemas/insights';
import type { MeterInsight } from './analyze-meter-usage';
import { computeCustomerInsights } from './compute-customer-insights';
import { getAnalysisClock } from './get-analysis-clock';
import { clock } from '@/lib/clock';

const iso = (t: number | null) => (t === null ? null : new Date(t).toISOString());
// Three decimals are plenty for display and keep the JSON small.
const r3 = (x: number) => Math.round(x * 1000) / 1000;

// The customer page's usage insights: per meter the series, limit, forecast band, crossing date
// and anomalies (computed now, from rollups), the thresholds fired this period, and the usage
// analyst's drafted actions with the reasoning behind each.
export async function getUsageInsights(customerId: string, now = clock.now()): Promise<UsageInsights> {
  const db = getDb();
  const customer = await db.customer.findFirst({ where: { id: customerId, deletedAt: null }, select: { id: true } });
  if (!customer) throw notFound('Customer');
  const asOf = await getAnalysisClock(now);
  const [insights, actions] = await Promise.all([
    computeCustomerInsights(customerId, asOf),
    db.action.findMany({
      where: { customerId, agentRun: { agentId: USAGE_ANALYST_ID } },
      orderBy: { createdAt: 'desc' },
      take: 20,
      select: {
        id: true,
        kind: true,
        status: true,
        title: true,
        createdAt: true,
        agentRun: { select: { reasoning: true, agentVersion: true } },
      },
    }),
  ]);
  const alerts = insights
    ? await db.usageThresholdAlert.findMany({
        where: { customerId, periodStart: new Date(insights.subscription.periodStart) },
        orderBy: { thresholdPct: 'asc' },
        select: { meterId: true, thresholdPct: true, firedAt: true, resolvedAt: true },
      })
    : [];
  return {
    customerId,
    asOf: asOf.toISOString(),
    periodStart: iso(insights?.subscription.periodStart ?? null),
    periodEnd: iso(insights?.subscription.periodEnd ?? null),
    plan: insights ? { key: insights.subscription.plan.key, name: insights.subscription.plan.name } : null,
    meters: (insights?.meters ?? []).map((m) =>
      meterView(
        m,
        alerts
          .filter((a) => a.meterId === m.meterId)
          .map((a) => ({
            pct: a.thresholdPct,
            firedAt: a.firedAt.toISOString(),
            resolvedAt: a.resolvedAt?.toISOString() ?? null,
          })),
      ),
    ),
    decisions: actions.map((a) => ({
      actionId: a.id,
      kind: a.kind,
      status: a.status,
      title: a.title,
      createdAt: a.createdAt.toISOString(),
      reasoning: a.agentRun?.reasoning ?? '',
      agentVersion: a.agentRun?.agentVersion ?? '',
    })),
  };
}

function meterView(m: MeterInsight, thresholds: MeterInsightView['thresholds']): MeterInsightView {
  const f = m.forecast;
  return {
    meterKey: m.meterKey,
    meterName: m.meterName,
    unit: m.unit,
    aggregation: m.aggregation,
    limit: m.included,
    hardLimit: m.hardLimit,
    used: r3(m.used),
    utilisation: m.utilisation === null ? null : Math.round(m.utilisation * 10_000) / 10_000,
    points: m.points.map((p) => ({ t: p.t, value: r3(p.value) })),
    hourly: m.hourly.map((p) => ({ t: p.t, value: r3(p.value) })),
    forecast: {
      expected: r3(f.expected),
      lower: r3(f.lower),
      upper: r3(f.upper),
      crossingDate: iso(f.crossingDate),
      crossingEarliest: iso(f.crossingEarliest),
      crossingLatest: iso(f.crossingLatest),
      band: f.path.map((p) => ({ t: p.t, expected: r3(p.expected), lower: r3(p.lower), upper: r3(p.upper) })),
    },
    anomalies: m.anomalies.map((a) => ({
      at: new Date(a.at).toISOString(),
      score: Math.round(a.score * 1000) / 1000,
      kind: a.kind,
      direction: a.direction,
      value: r3(a.value),
      expected: r3(a.expected),
      ratio: Math.round(a.ratio * 100) / 100,
      runaway: a.runaway,
      ongoing: a.ongoing,
    })),
    thresholds,
  };
}
