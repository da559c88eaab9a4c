import { ticketSentiment } from './ticket-sentiment';

/**
 * What the customer scores are computed from, as plain numbers: the server reads them from the
 * database (lib/server/scores/load-score-inputs.ts) and `npm run eval:scores` simulates them, so
 * both go through the same derivation and the same scorecards.
 */
export interface ScoreMeterInput {
  key: string;
  name: string;
  /** Included quantity of the plan, null when the meter has no limit. */
  included: number | null;
  /** Usage so far this billing period. */
  used: number;
  /** Usage per UTC day for the last 28 days, oldest first (the last entry is the current day so far). */
  daily: readonly number[];
  /** When the forecast expects usage to reach the included quantity, when the caller has one. */
  crossingAt?: number | null;
}

export interface ScoreTicketInput {
  createdAt: number;
  subject: string;
  body: string;
  priority: string;
}

export interface ScoreInputs {
  asOf: number;
  periodStart: number;
  periodEnd: number;
  subscriptionStatus: string;
  cancelAtPeriodEnd: boolean;
  basePriceMinor: number;
  meters: readonly ScoreMeterInput[];
  /** Distinct values seen in usage-event properties over 30 days: how deeply the API is wired in. */
  integration: { endpoints: number; regions: number; apiKeys: number; webhookEvents: number };
  /** Usage (overage) charges on paid invoices over 90 days, minor units. */
  overagePaidMinor: number;
  /** Payment attempts over 90 days. */
  payments: { failed: number; succeeded: number };
  /** The subscription is past due / unpaid, the customer is delinquent or an invoice is being retried. */
  dunning: boolean;
  /** Support tickets of the last 90 days. */
  tickets: readonly ScoreTicketInput[];
}

export interface ScoreSignals {
  /** Highest used / included over the metered limits (0 without limits). */
  headroomUsed: number;
  /** The higher of that and the last 7 days' daily rate over a whole period, per limit. */
  projectedUtilisation: number;
  /** log2(recent 7-day usage / the 21 days before), volume-normalised per meter; 0 is flat. */
  usageSlope: number;
  /** Share lost between the earlier 21 days and the last 7 (0 when usage did not fall). */
  usageDrop: number;
  /** Trailing days without any usage. */
  idleStreakDays: number;
  /** Days to the earliest forecast quota crossing this period (0: already over), null: none. */
  crossingDays: number | null;
  crossingAt: number | null;
  /** Meters used in the last 14 days / meters in the plan. */
  meterBreadth: number;
  /** 0 … 1 from endpoints, regions, API keys in use and webhook usage. */
  integrationDepth: number;
  /** Overage paid over 90 days relative to three base fees. */
  overageRatio: number;
  paymentFailRate: number;
  failedPayments: number;
  dunning: boolean;
  /** Days with any usage among the last 14, as a share. */
  activeDays: number;
  tickets30: number;
  /** Recency-weighted mean sentiment of the 90 days' tickets (-1 … 1; 0 without tickets). */
  sentiment: number;
  leavingIntent: boolean;
  cancelAtPeriodEnd: boolean;
  /** On pace to use less than 15 % of every limit: the plan is larger than the need. */
  overProvisioned: boolean;
}

const DAY = 86_400_000;
const mean = (xs: readonly number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);
const clamp01 = (x: number) => Math.max(0, Math.min(1, x));

// Each meter's days divided by its own 28-day mean, summed over meters: a busy meter does not
// drown out the others, and the total reads "how active relative to normal" per day.
function normalisedActivity(meters: readonly ScoreMeterInput[]): number[] {
  const days = Math.max(0, ...meters.map((m) => m.daily.length));
  const total = new Array<number>(days).fill(0);
  for (const m of meters) {
    const mu = mean(m.daily);
    if (mu <= 0) continue;
    const offset = days - m.daily.length;
    m.daily.forEach((v, i) => (total[offset + i]! += v / mu));
  }
  return total;
}

// Where the caller has no forecast, a straight line through the last 7 days' daily rate.
function linearCrossing(m: ScoreMeterInput, asOf: number, periodEnd: number): number | null {
  if (m.included === null || m.included <= 0) return null;
  if (m.used >= m.included) return asOf;
  const rate = mean(m.daily.slice(-8, -1));
  if (rate <= 0) return null;
  const at = asOf + ((m.included - m.used) / rate) * DAY;
  return at <= periodEnd ? at : null;
}

export function deriveScoreSignals(input: ScoreInputs): ScoreSignals {
  const { asOf, meters } = input;
  const limited = meters.filter((m) => m.included !== null && m.included > 0);
  const headroomUsed = limited.length ? Math.max(...limited.map((m) => m.used / m.included!)) : 0;

  // Early in a period little is used yet: the last week's daily rate over a whole period says
  // more about where the account is heading than the level reached so far.
  const periodDays = (input.periodEnd - input.periodStart) / DAY || 30;
  const projectedUtilisation = limited.length
    ? Math.max(headroomUsed, ...limited.map((m) => (mean(m.daily.slice(-8, -1)) * periodDays) / m.included!))
    : 0;

  const activity = normalisedActivity(meters);
  // The current day is partial: trend and drop compare complete days only.
  const complete = activity.slice(0, -1);
  const recent = mean(complete.slice(-7));
  const earlier = mean(complete.slice(-28, -7));
  const eps = 0.05 * Math.max(1, meters.length);
  const usageSlope = earlier > 0 || recent > 0 ? Math.log2((recent + eps) / (earlier + eps)) : 0;
  const usageDrop = earlier > 0 ? clamp01(1 - recent / earlier) : 0;
  let idleStreakDays = 0;
  for (let i = complete.length - 1; i >= 0 && complete[i]! <= 0; i--) idleStreakDays++;
  const last14 = complete.slice(-14);
  const activeDays = last14.length ? last14.filter((v) => v > 0).length / last14.length : 0;

  const crossings = limited
    .map((m) => (m.crossingAt !== undefined ? m.crossingAt : linearCrossing(m, asOf, input.periodEnd)))
    .filter((t): t is number => t !== null && t !== undefined);
  const crossingAt = crossings.length ? Math.min(...crossings) : null;
  const crossingDays = crossingAt === null ? null : Math.max(0, (crossingAt - asOf) / DAY);

  const used14 = meters.filter((m) => m.daily.slice(-14).some((v) => v > 0)).length;
  const { endpoints, regions, apiKeys, webhookEvents } = input.integration;
  const integrationDepth = mean([
    clamp01(endpoints / 8),
    clamp01(regions / 3),
    clamp01(apiKeys / 4),
    webhookEvents > 0 ? 1 : 0,
  ]);

  const attempts = input.payments.failed + input.payments.succeeded;
  let weight = 0;
  let weighted = 0;
  let leavingIntent = false;
  for (const t of input.tickets) {
    const ageDays = Math.max(0, (asOf - t.createdAt) / DAY);
    if (ageDays > 90) continue;
    const s = ticketSentiment(t.subject, t.body);
    const w = Math.exp(-ageDays / 30) * (t.priority === 'urgent' || t.priority === 'high' ? 1.5 : 1);
    weight += w;
    weighted += w * s.score;
    if (s.leavingIntent && ageDays <= 60) leavingIntent = true;
  }

  return {
    headroomUsed,
    projectedUtilisation,
    usageSlope,
    usageDrop,
    idleStreakDays,
    crossingDays,
    crossingAt,
    meterBreadth: meters.length ? used14 / meters.length : 0,
    integrationDepth,
    overageRatio: input.basePriceMinor > 0 ? input.overagePaidMinor / (3 * input.basePriceMinor) : 0,
    paymentFailRate: attempts ? input.payments.failed / attempts : 0,
    failedPayments: input.payments.failed,
    dunning: input.dunning,
    activeDays,
    tickets30: input.tickets.filter((t) => asOf - t.createdAt <= 30 * DAY).length,
    sentiment: weight ? weighted / weight : 0,
    leavingIntent,
    cancelAtPeriodEnd: input.cancelAtPeriodEnd,
    overProvisioned: limited.length > 0 && projectedUtilisation < 0.15,
  };
}
