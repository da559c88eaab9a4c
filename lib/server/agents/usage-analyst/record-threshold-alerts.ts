import type { Tx } from '@/lib/db';
import type { ThresholdChanges } from './evaluate-thresholds';
import { clock } from '@/lib/clock';

// Writes the threshold changes in the decision's transaction, linked to its AgentRun: a new row
// per newly crossed threshold (the unique key customer + meter + period + threshold is what makes
// it fire once per period), resolvedAt on the ones usage fell back under.
export async function recordThresholdAlerts(
  tx: Tx,
  customerId: string,
  periodStart: Date,
  changes: ThresholdChanges,
  agentRunId: string,
): Promise<void> {
  const now = clock.now();
  for (const f of changes.fire) {
    if (f.refireId)
      await tx.usageThresholdAlert.update({
        where: { id: f.refireId },
        data: { firedAt: now, resolvedAt: null, agentRunId },
      });
    else
      await tx.usageThresholdAlert.create({
        data: { customerId, meterId: f.meterId, periodStart, thresholdPct: f.pct, agentRunId },
      });
  }
  if (changes.resolve.length)
    await tx.usageThresholdAlert.updateMany({
      where: { id: { in: changes.resolve.map((r) => r.id) }, resolvedAt: null },
      data: { resolvedAt: now },
    });
}
