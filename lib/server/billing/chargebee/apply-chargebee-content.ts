import { joinNotes, type StripeHandlerResult } from '@/lib/server/billing/stripe/stripe-handler-context';
import { applyStripeInvoice } from '@/lib/server/billing/stripe/sync/apply-stripe-invoice';
import { applyStripeSubscription } from '@/lib/server/billing/stripe/sync/apply-stripe-subscription';
import { lockStripeObjects } from '@/lib/server/billing/stripe/sync/lock-stripe-objects';
import { markStripeCustomerDelinquent } from '@/lib/server/billing/stripe/sync/mark-stripe-customer-delinquent';
import { recordStripePaymentFailure } from '@/lib/server/billing/stripe/sync/record-stripe-payment-failure';
import { upsertStripeCustomer } from '@/lib/server/billing/stripe/sync/upsert-stripe-customer';
import { syncContextFor, type ChargebeeEventHandler } from './chargebee-handler-context';

// Every Chargebee event carries full snapshots of the objects it is about (a subscription event
// its subscription and customer; payment_* the transaction, invoice, customer, subscription).
// Each snapshot goes through the platform-free sync/ writer of its kind, ordered by its own
// resource_version, so an object seen through any event type is kept at its newest version.
// Customer before subscription before invoice: each names the one before it. A failed payment
// is recorded as an attempt and marks the customer delinquent, as Stripe's invoice.payment_failed
// does. All the objects are locked up front, in one sorted batch, so two events never deadlock.
export const applyChargebeeContent: ChargebeeEventHandler = async (ctx) => {
  const { customer, subscription, invoice, paymentFailure } = ctx.content;
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
  if (customer) results.push(await upsertStripeCustomer(syncContextFor(ctx, customer), customer.record));
  if (subscription) {
    results.push(await applyStripeSubscription(syncContextFor(ctx, subscription), subscription.record));
  }
  if (invoice) results.push(await applyStripeInvoice(syncContextFor(ctx, invoice), invoice.record));
  if (paymentFailure) {
    const failureCtx = syncContextFor(ctx, paymentFailure);
    results.push(await recordStripePaymentFailure(failureCtx, paymentFailure.record));
    const customerId = paymentFailure.record.customerExternalId ?? invoice?.record.customerExternalId;
    if (customerId) await markStripeCustomerDelinquent(ctx.tx, customerId, paymentFailure.at, 'chargebee');
  }
  if (!results.length) return { note: `${ctx.eventType}: the content has no object Tollgate stores` };
  return joinNotes(...results);
};
