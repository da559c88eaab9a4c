// Period-end helpers on top of the forecaster: expected usage to the end of a billing period with
// an 80% band, and when cumulative usage will cross a quota.
import { fitForecast, type ForecastOptions } from './forecast';

/** One observation of an hourly series. */
export interface TimedValue {
  t: number | Date;
  value: number;
}

const HOUR_MS = 3_600_000;
const ms = (t: number | Date) => (typeof t === 'number' ? t : t.getTime());

function stepOf(history: readonly TimedValue[]): number {
  const k = Math.min(history.length - 1, 48);
  if (k < 1) return HOUR_MS;
  const diffs: number[] = [];
  for (let i = history.length - k; i < history.length; i++) diffs.push(ms(history[i].t) - ms(history[i - 1].t));
  diffs.sort((a, b) => a - b);
  const d = diffs[diffs.length >> 1];
  return d > 0 ? d : HOUR_MS;
}

export interface PeriodEndForecast {
  /** Expected total of the steps after the last history point up to `periodEnd`. */
  expected: number;
  lower: number;
  upper: number;
  /** Number of future steps included. */
  steps: number;
}

/**
 * Expected total usage from the end of `history` (hourly points, ascending) to `periodEnd`,
 * with an 80% band. The last step is counted in proportion when the period ends mid-step.
 */
export function forecastToPeriodEnd(
  history: readonly TimedValue[],
  periodEnd: number | Date,
  opts: ForecastOptions = {},
): PeriodEndForecast {
  if (history.length === 0) return { expected: 0, lower: 0, upper: 0, steps: 0 };
  const step = stepOf(history);
  const last = ms(history[history.length - 1].t);
  const span = (ms(periodEnd) - last) / step;
  if (span <= 0) return { expected: 0, lower: 0, upper: 0, steps: 0 };
  const steps = Math.ceil(span);
  const model = fitForecast(
    history.map((p) => p.value),
    opts,
  );
  const sum = model.forecastSum(steps);
  const frac = span / steps; // scale down a partial final step (approximately)
  return { expected: sum.expected * frac, lower: sum.lower * frac, upper: sum.upper * frac, steps };
}

export interface QuotaCrossing {
  /** When the expected cumulative usage reaches the limit. */
  date: Date;
  /** Earliest plausible crossing (80% band, high-usage path). */
  earliest: Date;
  /** Latest plausible crossing (low-usage path); null when that path stays under the limit until periodEnd. */
  latest: Date | null;
}

/**
 * When cumulative usage (`used` so far, growing by the forecast of `history`) crosses `limit`
 * before `periodEnd`. Returns null when the expected path stays below the limit until then;
 * if `used` already reaches the limit, all dates are the last history timestamp.
 */
export function quotaCrossing(
  history: readonly TimedValue[],
  used: number,
  limit: number,
  periodEnd: number | Date,
  opts: ForecastOptions = {},
): QuotaCrossing | null {
  const lastT = history.length ? ms(history[history.length - 1].t) : Date.now();
  if (used >= limit) return { date: new Date(lastT), earliest: new Date(lastT), latest: new Date(lastT) };
  if (history.length === 0) return null;
  const step = stepOf(history);
  const steps = Math.ceil((ms(periodEnd) - lastT) / step);
  if (steps <= 0) return null;
  const model = fitForecast(
    history.map((p) => p.value),
    opts,
  );
  const mean = model.forecast(steps).mean;
  // cumulative paths: expected, and the 80% band of the cumulative sum at each horizon
  const crossingOf = (pick: (k: number, cumMean: number) => number): Date | null => {
    let prev = used;
    let cum = 0;
    for (let k = 1; k <= steps; k++) {
      cum += mean[k - 1];
      const v = pick(k, cum);
      if (v >= limit) {
        const frac = v > prev ? (limit - prev) / (v - prev) : 1;
        const t = lastT + (k - 1 + Math.min(1, Math.max(0, frac))) * step;
        return t <= ms(periodEnd) ? new Date(t) : null;
      }
      prev = v;
    }
    return null;
  };
  const date = crossingOf((_k, cum) => used + cum);
  if (!date) return null;
  const sums = new Map<number, { lower: number; upper: number; expected: number }>();
  const band = (k: number) => {
    let s = sums.get(k);
    if (!s) {
      s = model.forecastSum(k);
      sums.set(k, s);
    }
    return s;
  };
  const earliest = crossingOf((k) => used + band(k).upper) ?? date;
  const latest = crossingOf((k) => used + band(k).lower);
  return { date, earliest: earliest < date ? earliest : date, latest: latest && latest < date ? date : latest };
}
