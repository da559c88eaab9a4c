import { z } from 'zod';
import type { Tx } from '@/lib/db';
import type { MeterInsight } from '@/lib/server/insights/analyze-meter-usage';
import { getPolicy } from '@/lib/server/actions/policies/get-policy';

// Tier thresholds fire once per customer, meter, period and threshold: which ones are configured,
// which fire or resolve now, and writing that down in the decision's transaction.

export const DEFAULT_USAGE_THRESHOLDS = [80, 90, 100];
const thresholds = z.array(z.number().int().min(1).max(1000)).min(1);

// Tier thresholds (percent of the included quantity) live in the plan_change policy's settings,
// so the people who own upgrades tune when the agent speaks. A malformed value falls back to
// the default rather than silencing the agent.
export async function readUsageThresholds(tx: Tx): Promise<number[]> {
  const policy = await getPolicy(tx, 'plan_change');
  const parsed = thresholds.safeParse(policy.settings.usageThresholds);
  return parsed.success ? [...new Set(parsed.data)].sort((a, b) => a - b) : DEFAULT_USAGE_THRESHOLDS;
}

export interface AlertRow {
  id: string;
  meterId: string;
  periodStart: Date;
  thresholdPct: number;
  resolvedAt: Date | null;
}

export interface ThresholdChanges {
  /** Newly crossed this period (refire: a resolved alert crossed again, e.g. after a plan change). */
  fire: { meterId: string; meterKey: string; pct: number; refireId: string | null }[];
  resolve: { id: string; meterId: string; pct: number }[];
}

// Which tier thresholds fire or resolve now. One alert row per customer, meter, period and
// threshold (the table's unique key) is what makes a threshold fire once per period. An alert
// resolves when usage is back under it — within a period that happens after an upgrade raised
// the included quantity; alerts of a past period resolve because the new period starts at zero.
export function evaluateThresholds(
  meters: readonly MeterInsight[],
  pcts: readonly number[],
  periodStart: number,
  alerts: readonly AlertRow[],
): ThresholdChanges {
  const out: ThresholdChanges = { fire: [], resolve: [] };
  const current = (a: AlertRow) => a.periodStart.getTime() === periodStart;
  for (const a of alerts) {
    if (!a.resolvedAt && (!current(a) || !meters.some((m) => m.meterId === a.meterId && m.included)))
      out.resolve.push({ id: a.id, meterId: a.meterId, pct: a.thresholdPct });
  }
  for (const m of meters) {
    if (!m.included) continue;
    for (const pct of pcts) {
      const crossed = m.used >= (m.included * pct) / 100;
      const row = alerts.find((a) => current(a) && a.meterId === m.meterId && a.thresholdPct === pct);
      if (crossed && (!row || row.resolvedAt))
        out.fire.push({ meterId: m.meterId, meterKey: m.meterKey, pct, refireId: row?.id ?? null });
      else if (!crossed && row && !row.resolvedAt) out.resolve.push({ id: row.id, meterId: m.meterId, pct });
    }
  }
  return out;
}

// Writes the threshold changes in the decision's transaction, linked to its AgentRun: a new row
// per newly crossed threshold (the unique key customer + meter + period + threshold is what makes
// it fire once per period), resolvedAt on the ones usage fell back under.
export async function recordThresholdAlerts(
  tx: Tx,
  customerId: string,
  periodStart: Date,
  changes: ThresholdChanges,
  agentRunId: string,
  now: Date,
): Promise<void> {
  for (const f of changes.fire) {
    if (f.refireId)
      await tx.usageThresholdAlert.update({
        where: { id: f.refireId },
        data: { firedAt: now, resolvedAt: null, agentRunId },
      });
    else
      await tx.usageThresholdAlert.create({
        data: { customerId, meterId: f.meterId, periodStart, thresholdPct: f.pct, agentRunId, firedAt: now },
      });
  }
  if (changes.resolve.length)
    await tx.usageThresholdAlert.updateMany({
      where: { id: { in: changes.resolve.map((r) => r.id) }, resolvedAt: null },
      data: { resolvedAt: now },
    });
}
