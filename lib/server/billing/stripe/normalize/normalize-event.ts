import type {
  CustomerRecord,
  DisputeRecord,
  InvoiceRecord,
  PaymentFailureRecord,
  PaymentMethodRecord,
  StripeEventEnvelope,
  SubscriptionRecord,
} from '@/lib/server/billing/stripe/normalize/stripe-records';
import {
  isHandledStripeEventType,
  objectOrderingKey,
  recordKindOf,
  type HandledStripeEventType,
  type ObjectOrderingKey,
} from './event-types';
import { normalizeCustomer } from './normalize-customer';
import { normalizeDispute } from './normalize-dispute';
import { normalizeInvoice } from './normalize-invoice';
import { normalizePaymentFailure } from './normalize-payment-failure';
import { normalizePaymentMethod } from './normalize-payment-method';
import { normalizeSubscription } from './normalize-subscription';
import { asInt, StripeNormalizeError } from './read';

export type NormalizedStripeRecord =
  | { kind: 'customer'; record: CustomerRecord }
  | { kind: 'subscription'; record: SubscriptionRecord }
  | { kind: 'invoice'; record: InvoiceRecord }
  | { kind: 'payment_failure'; record: PaymentFailureRecord }
  | { kind: 'dispute'; record: DisputeRecord }
  | { kind: 'payment_method'; record: PaymentMethodRecord };

export type NormalizedStripeEvent = NormalizedStripeRecord & {
  eventId: string;
  eventType: HandledStripeEventType;
  apiVersion: string | null;
  orderingKey: ObjectOrderingKey;
};

function normalizeObject(
  type: HandledStripeEventType,
  object: unknown,
  eventCreated: number | undefined,
): NormalizedStripeRecord {
  switch (recordKindOf(type)) {
    case 'customer':
      return { kind: 'customer', record: normalizeCustomer(object, { deleted: type === 'customer.deleted' }) };
    case 'subscription':
      return { kind: 'subscription', record: normalizeSubscription(object) };
    case 'invoice':
      return { kind: 'invoice', record: normalizeInvoice(object) };
    case 'payment_failure':
      return { kind: 'payment_failure', record: normalizePaymentFailure(object, { eventCreated }) };
    case 'dispute':
      return { kind: 'dispute', record: normalizeDispute(object) };
    case 'payment_method':
      return {
        kind: 'payment_method',
        record: normalizePaymentMethod(object, { detached: type === 'payment_method.detached' }),
      };
  }
}

/**
 * A verified event → its normalised record and ordering key; null for event types Tollgate
 * does not handle. Throws StripeNormalizeError when a required id or data.object is missing.
 */
export function normalizeStripeEvent(event: StripeEventEnvelope): NormalizedStripeEvent | null {
  if (!isHandledStripeEventType(event.type)) return null;
  const object = event.data?.object;
  if (object === undefined) throw new StripeNormalizeError('event.data.object', 'missing');
  const eventCreated = asInt(event.created) ?? undefined;
  return {
    ...normalizeObject(event.type, object, eventCreated),
    eventId: event.id,
    eventType: event.type,
    apiVersion: event.api_version ?? null,
    orderingKey: objectOrderingKey(event),
  };
}
