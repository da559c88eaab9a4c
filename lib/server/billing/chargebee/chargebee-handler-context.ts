import type { WebhookEventHandler } from '@/lib/server/webhook-source/define-webhook-source';
import type { NormalizedChargebeeContent } from './normalize/normalize-chargebee-event';

/** What the Chargebee source's parse() hands its handlers. */
export interface ChargebeeParsedEvent {
  eventType: string;
  content: NormalizedChargebeeContent;
}

export type ChargebeeEventHandler = WebhookEventHandler<ChargebeeParsedEvent>;
