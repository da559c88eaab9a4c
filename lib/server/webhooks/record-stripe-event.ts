import { getDb } from '@/lib/db';
import type { StripeEventEnvelope } from '@/lib/server/billing/stripe/normalize/stripe-records';
import type { InboxStatus } from '@/lib/schemas/webhooks';
import { isHandledStripeEventType } from '@/lib/server/billing/stripe/normalize/event-types';
import { clock } from '@/lib/clock';

export const STRIPE_SOURCE = 'stripe';

export interface RecordedEvent {
  id: string;
  status: InboxStatus;
  /** false when this (source, event id) was already in the inbox: a redelivery. */
  inserted: boolean;
}

// Stores a verified event in the inbox, committed before the endpoint answers. The insert is
// `ON CONFLICT (source, event_id) DO NOTHING`, so a redelivery — even twenty at once — leaves one
// row and only the delivery that inserted it enqueues processing. Event types Tollgate does not
// handle are recorded as 'ignored' and never processed.
export async function recordStripeEvent(rawBody: string, event: StripeEventEnvelope): Promise<RecordedEvent> {
  const db = getDb();
  const handled = isHandledStripeEventType(event.type);
  const { count } = await db.webhookEvent.createMany({
    data: [
      {
        source: STRIPE_SOURCE,
        eventId: event.id,
        type: event.type,
        apiVersion: event.api_version ?? null,
        livemode: event.livemode ?? false,
        payload: event as object,
        rawBody,
        status: handled ? 'received' : 'ignored',
        eventCreatedAt: typeof event.created === 'number' ? new Date(event.created * 1000) : null,
        processedAt: handled ? null : clock.now(),
      },
    ],
    skipDuplicates: true,
  });
  const row = await db.webhookEvent.findUniqueOrThrow({
    where: { source_eventId: { source: STRIPE_SOURCE, eventId: event.id } },
    select: { id: true, status: true },
  });
  return { id: row.id, status: row.status, inserted: count === 1 };
}
