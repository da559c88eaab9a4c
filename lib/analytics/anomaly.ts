/**
 * Streaming anomaly detector for count and rate series (usage, requests, revenue, CPU...).
 *
 * One point at a time: `update(timestampMs, value)` returns `{ score, kind }` with `score` in
 * [0, 1] (higher = more unusual; alarm at ANOMALY_THRESHOLD) and never looks ahead. Memory per
 * series is fixed (64-slot ring buffers, 96 + 168 seasonal slots, a 26x26 context table, six
 * 64-bin histograms) and the cost per point is O(1) — a few million points per second per core.
 *
 * Design: six cheap "surprise" features, each turned into -log10 P(feature >= x) by a decayed
 * histogram of its own past values, so one threshold works for series of any scale, noise level
 * or tail weight:
 *  1. spike:    |value - median of the previous 21 values| / typical deviation, minus the spikes
 *               already seen at this time of day on previous days (cron jobs, daily ramps);
 *  2. shift:    16-point mean of the residual against the seasonal profile (hour-of-week after
 *               two weeks, 15-minute-of-day after two days, used only once its residual scale
 *               has settled and while it beats a flat level; profile updates are clipped, so a
 *               spike does not haunt its hour of the week) or against a slow outlier-clipped
 *               baseline, which re-anchors after a sustained move so a level shift alarms once;
 *  3. drift:    the same residual over 32 points (slower, smaller changes);
 *  4. novelty:  how many (previous, current) quantised-value contexts in the last 16 points were
 *               never seen before — "a pattern never seen before", the idea behind the best NAB
 *               detectors;
 *  5. extreme:  how far the value lies beyond the whole range seen so far, relative to it;
 *  6. seasonal: this one point against the seasonal expectation (an outage at a quiet hour).
 * Mean shifts within a few standard errors of noise, and seasonal residuals within a few typical
 * deviations, have their surprise damped (effect-size gates): calibration alone would make a
 * 1-in-150 wander of pure noise look like an incident.
 * The score is a monotone squash of the largest surprise plus 0.3 x the second largest (agreeing
 * features strengthen the evidence). After an alarm, scores are halved for 100 points (an
 * incident should page once; NAB likewise rewards the earliest detection and charges repeats),
 * unless a surprise far beyond everything since the alarm arrives: that is a new incident.
 * The first 100 points score 0 (warm-up). Parameters and the threshold are chosen by
 * leave-one-category-out cross-validation on NAB (npm run eval:anomaly -- --cv).
 */

import { DEFAULT_ANOMALY_PARAMS, type AnomalyDetectorParams } from './anomaly-params';
import { TailCalibrator } from './tail-calibrator';
import { classifyAnomaly, type AnomalyEvidence, type AnomalyKind } from './classify-anomaly';

/** 1 at or above `g`, else (z / g)^2: damps the surprise of effects too small to matter. */
function gate(z: number, g: number): number {
  if (!(g > 0) || z >= g) return 1;
  const r = z / g;
  return r * r;
}

export interface AnomalyResult {
  /** Anomaly score in [0, 1]. */
  score: number;
  /** Kind of anomaly when `score >= threshold`, otherwise 'none'. */
  kind: AnomalyKind;
}

export { DEFAULT_ANOMALY_PARAMS, type AnomalyDetectorParams } from './anomaly-params';
export { classifyAnomaly, type AnomalyEvidence, type AnomalyKind } from './classify-anomaly';

export const ANOMALY_THRESHOLD = DEFAULT_ANOMALY_PARAMS.threshold;

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;
const DAILY_SLOTS = 96; // 15-minute slots
const WEEKLY_SLOTS = 168; // hourly slots
const RING = 64; // power of two ≥ any window used
/** Largest move, in residual scales, of a weekly-profile slot per update (see learnSeason). */
const CLIP_PROFILE = 3;
const MASK = RING - 1;

export class AnomalyDetector {
  readonly params: AnomalyDetectorParams;
  private n = 0;
  private readonly ring = new Float64Array(RING);
  private readonly sorted: Float64Array;
  private sortedLen = 0;
  // spike
  private spikeDev = 0;
  // shift
  private baseline = 0;
  private baseDev = 0;
  private shortSum = 0;
  // seasonal
  private readonly dayMean = new Float64Array(DAILY_SLOTS);
  private readonly dayCount = new Uint16Array(DAILY_SLOTS);
  private readonly weekMean = new Float64Array(WEEKLY_SLOTS);
  private readonly weekCount = new Uint16Array(WEEKLY_SLOTS);
  private firstTs = Number.NaN;
  private seasDev = 0;
  private seasN = 0;
  private awayCount = 0;
  private readonly spikeMem = new Float64Array(DAILY_SLOTS);
  private levelDev = 0;
  private readonly resid = new Float64Array(RING);
  private residSum = 0;
  private longSum = 0;
  private prevHi = Number.NEGATIVE_INFINITY;
  private prevLo = Number.POSITIVE_INFINITY;
  // novelty
  private lo = Number.POSITIVE_INFINITY;
  private hi = Number.NEGATIVE_INFINITY;
  private prevBin = -1;
  private readonly seen: Uint8Array;
  private readonly novel = new Uint8Array(RING);
  private novelSum = 0;
  // calibration and output
  private readonly cal: TailCalibrator[];
  private lastAlarm = -1e9;
  private maxSinceAlarm = 0;
  private prevShortMean = 0;
  // evidence for classifyAnomaly, captured before the state learns from the point
  private evExpected = 0;
  private evBaseline = 0;
  private evScale = 0;
  private evRecent = 0;
  private evPrevMean = 0;
  private prevResidMean = 0;
  /** Surprise of each feature at the last point (spike, shift, drift, novelty, extreme); diagnostics. */
  readonly lastSurprise = new Float64Array(6);

  constructor(params: Partial<AnomalyDetectorParams> = {}) {
    const merged = { ...DEFAULT_ANOMALY_PARAMS, ...params };
    // Windows live in 64-slot ring buffers.
    merged.spikeWindow = Math.max(3, Math.min(62, Math.floor(merged.spikeWindow)));
    merged.shortWindow = Math.max(1, Math.min(63, Math.floor(merged.shortWindow)));
    merged.longWindow = Math.max(1, Math.min(63, Math.floor(merged.longWindow)));
    this.params = merged;
    const p = this.params;
    this.sorted = new Float64Array(p.spikeWindow);
    const nb = p.noveltyBins + 2;
    this.seen = new Uint8Array(nb * nb);
    this.cal = [0, 1, 2, 3, 4, 5].map(() => new TailCalibrator(1 - p.calibAlpha, p.exceedWeight));
  }

  /** Feeds one point and returns its score and kind. */
  update(timestampMs: number, value: number): AnomalyResult {
    const score = this.score(timestampMs, value);
    if (score < this.params.threshold) return { score, kind: 'none' };
    return { score, kind: classifyAnomaly(this.evidence(value)) };
  }

  /** Feeds one point and returns only the score (allocation-free fast path). */
  score(timestampMs: number, value: number): number {
    if (!Number.isFinite(value)) return 0;
    const p = this.params;
    const n = this.n;
    const ring = this.ring;
    if (n === 0) {
      this.baseline = value;
      this.firstTs = timestampMs;
    }

    // 1. spike: |v - median(previous k)| / typical deviation
    let zSpike = 0;
    if (n >= 1) {
      const med = this.medianPrev();
      const d = Math.abs(value - med);
      if (n > 10 && this.sortedLen >= 3) zSpike = d / (this.spikeDev + 1e-9 + 1e-6 * Math.abs(med));
      const cap = 6 * this.spikeDev;
      this.spikeDev += (n < 100 ? 1 / (n + 1) : p.spikeAlpha) * ((n > 30 && d > cap ? cap : d) - this.spikeDev);
    }

    // 2. seasonal expectation (hour-of-week once two weeks are seen, else 15-min-of-day),
    //    trusted only while it explains the series clearly better than a flat level.
    const ds = Math.floor((((timestampMs % DAY) + DAY) % DAY) / (DAY / DAILY_SLOTS));
    const ws = Math.floor((((timestampMs % WEEK) + WEEK) % WEEK) / HOUR);
    const age = timestampMs - this.firstTs;
    let expected = Number.NaN;
    if (age >= 2 * WEEK && this.weekCount[ws] > 0) expected = this.weekMean[ws];
    else if (age >= 2 * DAY && this.dayCount[ds] > 0) expected = this.dayMean[ds];
    const dev = value - this.baseline;
    const bcap = 4 * this.baseDev;
    const clipped = n > 30 ? (dev > bcap ? bcap : dev < -bcap ? -bcap : dev) : dev;
    let seasonal = false;
    if (!Number.isNaN(expected)) {
      const ar = Math.abs(value - expected);
      const scap = 6 * this.seasDev;
      // Both deviations start as plain averages (the first `seasonSettle` seasonal points) and
      // the seasonal model is used only after that: started as a slow average from zero, the
      // residual scale was tiny at first and the early z-scores (hundreds) stayed in the
      // calibrators' history for weeks, making every later shift look ordinary.
      const k = this.seasN;
      const rate = k < p.seasonSettle ? 1 / (k + 1) : 0.01;
      this.seasDev += rate * ((k > 10 && ar > scap ? scap : ar) - this.seasDev);
      this.levelDev += rate * (Math.abs(clipped) - this.levelDev);
      this.seasN = k + 1;
      seasonal = k >= p.seasonSettle && this.seasDev < 0.7 * this.levelDev;
    }
    this.learnSeason(ds, ws, value);

    // 3. shift: short mean of the residual (against the seasonal expectation or the slow,
    //    outlier-clipped baseline), in units of the residual's typical size.
    const w = p.shortWindow;
    const r = seasonal ? value - expected : dev;
    this.residSum += r - (n >= w ? this.resid[(n - w) & MASK] : 0);
    this.resid[n & MASK] = r;
    this.shortSum += value - (n >= w ? ring[(n - w) & MASK] : 0);
    ring[n & MASK] = value;
    const shortMean = this.shortSum / Math.min(n + 1, w);
    const rScale = (seasonal ? this.seasDev : this.baseDev) + 1e-9 + 1e-6 * Math.abs(this.baseline);
    const zShift = n > 10 ? Math.abs(this.residSum / Math.min(n + 1, w)) / rScale : 0;
    this.evExpected = seasonal ? expected : this.sortedLen > 0 ? this.sorted[this.sortedLen >> 1] : value;
    const residMean = this.residSum / Math.min(n + 1, w);
    this.evBaseline = seasonal ? expected : this.baseline;
    this.evScale = rScale;
    this.evRecent = seasonal ? expected + residMean : shortMean;
    this.evPrevMean = seasonal ? expected + this.prevResidMean : this.prevShortMean;
    this.prevResidMean = residMean;
    const a = n < 50 ? 1 / (n + 1) : p.slowAlpha;
    this.baseline += a * clipped;
    this.baseDev += (n < 50 ? 1 / (n + 1) : 0.01) * (Math.abs(clipped) - this.baseDev);
    // A move that persists is a new normal: re-anchor the baseline once it has lasted
    // `shortWindow * 4` points (a level shift is alarmed once, not for hundreds of points).
    if (Math.abs(shortMean - this.baseline) > 4 * this.baseDev) {
      if (++this.awayCount > 4 * w) {
        this.baseline = shortMean;
        this.awayCount = 0;
      }
    } else this.awayCount = 0;
    const lw = p.longWindow;
    this.longSum += r - (n >= lw ? this.resid[(n - lw) & MASK] : 0);
    const zLong = n > 10 ? Math.abs(this.longSum / Math.min(n + 1, lw)) / rScale : 0;

    // 4. novelty of the (previous bin, bin) context
    if (value < this.lo) this.lo = value;
    if (value > this.hi) this.hi = value;
    const nb = p.noveltyBins;
    const range = this.hi - this.lo;
    let bin = range > 0 ? Math.floor(((value - this.lo) / range) * nb) : 0;
    if (bin >= nb) bin = nb - 1;
    let isNovel = 0;
    if (this.prevBin >= 0) {
      const ctx = this.prevBin * nb + bin;
      if (this.seen[ctx] === 0) {
        isNovel = 1;
        this.seen[ctx] = 1;
      }
    }
    this.prevBin = bin;
    this.novelSum += isNovel - (n >= w ? this.novel[(n - w) & MASK] : 0);
    this.novel[n & MASK] = isNovel;
    const zNov = this.novelSum;

    this.n = n + 1;
    const wt = p.weights;
    // Spikes that recur at this time of day (cron jobs, the daily ramp of a seasonal series) are
    // not news: discount by the largest spike seen near this slot on previous days.
    const mem = this.spikeMem;
    const dsl = ds === 0 ? DAILY_SLOTS - 1 : ds - 1;
    const dsr = ds === DAILY_SLOTS - 1 ? 0 : ds + 1;
    let seen = mem[ds];
    if (mem[dsl] > seen) seen = mem[dsl];
    if (mem[dsr] > seen) seen = mem[dsr];
    const zSpikeEff = zSpike > seen * p.recurFactor ? zSpike - seen * p.recurFactor : 0;
    const decayed = mem[ds] * p.recurDecay;
    mem[ds] = zSpike > decayed ? zSpike : decayed;
    const s0 = wt[0] * this.cal[0].surprise(zSpikeEff);
    // Mean shifts smaller than `gateSigmas` standard errors of a w-point mean of i.i.d. noise
    // (about 1.25 / sqrt(w) residual scales, the scale being a mean absolute deviation) are how
    // noise wanders; their calibrated surprise is scaled down by (z / gate)^2. Without the gate,
    // tail calibration makes a 1-in-150 wander of pure noise as surprising as a real shift.
    const gs = p.gateSigmas * 1.25;
    const s1 = wt[1] * this.cal[1].surprise(zShift) * gate(zShift, gs / Math.sqrt(w));
    const s2 = wt[2] * this.cal[2].surprise(zLong) * gate(zLong, gs / Math.sqrt(lw));
    const s3 = wt[3] * this.cal[3].surprise(zNov);
    // 5. extremeness: how far the value lies beyond the range seen so far (relative to it)
    let s4 = 0;
    if (wt[4] > 0) {
      const r0 = this.prevHi - this.prevLo;
      const beyond = value > this.prevHi ? value - this.prevHi : value < this.prevLo ? this.prevLo - value : 0;
      const zExt = n > 10 && r0 > 0 ? (p.extScale * beyond) / r0 : 0;
      s4 = wt[4] * this.cal[4].surprise(zExt);
    }
    // 6. seasonal residual: this one point against the seasonal expectation (an outage at night,
    //    a burst at a quiet hour), only while the seasonal model is trusted.
    let s5 = 0;
    if (seasonal && wt.length > 5 && wt[5] > 0) {
      const z = Math.abs(value - expected) / rScale;
      s5 = wt[5] * this.cal[5].surprise(z) * gate(z, p.pointGate);
    }
    this.prevHi = this.hi;
    this.prevLo = this.lo;
    this.prevShortMean = shortMean;
    const ls = this.lastSurprise;
    ls[0] = s0;
    ls[1] = s1;
    ls[2] = s2;
    ls[3] = s3;
    ls[4] = s4;
    ls[5] = s5;
    if (n < p.warmup) return 0;
    let s = s0 > s1 ? s0 : s1;
    if (s2 > s) s = s2;
    if (s3 > s) s = s3;
    if (s4 > s) s = s4;
    if (s5 > s) s = s5;
    if (p.combineSecond > 0) {
      // add a share of the second-largest surprise: agreeing features strengthen the evidence
      let s2nd = -Infinity;
      for (const x of ls) if (x < s && x > s2nd) s2nd = x;
      if (s2nd > 0) s += p.combineSecond * s2nd;
    }
    let score = s > 0 ? s / (s + p.squash) : 0;
    // Refractory period: after an alarm, scores are damped so an incident pages once. A surprise
    // far beyond everything seen since the alarm (`rearmFactor` times the largest, in -log10 p
    // units) is a new incident and alarms at once — otherwise whether a real incident is seen
    // would depend on an unrelated alarm days before it (the phase of the series). A climbing
    // incident never re-arms: each point is compared with the running maximum.
    if (n - this.lastAlarm <= p.suppressPoints) {
      const fresh = s > p.rearmFactor * this.maxSinceAlarm;
      if (s > this.maxSinceAlarm) this.maxSinceAlarm = s;
      if (!fresh || score < p.threshold) score *= p.suppressFactor;
      else this.lastAlarm = n;
    } else if (score >= p.threshold) {
      this.lastAlarm = n;
      this.maxSinceAlarm = s;
    }
    return score;
  }

  /**
   * Median of the previous k values. The window is kept sorted incrementally (drop the value
   * leaving, insert the one entering: O(k) moves, no per-point sort).
   */
  private medianPrev(): number {
    const buf = this.sorted;
    const n = this.n;
    const entering = this.ring[(n - 1) & MASK];
    let len = this.sortedLen;
    if (len === this.params.spikeWindow) {
      const leaving = this.ring[(n - 1 - len) & MASK];
      let i = 0;
      while (i < len - 1 && buf[i] !== leaving) i++;
      for (; i < len - 1; i++) buf[i] = buf[i + 1];
      len--;
    }
    let j = len - 1;
    while (j >= 0 && buf[j] > entering) {
      buf[j + 1] = buf[j];
      j--;
    }
    buf[j + 1] = entering;
    len++;
    this.sortedLen = len;
    return len & 1 ? buf[len >> 1] : 0.5 * (buf[(len >> 1) - 1] + buf[len >> 1]);
  }

  private learnSeason(ds: number, ws: number, v: number): void {
    const dc = this.dayCount[ds];
    this.dayMean[ds] += (v - this.dayMean[ds]) / (dc < 10 ? dc + 1 : 10);
    if (dc < 65535) this.dayCount[ds] = dc + 1;
    const wc = this.weekCount[ws];
    // The weekly profile sees each slot once a week: one spike would haunt that hour for weeks
    // (an expected value six times too high, "anomalies" a week later). Once the slot has a few
    // visits, an update moves it by at most CLIP_PROFILE residual scales.
    let d = v - this.weekMean[ws];
    const lim = CLIP_PROFILE * this.seasDev;
    if (wc >= 2 && lim > 0) d = d > lim ? lim : d < -lim ? -lim : d;
    this.weekMean[ws] += d / (wc < 10 ? wc + 1 : 10);
    if (wc < 65535) this.weekCount[ws] = wc + 1;
  }

  private evidence(value: number): AnomalyEvidence {
    return {
      value,
      expected: this.evExpected,
      scale: this.evScale,
      recentMean: this.evRecent,
      baseline: this.evBaseline,
      previousMean: this.evPrevMean,
    };
  }
}
