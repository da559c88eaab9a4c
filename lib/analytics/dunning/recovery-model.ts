import { sigmoid } from './logistic-regression';
import {
  FEATURE_NAMES,
  featureVector,
  type AccountFeatures,
  type FeatureName,
  type StepContext,
} from './recovery-features';

// The recovery-likelihood model: P(the step recovers the invoice before the next decision) =
// σ(Σ weight × feature). Weights are fitted by scripts/fit-dunning-model.ts and stored, versioned,
// in recovery-model.v<n>.json; every decision names the version and shows each feature's
// contribution (weight × value) so a reviewer sees why, not just a score. Pure.

export interface RecoveryModel {
  version: string;
  weights: Record<FeatureName, number>;
}

export interface Factor {
  feature: FeatureName;
  value: number;
  weight: number;
  /** weight × value, in log-odds. */
  contribution: number;
}

export interface Prediction {
  probability: number;
  logOdds: number;
  factors: Factor[];
}

/** Reads a model file, refusing one whose features are not exactly this code's. */
export function loadRecoveryModel(json: { version: string; weights: Record<string, number> }): RecoveryModel {
  const names = Object.keys(json.weights);
  const missing = FEATURE_NAMES.filter((n) => typeof json.weights[n] !== 'number');
  const extra = names.filter((n) => !(FEATURE_NAMES as readonly string[]).includes(n));
  if (missing.length || extra.length) {
    throw new Error(`recovery model ${json.version}: features differ (missing ${missing}, unknown ${extra})`);
  }
  return { version: json.version, weights: json.weights as Record<FeatureName, number> };
}

export function predictRecovery(model: RecoveryModel, account: AccountFeatures, step: StepContext): Prediction {
  const x = featureVector(account, step);
  const factors = FEATURE_NAMES.map((feature, i) => {
    const weight = model.weights[feature];
    return { feature, value: x[i]!, weight, contribution: weight * x[i]! };
  });
  const logOdds = factors.reduce((s, f) => s + f.contribution, 0);
  return { probability: sigmoid(logOdds), logOdds, factors };
}

/** The factors that moved this prediction most (non-zero, largest |contribution| first). */
export function topFactors(p: Prediction, n = 6): Factor[] {
  return p.factors
    .filter((f) => f.feature !== 'intercept' && f.contribution !== 0)
    .sort((a, b) => Math.abs(b.contribution) - Math.abs(a.contribution))
    .slice(0, n);
}
