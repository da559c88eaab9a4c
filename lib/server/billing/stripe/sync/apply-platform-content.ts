import type { ObjectOrderingKey } from '@/lib/server/billing/stripe/normalize/event-types';
import type {
  CustomerRecord,
  InvoiceRecord,
  PaymentFailureRecord,
  SubscriptionRecord,
} from '@/lib/server/billing/stripe/normalize/stripe-records';
import {
  joinNotes,
  type BillingSyncContext,
  type StripeHandlerResult,
  type SyncedPlatform,
} from '@/lib/server/billing/stripe/stripe-handler-context';
import type { WebhookHandlerContext } from '@/lib/server/webhook-source/define-webhook-source';
import { applyStripeInvoice } from './apply-stripe-invoice';
import { applyStripeSubscription } from './apply-stripe-subscription';
import { lockStripeObjects } from './lock-stripe-objects';
import { markStripeCustomerDelinquent } from './mark-stripe-customer-delinquent';
import { recordStripePaymentFailure } from './record-stripe-payment-failure';
import { storedOrderingKey } from './stored-ordering-key';
import { upsertStripeCustomer } from './upsert-stripe-customer';

/** One normalised object of another platform, with the version it is ordered by. */
export interface Versioned<R> {
  record: R;
  orderingKey: ObjectOrderingKey;
  /** The object's version as a time: stored as sourceEventCreatedAt, compared in ms. */
  at: Date;
}

/** What one event (or one imported list entry) of Chargebee or Recurly brings to store. */
export interface PlatformContent {
  customer: Versioned<CustomerRecord> | null;
  subscription: Versioned<SubscriptionRecord> | null;
  invoice: Versioned<InvoiceRecord> | null;
  /** A failed payment; a successful one adds nothing to store. */
  paymentFailure: Versioned<PaymentFailureRecord> | null;
}

// The key is built with the rule the Stripe writers compare by (stored-ordering-key), so the
// version time decides and the status hint in `fields` only breaks an exact tie.
export function versioned<R>(
  record: R,
  objectType: string,
  externalId: string,
  at: Date,
  fields: Record<string, unknown>,
): Versioned<R> {
  return { record, at, orderingKey: storedOrderingKey(objectType, externalId, at, fields)! };
}

/** The sync/ writers' context for one object, ordered by that object's version. */
function syncContextFor(ctx: WebhookHandlerContext, object: Versioned<unknown>, platform: SyncedPlatform) {
  const sync: BillingSyncContext = {
    tx: ctx.tx,
    inboxId: ctx.inboxId,
    event: { orderingKey: object.orderingKey },
    eventCreatedAt: object.at,
    platform,
  };
  return sync;
}

// Each object goes through the platform-free sync/ writer of its kind, ordered by its own
// version, so an object seen through any event type is kept at its newest version. Customer
// before subscription before invoice: each names the one before it. A failed payment is recorded
// as an attempt and marks the customer delinquent, as Stripe's invoice.payment_failed does. All
// the objects are locked up front, in one sorted batch, so two events never deadlock.
export async function applyPlatformContent(
  ctx: WebhookHandlerContext,
  eventType: string,
  content: PlatformContent,
  platform: SyncedPlatform,
): Promise<StripeHandlerResult> {
  const { customer, subscription, invoice, paymentFailure } = content;
  await lockStripeObjects(ctx.tx, [
    customer?.record.externalId,
    subscription?.record.customerExternalId,
    subscription?.record.externalId,
    invoice?.record.customerExternalId,
    invoice?.record.externalId,
    paymentFailure?.record.customerExternalId,
    paymentFailure?.record.chargeExternalId,
  ]);
  const results: StripeHandlerResult[] = [];
  if (customer) results.push(await upsertStripeCustomer(syncContextFor(ctx, customer, platform), customer.record));
  if (subscription) {
    results.push(await applyStripeSubscription(syncContextFor(ctx, subscription, platform), subscription.record));
  }
  if (invoice) results.push(await applyStripeInvoice(syncContextFor(ctx, invoice, platform), invoice.record));
  if (paymentFailure) {
    results.push(
      await recordStripePaymentFailure(syncContextFor(ctx, paymentFailure, platform), paymentFailure.record),
    );
    const customerId = paymentFailure.record.customerExternalId ?? invoice?.record.customerExternalId;
    if (customerId) await markStripeCustomerDelinquent(ctx.tx, customerId, paymentFailure.at, platform);
  }
  if (!results.length) return { note: `${eventType}: the content has no object Tollgate stores` };
  return joinNotes(...results);
}
