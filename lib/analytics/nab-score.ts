/**
 * NAB (Numenta Anomaly Benchmark) scoring as pure functions.
 *
 * Implements the rules in shared/data/nab/README.md exactly:
 * - probationary period `min(floor(0.15 * rows), 750)` rows are never scored;
 * - every scored row gets a sweep score from a scaled sigmoid of its position relative to
 *   the anomaly windows;
 * - for a threshold, each window contributes its best detected sweep score (or `-fnWeight`
 *   when missed) and every detected row outside windows adds its (negative) sweep score;
 * - the threshold is chosen to maximise the summed raw score over the whole corpus per profile;
 * - normalisation is `100 * (raw - null) / (perfect - null)` with null `-fnWeight * windows`
 *   and perfect `tpWeight * windows`.
 *
 * The functions only see numbers (timestamps in ms, scores, windows) — no I/O.
 */

export interface NabProfile {
  tpWeight: number;
  fnWeight: number;
  fpWeight: number;
}

/** A window as inclusive [startMs, endMs] timestamps. */
export type NabWindow = readonly [number, number];

/** `S(x) = 2 * sigmoid(-5x) - 1`, and `-1` beyond 3 (a FP far past a window). */
export function scaledSigmoid(x: number): number {
  if (x > 3) return -1;
  return 2 / (1 + Math.exp(5 * x)) - 1;
}

export function probationaryRows(rows: number): number {
  return Math.min(Math.floor(0.15 * rows), 750);
}

/**
 * Per-row scoring geometry of one file, independent of the detector's output and profile.
 * `windowOf[i]` is the window index containing row i (or -1); `tpUnit[i]` is `S(p)/S(-1)` for
 * rows inside a window (to be multiplied by tpWeight); `fpUnit[i]` is the unweighted score for
 * rows outside windows (to be multiplied by fpWeight). Rows before `probation` are unscored.
 */
export interface NabFileGeometry {
  rows: number;
  probation: number;
  windows: number;
  windowOf: Int32Array;
  unit: Float64Array;
}

/**
 * Maps windows (timestamps) onto rows: a window covers every row whose timestamp lies in
 * [start, end]. Windows are sorted by start; a window covering no row is still counted (it can
 * only be missed), matching the rule that null/perfect depend on the number of windows.
 */
export function fileGeometry(timestamps: ArrayLike<number>, windows: readonly NabWindow[]): NabFileGeometry {
  const n = timestamps.length;
  const probation = probationaryRows(n);
  const windowOf = new Int32Array(n).fill(-1);
  const unit = new Float64Array(n);
  const sorted = [...windows].sort((a, b) => a[0] - b[0]);
  const left: number[] = [];
  const right: number[] = [];
  for (let w = 0; w < sorted.length; w++) {
    const [s, e] = sorted[w];
    let l = -1;
    let r = -1;
    for (let i = 0; i < n; i++) {
      const t = timestamps[i];
      if (t >= s && t <= e) {
        if (l < 0) l = i;
        r = i;
      }
    }
    left.push(l);
    right.push(r);
    if (l >= 0) for (let i = l; i <= r; i++) windowOf[i] = w;
  }
  const sMinus1 = scaledSigmoid(-1);
  let prevRight = -1;
  let prevWidth = 0;
  for (let i = 0; i < n; i++) {
    const w = windowOf[i];
    if (w >= 0) {
      const width = right[w] - left[w] + 1;
      const p = -(right[w] - i + 1) / width;
      unit[i] = scaledSigmoid(p) / sMinus1;
      if (i === right[w]) {
        prevRight = right[w];
        prevWidth = width;
      }
    } else if (prevRight < 0) {
      unit[i] = -1;
    } else {
      // A one-row window gives 0/0 or x/0; treat a zero denominator as "far past" (S = -1).
      const denom = prevWidth - 1;
      const x = denom > 0 ? Math.abs(i - prevRight) / denom : Number.POSITIVE_INFINITY;
      unit[i] = scaledSigmoid(x);
    }
  }
  return { rows: n, probation, windows: sorted.length, windowOf, unit };
}

/** Raw NAB score of one file at one threshold (rows with score >= threshold are detections). */
export function rawScore(
  geo: NabFileGeometry,
  scores: ArrayLike<number>,
  threshold: number,
  profile: NabProfile,
): number {
  const best = new Float64Array(geo.windows).fill(Number.NEGATIVE_INFINITY);
  let fp = 0;
  for (let i = geo.probation; i < geo.rows; i++) {
    if (!(scores[i] >= threshold)) continue;
    const w = geo.windowOf[i];
    if (w >= 0) {
      const s = geo.unit[i] * profile.tpWeight;
      if (s > best[w]) best[w] = s;
    } else {
      fp += geo.unit[i] * profile.fpWeight;
    }
  }
  let raw = fp;
  for (let w = 0; w < geo.windows; w++) raw += best[w] === Number.NEGATIVE_INFINITY ? -profile.fnWeight : best[w];
  return raw;
}

export function nullScore(windows: number, profile: NabProfile): number {
  return -profile.fnWeight * windows;
}

export function perfectScore(windows: number, profile: NabProfile): number {
  return profile.tpWeight * windows;
}

/** `100 * (raw - null) / (perfect - null)`; NaN when there are no windows (undefined). */
export function normalise(raw: number, windows: number, profile: NabProfile): number {
  const nul = nullScore(windows, profile);
  const denom = perfectScore(windows, profile) - nul;
  return denom > 0 ? (100 * (raw - nul)) / denom : Number.NaN;
}

export interface NabScoredFile {
  geo: NabFileGeometry;
  scores: ArrayLike<number>;
}

/**
 * Exhaustive threshold search: the raw corpus score only changes at distinct score values, so
 * sort all scored rows descending and add them one score-level at a time, updating per-window
 * best and the FP sum incrementally (O(N log N)). Returns the threshold with the highest summed
 * raw score; ties keep the higher threshold (fewer detections). If nothing beats "never fire",
 * the threshold is just above the highest score.
 */
export function optimiseThreshold(
  files: readonly NabScoredFile[],
  profile: NabProfile,
): { threshold: number; raw: number } {
  let total = 0;
  for (const f of files) total += f.geo.probation < f.geo.rows ? f.geo.rows - f.geo.probation : 0;
  const score = new Float64Array(total);
  const unit = new Float64Array(total);
  const win = new Int32Array(total);
  let k = 0;
  let windowBase = 0;
  for (const f of files) {
    for (let i = f.geo.probation; i < f.geo.rows; i++) {
      const v = f.scores[i];
      score[k] = Number.isNaN(v) ? Number.NEGATIVE_INFINITY : v; // NaN never detects
      unit[k] = f.geo.unit[i];
      win[k] = f.geo.windowOf[i] >= 0 ? windowBase + f.geo.windowOf[i] : -1;
      k++;
    }
    windowBase += f.geo.windows;
  }
  const order = Array.from({ length: total }, (_, i) => i);
  order.sort((a, b) => score[b] - score[a]);
  const best = new Float64Array(windowBase).fill(Number.NaN);
  let raw = nullScore(windowBase, profile);
  let bestRaw = raw;
  const maxScore = total > 0 ? score[order[0]] : 0;
  let bestThreshold = Number.isFinite(maxScore) ? maxScore + 1e-9 : 1;
  let j = 0;
  while (j < total) {
    const level = score[order[j]];
    if (level === Number.NEGATIVE_INFINITY) break;
    while (j < total && score[order[j]] === level) {
      const r = order[j];
      const w = win[r];
      if (w >= 0) {
        const s = unit[r] * profile.tpWeight;
        if (Number.isNaN(best[w])) {
          raw += s + profile.fnWeight;
          best[w] = s;
        } else if (s > best[w]) {
          raw += s - best[w];
          best[w] = s;
        }
      } else {
        raw += unit[r] * profile.fpWeight;
      }
      j++;
    }
    if (raw > bestRaw + 1e-12) {
      bestRaw = raw;
      bestThreshold = level;
    }
  }
  return { threshold: bestThreshold, raw: bestRaw };
}

export interface NabFileResult {
  category: string;
  geo: NabFileGeometry;
  scores: ArrayLike<number>;
}

export interface NabProfileResult {
  threshold: number;
  raw: number;
  total: number;
  categories: Record<string, number>;
}

/**
 * Scores a corpus for one profile: with `threshold` given, uses it; otherwise optimises it over
 * the whole corpus. Per-category scores are normalised per category (its own null/perfect) at
 * that corpus-wide threshold; `total` is normalised over the whole corpus.
 */
export function scoreCorpus(
  files: readonly NabFileResult[],
  profile: NabProfile,
  threshold?: number,
): NabProfileResult {
  const thr = threshold ?? optimiseThreshold(files, profile).threshold;
  const catRaw = new Map<string, { raw: number; windows: number }>();
  let raw = 0;
  let windows = 0;
  for (const f of files) {
    const r = rawScore(f.geo, f.scores, thr, profile);
    raw += r;
    windows += f.geo.windows;
    const c = catRaw.get(f.category) ?? { raw: 0, windows: 0 };
    c.raw += r;
    c.windows += f.geo.windows;
    catRaw.set(f.category, c);
  }
  const categories: Record<string, number> = {};
  for (const [name, c] of [...catRaw.entries()].sort((a, b) => a[0].localeCompare(b[0]))) {
    categories[name] = normalise(c.raw, c.windows, profile);
  }
  return { threshold: thr, raw, total: normalise(raw, windows, profile), categories };
}
