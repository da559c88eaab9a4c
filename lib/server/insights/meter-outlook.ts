import type { UsageOutlook } from '@/lib/analytics/plan-costs';
import type { MeterInsight } from './analyze-meter-usage';
import { DAY_MS, HOUR_MS } from './insight-rules';

const WEEK_MS = 7 * DAY_MS;

// Usage per millisecond at the end of the forecast: the slope of its path over the last week
// (at least a day, so the daily cycle does not decide it); near the period's end, when the path
// is shorter than a day, the pace of the last week of recorded hours instead.
function endRate(m: MeterInsight, pick: 'expected' | 'upper'): number {
  const path = m.forecast.path;
  const last = path.at(-1);
  if (last && path.length > 1 && last.t - path[0].t >= DAY_MS) {
    const from = [...path].reverse().find((p) => p.t <= last.t - WEEK_MS) ?? path[0];
    return (last[pick] - from[pick]) / (last.t - from.t);
  }
  const week = m.hourly.slice(-168);
  if (!week.length) return 0;
  const observed = week.reduce((s, h) => s + h.value, 0) / (week.length * HOUR_MS);
  // The band's width this period, carried over to the observed pace.
  const widen = m.forecast.expected > 0 ? Math.max(1, m.forecast.upper / m.forecast.expected) : 1;
  return pick === 'expected' ? observed : observed * widen;
}

/**
 * This period's forecast and a whole next period of the same length at the pace the forecast
 * reaches, per meter. Level meters (max) carry their level over; sums and counts their rate.
 * A distinct count restarts every period, so the next period is taken to repeat this one.
 */
export function meterOutlook(m: MeterInsight, period: { periodStart: number; periodEnd: number }): UsageOutlook {
  const thisPeriod = { expected: m.forecast.expected, upper: Math.max(m.forecast.expected, m.forecast.upper) };
  if (m.aggregation === 'max' || m.aggregation === 'unique_count')
    return { meterKey: m.meterKey, thisPeriod, nextPeriod: thisPeriod };
  const length = period.periodEnd - period.periodStart;
  const expected = Math.max(0, endRate(m, 'expected') * length);
  const upper = Math.max(expected, endRate(m, 'upper') * length);
  return { meterKey: m.meterKey, thisPeriod, nextPeriod: { expected, upper } };
}
