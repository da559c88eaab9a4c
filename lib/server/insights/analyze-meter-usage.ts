import type { HourlySeries } from './build-hourly-series';
import { detectUsageAnomalies, type UsageAnomaly } from './detect-usage-anomalies';
import { forecastMeterUsage, type MeterForecast } from './forecast-meter-usage';
import { HOUR_MS } from './insight-rules';

export type MeterAggregation = 'sum' | 'count' | 'max' | 'unique_count';

export interface MeterInput {
  meterId: string;
  meterKey: string;
  meterName: string;
  unit: string;
  aggregation: MeterAggregation;
  included: number | null;
  hardLimit: number | null;
  /** Complete hours up to the analysis hour (exclusive). */
  series: HourlySeries;
  /** Usage of the current, still-open hour (counts toward `used`, not toward the models). */
  partial: number;
}

export interface MeterInsight extends Omit<MeterInput, 'series' | 'partial'> {
  used: number;
  /** used / included, null without an included quantity. */
  utilisation: number | null;
  /** Cumulative usage (running peak for max meters) at the end of each hour of the period. */
  points: { t: number; value: number }[];
  /** Usage per hour (start of the hour) from `displayFrom`, for the anomaly chart. */
  hourly: { t: number; value: number }[];
  forecast: MeterForecast;
  /** Material anomaly episodes in the analysed window, oldest first. */
  anomalies: UsageAnomaly[];
}

export interface PeriodInput {
  periodStart: number;
  periodEnd: number;
  /** End of the last complete hour: where the series stop. */
  hour: number;
  displayFrom: number;
}

// Everything the console and the agent know about one meter of one subscription, from its
// hourly rollups: utilisation, cumulative usage, forecast to period end with the crossing date,
// anomaly episodes. Pure: the API and the agent call this same function (one code path).
export function analyzeMeterUsage(m: MeterInput, p: PeriodInput): MeterInsight {
  const { series: s, partial, ...meter } = m;
  const peak = m.aggregation === 'max';
  const points: { t: number; value: number }[] = [];
  const hourly: { t: number; value: number }[] = [];
  let usedComplete = 0;
  let crossedAt: number | null = null;
  for (let i = 0; i < s.values.length; i++) {
    const t = s.start + i * HOUR_MS;
    const v = s.values[i];
    if (t >= p.displayFrom) hourly.push({ t, value: v });
    if (t < p.periodStart || t >= p.periodEnd) continue;
    usedComplete = peak ? Math.max(usedComplete, v) : usedComplete + v;
    points.push({ t: t + HOUR_MS, value: usedComplete });
    if (crossedAt === null && m.included && usedComplete >= m.included) crossedAt = t + HOUR_MS;
  }
  const used = peak ? Math.max(usedComplete, partial) : usedComplete + partial;
  if (crossedAt === null && m.included && used >= m.included) crossedAt = p.hour;
  const forecast = forecastMeterUsage({
    values: s.values,
    used: usedComplete,
    limit: m.included,
    from: p.hour,
    periodEnd: p.periodEnd,
    peak,
  });
  if (crossedAt !== null)
    Object.assign(forecast, { crossingDate: crossedAt, crossingEarliest: crossedAt, crossingLatest: crossedAt });
  return {
    ...meter,
    used,
    utilisation: m.included ? used / m.included : null,
    points,
    hourly,
    forecast,
    anomalies: detectUsageAnomalies(s, p.periodStart),
  };
}
