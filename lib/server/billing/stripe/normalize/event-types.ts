import { asInt, asString, get, listData, requireId, StripeNormalizeError } from './read';

// The Stripe webhook event types Tollgate handles, and the ordering rule handlers apply so
// an older event never overwrites newer state.

export const HANDLED_STRIPE_EVENT_TYPES = [
  'customer.created',
  'customer.updated',
  'customer.deleted',
  'customer.subscription.created',
  'customer.subscription.updated',
  'customer.subscription.deleted',
  'invoice.created',
  'invoice.finalized',
  'invoice.updated',
  'invoice.paid',
  'invoice.payment_failed',
  'invoice.payment_action_required',
  'charge.failed',
  'charge.dispute.created',
  'payment_intent.payment_failed',
  'payment_method.attached',
  'payment_method.updated',
  'payment_method.automatically_updated',
  'payment_method.detached',
] as const;

export type HandledStripeEventType = (typeof HANDLED_STRIPE_EVENT_TYPES)[number];

export function isHandledStripeEventType(type: string): type is HandledStripeEventType {
  return (HANDLED_STRIPE_EVENT_TYPES as readonly string[]).includes(type);
}

/** Which normaliser / record an event type feeds. */
export type StripeRecordKind =
  'customer' | 'subscription' | 'invoice' | 'payment_failure' | 'dispute' | 'payment_method';

export function recordKindOf(type: HandledStripeEventType): StripeRecordKind {
  if (type === 'invoice.payment_failed' || type === 'charge.failed' || type === 'payment_intent.payment_failed') {
    return 'payment_failure';
  }
  if (type.startsWith('payment_method.')) return 'payment_method';
  if (type.startsWith('customer.subscription.')) return 'subscription';
  if (type.startsWith('customer.')) return 'customer';
  if (type.startsWith('invoice.')) return 'invoice';
  return 'dispute';
}

/*
 * Ordering rule. Stripe delivers events at least once and out of order; each event's
 * data.object is a snapshot of the object when the event was created. For one object
 * (externalId), an incoming snapshot is applied unless it is strictly older than the stored one:
 *
 *   1. compare event.created (Unix seconds, Stripe's clock) — later wins;
 *   2. same second (common: invoice.finalized / invoice.paid / invoice.updated fire together):
 *      compare objectVersionHint lexicographically — higher wins;
 *   3. still equal: apply (the snapshots are indistinguishable; last writer wins, and the
 *      inbox has already dropped duplicate deliveries by event id).
 *
 * objectVersionHint, per object, from fields that only move forward:
 *   invoice       [status rank, attempt_count, amount_paid]
 *                 status rank: draft 0 < open 1 < uncollectible 2 < paid 3 = void 3
 *                 (uncollectible can still be paid or voided; paid and void are final)
 *   subscription  [status rank, current period start]
 *                 incomplete 0 < trialing|active|past_due|unpaid|paused 1
 *                 < incomplete_expired|canceled 2 (these middle states cycle, so they tie;
 *                 a renewal moves the period start forward)
 *   customer      [deleted ? 1 : 0]   (customer.deleted is final)
 *   dispute       [status rank]  needs_response|warning_needs_response 0
 *                 < under_review|warning_under_review 1 < won|lost|warning_closed|prevented 2
 *   payment_method [detached ? 1 : 0, card exp_year * 100 + exp_month]  (a detached method is
 *                 never re-attached; a renewed card's expiry only moves forward)
 *   charge / payment intent failures: []  (append-only facts; only the id dedupes them)
 * Unknown statuses rank 0, so they never win a tie against a known later state.
 * Where the billing API is reachable, handlers may still re-fetch the object (convention 6);
 * the rule then guards the write of the fetched state the same way.
 */

export type ObjectOrderingKey = {
  /** Stripe `object` of data.object (invoice, subscription, customer, dispute, charge, …). */
  objectType: string;
  externalId: string;
  /** event.created, Unix seconds. */
  eventCreated: number;
  objectVersionHint: number[];
  /**
   * A platform whose objects carry their own version (Chargebee's resource_version, epoch ms)
   * compares that first; stored keys always have it (sourceEventCreatedAt in ms). Stripe events
   * leave it out, so for them the rule above is unchanged.
   */
  versionMs?: number;
};

const INVOICE_STATUS_RANK: Record<string, number> = { draft: 0, open: 1, uncollectible: 2, paid: 3, void: 3 };
const SUBSCRIPTION_STATUS_RANK: Record<string, number> = {
  incomplete: 0,
  trialing: 1,
  active: 1,
  past_due: 1,
  unpaid: 1,
  paused: 1,
  incomplete_expired: 2,
  canceled: 2,
};
const DISPUTE_STATUS_RANK: Record<string, number> = {
  needs_response: 0,
  warning_needs_response: 0,
  under_review: 1,
  warning_under_review: 1,
  won: 2,
  lost: 2,
  warning_closed: 2,
  prevented: 2,
};

function rank(table: Record<string, number>, status: unknown): number {
  const key = asString(status);
  return key !== null && Object.hasOwn(table, key) ? table[key] : 0;
}

function subscriptionPeriodStart(subscription: unknown): number {
  const topLevel = asInt(get(subscription, 'current_period_start'));
  if (topLevel !== null) return topLevel;
  const starts = listData(get(subscription, 'items'))
    .map((item) => asInt(get(item, 'current_period_start')))
    .filter((start): start is number => start !== null);
  return starts.length > 0 ? Math.max(...starts) : 0;
}

function versionHint(type: string, object: unknown, objectType: string): number[] {
  const status = get(object, 'status');
  switch (objectType) {
    case 'invoice':
      return [
        rank(INVOICE_STATUS_RANK, status),
        asInt(get(object, 'attempt_count')) ?? 0,
        asInt(get(object, 'amount_paid')) ?? 0,
      ];
    case 'subscription':
      return [rank(SUBSCRIPTION_STATUS_RANK, status), subscriptionPeriodStart(object)];
    case 'customer':
      return [type === 'customer.deleted' || get(object, 'deleted') === true ? 1 : 0];
    case 'dispute':
      return [rank(DISPUTE_STATUS_RANK, status)];
    case 'payment_method':
      return [
        type === 'payment_method.detached' || get(object, 'customer') === null ? 1 : 0,
        (asInt(get(object, 'card', 'exp_year')) ?? 0) * 100 + (asInt(get(object, 'card', 'exp_month')) ?? 0),
      ];
    default:
      return [];
  }
}

/** What a handler stores per object and compares before writing (see the rule above). */
export function objectOrderingKey(event: {
  type: string;
  created?: unknown;
  data?: { object?: unknown };
}): ObjectOrderingKey {
  const object = event.data?.object;
  const eventCreated = asInt(event.created);
  if (eventCreated === null) throw new StripeNormalizeError('event.created', 'required timestamp is missing');
  const objectType = asString(get(object, 'object'));
  if (objectType === null) throw new StripeNormalizeError('event.data.object.object', 'object type is missing');
  return {
    objectType,
    externalId: requireId(get(object, 'id'), 'event.data.object.id'),
    eventCreated,
    objectVersionHint: versionHint(event.type, object, objectType),
  };
}

/** < 0 when a is older than b, 0 when indistinguishable, > 0 when a is newer. */
export function compareOrderingKeys(a: ObjectOrderingKey, b: ObjectOrderingKey): number {
  if (a.versionMs !== undefined && b.versionMs !== undefined && a.versionMs !== b.versionMs) {
    return a.versionMs - b.versionMs;
  }
  if (a.eventCreated !== b.eventCreated) return a.eventCreated - b.eventCreated;
  const length = Math.max(a.objectVersionHint.length, b.objectVersionHint.length);
  for (let i = 0; i < length; i += 1) {
    const diff = (a.objectVersionHint[i] ?? 0) - (b.objectVersionHint[i] ?? 0);
    if (diff !== 0) return diff;
  }
  return 0;
}

/** True when the incoming snapshot must be skipped because the stored state is newer. */
export function isOlderThanStored(incoming: ObjectOrderingKey, stored: ObjectOrderingKey | null): boolean {
  return stored !== null && compareOrderingKeys(incoming, stored) < 0;
}
