import { describe, expect, it } from 'vitest';
import {
  fileGeometry,
  normalise,
  optimiseThreshold,
  probationaryRows,
  rawScore,
  scaledSigmoid,
  scoreCorpus,
} from './nab-score';

const standard = { tpWeight: 1, fnWeight: 1, fpWeight: 0.11 };
const lowFn = { tpWeight: 1, fnWeight: 2, fpWeight: 0.11 };

// A 20-row file, one row per second, one window over rows 10..13 (width W = 4, right edge R = 13).
const ts = Array.from({ length: 20 }, (_, i) => i * 1000);
const geo = fileGeometry(ts, [[10_000, 13_000]]);
const scoresWith = (hits: Record<number, number>) => ts.map((_, i) => hits[i] ?? 0);

// Hand computations (S(x) = 2/(1+e^{5x}) - 1):
//   S(-1)    = 2/(1+e^-5) - 1    = 2/1.006737947 - 1 = 0.986614298
//   S(-0.75) = 2/(1+e^-3.75) - 1 = 2/1.023517746 - 1 = 0.954044...  -> /S(-1) = 0.966989
//   S(-0.5)  = 2/(1+e^-2.5) - 1  = 2/1.082084999 - 1 = 0.848283...  -> /S(-1) = 0.859792
//   S(1/3)   = 2/(1+e^(5/3)) - 1 = 2/6.294494 - 1    = -0.682262    -> x 0.11 = -0.075049
//   S(1)     = 2/(1+e^5) - 1     = 2/149.413159 - 1  = -0.986614    -> x 0.11 = -0.108528
describe('NAB sweep geometry', () => {
  it('scaled sigmoid matches hand values and is -1 beyond 3', () => {
    expect(scaledSigmoid(-1)).toBeCloseTo(0.986614298, 8);
    expect(scaledSigmoid(0)).toBe(0);
    expect(scaledSigmoid(1)).toBeCloseTo(-0.986614298, 8);
    expect(scaledSigmoid(3.0001)).toBe(-1);
  });

  it('probation is min(floor(0.15 n), 750)', () => {
    expect(probationaryRows(20)).toBe(3);
    expect(probationaryRows(1243)).toBe(186);
    expect(probationaryRows(22695)).toBe(750);
  });

  it('assigns sweep units inside, before and after the window', () => {
    expect(geo.probation).toBe(3);
    expect(geo.windows).toBe(1);
    expect(geo.unit[10]).toBeCloseTo(1, 10); // left edge: p = -4/4 = -1
    expect(geo.unit[11]).toBeCloseTo(0.966989, 5); // p = -3/4
    expect(geo.unit[12]).toBeCloseTo(0.859792, 5); // p = -2/4
    expect(geo.unit[5]).toBe(-1); // before any window: -1 (x fpWeight)
    expect(geo.unit[14]).toBeCloseTo(-0.682262, 5); // x = |14-13|/(4-1) = 1/3
    expect(geo.unit[16]).toBeCloseTo(-0.986614, 5); // x = 3/3 = 1
    expect(Array.from(geo.windowOf.slice(9, 15))).toEqual([-1, 0, 0, 0, 0, -1]);
  });
});

describe('NAB raw and normalised scores', () => {
  it('takes the best detection per window and sums FPs', () => {
    // detections at 1 (probation: ignored), 5 (FP before window), 11 and 12 (window), 16 (FP after)
    const s = scoresWith({ 1: 1, 5: 1, 11: 1, 12: 1, 16: 1 });
    // raw = 0.966989 - 0.11 - 0.108528 = 0.748461; normalised = 100 (0.748461 + 1) / 2 = 87.4231
    const raw = rawScore(geo, s, 0.5, standard);
    expect(raw).toBeCloseTo(0.748461, 5);
    expect(normalise(raw, 1, standard)).toBeCloseTo(87.4231, 3);
  });

  it('counts a missed window as -fnWeight and uses fn in null', () => {
    const s = scoresWith({ 5: 1 });
    // raw = -2 (missed, fn = 2) - 0.11 = -2.11; null = -2, perfect = 1 -> 100 (-2.11 + 2) / 3 = -3.6667
    const raw = rawScore(geo, s, 0.5, lowFn);
    expect(raw).toBeCloseTo(-2.11, 10);
    expect(normalise(raw, 1, lowFn)).toBeCloseTo(-3.6667, 3);
  });

  it('a detection at threshold counts (score >= threshold)', () => {
    expect(rawScore(geo, scoresWith({ 10: 0.7 }), 0.7, standard)).toBeCloseTo(1, 10);
    expect(rawScore(geo, scoresWith({ 10: 0.7 }), 0.70001, standard)).toBe(-1);
  });

  it('optimises the threshold over the distinct scores', () => {
    // FP at row 5 scores 0.95, window rows 12 -> 0.9 and 11 -> 0.5.
    //   thr 0.95: -1 - 0.11 = -1.11 (worse than never firing, -1)
    //   thr 0.9 : 0.859792 - 0.11 = 0.749792
    //   thr 0.5 : 0.966989 - 0.11 = 0.856989   <- best
    //   thr 0   : every scored row outside the window is an FP (much worse)
    const s = scoresWith({ 5: 0.95, 11: 0.5, 12: 0.9 });
    const best = optimiseThreshold([{ geo, scores: s }], standard);
    expect(best.threshold).toBe(0.5);
    expect(best.raw).toBeCloseTo(0.856989, 5);
    // with a bigger FP cost (fp = 2) never firing (-1) beats 1 - 2 = -1
    const never = optimiseThreshold([{ geo, scores: scoresWith({ 5: 0.95, 10: 0.95 }) }], {
      tpWeight: 1,
      fnWeight: 1,
      fpWeight: 2.5,
    });
    expect(never.raw).toBe(-1);
    expect(never.threshold).toBeGreaterThan(0.95);
  });

  it('normalises per category at the corpus-wide threshold', () => {
    const a = { category: 'a', geo, scores: scoresWith({ 11: 0.8 }) }; // raw 0.966989 at thr <= 0.8
    const b = { category: 'b', geo, scores: scoresWith({ 5: 0.8 }) }; // raw -1 - 0.11 = -1.11
    // corpus: thr 0.8 -> 0.966989 - 1.11 = -0.143011 > null (-2) -> chosen
    const r = scoreCorpus([a, b], standard);
    expect(r.threshold).toBe(0.8);
    expect(r.categories.a).toBeCloseTo((100 * (0.966989 + 1)) / 2, 3); // 98.3495
    expect(r.categories.b).toBeCloseTo((100 * (-1.11 + 1)) / 2, 3); // -5.5
    expect(r.total).toBeCloseTo((100 * (-0.143011 + 2)) / 4, 3); // 46.4247
    // with a fixed threshold above every score both categories score 0 (the null detector)
    const fixed = scoreCorpus([a, b], standard, 0.9);
    expect(fixed.categories.a).toBeCloseTo(0, 10);
    expect(fixed.total).toBeCloseTo(0, 10);
  });

  it('handles a one-row window (zero denominator after it)', () => {
    const g = fileGeometry(ts, [[10_000, 10_000]]);
    expect(g.unit[10]).toBeCloseTo(1, 10);
    expect(g.unit[11]).toBe(-1);
  });
});
