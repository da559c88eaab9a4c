import { createHash } from 'node:crypto';
import { getDb } from '@/lib/db';
import { clock } from '@/lib/clock';
import type { InboxStatus } from '@/lib/schemas/webhooks';
import type { ReadOutcome, WebhookSource } from '@/lib/server/webhook-source/define-webhook-source';
import { FIRST_ATTEMPT_GRACE_SECONDS } from './inbox-timing';

export interface RecordedEvent {
  id: string;
  status: InboxStatus;
  /** false when this (source, event id) was already in the inbox: a redelivery. */
  inserted: boolean;
}

/** An authentic body with no readable event id is keyed by its bytes, so a redelivery still dedupes. */
export const UNREADABLE_EVENT_ID_PREFIX = 'unreadable_';
const unreadableEventId = (rawBody: string) =>
  `${UNREADABLE_EVENT_ID_PREFIX}${createHash('sha256').update(rawBody).digest('hex').slice(0, 40)}`;

function rowFor(source: WebhookSource, rawBody: string, read: ReadOutcome, now: Date) {
  if (!read.ok) {
    // Parked: the same code would fail the same way. It waits, raw body and all, for a replay.
    const type = (read.payload as { type?: unknown } | null)?.type;
    return {
      eventId: unreadableEventId(rawBody),
      type: typeof type === 'string' && type ? type.slice(0, 200) : '(unreadable)',
      apiVersion: null,
      livemode: false,
      payload: (read.payload ?? rawBody) as object,
      status: 'failed' as const,
      lastError: `unparseable: ${read.reason}`,
      eventCreatedAt: null,
      processedAt: now,
      nextAttemptAt: null,
    };
  }
  const { envelope } = read;
  const handled = Object.hasOwn(source.eventTypes, envelope.type);
  return {
    eventId: envelope.eventId,
    type: envelope.type,
    apiVersion: envelope.apiVersion,
    livemode: envelope.livemode,
    payload: envelope.payload as object,
    // Types the source does not handle are kept for the record and never processed.
    status: handled ? ('received' as const) : ('ignored' as const),
    lastError: null,
    eventCreatedAt: envelope.createdAt,
    processedAt: handled ? null : now,
    // The enqueue right after this commit does the work; this is the sweep's safety net.
    nextAttemptAt: handled ? new Date(now.getTime() + FIRST_ATTEMPT_GRACE_SECONDS * 1000) : null,
  };
}

// Stores an authentic delivery in the inbox, committed before the endpoint answers. The insert is
// `ON CONFLICT (source, event_id) DO NOTHING`, so a redelivery — even twenty at once — leaves one
// row and only the delivery that inserted it enqueues processing. An authentic body the source
// cannot read is stored too (failed, with its raw bytes): an authentic event is never refused.
export async function recordWebhookEvent(source: WebhookSource, rawBody: string): Promise<RecordedEvent> {
  const db = getDb();
  const row = rowFor(source, rawBody, source.read(rawBody), clock.now());
  const { count } = await db.webhookEvent.createMany({
    data: [{ source: source.id, rawBody, ...row }],
    skipDuplicates: true,
  });
  const stored = await db.webhookEvent.findUniqueOrThrow({
    where: { source_eventId: { source: source.id, eventId: row.eventId } },
    select: { id: true, status: true },
  });
  return { id: stored.id, status: stored.status, inserted: count === 1 };
}
