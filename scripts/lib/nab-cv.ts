/**
 * Leave-one-category-out cross-validation of the anomaly detector on a NAB-layout corpus.
 *
 * For every category that has anomaly windows, the detector's parameters (one candidate of the
 * search space) and each profile's threshold are chosen on all OTHER categories only (NAB's rule:
 * the threshold maximising the summed raw score of the training files), and the score reported
 * for the category is its normalised score at that choice. Categories without windows (e.g.
 * artificialNoAnomaly) have no normalised score: they are never a held-out fold but are always
 * in the training folds, where each of their alarms is a false positive. Parameters are chosen
 * by the standard profile; low-FP / low-FN choose only their threshold, as NAB does.
 * The detector's own `threshold` (an alarm starts its refractory period) stays the shipped one
 * while candidates run; the shipped value is a fixed point — shipping the threshold the protocol
 * picks and running it again picks the same one (eval-anomaly reports whether it matches).
 */
import type { AnomalyDetectorParams } from '../../lib/analytics/anomaly';
import { scoreCorpus, optimiseThreshold, type NabFileResult } from '../../lib/analytics/nab-score';
import type { NabCorpus } from './nab-data';
import { runDetector, toResults } from './nab-run';

export type Candidate = Partial<AnomalyDetectorParams>;

export interface Choice {
  candidate: number;
  /** Threshold per profile. */
  thresholds: Record<string, number>;
  /** Normalised training score (standard profile) of the chosen candidate. */
  trainScore: number;
}

export interface FoldResult {
  category: string;
  choice: Choice;
  /** Held-out normalised score per profile. */
  heldOut: Record<string, number>;
}

export interface CvResult {
  folds: FoldResult[];
  /** The choice on every category together: what the shipped defaults should be. */
  all: Choice;
  /** Normalised score per profile of the whole corpus at `all` (in-sample). */
  corpusTotal: Record<string, number>;
  /** Per-category scores per profile at `all` (in-sample). */
  inSample: Record<string, Record<string, number>>;
}

function choose(corpus: NabCorpus, perCandidate: NabFileResult[][], keep: (category: string) => boolean): Choice {
  const std = corpus.profiles.standard;
  let best: Choice | null = null;
  for (let c = 0; c < perCandidate.length; c++) {
    const train = perCandidate[c].filter((f) => keep(f.category));
    const { threshold } = optimiseThreshold(train, std);
    const trainScore = scoreCorpus(train, std, threshold).total;
    if (best && !(trainScore > best.trainScore + 1e-9)) continue;
    const thresholds: Record<string, number> = {};
    for (const [name, profile] of Object.entries(corpus.profiles)) {
      thresholds[name] = name === 'standard' ? threshold : optimiseThreshold(train, profile).threshold;
    }
    best = { candidate: c, thresholds, trainScore };
  }
  if (!best) throw new Error('empty search space');
  return best;
}

export function crossValidate(
  corpus: NabCorpus,
  candidates: readonly Candidate[],
  progress: (line: string) => void = () => {},
): CvResult {
  const perCandidate: NabFileResult[][] = [];
  for (let c = 0; c < candidates.length; c++) {
    perCandidate.push(toResults(runDetector(corpus, candidates[c]).runs));
    progress(`  ran candidate ${c + 1}/${candidates.length} ${JSON.stringify(candidates[c])}`);
  }
  const windowsOf = new Map<string, number>();
  for (const s of corpus.series) windowsOf.set(s.category, (windowsOf.get(s.category) ?? 0) + s.windows.length);
  const folds: FoldResult[] = [];
  for (const [category, windows] of [...windowsOf.entries()].sort()) {
    if (windows === 0) continue;
    const choice = choose(corpus, perCandidate, (c) => c !== category);
    const held = perCandidate[choice.candidate].filter((f) => f.category === category);
    const heldOut: Record<string, number> = {};
    for (const [name, profile] of Object.entries(corpus.profiles)) {
      heldOut[name] = scoreCorpus(held, profile, choice.thresholds[name]).categories[category];
    }
    folds.push({ category, choice, heldOut });
    progress(
      `  fold ${category}: candidate ${choice.candidate + 1} thr ${choice.thresholds.standard.toFixed(4)} ` +
        `held-out ${Object.values(heldOut)
          .map((v) => v.toFixed(2))
          .join(' / ')}`,
    );
  }
  const all = choose(corpus, perCandidate, () => true);
  const corpusTotal: Record<string, number> = {};
  const inSample: Record<string, Record<string, number>> = {};
  for (const [name, profile] of Object.entries(corpus.profiles)) {
    const r = scoreCorpus(perCandidate[all.candidate], profile, all.thresholds[name]);
    corpusTotal[name] = r.total;
    inSample[name] = r.categories;
  }
  return { folds, all, corpusTotal, inSample };
}
