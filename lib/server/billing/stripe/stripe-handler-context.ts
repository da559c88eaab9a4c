import type {
  WebhookEventHandler,
  WebhookHandlerContext,
  WebhookHandlerResult,
} from '@/lib/server/webhook-source/define-webhook-source';
import type { BillingProvider } from '@/generated/prisma/client';
import type { ObjectOrderingKey } from './normalize/event-types';
import type { NormalizedStripeEvent, NormalizedStripeRecord } from './normalize/normalize-event';
import type { StripeEventEnvelope } from './normalize/stripe-records';

// What every Stripe event handler receives and returns. A handler runs inside the transaction
// that also marks the inbox row processed, so its writes and that status commit together.

/** What the Stripe source's parse() hands its handlers. */
export interface StripeParsedEvent {
  /** The normalised record and ordering key of the event as applied. */
  event: NormalizedStripeEvent;
  /** The event as applied: the payload, or the payload with data.object re-fetched from Stripe. */
  envelope: StripeEventEnvelope;
  /** event.created as a Date: stored as sourceEventCreatedAt on what the event writes. */
  eventCreatedAt: Date;
}

export type StripeHandlerContext = WebhookHandlerContext & StripeParsedEvent;

/** A billing platform whose customers, subscriptions and invoices the sync/ functions write. */
export type SyncedPlatform = Exclude<BillingProvider, 'ledger'>;

/**
 * What the sync/ functions read from a handler's context: the record's ordering key and time,
 * and the platform its customer belongs to. A Stripe handler's context is one (platform unsaid
 * = Stripe); another platform's handlers (Chargebee) build one for the records they normalised.
 */
export interface BillingSyncContext extends WebhookHandlerContext {
  event: { orderingKey: ObjectOrderingKey };
  eventCreatedAt: Date;
  platform?: SyncedPlatform;
}
export type StripeHandlerResult = WebhookHandlerResult;
export type StripeEventHandler = WebhookEventHandler<StripeParsedEvent>;

type RecordOf<K extends NormalizedStripeRecord['kind']> = Extract<NormalizedStripeRecord, { kind: K }>['record'];

/** The event's record, checked to be of the kind the handler expects. */
export function recordOf<K extends NormalizedStripeRecord['kind']>(event: NormalizedStripeEvent, kind: K): RecordOf<K> {
  if (event.kind !== kind) throw new Error(`${event.eventType}: expected a ${kind} record, got ${event.kind}`);
  return event.record as RecordOf<K>;
}

/** Joins the notes of a handler that applied several records. */
export function joinNotes(...results: StripeHandlerResult[]): StripeHandlerResult {
  const notes = results.map((r) => r.note).filter((n): n is string => Boolean(n));
  return { note: notes.length ? notes.join('; ') : null };
}
