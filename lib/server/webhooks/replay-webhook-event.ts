import { getDb } from '@/lib/db';
import { conflict, notFound } from '@/lib/api/api-error';
import type { SessionUser } from '@/lib/auth/roles';
import type { WebhookReplayResponse } from '@/lib/schemas/webhooks';
import { appendAuditEvent } from '@/lib/server/audit/append-audit-event';
import { enqueueStripeEvent } from './enqueue-stripe-event';

// An admin re-runs an inbox event (typically a dead one after fixing its cause, e.g. adding the
// plan for an unknown price). The row goes back to 'received' with a fresh attempt budget, the
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
      data: { status: 'received', attempts: 0, lastError: null, processedAt: null },
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
  const enqueued = await enqueueStripeEvent(id);
  return { id, status: 'received', enqueued };
}
