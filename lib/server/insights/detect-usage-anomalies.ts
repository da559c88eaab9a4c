import { ANOMALY_THRESHOLD, AnomalyDetector, type AnomalyKind } from '@/lib/analytics/anomaly';
import type { HourlySeries } from './build-hourly-series';
import { computeSeasonalBaseline, ratioOf, totalsOver } from './compute-seasonal-baseline';
import * as R from './insight-rules';

export interface UsageAnomaly {
  /** Start of the hour the episode was first alarmed (its identity). */
  at: number;
  score: number;
  kind: Exclude<AnomalyKind, 'none'>;
  /** What the detector called the first alarm; `kind` becomes runaway_growth when usage kept climbing. */
  detectorKind: Exclude<AnomalyKind, 'none'>;
  direction: 'up' | 'down';
  value: number;
  /** Seasonal baseline of that hour (same hour in previous weeks). */
  expected: number;
  /** value / expected at the alarm, and over the six hours from it. */
  ratio: number;
  onsetRatio: number;
  /** Usage over the last six complete hours against their baseline. */
  currentRatio: number;
  /** Units above baseline while the episode lasted (up episodes only). */
  excess: number;
  /** Excess counted from `periodStart` on (what inflates this period's utilisation). */
  excessInPeriod: number;
  runaway: boolean;
  /** Still going on at the end of the series (usage now still far from baseline in the episode's direction). */
  ongoing: boolean;
}

const finite = (x: number, cap = 1e6) => (Number.isFinite(x) ? Math.min(x, cap) : x > 0 ? cap : 0);

// Streams the whole series through the detector (O(1) per point, no look-ahead), then keeps the
// alarms whose size matters (insight-rules: materiality) and merges alarms of one episode. The
// detector alone fires on ~1 % of noisy hours; a review task must mean something.
export function detectUsageAnomalies(series: HourlySeries, periodStart: number): UsageAnomaly[] {
  const { start, values } = series;
  const n = values.length;
  const det = new AnomalyDetector();
  const alarms: { i: number; score: number; kind: Exclude<AnomalyKind, 'none'> }[] = [];
  for (let i = 0; i < n; i++) {
    const r = det.update(start + i * R.HOUR_MS, values[i]);
    if (r.kind !== 'none' && r.score >= ANOMALY_THRESHOLD) alarms.push({ i, score: r.score, kind: r.kind });
  }
  const currentRatio = ratioOf(totalsOver(values, n - R.MATERIALITY_WINDOW_HOURS, n));
  const out: UsageAnomaly[] = [];
  for (const a of alarms) {
    const expected = computeSeasonalBaseline(values, a.i);
    if (Number.isNaN(expected)) continue;
    const direction = values[a.i] >= expected ? 'up' : 'down';
    const prev = out.at(-1);
    if (prev && prev.direction === direction && a.i - (prev.at - start) / R.HOUR_MS <= R.EPISODE_GAP_HOURS) {
      prev.score = Math.max(prev.score, a.score);
      continue;
    }
    const ratio = ratioOf({ seen: values[a.i], expected });
    const onset = totalsOver(values, a.i, a.i + R.MATERIALITY_WINDOW_HOURS);
    const onsetRatio = ratioOf(onset);
    const sustained = totalsOver(values, a.i, a.i + R.SUSTAINED_WINDOW_HOURS);
    if (!isMaterial(direction, { seen: values[a.i], expected }, sustained, n - a.i)) continue;
    const { excess, excessInPeriod } =
      direction === 'up' ? excessFrom(values, a.i, start, periodStart) : { excess: 0, excessInPeriod: 0 };
    const after = ratioOf(totalsOver(values, a.i + 1, a.i + R.MATERIALITY_WINDOW_HOURS));
    out.push({
      at: start + a.i * R.HOUR_MS,
      score: a.score,
      kind: episodeKind(a.kind, direction, after),
      detectorKind: a.kind,
      direction,
      value: values[a.i],
      expected,
      ratio: finite(ratio),
      onsetRatio: finite(onsetRatio),
      currentRatio: finite(currentRatio),
      excess,
      excessInPeriod,
      runaway: false,
      ongoing: false,
    });
  }
  markEpisodeState(out, start + n * R.HOUR_MS);
  return out;
}

// The detector classifies the first alarmed hour, before anything after it is known; the episode
// is named with the hours that followed: back to normal → spike, still up → level shift, down to
// (nearly) nothing → drop, down to a lower level → level shift. Runaway is decided last.
function episodeKind(detected: UsageAnomaly['kind'], direction: 'up' | 'down', after: number): UsageAnomaly['kind'] {
  if (Number.isNaN(after)) return detected;
  if (direction === 'up') return after >= R.SUSTAINED_UP_RATIO ? 'level_shift' : 'spike';
  return after <= 0.05 ? 'drop' : 'level_shift';
}

type Totals = { seen: number; expected: number };
const beyondNoise = (t: Totals) => Math.abs(t.seen - t.expected) >= R.NOISE_SIGMAS * Math.sqrt(Math.max(t.expected, 1));

// Big enough to matter: relative size (insight-rules) and beyond counting noise.
function isMaterial(direction: 'up' | 'down', point: Totals, sustained: Totals, hoursSeen: number): boolean {
  if (direction === 'up') {
    const spike = ratioOf(point) >= R.SPIKE_POINT_RATIO && beyondNoise(point);
    return (
      spike || (hoursSeen >= R.MIN_UP_HOURS && ratioOf(sustained) >= R.SUSTAINED_UP_RATIO && beyondNoise(sustained))
    );
  }
  return hoursSeen >= R.MIN_DOWN_HOURS && ratioOf(sustained) <= R.SUSTAINED_DOWN_RATIO && beyondNoise(sustained);
}

// Units above baseline from the alarm on, while usage stays well above it (a noisy hour or two
// under does not end it; three in a row do), for at most a week.
function excessFrom(values: readonly number[], i0: number, start: number, periodStart: number) {
  let excess = 0;
  let excessInPeriod = 0;
  let below = 0;
  for (let i = i0; i < Math.min(values.length, i0 + R.EXCESS_MAX_HOURS); i++) {
    const e = computeSeasonalBaseline(values, i);
    below = values[i] >= R.EXCESS_RATIO * e || i === i0 ? 0 : below + 1;
    if (below >= 3) break;
    const extra = Math.max(0, values[i] - (Number.isNaN(e) ? 0 : e));
    excess += extra;
    if (start + i * R.HOUR_MS >= periodStart) excessInPeriod += extra;
  }
  return { excess, excessInPeriod };
}

// The latest episode of each direction is ongoing while usage now is still far from baseline
// that way (a drop to zero stays news until usage returns). The latest upward one is runaway
// when the detector said so, or when usage now stands far above baseline and well above where
// the episode started: still climbing, not a one-off.
function markEpisodeState(list: UsageAnomaly[], end: number): void {
  const lastDown = [...list].reverse().find((a) => a.direction === 'down');
  if (lastDown) lastDown.ongoing = lastDown.currentRatio <= R.SUSTAINED_DOWN_RATIO;
  const last = [...list].reverse().find((a) => a.direction === 'up');
  if (!last) return;
  last.ongoing = last.currentRatio >= R.SUSTAINED_UP_RATIO;
  if (end - last.at > R.RECENT_HOURS * R.HOUR_MS && !last.ongoing) return;
  const climbing = last.currentRatio >= R.RUNAWAY_RATIO && last.currentRatio >= R.RUNAWAY_RISE * last.onsetRatio;
  if (last.detectorKind === 'runaway_growth' || climbing) {
    last.runaway = true;
    last.kind = 'runaway_growth';
  }
}
