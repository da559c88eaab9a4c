/** Runs the streaming detector over a loaded NAB corpus and scores it (shared by the CLIs). */
import { AnomalyDetector, type AnomalyDetectorParams } from '../../lib/analytics/anomaly';
import { fileGeometry, scoreCorpus, type NabFileResult, type NabProfileResult } from '../../lib/analytics/nab-score';
import type { NabCorpus, NabSeries } from './nab-data';

export interface DetectorRun {
  series: NabSeries;
  scores: Float64Array;
  /** Index of the feature with the largest surprise per point (diagnostics). */
  driver: Uint8Array;
}

/**
 * Streams every series through a fresh detector. With `warm`, a first untimed pass lets the JIT
 * compile the hot path so `seconds` reflects steady-state throughput.
 */
export function runDetector(
  corpus: NabCorpus,
  params: Partial<AnomalyDetectorParams> = {},
  warm = false,
): { runs: DetectorRun[]; points: number; seconds: number } {
  if (warm) runDetector(corpus, params, false);
  const runs: DetectorRun[] = [];
  let points = 0;
  const t0 = process.hrtime.bigint();
  for (const s of corpus.series) {
    const det = new AnomalyDetector(params);
    const n = s.values.length;
    const scores = new Float64Array(n);
    const driver = new Uint8Array(n);
    const ls = det.lastSurprise;
    for (let i = 0; i < n; i++) {
      scores[i] = det.score(s.timestamps[i], s.values[i]);
      let b = 0;
      for (let j = 1; j < ls.length; j++) if (ls[j] > ls[b]) b = j;
      driver[i] = b;
    }
    runs.push({ series: s, scores, driver });
    points += n;
  }
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  return { runs, points, seconds };
}

export function toResults(runs: DetectorRun[]): NabFileResult[] {
  return runs.map((r) => ({
    category: r.series.category,
    geo: fileGeometry(r.series.timestamps, r.series.windows),
    scores: r.scores,
  }));
}

export function scoreAll(
  corpus: NabCorpus,
  results: NabFileResult[],
  thresholds?: Record<string, number>,
): Record<string, NabProfileResult> {
  const out: Record<string, NabProfileResult> = {};
  for (const [name, profile] of Object.entries(corpus.profiles)) {
    out[name] = scoreCorpus(results, profile, thresholds ? (thresholds[name] ?? thresholds.standard) : undefined);
  }
  return out;
}
