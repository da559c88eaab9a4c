import { fitForecast, type ForecastModel } from '@/lib/analytics/forecast';
import { quotaCrossing } from '@/lib/analytics/forecast-period';
import { FORECAST_HISTORY_HOURS, FORECAST_PATH_STEP_HOURS, HOUR_MS } from './insight-rules';

export interface ForecastPoint {
  t: number;
  expected: number;
  lower: number;
  upper: number;
}

export interface MeterForecast {
  /** Period-end usage (total, or peak for max meters) with its 80 % band. */
  expected: number;
  lower: number;
  upper: number;
  /** When usage is expected to reach the limit (and the band's earliest / latest), or null. */
  crossingDate: number | null;
  crossingEarliest: number | null;
  crossingLatest: number | null;
  /** The same projection every few hours from `from` to the period end, for the chart's band. */
  path: ForecastPoint[];
}

export interface ForecastInput {
  /** Complete hours, oldest first; the last one ends at `from`. */
  values: readonly number[];
  /** Usage so far this period (total, or peak when `peak`), counted over the same complete hours. */
  used: number;
  limit: number | null;
  from: number;
  periodEnd: number;
  /** A max meter: the period's usage is the highest level reached, not a sum. */
  peak: boolean;
}

// Projects usage to the period end with lib/analytics (robust seasonal Holt-Winters, 80 % band)
// fitted once on the last four weeks of hours. Sum meters add the forecast to what is used;
// max meters keep the running peak of the forecast level.
export function forecastMeterUsage(input: ForecastInput): MeterForecast {
  const { values, used, limit, from, periodEnd, peak } = input;
  const span = (periodEnd - from) / HOUR_MS;
  const flat: MeterForecast = {
    expected: used,
    lower: used,
    upper: used,
    crossingDate: null,
    crossingEarliest: null,
    crossingLatest: null,
    path: [],
  };
  if (span <= 0 || values.length === 0) return flat;
  const steps = Math.ceil(span);
  const history = values.slice(-FORECAST_HISTORY_HOURS);
  const model = fitForecast(history, { maxHistory: FORECAST_HISTORY_HOURS });
  const checkpoints: number[] = [];
  for (let k = FORECAST_PATH_STEP_HOURS; k < steps; k += FORECAST_PATH_STEP_HOURS) checkpoints.push(k);
  checkpoints.push(steps);
  const at = (k: number) => Math.min(periodEnd, from + k * HOUR_MS);
  const path = peak
    ? peakPath(model, used, steps, checkpoints, at)
    : sumPath(model, used, checkpoints, at, span / steps, steps);
  const end = path[path.length - 1];
  const crossing =
    limit && limit > 0 && used < limit ? crossingOf(peak, path, limit, history, used, from, periodEnd) : null;
  return {
    expected: end.expected,
    lower: end.lower,
    upper: end.upper,
    crossingDate: crossing?.date ?? null,
    crossingEarliest: crossing?.earliest ?? null,
    crossingLatest: crossing?.latest ?? null,
    path: [{ t: from, expected: used, lower: used, upper: used }, ...path],
  };
}

function sumPath(
  model: ForecastModel,
  used: number,
  checkpoints: number[],
  at: (k: number) => number,
  lastFraction: number,
  steps: number,
): ForecastPoint[] {
  return checkpoints.map((k) => {
    const s = model.forecastSum(k);
    // As forecastToPeriodEnd does: a period ending mid-hour counts that hour in proportion.
    const f = k === steps ? lastFraction : 1;
    return { t: at(k), expected: used + s.expected * f, lower: used + s.lower * f, upper: used + s.upper * f };
  });
}

function peakPath(
  model: ForecastModel,
  used: number,
  steps: number,
  checkpoints: number[],
  at: (k: number) => number,
): ForecastPoint[] {
  const f = model.forecast(steps);
  const out: ForecastPoint[] = [];
  let [e, lo, hi] = [used, used, used];
  let c = 0;
  for (let k = 1; k <= steps; k++) {
    e = Math.max(e, f.mean[k - 1]);
    lo = Math.max(lo, f.lower[k - 1]);
    hi = Math.max(hi, f.upper[k - 1]);
    if (k === checkpoints[c]) {
      out.push({ t: at(k), expected: e, lower: lo, upper: hi });
      c++;
    }
  }
  return out;
}

// Sum meters: lib/analytics quotaCrossing (hour-end timestamps, so "after the last point" is
// exactly the hours still to come). Peak meters: the first checkpoint whose running peak reaches
// the limit (their usage is a level, so the crossing is a level crossing, at 6-hour resolution).
function crossingOf(
  peak: boolean,
  path: ForecastPoint[],
  limit: number,
  history: readonly number[],
  used: number,
  from: number,
  periodEnd: number,
) {
  if (peak) {
    const first = (pick: (p: ForecastPoint) => number) => path.find((p) => pick(p) >= limit)?.t ?? null;
    const date = first((p) => p.expected);
    return date === null ? null : { date, earliest: first((p) => p.upper) ?? date, latest: first((p) => p.lower) };
  }
  const timed = history.map((value, i) => ({ t: from - (history.length - 1 - i) * HOUR_MS, value }));
  const q = quotaCrossing(timed, used, limit, periodEnd, { maxHistory: FORECAST_HISTORY_HOURS });
  return q
    ? { date: q.date.getTime(), earliest: q.earliest.getTime(), latest: q.latest ? q.latest.getTime() : null }
    : null;
}
