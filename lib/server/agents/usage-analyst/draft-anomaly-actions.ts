import { DAY_MS } from '@/lib/server/insights/insight-rules';
import type { EpisodeRef, NewEpisode } from './find-new-episodes';
import { proposeDraft, type DraftContext, type DraftRecord } from './propose-draft';
import { describeEvidence, writeReviewTask, writeSlackAlert } from './write-anomaly-messages';

// New anomaly episodes → one CRM review task with the evidence of each; runaway ones also → one
// Slack alert (sent through the outbox once approved, or at once on autopilot). An episode
// reported earlier that has since turned runaway only gets the alert.
export async function draftAnomalyActions(
  ctx: DraftContext,
  customerName: string,
  episodes: readonly NewEpisode[],
  hour: number,
): Promise<{ drafts: DraftRecord[]; notes: string[]; refs: EpisodeRef[] }> {
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
  const drafts: DraftRecord[] = [];
  const fresh = episodes.filter((e) => !e.escalation);
  if (fresh.length) {
    const task = writeReviewTask(customerName, fresh);
    // Runaway usage is billed by the hour: review today; anything else by tomorrow.
    const dueDate = new Date(hour + (fresh.some((e) => e.anomaly.runaway) ? 0 : DAY_MS)).toISOString().slice(0, 10);
    drafts.push(
      await proposeDraft(ctx, {
        kind: 'crm_task',
        title: task.title,
        payload: { ...task, dueDate },
        reasoning: task.body,
        sourceRef: `usage-analyst:${ctx.customerId}:anomaly:${key(fresh)}`,
        meterKey: meterKeys(fresh),
      }),
    );
  }
  const runaway = episodes.filter((e) => e.anomaly.runaway);
  if (runaway.length) {
    const text = writeSlackAlert(customerName, runaway);
    drafts.push(
      await proposeDraft(ctx, {
        kind: 'slack_post',
        title: `Alert: runaway usage at ${customerName}`.slice(0, 300),
        payload: { text },
        reasoning: text,
        sourceRef: `usage-analyst:${ctx.customerId}:runaway:${key(runaway)}`,
        meterKey: meterKeys(runaway),
      }),
    );
  }
  return { drafts, notes, refs };
}
