import { getDb } from '@/lib/db';
import { computeCustomerInsights } from '@/lib/server/insights/compute-customer-insights';
import { draftAnomalyActions } from './draft-anomaly-actions';
import { draftUpgradeActions } from './draft-upgrade-actions';
import { evaluateThresholds } from './evaluate-thresholds';
import { findNewEpisodes } from './find-new-episodes';
import { loadReportedEpisodes } from './load-reported-episodes';
import type { DraftRecord } from './propose-draft';
import { readUsageThresholds } from './read-usage-thresholds';
import { recordThresholdAlerts } from './record-threshold-alerts';
import { summarizeInsights } from './summarize-insights';
import { USAGE_ANALYST_ID, USAGE_ANALYST_MODEL, USAGE_ANALYST_VERSION } from './usage-analyst-identity';
import { usagePercent } from './usage-percent';
import { clock } from '@/lib/clock';

export interface AnalysisTrigger {
  type: 'schedule' | 'ingest' | 'startup' | 'manual';
  ref?: string | null;
}

export interface CustomerOutcome {
  customerId: string;
  /** skipped: no active metered subscription; unchanged: nothing new, so no decision record. */
  status: 'skipped' | 'unchanged' | 'recorded';
  agentRunId: string | null;
  drafts: DraftRecord[];
}

const ACTIVE = new Set(['active', 'trialing', 'past_due']);
// Advisory lock namespace (two-int form) serialising decisions per customer: the hourly run and
// an ingest-triggered run must not both fire the same threshold or report the same episode.
const LOCK_SPACE = 7_311_002;

// One customer, one decision: analyse (outside the transaction: CPU only), then under the
// customer's lock fire/resolve thresholds, find episodes not reported yet, draft through policy,
// and write the decision record — all in one transaction, so a crash leaves no half decision.
export async function analyzeCustomerUsage(
  customerId: string,
  trigger: AnalysisTrigger,
  asOf: Date,
): Promise<CustomerOutcome> {
  const insights = await computeCustomerInsights(customerId, asOf);
  if (!insights || !ACTIVE.has(insights.subscription.status) || !insights.meters.some((m) => m.included)) {
    return { customerId, status: 'skipped', agentRunId: null, drafts: [] };
  }
  const sub = insights.subscription;
  return getDb().$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${LOCK_SPACE}::int, hashtext(${customerId}))`;
      const customer = await tx.customer.findUniqueOrThrow({
        where: { id: customerId },
        select: { name: true, email: true },
      });
      const pcts = await readUsageThresholds(tx);
      const alerts = await tx.usageThresholdAlert.findMany({
        where: { customerId, OR: [{ resolvedAt: null }, { periodStart: new Date(sub.periodStart) }] },
        select: { id: true, meterId: true, periodStart: true, thresholdPct: true, resolvedAt: true },
      });
      const changes = evaluateThresholds(insights.meters, pcts, sub.periodStart, alerts);
      const episodes = findNewEpisodes(insights.meters, await loadReportedEpisodes(tx, customerId), insights.hour);
      if (!changes.fire.length && !changes.resolve.length && !episodes.length)
        return { customerId, status: 'unchanged' as const, agentRunId: null, drafts: [] };

      const run = await tx.agentRun.create({
        data: {
          agentId: USAGE_ANALYST_ID,
          agentVersion: USAGE_ANALYST_VERSION,
          customerId,
          trigger: { type: trigger.type, ref: trigger.ref ?? null },
          sourceRef: `usage:${customerId}:${new Date(sub.periodStart).toISOString()}`,
          inputs: summarizeInsights(insights, pcts),
          modelProvider: USAGE_ANALYST_MODEL,
          promptVersion: `usage-analyst/${USAGE_ANALYST_VERSION}`,
        },
        select: { id: true },
      });
      await recordThresholdAlerts(tx, customerId, new Date(sub.periodStart), changes, run.id);
      const key = (meterId: string) => insights.meters.find((m) => m.meterId === meterId)?.meterKey ?? meterId;
      const notes = [
        ...changes.fire.map((f) => {
          const m = insights.meters.find((x) => x.meterId === f.meterId)!;
          return `${m.meterName} reached ${usagePercent(m.utilisation ?? 0)} of the included quantity: the ${f.pct}% threshold fired.`;
        }),
        ...changes.resolve.map(
          (r) => `${key(r.meterId)} is back under ${r.pct}% (or its period ended): that alert is resolved.`,
        ),
      ];
      const ctx = { tx, runId: run.id, customerId, asOf };
      const upgrade = changes.fire.length
        ? await draftUpgradeActions(ctx, insights, customer, changes.fire)
        : { drafts: [], notes: [] };
      const anomalies = await draftAnomalyActions(ctx, customer.name, episodes, insights.hour);
      const drafts = [...upgrade.drafts, ...anomalies.drafts];
      await tx.agentRun.update({
        where: { id: run.id },
        data: {
          outputs: {
            thresholdsFired: changes.fire.map((f) => ({
              meterKey: f.meterKey,
              pct: f.pct,
              refired: Boolean(f.refireId),
            })),
            thresholdsResolved: changes.resolve.map((r) => ({ meterKey: key(r.meterId), pct: r.pct })),
            episodes: anomalies.refs,
            drafts: drafts.map((d) => ({ ...d, meterKey: d.meterKey ?? null, sourceRef: d.sourceRef ?? null })),
          },
          reasoning: [...notes, ...upgrade.notes, ...anomalies.notes].join('\n'),
          status: 'succeeded',
          finishedAt: clock.now(),
        },
      });
      return { customerId, status: 'recorded' as const, agentRunId: run.id, drafts };
    },
    { timeout: 60_000, maxWait: 30_000 },
  );
}
