import { getDb } from '@/lib/db';
import { normalizeStripeEvent } from '@/lib/server/billing/stripe/normalize/normalize-event';
import { stripeEventEnvelopeSchema } from '@/lib/server/billing/stripe/normalize/stripe-records';
import type { InboxStatus } from '@/lib/schemas/webhooks';
import { STRIPE_EVENT_HANDLERS } from '@/lib/server/billing/stripe/stripe-event-handlers';
import { refetchStripeEvent } from '@/lib/server/billing/stripe/refetch-stripe-event';
import { clock } from '@/lib/clock';

export interface AppliedOutcome {
  status: Extract<InboxStatus, 'processed' | 'ignored'>;
  note: string | null;
  refetched: boolean;
}

// Applies a claimed inbox event: re-fetch (when Stripe is configured) → normalise → the event
// type's handler, then mark the row processed — handler writes and the status commit in one
// transaction, so a crash leaves either both or neither. Throws on any failure; the caller
// records it and the job retries.
export async function applyStripeEvent(inboxId: string, payload: unknown): Promise<AppliedOutcome> {
  const stored = stripeEventEnvelopeSchema.parse(payload);
  const { event, refetched } = await refetchStripeEvent(stored);
  const normalized = normalizeStripeEvent(event);
  if (!normalized) {
    // Not a type we handle (e.g. an ignored event an admin replayed): nothing to apply.
    await getDb().webhookEvent.update({
      where: { id: inboxId },
      data: { status: 'ignored', processedAt: clock.now(), lastError: null },
    });
    return { status: 'ignored', note: null, refetched };
  }
  const eventCreatedAt = new Date(normalized.orderingKey.eventCreated * 1000);
  const handler = STRIPE_EVENT_HANDLERS[normalized.eventType];
  return getDb().$transaction(
    async (tx) => {
      const result = await handler({ tx, inboxId, event: normalized, envelope: event, eventCreatedAt });
      const note = result.note ?? null;
      await tx.webhookEvent.update({
        where: { id: inboxId },
        data: { status: 'processed', processedAt: clock.now(), lastError: note },
      });
      return { status: 'processed' as const, note, refetched };
    },
    { maxWait: 10_000, timeout: 30_000 },
  );
}
