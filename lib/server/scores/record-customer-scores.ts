import type { Tx } from '@/lib/db';
import type { CustomerScores } from '@/lib/analytics/customer-scores';
import type { ScoreSignals } from '@/lib/analytics/score-signals';

// Within this long of the last row, identical scores are not written again: a burst of webhooks
// and ingest runs leaves one point on the trend line, a real change always a new one.
const SAME_SCORE_WINDOW_MS = 60 * 60 * 1000;

export interface StoredScoreFactors {
  version: string;
  expansion: CustomerScores['expansion'];
  health: CustomerScores['health'];
  churnRisk: CustomerScores['churnRisk'];
  signals: Pick<ScoreSignals, 'headroomUsed' | 'projectedUtilisation' | 'crossingAt' | 'usageSlope'>;
  plan: { key: string; name: string; basePriceMinor: number; currency: string };
  subscriptionId: string;
}

/** Appends a score row (history is kept: the trend sparkline reads it); returns whether it wrote one. */
export async function recordCustomerScores(
  tx: Tx,
  customerId: string,
  now: Date,
  factors: StoredScoreFactors,
): Promise<{ written: boolean; previous: { expansion: number; health: number; churnRisk: number } | null }> {
  const previous = await tx.customerHealthScore.findFirst({
    where: { customerId, computedAt: { lte: now } },
    orderBy: { computedAt: 'desc' },
    select: { expansion: true, health: true, churnRisk: true, computedAt: true },
  });
  const same =
    previous &&
    now.getTime() - previous.computedAt.getTime() < SAME_SCORE_WINDOW_MS &&
    previous.expansion === factors.expansion.score &&
    previous.health === factors.health.score &&
    previous.churnRisk === factors.churnRisk.score;
  if (same) return { written: false, previous };
  await tx.customerHealthScore.create({
    data: {
      customerId,
      expansion: factors.expansion.score,
      health: factors.health.score,
      churnRisk: factors.churnRisk.score,
      factors: factors as unknown as object,
      computedAt: now,
    },
  });
  return { written: true, previous };
}
