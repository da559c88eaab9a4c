import { getDb } from '@/lib/db';
import type { CustomerScoresView } from '@/lib/schemas/scores';
import type { StoredScoreFactors } from './record-customer-scores';

const HISTORY_POINTS = 90;

// The customer's latest scorecards and the history behind the trend sparklines (oldest first).
export async function getCustomerScores(customerId: string): Promise<CustomerScoresView> {
  const rows = await getDb().customerHealthScore.findMany({
    where: { customerId },
    orderBy: { computedAt: 'desc' },
    take: HISTORY_POINTS,
    select: { computedAt: true, expansion: true, health: true, churnRisk: true, factors: true },
  });
  const head = rows[0];
  const f = head?.factors as unknown as StoredScoreFactors | undefined;
  return {
    latest:
      head && f
        ? {
            computedAt: head.computedAt.toISOString(),
            version: f.version,
            expansion: f.expansion,
            health: f.health,
            churnRisk: f.churnRisk,
          }
        : null,
    history: rows.reverse().map((r) => ({
      computedAt: r.computedAt.toISOString(),
      expansion: r.expansion,
      health: r.health,
      churnRisk: r.churnRisk,
    })),
  };
}
