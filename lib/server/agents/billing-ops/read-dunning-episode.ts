import type { Tx } from '@/lib/db';
import type { EpisodeState } from '@/lib/analytics/dunning/dunning-policy';
import { DAY_MS } from '@/lib/server/insights/insight-rules';

// Days from the first failure until the subscription is cancelled for non-payment, unless grace
// is extended (the same horizon the eval's simulator uses).
export const CANCEL_AFTER_DAYS = 21;
export const AGENT_ID = 'billing-ops';

/** What a billing-ops decision keeps in its outputs, read back for the episode and the timeline. */
export interface DunningOutput {
  invoiceId: string;
  episodeKey: string;
  attempt: number;
  declineClass: string | null;
  declineCode: string | null;
  step: string;
  at: string | null;
  probability: number | null;
  extendGrace: boolean;
  graceDays: number | null;
  modelVersion: string | null;
  why: string[];
  factors: { feature: string; value: number; contribution: number }[];
}

const TOUCHING = ['retry', 'update_card_email', 'call_task', 'usage_credit', 'pause_offer'];

// The dunning episode of one invoice so far: the failures recorded on it (first one, latest
// codes) and what this agent already decided for it — steps taken, grace extended.
export async function readDunningEpisode(tx: Tx, invoiceId: string, now: Date) {
  const [attempts, runs] = await Promise.all([
    tx.paymentAttempt.findMany({
      where: { invoiceId, succeeded: false },
      orderBy: { attemptedAt: 'asc' },
      select: { attemptedAt: true, failureCode: true, failureMessage: true },
    }),
    tx.agentRun.findMany({
      where: { agentId: AGENT_ID, status: 'succeeded', inputs: { path: ['invoiceId'], equals: invoiceId } },
      orderBy: { startedAt: 'asc' },
      select: { outputs: true },
    }),
  ]);
  const decided = runs
    .map((r) => (r.outputs as { dunning?: DunningOutput } | null)?.dunning)
    .filter((d): d is DunningOutput => Boolean(d));
  const steps = decided.map((d) => d.step);
  const firstFailureAt = attempts[0]?.attemptedAt ?? now;
  const graceExtendedDays = decided.reduce((s, d) => s + (d.extendGrace ? (d.graceDays ?? 0) : 0), 0);
  const cancelAt = firstFailureAt.getTime() + (CANCEL_AFTER_DAYS + graceExtendedDays) * DAY_MS;
  const state: EpisodeState = {
    retries: steps.filter((s) => s === 'retry').length,
    emails: steps.filter((s) => ['update_card_email', 'usage_credit', 'pause_offer'].includes(s)).length,
    callMade: steps.includes('call_task'),
    creditGiven: steps.includes('usage_credit'),
    offerMade: steps.includes('pause_offer'),
    graceExtended: graceExtendedDays > 0,
    daysToCancel: (cancelAt - now.getTime()) / DAY_MS,
  };
  return {
    decided,
    state,
    touchesSoFar: steps.filter((s) => TOUCHING.includes(s)).length,
    firstFailureAt,
    latestCodes: [...attempts].reverse().map((a) => a.failureCode),
    failures: attempts.length,
    closed: decided.some((d) => d.step === 'recovered'),
  };
}
export type DunningEpisode = Awaited<ReturnType<typeof readDunningEpisode>>;
