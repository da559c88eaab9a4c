import { describe, expect, it } from 'vitest';
import { fitForecast, normalQuantile, seasonalNaive } from './forecast';
import { forecastToPeriodEnd, quotaCrossing } from './forecast-period';

/** Deterministic standard normal noise (mulberry32 + Box-Muller). */
function noise(seed: number): () => number {
  let a = seed >>> 0;
  const u = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (((t ^ (t >>> 14)) >>> 0) + 0.5) / 4294967296;
  };
  return () => Math.sqrt(-2 * Math.log(u())) * Math.cos(2 * Math.PI * u());
}

const daily = (t: number) => 20 * Math.sin((2 * Math.PI * t) / 24);
const weekly = (t: number) => (Math.floor(t / 24) % 7 >= 5 ? -15 : 5);
const HOUR = 3_600_000;

describe('fitForecast', () => {
  it('forecasts a pure seasonal series closely', () => {
    const y = Array.from({ length: 24 * 21 }, (_, t) => 100 + daily(t) + weekly(t));
    const model = fitForecast(y);
    expect(model.period).toBeGreaterThan(0);
    const f = model.forecast(24);
    const truth = Array.from({ length: 24 }, (_, k) => 100 + daily(y.length + k) + weekly(y.length + k));
    const mae = f.mean.reduce((s, v, k) => s + Math.abs(v - truth[k]), 0) / 24;
    expect(mae).toBeLessThan(1);
  });

  it('follows a seasonal series with a linear trend', () => {
    const e = noise(7);
    const y = Array.from({ length: 168 * 4 }, (_, t) => 50 + 0.5 * t + daily(t) + weekly(t) + e());
    const f = fitForecast(y).forecast(24);
    const truth = Array.from(
      { length: 24 },
      (_, k) => 50 + 0.5 * (y.length + k) + daily(y.length + k) + weekly(y.length + k),
    );
    const mae = f.mean.reduce((s, v, k) => s + Math.abs(v - truth[k]), 0) / 24;
    expect(mae).toBeLessThan(3); // level ~ 400, trend 12 per day; damping may lag slightly
    expect(f.mean[23]).toBeGreaterThan(y[y.length - 24] + 6); // it does extrapolate the trend
  });

  it('80% interval covers roughly 80% of outcomes', () => {
    let inside = 0;
    let total = 0;
    for (let seed = 1; seed <= 12; seed++) {
      const e = noise(seed);
      const y = Array.from({ length: 24 * 24 }, (_, t) => 200 + daily(t) + weekly(t) + 6 * e());
      const train = y.slice(0, y.length - 24);
      const f = fitForecast(train).forecast(24);
      for (let k = 0; k < 24; k++) {
        const v = y[train.length + k];
        if (v >= f.lower[k] && v <= f.upper[k]) inside++;
        total++;
      }
    }
    const coverage = inside / total;
    expect(coverage).toBeGreaterThan(0.68);
    expect(coverage).toBeLessThan(0.93);
  });

  it('falls back to a daily or no season with short history', () => {
    expect(fitForecast(Array.from({ length: 24 * 5 }, (_, t) => 10 + daily(t))).period).toBe(24);
    expect(fitForecast([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]).period).toBe(0);
    expect(fitForecast([5]).forecast(3).mean).toEqual([5, 5, 5]);
  });

  it('seasonal naive repeats the last period', () => {
    expect(seasonalNaive([1, 2, 3, 4, 5, 6], 4, 3)).toEqual([4, 5, 6, 4]);
  });

  it('normal quantile', () => {
    expect(normalQuantile(0.9)).toBeCloseTo(1.281552, 5);
    expect(normalQuantile(0.5)).toBeCloseTo(0, 10);
  });
});

describe('period-end helpers', () => {
  const e = noise(3);
  const t0 = Date.UTC(2025, 0, 1);
  const history = Array.from({ length: 24 * 10 }, (_, i) => ({ t: t0 + i * HOUR, value: 10 + 0.5 * e() }));
  const last = history[history.length - 1].t;

  it('forecastToPeriodEnd sums the remaining hours with a band', () => {
    const r = forecastToPeriodEnd(history, new Date(last + 24 * HOUR));
    expect(r.steps).toBe(24);
    expect(r.expected).toBeGreaterThan(225);
    expect(r.expected).toBeLessThan(255);
    expect(r.lower).toBeLessThan(r.expected);
    expect(r.upper).toBeGreaterThan(r.expected);
    expect(forecastToPeriodEnd(history, last - HOUR).expected).toBe(0);
  });

  it('quotaCrossing finds when cumulative usage reaches the limit', () => {
    const r = quotaCrossing(history, 100, 200, last + 48 * HOUR);
    expect(r).not.toBeNull();
    const hours = (r!.date.getTime() - last) / HOUR;
    expect(hours).toBeGreaterThan(9);
    expect(hours).toBeLessThan(11);
    expect(r!.earliest.getTime()).toBeLessThanOrEqual(r!.date.getTime());
    expect(r!.latest!.getTime()).toBeGreaterThanOrEqual(r!.date.getTime());
    expect(quotaCrossing(history, 100, 10_000, last + 48 * HOUR)).toBeNull();
    expect(quotaCrossing(history, 300, 200, last + 48 * HOUR)!.date.getTime()).toBe(last);
  });
});
