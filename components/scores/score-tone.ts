export type ScoreKey = 'expansion' | 'health' | 'churnRisk';

export const SCORE_LABELS: Record<ScoreKey, string> = {
  expansion: 'Expansion',
  health: 'Health',
  churnRisk: 'Churn risk',
};

// Text colour of a score: good is green, bad is red — health reads the other way round.
export function scoreTone(k: ScoreKey, score: number): string {
  const good = k === 'health' ? score >= 70 : k === 'expansion' ? score >= 70 : score < 30;
  const bad = k === 'health' ? score < 40 : k === 'churnRisk' ? score >= 60 : false;
  return good ? 'text-emerald-700' : bad ? 'text-red-700' : 'text-slate-800';
}
