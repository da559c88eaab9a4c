import { getDb, getPool } from '@/lib/db';
import type { ScoreInputs } from '@/lib/analytics/score-signals';
import { computeCustomerInsights } from '@/lib/server/insights/compute-customer-insights';

const DAY = 86_400_000;

export interface ScoreContext {
  inputs: ScoreInputs;
  /** What the lists show next to the scores. */
  plan: { key: string; name: string; rank: number; currency: string; basePriceMinor: number };
  subscriptionId: string;
}

// Distinct values of the usage-event properties that show how deeply a customer has wired the API
// in (endpoints, regions, API keys in use) and whether it uses webhooks, over 30 days. Property
// names vary by sender; these are the ones the ingest docs and the gateway send.
async function readIntegrationDepth(customerId: string, since: Date, until: Date) {
  const { rows } = await getPool().query<{ endpoints: number; regions: number; api_keys: number; webhooks: number }>(
    `SELECT count(DISTINCT coalesce(e.properties->>'endpoint', e.properties->>'route'))::int AS endpoints,
            count(DISTINCT e.properties->>'region')::int AS regions,
            count(DISTINCT coalesce(e.properties->>'api_key_id', e.properties->>'key_id', e.properties->>'apiKeyId'))::int AS api_keys,
            count(*) FILTER (WHERE m.key LIKE '%webhook%' OR e.properties->>'type' = 'webhook')::int AS webhooks
       FROM usage_events e JOIN meters m ON m.id = e.meter_id
      WHERE e.customer_id = $1 AND e.occurred_at >= $2 AND e.occurred_at < $3`,
    [customerId, since, until],
  );
  const r = rows[0]!;
  return { endpoints: r.endpoints, regions: r.regions, apiKeys: r.api_keys, webhookEvents: r.webhooks };
}

// Usage per UTC day of each of the plan's metered meters, the last 28 days up to `asOf`.
async function readDailyUsage(customerId: string, planId: string, asOf: Date): Promise<Map<string, number[]>> {
  const today = Math.floor(asOf.getTime() / DAY) * DAY;
  const from = today - 27 * DAY;
  const { rows } = await getPool().query<{ meter_id: string; day: Date; value: string }>(
    `SELECT r.meter_id, date_trunc('day', r.hour AT TIME ZONE 'UTC') AT TIME ZONE 'UTC' AS day,
            sum(CASE m.aggregation WHEN 'max' THEN r.max_quantity WHEN 'count' THEN r.event_count::numeric ELSE r.quantity END) AS value
       FROM usage_rollups_hourly r JOIN meters m ON m.id = r.meter_id
       JOIN plan_meter_limits l ON l.meter_id = r.meter_id AND l.plan_id = $2
      WHERE r.customer_id = $1 AND r.hour >= $3 AND r.hour < $4
      GROUP BY 1, 2`,
    [customerId, planId, new Date(from), asOf],
  );
  const out = new Map<string, number[]>();
  for (const r of rows) {
    const series = out.get(r.meter_id) ?? new Array<number>(28).fill(0);
    const i = Math.round((r.day.getTime() - from) / DAY);
    if (i >= 0 && i < 28) series[i] = Number(r.value);
    out.set(r.meter_id, series);
  }
  return out;
}

// Everything the scorecards read about one customer as of `asOf`, from stored state only: the
// live subscription's usage and forecast (the same insights the usage chart shows), 90 days of
// invoices, payment attempts and tickets. Null without a live subscription.
export async function loadScoreInputs(customerId: string, asOf: Date): Promise<ScoreContext | null> {
  const insights = await computeCustomerInsights(customerId, asOf);
  if (!insights) return null;
  const sub = insights.subscription;
  const db = getDb();
  const since90 = new Date(asOf.getTime() - 90 * DAY);
  const [daily, integration, overage, attempts, tickets, subRow, customer, retrying] = await Promise.all([
    readDailyUsage(customerId, sub.plan.id, asOf),
    readIntegrationDepth(customerId, new Date(asOf.getTime() - 30 * DAY), asOf),
    db.invoiceLine.aggregate({
      where: {
        kind: 'usage',
        amount: { gt: 0 },
        invoice: { customerId, status: 'paid', periodStart: { gte: since90, lt: asOf } },
      },
      _sum: { amount: true },
    }),
    db.paymentAttempt.groupBy({
      by: ['succeeded'],
      where: { customerId, attemptedAt: { gte: since90, lt: asOf } },
      _count: { _all: true },
    }),
    db.supportTicket.findMany({
      where: { customerId, createdAt: { gte: since90, lt: asOf } },
      select: { createdAt: true, subject: true, body: true, priority: true },
      orderBy: { createdAt: 'desc' },
      take: 200,
    }),
    db.subscription.findUniqueOrThrow({ where: { id: sub.id }, select: { cancelAtPeriodEnd: true } }),
    db.customer.findUniqueOrThrow({ where: { id: customerId }, select: { delinquent: true } }),
    db.invoice.count({ where: { customerId, status: 'open', attemptCount: { gt: 0 }, amountRemaining: { gt: 0 } } }),
  ]);
  const count = (ok: boolean) => attempts.find((a) => a.succeeded === ok)?._count._all ?? 0;
  const inputs: ScoreInputs = {
    asOf: asOf.getTime(),
    periodStart: sub.periodStart,
    periodEnd: sub.periodEnd,
    subscriptionStatus: sub.status,
    cancelAtPeriodEnd: subRow.cancelAtPeriodEnd,
    basePriceMinor: sub.plan.basePriceMinor,
    meters: insights.meters.map((m) => ({
      key: m.meterKey,
      name: m.meterName,
      included: m.included,
      used: m.used,
      daily: daily.get(m.meterId) ?? new Array<number>(28).fill(0),
      crossingAt: m.included === null ? null : m.used >= m.included ? asOf.getTime() : m.forecast.crossingDate,
    })),
    integration,
    overagePaidMinor: overage._sum.amount ?? 0,
    payments: { failed: count(false), succeeded: count(true) },
    dunning: customer.delinquent || sub.status === 'past_due' || sub.status === 'unpaid' || retrying > 0,
    tickets: tickets.map((t) => ({ ...t, createdAt: t.createdAt.getTime() })),
  };
  return { inputs, plan: sub.plan, subscriptionId: sub.id };
}
