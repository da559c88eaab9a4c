// What kind of anomaly a flagged point is, from the evidence the detector (anomaly.ts) keeps:
// the label the Usage Analyst and the charts show. Pure and stateless.

export type AnomalyKind = 'none' | 'spike' | 'drop' | 'level_shift' | 'runaway_growth';

/** Evidence for classifying a flagged point; all in the series' own units. */
export interface AnomalyEvidence {
  value: number;
  /** What the value "should" have been (seasonal expectation or recent median). */
  expected: number;
  /** Typical deviation of the series (robust scale, > 0). */
  scale: number;
  /** Mean of the most recent few points (including this one). */
  recentMean: number;
  /** Slow baseline before this point. */
  baseline: number;
  /** Mean of the previous short window (the one before `recentMean`). */
  previousMean: number;
}

/**
 * Stateless classification of a flagged point. A sustained move of the recent mean away from
 * the baseline is a level shift; a sustained rise that is still accelerating (the recent mean
 * rose again versus the previous window by a large step) is runaway growth; otherwise a single
 * point above/below expectation is a spike/drop.
 */
export function classifyAnomaly(e: AnomalyEvidence): Exclude<AnomalyKind, 'none'> {
  const s = e.scale > 0 && Number.isFinite(e.scale) ? e.scale : Math.abs(e.baseline) * 0.01 + 1e-9;
  const sustained = Math.abs(e.recentMean - e.baseline) > 3 * s && Math.abs(e.value - e.recentMean) < 2 * s;
  if (sustained) {
    const rising = e.recentMean > e.baseline && e.recentMean - e.previousMean > 2 * s && e.value >= e.recentMean;
    return rising ? 'runaway_growth' : 'level_shift';
  }
  return e.value >= e.expected ? 'spike' : 'drop';
}
