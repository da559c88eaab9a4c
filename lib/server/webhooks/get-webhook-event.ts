import { getDb } from '@/lib/db';
import { notFound } from '@/lib/errors';
import type { WebhookEventDetail } from '@/lib/schemas/webhooks';
import { toWebhookEventView, webhookEventViewSelect } from './webhook-event-view';

// One inbox event with its payload, for the console's payload viewer.
export async function getWebhookEvent(id: string): Promise<WebhookEventDetail> {
  const row = await getDb().webhookEvent.findUnique({
    where: { id },
    select: { ...webhookEventViewSelect, payload: true },
  });
  if (!row) throw notFound('Webhook event');
  return { ...toWebhookEventView(row), payload: row.payload };
}
