import { getDb } from '@/lib/db';
import type { WebhookListQuery, WebhookListResponse } from '@/lib/schemas/webhooks';
import { toWebhookEventView, webhookEventViewSelect } from './webhook-event-view';

// The inbox, newest first, filtered by status and type prefix ("invoice." → every invoice event).
export async function listWebhookEvents(query: WebhookListQuery): Promise<WebhookListResponse> {
  const db = getDb();
  const where = {
    ...(query.status ? { status: query.status } : {}),
    ...(query.type ? { type: { startsWith: query.type } } : {}),
    ...(query.source ? { source: query.source } : {}),
  };
  const [rows, total] = await Promise.all([
    db.webhookEvent.findMany({
      where,
      orderBy: [{ receivedAt: 'desc' }, { id: 'desc' }],
      take: query.limit,
      skip: query.offset,
      select: webhookEventViewSelect,
    }),
    db.webhookEvent.count({ where }),
  ]);
  return { items: rows.map(toWebhookEventView), total, limit: query.limit, offset: query.offset };
}
