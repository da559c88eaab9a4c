import { getDb } from '@/lib/db';
import type { HandledStripeEventType } from '@/lib/server/billing/stripe/normalize/event-types';
import { normalizeStripeEvent } from '@/lib/server/billing/stripe/normalize/normalize-event';
import { STRIPE_EVENT_HANDLERS } from '@/lib/server/billing/stripe/stripe-event-handlers';

/*
 * Writes an imported object through the very handler its webhook uses, as if Stripe had sent an
 * event dated when the object was read (fetchedAtSec, Stripe's clock = wall time). The handlers'
 * ordering rule then decides between import and webhooks: an event newer than the read wins
 * whichever is applied first, and an import snapshot never overwrites state a newer event wrote.
 * One transaction per object, so a failed object is recorded and the page goes on.
 */
export async function applyThroughWebhookHandler(
  type: HandledStripeEventType,
  object: Record<string, unknown>,
  context: { runId: string; fetchedAtSec: number },
): Promise<string | null> {
  const envelope = {
    id: `import_${context.runId}_${String(object.id)}`,
    type,
    object: 'event' as const,
    created: context.fetchedAtSec,
    data: { object },
  };
  const event = normalizeStripeEvent(envelope);
  if (!event) throw new Error(`No handler for ${type}`);
  const handler = STRIPE_EVENT_HANDLERS[type];
  const result = await getDb().$transaction(
    (tx) =>
      handler({
        tx,
        inboxId: `stripe_import:${context.runId}`,
        event,
        envelope,
        eventCreatedAt: new Date(context.fetchedAtSec * 1000),
      }),
    { maxWait: 10_000, timeout: 30_000 },
  );
  return result.note ?? null;
}
