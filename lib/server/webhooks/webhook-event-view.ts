import type { Prisma } from '@/generated/prisma/client';
import type { WebhookEventView } from '@/lib/schemas/webhooks';

// The inbox columns the console shows; raw_body and payload stay out of lists.
export const webhookEventViewSelect = {
  id: true,
  source: true,
  eventId: true,
  type: true,
  apiVersion: true,
  livemode: true,
  status: true,
  attempts: true,
  lastError: true,
  eventCreatedAt: true,
  receivedAt: true,
  processedAt: true,
  nextAttemptAt: true,
} as const;

type Row = Prisma.WebhookEventGetPayload<{ select: typeof webhookEventViewSelect }>;

export function toWebhookEventView(row: Row): WebhookEventView {
  return {
    id: row.id,
    source: row.source,
    eventId: row.eventId,
    type: row.type,
    apiVersion: row.apiVersion,
    livemode: row.livemode,
    status: row.status,
    attempts: row.attempts,
    lastError: row.lastError,
    eventCreatedAt: row.eventCreatedAt?.toISOString() ?? null,
    receivedAt: row.receivedAt.toISOString(),
    processedAt: row.processedAt?.toISOString() ?? null,
    nextAttemptAt: row.nextAttemptAt?.toISOString() ?? null,
  };
}
