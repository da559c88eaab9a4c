import { Prisma } from '@/generated/prisma/client';
import { getDb } from '@/lib/db';
import type { SessionUser } from '@/lib/auth/roles';
import type { WebhookBulkReplayBody, WebhookBulkReplayResponse } from '@/lib/schemas/webhooks';
import { appendAuditEvent } from '@/lib/server/audit/append-audit-event';
import { enqueueWebhookEvent } from './enqueue-webhook-event';
import { resetForReplay } from './replay-webhook-event';

// An admin replays every failed / dead event matching a filter — after an outage, or after an
// upgrade that can read events stored as unparseable. Up to `limit` rows per call, oldest first:
// locked (SKIP LOCKED: a row being claimed or replayed right now is left to that), reset to
// 'received' with a fresh retry schedule, and one audit record naming the filter and every id —
// all in one transaction; then each is enqueued (a failed enqueue is picked up by the sweep).
export async function replayWebhookEvents(
  actor: SessionUser,
  filter: WebhookBulkReplayBody,
  requestId: string,
): Promise<WebhookBulkReplayResponse> {
  const conditions = [Prisma.sql`status::text IN (${Prisma.join(filter.statuses)})`];
  if (filter.source) conditions.push(Prisma.sql`source = ${filter.source}`);
  if (filter.type) conditions.push(Prisma.sql`starts_with(type, ${filter.type})`);
  if (filter.receivedFrom) conditions.push(Prisma.sql`received_at >= ${new Date(filter.receivedFrom)}`);
  if (filter.receivedTo) conditions.push(Prisma.sql`received_at < ${new Date(filter.receivedTo)}`);

  const { ids, more } = await getDb().$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ id: string; status: string }[]>`
      SELECT id, status::text AS status FROM webhook_events WHERE ${Prisma.join(conditions, ' AND ')}
       ORDER BY received_at, id LIMIT ${filter.limit + 1} FOR UPDATE SKIP LOCKED`;
    const chosen = rows.slice(0, filter.limit);
    if (!chosen.length) return { ids: [], more: false };
    const ids = chosen.map((r) => r.id);
    await tx.webhookEvent.updateMany({
      where: { id: { in: ids } },
      data: resetForReplay(),
    });
    const byStatus = Object.fromEntries(filter.statuses.map((s) => [s, chosen.filter((r) => r.status === s).length]));
    await appendAuditEvent(tx, {
      actor: { type: 'user', id: actor.id },
      action: 'webhook.bulk_replayed',
      target: { type: 'webhook_event', id: 'bulk' },
      requestId,
      before: byStatus,
      after: { status: 'received', attempts: 0 },
      data: { filter, count: ids.length, ids },
    });
    return { ids, more: rows.length > filter.limit };
  });
  let enqueued = 0;
  for (const id of ids) if (await enqueueWebhookEvent(id)) enqueued += 1;
  return { replayed: ids.length, ids, enqueued, more };
}
