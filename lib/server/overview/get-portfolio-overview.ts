import { clock } from '@/lib/clock';
import { getDb, getPool } from '@/lib/db';
import type { ActionKind } from '@/generated/prisma/client';
import type { MoneyTotal, PortfolioOverview } from '@/lib/schemas/overview';
import { EXPANSION_READY } from '@/lib/server/agents/developer-success/score-bands';
import { USAGE_ANALYST_ID } from '@/lib/server/insights/insight-rules';
import { statusWhere } from '@/lib/server/actions/action-list-where';
import { sumCustomerMrr } from './sum-customer-mrr';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
// A review window closing this soon is flagged: the draft expires unanswered after it.
const DUE_SOON_HOURS = 4;

// The portfolio at a glance, read from what is stored — the queue, the agents' decision records,
// the daily scores and the invoices — so every figure matches the page it links to. Nothing is
// recomputed here: the overview is as fresh as the agents' last runs, and says so (asOf).
export async function getPortfolioOverview(): Promise<PortfolioOverview> {
  const now = clock.now();
  const [approvals, anomalies, quota, dunning, expansion] = await Promise.all([
    readApprovals(now),
    readAnomalies(now),
    readQuotaCrossings(now),
    readDunning(now),
    readExpansion(),
  ]);
  return { asOf: now.toISOString(), approvals, anomalies, quota, dunning, expansion };
}

function addTo(totals: Map<string, number>, currency: string | null, amount: number) {
  if (currency === null || !amount) return;
  totals.set(currency, (totals.get(currency) ?? 0) + amount);
}

function toTotals(totals: Map<string, number>): MoneyTotal[] {
  return [...totals]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([currency, amountMinor]) => ({ currency, amountMinor }));
}

async function readApprovals(now: Date): Promise<PortfolioOverview['approvals']> {
  const db = getDb();
  const [groups, largest, failedRecently] = await Promise.all([
    getPool().query<{ kind: ActionKind; currency: string | null; n: number; amount: string; due_soon: number }>(
      `SELECT kind, currency, count(*)::int AS n, coalesce(sum(amount_minor), 0)::bigint AS amount,
              count(*) FILTER (WHERE review_deadline <= $1)::int AS due_soon
         FROM actions WHERE status = 'pending_approval'
        GROUP BY kind, currency ORDER BY kind`,
      [new Date(now.getTime() + DUE_SOON_HOURS * HOUR)],
    ),
    db.action.findMany({
      where: { status: 'pending_approval' },
      orderBy: [{ amountMinor: { sort: 'desc', nulls: 'last' } }, { reviewDeadline: 'asc' }, { id: 'asc' }],
      take: 5,
      select: {
        id: true,
        kind: true,
        title: true,
        amountMinor: true,
        currency: true,
        reviewDeadline: true,
        customer: { select: { name: true } },
      },
    }),
    // The queue's failed-executions inbox (failed, or executed with a message that failed), this week.
    db.action.count({
      where: { AND: [statusWhere('failed'), { updatedAt: { gte: new Date(now.getTime() - 7 * DAY) } }] },
    }),
  ]);
  const all = new Map<string, number>();
  const perKind = new Map<ActionKind, { count: number; totals: Map<string, number> }>();
  for (const g of groups.rows) {
    const entry = perKind.get(g.kind) ?? { count: 0, totals: new Map() };
    entry.count += g.n;
    addTo(entry.totals, g.currency, Number(g.amount));
    addTo(all, g.currency, Number(g.amount));
    perKind.set(g.kind, entry);
  }
  return {
    pending: groups.rows.reduce((n, g) => n + g.n, 0),
    dueSoon: groups.rows.reduce((n, g) => n + g.due_soon, 0),
    atStake: toTotals(all),
    byKind: [...perKind].map(([kind, e]) => ({ kind, count: e.count, atStake: toTotals(e.totals) })),
    largest: largest.map((a) => ({
      id: a.id,
      kind: a.kind,
      title: a.title,
      customerName: a.customer?.name ?? null,
      amountMinor: a.amountMinor,
      currency: a.currency,
      reviewDeadline: a.reviewDeadline?.toISOString() ?? null,
    })),
    failedRecently,
  };
}

// Episodes live in the Usage Analyst's decision records (outputs.episodes), one entry per
// episode reported — the same list the agent reads to report each episode once.
async function readAnomalies(now: Date): Promise<PortfolioOverview['anomalies']> {
  const { rows } = await getPool().query<{
    customer_id: string;
    name: string;
    reported_at: Date;
    meter_key: string;
    kind: string;
    at: string;
    runaway: boolean;
  }>(
    `SELECT r.customer_id, c.name, r.started_at AS reported_at, e->>'meterKey' AS meter_key, e->>'kind' AS kind,
            e->>'at' AS at, coalesce((e->>'runaway')::boolean, false) AS runaway
       FROM agent_runs r
       JOIN customers c ON c.id = r.customer_id AND c.deleted_at IS NULL
       CROSS JOIN LATERAL jsonb_array_elements(
         CASE WHEN jsonb_typeof(r.outputs->'episodes') = 'array' THEN r.outputs->'episodes' ELSE '[]'::jsonb END
       ) e
      WHERE r.agent_id = $1 AND r.status = 'succeeded' AND r.started_at >= $2 AND r.started_at <= $3
      ORDER BY r.started_at DESC, c.name
      LIMIT 200`,
    [USAGE_ANALYST_ID, new Date(now.getTime() - 7 * DAY), now],
  );
  const since = now.getTime() - DAY;
  return {
    today: rows.filter((r) => r.reported_at.getTime() >= since).length,
    recent: rows.slice(0, 8).map((r) => ({
      customerId: r.customer_id,
      customerName: r.name,
      meterKey: r.meter_key,
      kind: r.kind,
      at: new Date(r.at).toISOString(),
      reportedAt: r.reported_at.toISOString(),
      runaway: r.runaway,
    })),
  };
}

// The daily scores carry each customer's earliest forecast crossing of an included quantity
// (the scoring time itself when already past it).
async function readQuotaCrossings(now: Date): Promise<PortfolioOverview['quota']> {
  const { rows } = await getPool().query<{ customer_id: string; name: string; crossing_at: number; computed_at: Date }>(
    `WITH latest AS (
       SELECT DISTINCT ON (customer_id) customer_id, factors, computed_at
         FROM customer_health_scores ORDER BY customer_id, computed_at DESC
     )
     SELECT l.customer_id, c.name, (l.factors->'signals'->>'crossingAt')::float8 AS crossing_at, l.computed_at
       FROM latest l JOIN customers c ON c.id = l.customer_id AND c.deleted_at IS NULL
      WHERE jsonb_typeof(l.factors->'signals'->'crossingAt') = 'number'`,
  );
  const weekEnd = now.getTime() + 7 * DAY;
  const over = rows.filter((r) => r.crossing_at <= r.computed_at.getTime());
  const crossing = rows
    .filter((r) => r.crossing_at > r.computed_at.getTime() && r.crossing_at <= weekEnd)
    .sort((a, b) => a.crossing_at - b.crossing_at || a.name.localeCompare(b.name));
  return {
    overNow: over.length,
    crossingThisWeek: crossing.map((r) => ({
      customerId: r.customer_id,
      customerName: r.name,
      crossingAt: new Date(r.crossing_at).toISOString(),
    })),
  };
}

// In dunning: an open invoice with money still owed whose payment failed at least once or whose
// due date has passed.
async function readDunning(now: Date): Promise<PortfolioOverview['dunning']> {
  const { rows } = await getPool().query<{
    id: string;
    number: string | null;
    customer_id: string;
    name: string;
    currency: string;
    remaining: number;
    attempts: number;
  }>(
    `SELECT i.id, i.number, i.customer_id, c.name, i.currency, i.amount_remaining AS remaining, i.attempt_count AS attempts
       FROM invoices i JOIN customers c ON c.id = i.customer_id AND c.deleted_at IS NULL
      WHERE i.status = 'open' AND i.amount_remaining > 0 AND (i.attempt_count > 0 OR i.due_date < $1)
      ORDER BY i.amount_remaining DESC, i.id`,
    [now],
  );
  const outstanding = new Map<string, number>();
  for (const r of rows) addTo(outstanding, r.currency, r.remaining);
  const customers = [...new Set(rows.map((r) => r.customer_id))];
  return {
    invoices: rows.length,
    customers: customers.length,
    outstanding: toTotals(outstanding),
    mrrAtRisk: await sumCustomerMrr(customers),
    largest: rows.slice(0, 5).map((r) => ({
      customerId: r.customer_id,
      customerName: r.name,
      invoiceId: r.id,
      number: r.number,
      currency: r.currency,
      remainingMinor: r.remaining,
      attempts: r.attempts,
    })),
  };
}

async function readExpansion(): Promise<PortfolioOverview['expansion']> {
  const { rows } = await getPool().query<{ customer_id: string; name: string; expansion: number }>(
    `WITH latest AS (
       SELECT DISTINCT ON (customer_id) customer_id, expansion
         FROM customer_health_scores ORDER BY customer_id, computed_at DESC
     )
     SELECT l.customer_id, c.name, l.expansion
       FROM latest l JOIN customers c ON c.id = l.customer_id AND c.deleted_at IS NULL
      WHERE l.expansion >= $1
      ORDER BY l.expansion DESC, c.name`,
    [EXPANSION_READY],
  );
  const ids = rows.map((r) => r.customer_id);
  const [mrr, perCustomer] = await Promise.all([sumCustomerMrr(ids), mrrByCustomer(ids.slice(0, 5))]);
  return {
    ready: rows.length,
    mrr,
    top: rows.slice(0, 5).map((r) => ({
      customerId: r.customer_id,
      customerName: r.name,
      score: r.expansion,
      mrrMinor: perCustomer.get(r.customer_id)?.amountMinor ?? null,
      currency: perCustomer.get(r.customer_id)?.currency ?? 'usd',
    })),
  };
}

async function mrrByCustomer(ids: string[]): Promise<Map<string, MoneyTotal>> {
  const entries = await Promise.all(ids.map(async (id) => [id, (await sumCustomerMrr([id]))[0]] as const));
  return new Map(entries.flatMap(([id, total]) => (total ? [[id, total] as const] : [])));
}
