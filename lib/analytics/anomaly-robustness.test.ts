import { createRng } from '@/lib/prng';
import { describe, expect, it } from 'vitest';
import { AnomalyDetector, ANOMALY_THRESHOLD } from './anomaly';
import { probationaryRows } from './nab-score';

// Properties a detector that generalises must have, whatever series it is given: what it finds
// does not depend on the hour a series starts at or on its units, and series with nothing to
// find (a constant, a perfect square wave, pure noise) raise nothing once it has warmed up —
// "warmed up" as NAB defines it: after the probationary 15 % of the series (at most 750 points),
// during which the first square-wave edges, for instance, are genuinely new.

const HOUR = 3_600_000;
const MIN5 = 300_000;
const T0 = Date.UTC(2026, 0, 5); // a Monday, 00:00 UTC

function gaussian(seed: number): () => number {
  const r = createRng(seed);
  return () => Math.sqrt(-2 * Math.log(1 - r.next())) * Math.cos(2 * Math.PI * r.next());
}

/** Indices whose score reaches the threshold, from `from` on. */
function alarms(values: ArrayLike<number>, step: number, start = T0, from = 0): number[] {
  const det = new AnomalyDetector();
  const out: number[] = [];
  for (let i = 0; i < values.length; i++) {
    if (det.score(start + i * step, values[i]) >= ANOMALY_THRESHOLD && i >= from) out.push(i);
  }
  return out;
}

// Hourly usage with a daily and a weekly cycle and 10 % log-normal noise, as a function of the
// absolute hour, with three incidents at fixed hours: a spike, a six-hour outage, a level shift.
const SPIKE = 30 * 24 + 14;
const OUTAGE = 38 * 24 + 3;
const SHIFT = 46 * 24 + 20;
const INCIDENTS = [SPIKE, OUTAGE, SHIFT];
function usageAt(hour: number, noise: () => number): number {
  const t = new Date(T0 + hour * HOUR);
  const daily = 1 + 0.4 * Math.cos(((t.getUTCHours() - 15) / 24) * 2 * Math.PI);
  const weekend = t.getUTCDay() === 0 || t.getUTCDay() === 6 ? 0.7 : 1;
  let v = 1000 * daily * weekend * Math.exp(0.1 * noise());
  if (hour === SPIKE) v *= 6;
  if (hour >= OUTAGE && hour < OUTAGE + 6) v = 0;
  if (hour >= SHIFT) v *= 2;
  return Math.round(v);
}

describe('AnomalyDetector robustness', () => {
  it('finds the same incidents whatever hour of the day the series starts at', () => {
    const noise = gaussian(11);
    const full = Array.from({ length: 52 * 24 }, (_, h) => usageAt(h, noise));
    for (let offset = 0; offset < 24; offset++) {
      const part = full.slice(offset);
      const found = alarms(part, HOUR, T0 + offset * HOUR, probationaryRows(part.length)).map((i) => i + offset);
      for (const at of INCIDENTS) {
        expect(
          found.some((i) => i >= at && i <= at + 3),
          `incident at hour ${at}, series starting at ${offset}:00`,
        ).toBe(true);
      }
      const others = found.filter((i) => !INCIDENTS.some((at) => i >= at && i <= at + 24));
      expect(others, `false alarms, series starting at ${offset}:00`).toEqual([]);
    }
  });

  it('raises nothing on a flat series, a perfect square wave or pure noise after warm-up', () => {
    const n = 4032; // two weeks of 5-minute points, as NAB's artificial series
    const warm = probationaryRows(n);
    const flat = new Float64Array(n).fill(42);
    const square = Float64Array.from({ length: n }, (_, i) => (Math.floor(i / 144) % 2 ? 80 : 20));
    // i.i.d. uniform noise over a fixed range, like NAB's art_noisy
    const r = createRng(5);
    const noisy = Float64Array.from({ length: n }, () => 8 + 11 * r.next());
    expect(alarms(flat, MIN5, T0, warm)).toEqual([]);
    expect(alarms(square, MIN5, T0, warm)).toEqual([]);
    expect(alarms(noisy, MIN5, T0, warm)).toEqual([]);
  });

  it('is scale invariant: the same series in other units raises the same alarms', () => {
    const noise = gaussian(7);
    const base = Array.from({ length: 52 * 24 }, (_, h) => usageAt(h, noise));
    const found = alarms(base, HOUR);
    expect(found.length).toBeGreaterThan(0);
    expect(
      alarms(
        base.map((v) => v * 1000),
        HOUR,
      ),
    ).toEqual(found);
    expect(
      alarms(
        base.map((v) => v / 1000),
        HOUR,
      ),
    ).toEqual(found);
  });
});
