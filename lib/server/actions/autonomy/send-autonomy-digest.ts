import { getDb } from '@/lib/db';
import { getEnv } from '@/lib/env';
import { kindLabel } from '@/lib/schemas/action-kinds';
import { destinationFor } from '@/lib/server/integrations/resolve-destination';
import { enqueueOutboxMessage } from '@/lib/server/outbox/enqueue-outbox-message';
import { clock } from '@/lib/clock';
import { listWorkflows } from './list-workflows';

// The weekly autonomy digest: per workflow its phase, acceptance figures, and whether it is ready
// for promotion — to Slack, and by e-mail when AUTONOMY_DIGEST_EMAIL_TO is set, through the
// outbox. Keyed by ISO week, so a repeated cron slot queues nothing twice.
export async function sendAutonomyDigest(now = clock.now()): Promise<{ week: string; workflows: number }> {
  const { items } = await listWorkflows();
  const week = new Date(now.getTime() - ((now.getUTCDay() + 6) % 7) * 86_400_000).toISOString().slice(0, 10);
  const lines = items.map((wf) => {
    const m = wf.metrics;
    const ready = wf.phase === 'assist' && m.promotion.eligible ? ' — ready for promotion' : '';
    const missing = m.promotion.checks.filter((c) => !c.ok).map((c) => c.label);
    return (
      `• ${wf.agentTitle} · ${kindLabel(wf.actionKind)}: ${wf.phase} since ${wf.phaseSince.slice(0, 10)}; ` +
      `${m.drafts} drafts, ${m.uneditedPercent ?? '—'} % unedited, ${m.approvedEdited} edited, ${m.rejected} rejected, ` +
      `${m.expired} expired, ${m.autoApproved} on autopilot, ${m.reversals} reversed${ready}` +
      (wf.phase === 'assist' && missing.length ? ` (missing: ${missing.join(', ')})` : '')
    );
  });
  const text = [
    `Tollgate autonomy digest, week of ${week}`,
    ...(lines.length ? lines : ['No agent workflows yet.']),
  ].join('\n');
  const to = getEnv().AUTONOMY_DIGEST_EMAIL_TO;
  await getDb().$transaction(async (tx) => {
    await enqueueOutboxMessage(tx, {
      channel: 'slack',
      destination: destinationFor('slack'),
      payload: { text },
      idempotencyKey: `autonomy-digest:${week}:slack`,
    });
    if (to) {
      await enqueueOutboxMessage(tx, {
        channel: 'email',
        destination: destinationFor('email'),
        payload: { to, subject: `Autonomy digest, week of ${week}`, body: text },
        idempotencyKey: `autonomy-digest:${week}:email`,
      });
    }
  });
  return { week, workflows: items.length };
}
