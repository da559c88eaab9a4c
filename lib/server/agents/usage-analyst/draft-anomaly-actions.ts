import { DAY_MS } from '@/lib/server/insights/insight-rules';
import type { DraftScope } from './draft-upgrade-actions';
import type { EpisodeRef, NewEpisode } from './episodes';
import { describeEvidence, writeReviewTask, writeSlackAlert } from './usage-analyst-texts';

// New anomaly episodes → one CRM review task with the evidence of each; runaway ones also → one
// Slack alert (sent through the outbox once approved, or at once on autopilot). An episode
// reported earlier that has since turned runaway only gets the alert. Returns the episodes'
// references, which later runs read back (loadReportedEpisodes) to report each episode once.
export async function draftAnomalyActions(
  ctx: DraftScope,
  customerName: string,
  episodes: readonly NewEpisode[],
  hour: number,
): Promise<EpisodeRef[]> {
  const refs = episodes.map(({ meter, anomaly: a }) => ({
    meterKey: meter.meterKey,
    at: new Date(a.at).toISOString(),
    direction: a.direction,
    kind: a.kind,
    runaway: a.runaway,
  }));
  const notes = episodes.flatMap((e) => [
    ...describeEvidence(customerName, e),
    ...(e.escalation
      ? [`The ${e.meter.meterName} episode reported earlier has turned into runaway growth: alerting.`]
      : []),
  ]);
  const key = (es: readonly NewEpisode[]) =>
    es.map((e) => `${e.meter.meterKey}@${new Date(e.anomaly.at).toISOString()}`).join(',');
  const meterKeys = (es: readonly NewEpisode[]) => es.map((e) => e.meter.meterKey).join(',');
  const fresh = episodes.filter((e) => !e.escalation);
  if (fresh.length) {
    const task = writeReviewTask(customerName, fresh);
    // Runaway usage is billed by the hour: review today; anything else by tomorrow.
    const dueDate = new Date(hour + (fresh.some((e) => e.anomaly.runaway) ? 0 : DAY_MS)).toISOString().slice(0, 10);
    await ctx.run.propose({
      kind: 'crm_task',
      title: task.title,
      payload: { ...task, dueDate },
      reasoning: task.body,
      sourceRef: `usage-analyst:${ctx.customerId}:anomaly:${key(fresh)}`,
      meterKey: meterKeys(fresh),
    });
  }
  const runaway = episodes.filter((e) => e.anomaly.runaway);
  if (runaway.length) {
    const text = writeSlackAlert(customerName, runaway);
    await ctx.run.propose({
      kind: 'slack_post',
      title: `Alert: runaway usage at ${customerName}`.slice(0, 300),
      payload: { text },
      reasoning: text,
      sourceRef: `usage-analyst:${ctx.customerId}:runaway:${key(runaway)}`,
      meterKey: meterKeys(runaway),
    });
  }
  ctx.run.reason(...notes);
  return refs;
}
