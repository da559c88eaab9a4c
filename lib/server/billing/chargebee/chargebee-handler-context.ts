import type { WebhookEventHandler, WebhookHandlerContext } from '@/lib/server/webhook-source/define-webhook-source';
import type { BillingSyncContext } from '@/lib/server/billing/stripe/stripe-handler-context';
import type { NormalizedChargebeeContent, Versioned } from './normalize/normalize-chargebee-event';

/** What the Chargebee source's parse() hands its handlers. */
export interface ChargebeeParsedEvent {
  eventType: string;
  content: NormalizedChargebeeContent;
}

export type ChargebeeEventHandler = WebhookEventHandler<ChargebeeParsedEvent>;

/** The sync/ writers' context for one object of the event, ordered by that object's version. */
export function syncContextFor(ctx: WebhookHandlerContext, object: Versioned<unknown>): BillingSyncContext {
  return {
    tx: ctx.tx,
    inboxId: ctx.inboxId,
    event: { orderingKey: object.orderingKey },
    eventCreatedAt: object.at,
    platform: 'chargebee',
  };
}
