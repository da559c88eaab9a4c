import { getDb } from '@/lib/db';
import { computeCustomerInsights, type CustomerInsights } from '@/lib/server/insights/compute-customer-insights';
import { getAnalysisClock } from '@/lib/server/insights/get-analysis-clock';
import { USAGE_ANALYST_ID } from '@/lib/server/insights/insight-rules';
import { defineAgent } from '../define-agent';
import { draftAnomalyActions } from './draft-anomaly-actions';
import { draftUpgradeActions } from './draft-upgrade-actions';
import { findNewEpisodes, loadReportedEpisodes } from './episodes';
import { evaluateThresholds, readUsageThresholds, recordThresholdAlerts } from './thresholds';
import { usagePercent } from './usage-analyst-texts';

const ACTIVE = ['active', 'trialing', 'past_due'] as const;
// Advisory lock namespace (two-int form) serialising decisions per customer: the hourly run and
// an ingest-triggered run must not both fire the same threshold or report the same episode.
const LOCK_SPACE = 7_311_002;

// The Usage Analyst (conventions 7): per active subscription and metered limit it reads
// utilisation, the forecast to period end with its 80 % band and crossing date, and the anomaly
// state of the hourly usage; fires tier thresholds once per period; drafts an upgrade and an
// e-mail for organic growth, a review (and for runaway usage a Slack alert) for anomalies —
// through policy — and records a decision for every change it decides (none when nothing changed).
export const usageAnalyst = defineAgent({
  id: USAGE_ANALYST_ID,
  version: '1.0.0',
  title: 'Usage Analyst',
  description: 'Watches metered usage: tier thresholds, forecasts and anomalies → upgrades, e-mails and reviews.',
  triggers: [
    // A few minutes past the hour, after the hour's rollups have settled.
    { on: 'cron', cron: '7 * * * *' },
    { on: 'after_ingest', debounceSeconds: 30 },
    { on: 'worker_start' },
    { on: 'on_demand' },
  ],
  customers: async () =>
    (
      await getDb().subscription.findMany({
        where: { status: { in: [...ACTIVE] }, customer: { deletedAt: null } },
        distinct: ['customerId'],
        orderBy: { customerId: 'asc' },
        select: { customerId: true },
      })
    ).map((s) => s.customerId),
  job: { retryLimit: 3, retryDelaySeconds: 30 },
  // One customer, one decision: analyse (outside the transaction: CPU only), then under the
  // customer's lock fire/resolve thresholds, find episodes not reported yet, draft through policy
  // and record the decision — one transaction, so a crash leaves no half decision. Analysed as of
  // the trigger's asOf, else now — or the ingest watermark when ingestion as a whole is behind.
  run: async (ctx) => {
    const customerId = ctx.customerId!;
    const asOf = ctx.input.asOf ? ctx.now : await getAnalysisClock(ctx.now);
    const insights = await computeCustomerInsights(customerId, asOf);
    if (
      !insights ||
      !new Set<string>(ACTIVE).has(insights.subscription.status) ||
      !insights.meters.some((m) => m.included)
    )
      return;
    const sub = insights.subscription;
    const periodStart = new Date(sub.periodStart);
    await getDb().$transaction(
      async (tx) => {
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(${LOCK_SPACE}::int, hashtext(${customerId}))`;
        const customer = await tx.customer.findUniqueOrThrow({
          where: { id: customerId },
          select: { name: true, email: true },
        });
        const pcts = await readUsageThresholds(tx);
        const alerts = await tx.usageThresholdAlert.findMany({
          where: { customerId, OR: [{ resolvedAt: null }, { periodStart }] },
          select: { id: true, meterId: true, periodStart: true, thresholdPct: true, resolvedAt: true },
        });
        const changes = evaluateThresholds(insights.meters, pcts, sub.periodStart, alerts);
        const reported = await loadReportedEpisodes(tx, ctx.agent.id, customerId, ctx.startedAt);
        const episodes = findNewEpisodes(insights.meters, reported, insights.hour);
        if (!changes.fire.length && !changes.resolve.length && !episodes.length) return;

        const header = {
          customerId,
          sourceRef: `usage:${customerId}:${periodStart.toISOString()}`,
          inputs: summarizeInsights(insights, pcts),
          model: { provider: 'builtin', promptVersion: `${ctx.agent.id}/${ctx.agent.version}` },
        };
        await ctx.decide(tx, header, async (run) => {
          await recordThresholdAlerts(tx, customerId, periodStart, changes, run.runId, ctx.startedAt);
          const meter = (id: string) => insights.meters.find((m) => m.meterId === id);
          // The figures behind each change: the meter's usage against its limit, each episode's detector reading.
          run.evidence(
            ...changes.fire.map((f) => ({
              threshold: {
                meterKey: f.meterKey,
                pct: f.pct,
                used: meter(f.meterId)!.used,
                included: meter(f.meterId)!.included,
              },
            })),
            ...episodes.map((e) => ({
              episode: {
                meterKey: e.meter.meterKey,
                at: new Date(e.anomaly.at).toISOString(),
                kind: e.anomaly.kind,
                score: e.anomaly.score,
                ratio: e.anomaly.ratio,
              },
            })),
          );
          run.reason(
            ...changes.fire.map(
              (f) =>
                `${meter(f.meterId)!.meterName} reached ${usagePercent(meter(f.meterId)!.utilisation ?? 0)} of the included quantity: the ${f.pct}% threshold fired.`,
            ),
            ...changes.resolve.map(
              (r) =>
                `${meter(r.meterId)?.meterKey ?? r.meterId} is back under ${r.pct}% (or its period ended): that alert is resolved.`,
            ),
          );
          const scope = { run, customerId, asOf };
          if (changes.fire.length) await draftUpgradeActions(scope, insights, customer, changes.fire);
          const episodeRefs = await draftAnomalyActions(scope, customer.name, episodes, insights.hour);
          run.output({
            thresholdsFired: changes.fire.map((f) => ({
              meterKey: f.meterKey,
              pct: f.pct,
              refired: Boolean(f.refireId),
            })),
            thresholdsResolved: changes.resolve.map((r) => ({
              meterKey: meter(r.meterId)?.meterKey ?? r.meterId,
              pct: r.pct,
            })),
            episodes: episodeRefs,
          });
        });
      },
      { timeout: 60_000, maxWait: 30_000 },
    );
  },
});

const r = (x: number, d = 3) => Math.round(x * 10 ** d) / 10 ** d;
const iso = (t: number | null) => (t === null ? null : new Date(t).toISOString());

// AgentRun.inputs: what the agent saw — utilisation, forecast and anomaly scores per meter —
// without the hourly series (those can be recomputed from the rollups).
export function summarizeInsights(insights: CustomerInsights, thresholds: number[]) {
  const s = insights.subscription;
  return {
    asOf: insights.asOf.toISOString(),
    analysedUntil: iso(insights.hour),
    subscriptionId: s.id,
    plan: s.plan.key,
    periodStart: iso(s.periodStart),
    periodEnd: iso(s.periodEnd),
    thresholds,
    meters: insights.meters.map((m) => ({
      meterKey: m.meterKey,
      used: r(m.used),
      included: m.included,
      utilisation: m.utilisation === null ? null : r(m.utilisation, 4),
      forecast: {
        expected: r(m.forecast.expected),
        lower: r(m.forecast.lower),
        upper: r(m.forecast.upper),
        crossingDate: iso(m.forecast.crossingDate),
      },
      anomalies: m.anomalies.map((a) => ({
        at: iso(a.at),
        kind: a.kind,
        detectorKind: a.detectorKind,
        score: r(a.score),
        value: r(a.value),
        expected: r(a.expected),
        ratio: r(a.ratio, 2),
        onsetRatio: r(a.onsetRatio, 2),
        currentRatio: r(a.currentRatio, 2),
        excessInPeriod: r(a.excessInPeriod),
        runaway: a.runaway,
        ongoing: a.ongoing,
      })),
    })),
  };
}
