import { normalizeInvoice } from '@/lib/server/billing/stripe/normalize/normalize-invoice';
import { applyStripeInvoice } from './apply-stripe-invoice';
import { lockStripeObjects } from './lock-stripe-objects';
import { markStripeCustomerDelinquent } from './mark-stripe-customer-delinquent';
import { recordStripePaymentFailure } from './record-stripe-payment-failure';
import { joinNotes, recordOf, type StripeEventHandler } from '../stripe-handler-context';

// invoice.payment_failed — the event carries the whole invoice: it updates the invoice (attempt
// count, next attempt), records the failed attempt and marks the customer delinquent, as
// Stripe does. Every object it touches is locked up front, in one sorted batch.
export const applyInvoicePaymentFailed: StripeEventHandler = async (ctx) => {
  const failure = recordOf(ctx.event, 'payment_failure');
  const invoice = normalizeInvoice(ctx.envelope.data?.object);
  await lockStripeObjects(ctx.tx, [
    invoice.customerExternalId,
    invoice.externalId,
    failure.chargeExternalId,
    failure.paymentIntentExternalId,
  ]);
  const applied = await applyStripeInvoice(ctx, invoice);
  const recorded = await recordStripePaymentFailure(ctx, failure);
  await markStripeCustomerDelinquent(ctx.tx, invoice.customerExternalId, ctx.eventCreatedAt);
  return joinNotes(applied, recorded);
};
