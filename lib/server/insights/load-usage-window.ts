import { combineHours } from '@/lib/analytics/meter-aggregation';
import { getPool } from '@/lib/db';
import { hourlyUsageSql } from '@/lib/server/usage/meter-aggregation-sql';
import { buildHourlySeries } from './build-hourly-series';
import type { MeterInput } from './analyze-meter-usage';
import { DAY_MS, HOUR_MS, WINDOW_DAYS_BEFORE_PERIOD } from './insight-rules';

export interface SubscriptionWindow {
  id: string;
  status: string;
  periodStart: number;
  periodEnd: number;
  plan: { id: string; key: string; name: string; rank: number; basePriceMinor: number; currency: string };
}

interface SubRow {
  id: string;
  status: string;
  current_period_start: Date;
  current_period_end: Date;
  plan_id: string;
  plan_key: string;
  plan_name: string;
  plan_rank: number;
  base_price_minor: number;
  currency: string;
}

interface LimitRow {
  meter_id: string;
  key: string;
  name: string;
  unit: string;
  aggregation: MeterInput['aggregation'];
  included: string;
  hard_limit: string | null;
}

// The customer's live subscription (the one the customer page shows), its metered limits and the
// hourly rollups of each metered meter from four weeks before the period to `asOf`: bounded work
// per series (at most ~60 days of hours). Values follow the meter's aggregation as
// loadCurrentUsage does (meter-aggregation-sql.ts: unique_count hours hold first-seen values).
export async function loadUsageWindow(
  customerId: string,
  asOf: Date,
): Promise<{ subscription: SubscriptionWindow; meters: MeterInput[]; hour: number } | null> {
  const pool = getPool();
  const subs = await pool.query<SubRow>(
    `SELECT s.id, s.status, s.current_period_start, s.current_period_end, p.id AS plan_id, p.key AS plan_key,
            p.name AS plan_name, p.rank AS plan_rank, p.base_price_minor, p.currency
       FROM subscriptions s JOIN plans p ON p.id = s.plan_id
      WHERE s.customer_id = $1 AND s.status NOT IN ('canceled', 'incomplete_expired')
      ORDER BY s.current_period_start DESC LIMIT 1`,
    [customerId],
  );
  const s = subs.rows[0];
  if (!s) return null;
  const periodStart = s.current_period_start.getTime();
  const periodEnd = s.current_period_end.getTime();
  // A period nobody renewed yet is analysed up to its end; the open hour is not a complete one.
  const until = Math.min(asOf.getTime(), periodEnd);
  const hour = Math.floor(until / HOUR_MS) * HOUR_MS;
  const from = periodStart - WINDOW_DAYS_BEFORE_PERIOD * DAY_MS;
  const [limits, rollups] = await Promise.all([
    pool.query<LimitRow>(
      `SELECT m.id AS meter_id, m.key, m.name, m.unit, m.aggregation, l.included_quantity AS included, l.hard_limit
         FROM plan_meter_limits l JOIN meters m ON m.id = l.meter_id WHERE l.plan_id = $1 ORDER BY m.key`,
      [s.plan_id],
    ),
    pool.query<{ meter_id: string; hour: Date; value: string }>(
      hourlyUsageSql({ customer: '$1', from: '$2', to: '$3', plan: '$4', periodStart: '$5' }),
      [customerId, new Date(from), new Date(until), s.plan_id, s.current_period_start],
    ),
  ]);
  const meters = limits.rows.map((l): MeterInput => {
    const rows = rollups.rows
      .filter((r) => r.meter_id === l.meter_id)
      .map((r) => ({ hour: r.hour.getTime(), value: Number(r.value) }));
    const complete = rows.filter((r) => r.hour < hour);
    const partial = combineHours(
      l.aggregation,
      rows.filter((r) => r.hour >= hour).map((r) => r.value),
    );
    return {
      meterId: l.meter_id,
      meterKey: l.key,
      meterName: l.name,
      unit: l.unit,
      aggregation: l.aggregation,
      included: Number(l.included) > 0 ? Number(l.included) : null,
      hardLimit: l.hard_limit === null ? null : Number(l.hard_limit),
      series: buildHourlySeries(complete, hour),
      partial,
    };
  });
  const subscription = {
    id: s.id,
    status: s.status,
    periodStart,
    periodEnd,
    plan: {
      id: s.plan_id,
      key: s.plan_key,
      name: s.plan_name,
      rank: s.plan_rank,
      basePriceMinor: s.base_price_minor,
      currency: s.currency,
    },
  };
  return { subscription, meters, hour };
}
