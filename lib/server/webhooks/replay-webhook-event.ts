import { getDb } from '@/lib/db';
import { conflict, notFound } from '@/lib/errors';
import type { SessionUser } from '@/lib/auth/roles';
import type { WebhookReplayResponse } from '@/lib/schemas/webhooks';
import { appendAuditEvent } from '@/lib/server/audit/append-audit-event';
import { clock } from '@/lib/clock';
import { enqueueWebhookEvent } from './enqueue-webhook-event';
import { FIRST_ATTEMPT_GRACE_SECONDS } from './inbox-timing';

/** A replayed row: received again, with the whole retry schedule ahead of it. */
export const resetForReplay = () => ({
  status: 'received' as const,
  attempts: 0,
  lastError: null,
  processedAt: null,
  nextAttemptAt: new Date(clock.nowMs() + FIRST_ATTEMPT_GRACE_SECONDS * 1000),
});

// An admin re-runs an inbox event (typically a dead one after fixing its cause, e.g. adding the
// plan for an unknown price, or an unparseable one after an upgrade). The row goes back to
// 'received' with a fresh attempt budget (the whole retry schedule again), the
// audit record (before: status, attempts, last error) commits in the same transaction, then the
// event is enqueued — if that fails the sweep picks the row up. Handlers are idempotent and
// ordering-guarded, so replaying a processed event re-applies it without going backwards.
export async function replayWebhookEvent(
  actor: SessionUser,
  id: string,
  requestId: string,
): Promise<WebhookReplayResponse> {
  await getDb().$transaction(async (tx) => {
    // FOR UPDATE: a concurrent replay or claim waits for this one.
    const [row] = await tx.$queryRaw<
      { id: string; status: string; attempts: number; last_error: string | null; type: string; event_id: string }[]
    >`
      SELECT id, status::text AS status, attempts, last_error, type, event_id FROM webhook_events WHERE id = ${id} FOR UPDATE`;
    if (!row) throw notFound('Webhook event');
    if (row.status === 'processing')
      throw conflict('webhook_processing', 'This event is being processed right now; try again when it finishes');
    await tx.webhookEvent.update({
      where: { id },
      data: resetForReplay(),
    });
    await appendAuditEvent(tx, {
      actor: { type: 'user', id: actor.id },
      action: 'webhook.replayed',
      target: { type: 'webhook_event', id },
      requestId,
      sourceRef: `webhook_events:${id}`,
      before: { status: row.status, attempts: row.attempts, lastError: row.last_error },
      after: { status: 'received', attempts: 0 },
      data: { type: row.type, eventId: row.event_id },
    });
  });
  const enqueued = await enqueueWebhookEvent(id);
  return { id, status: 'received', enqueued };
}
