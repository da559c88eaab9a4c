import type { HandledStripeEventType } from './normalize/event-types';
import { recordOf, type StripeEventHandler } from './stripe-handler-context';
import { applyInvoicePaymentFailed } from './sync/apply-invoice-payment-failed';
import { applyStripeDispute } from './sync/apply-stripe-dispute';
import { applyStripeInvoice } from './sync/apply-stripe-invoice';
import { applyStripeSubscription } from './sync/apply-stripe-subscription';
import { recordStripePaymentFailure } from './sync/record-stripe-payment-failure';
import { upsertStripeCustomer } from './sync/upsert-stripe-customer';
import { upsertStripePaymentCard } from './sync/upsert-stripe-payment-card';

const customer: StripeEventHandler = (ctx) => upsertStripeCustomer(ctx, recordOf(ctx.event, 'customer'));
const subscription: StripeEventHandler = (ctx) => applyStripeSubscription(ctx, recordOf(ctx.event, 'subscription'));
const invoice: StripeEventHandler = (ctx) => applyStripeInvoice(ctx, recordOf(ctx.event, 'invoice'));
const paymentMethod: StripeEventHandler = (ctx) => upsertStripePaymentCard(ctx, recordOf(ctx.event, 'payment_method'));
const paymentFailure: StripeEventHandler = (ctx) =>
  recordStripePaymentFailure(ctx, recordOf(ctx.event, 'payment_failure'));

// One entry per Stripe event type Tollgate handles; an event type with real logic of its own has
// its own file in sync/. The Record type makes a handled type without a handler a compile error.
// Looked up at call time, so a test may swap one in.
export const STRIPE_EVENT_HANDLERS: Record<HandledStripeEventType, StripeEventHandler> = {
  // A new customer, or details for a stub an earlier event created.
  'customer.created': customer,
  // Name, e-mail, metadata, the delinquent flag and the default card, unless newer state is stored.
  'customer.updated': customer,
  // The row stays (history hangs off it) with deleted_at set.
  'customer.deleted': customer,
  // May arrive before customer.created: the customer gets a stub.
  'customer.subscription.created': subscription,
  // Status, period, plan and items; older snapshots are skipped.
  'customer.subscription.updated': subscription,
  // Its snapshot says canceled, a final status in the ordering rule: no earlier update revives it.
  'customer.subscription.deleted': subscription,
  // Usually a draft; its lines may still change until it is finalized. Agents listening to an
  // event type (the invoice explainer) are triggered by applyWebhookEvent, not here.
  'invoice.created': invoice,
  // Open (numbered, lines fixed), or already paid if it was free.
  'invoice.finalized': invoice,
  // Often in the same second as finalized/paid: the status rank keeps a paid invoice paid.
  'invoice.updated': invoice,
  // Paid is final in the ordering rule: no older or same-second event reverts it.
  'invoice.paid': invoice,
  // Invoice, failed attempt and delinquent customer, under one set of locks.
  'invoice.payment_failed': applyInvoicePaymentFailed,
  // The payment needs the customer (3-D Secure): the invoice stays open; the dunning agent reacts.
  'invoice.payment_action_required': invoice,
  // A failed charge with its failure code; guest charges may have no customer.
  'charge.failed': paymentFailure,
  // The same attempt seen from the payment intent; merged into the charge's attempt when named.
  'payment_intent.payment_failed': paymentFailure,
  // A chargeback opened against one of the customer's charges.
  'charge.dispute.created': (ctx) => applyStripeDispute(ctx, recordOf(ctx.event, 'dispute')),
  // A card saved on the customer (brand, last4, expiry); other payment method types are noted, not stored.
  'payment_method.attached': paymentMethod,
  // The customer changed the card's expiry or details.
  'payment_method.updated': paymentMethod,
  // The card network renewed the card (new expiry, maybe new last4): the same row, newer state.
  'payment_method.automatically_updated': paymentMethod,
  // Its snapshot has `customer: null`, final in the ordering rule: no late attach revives it.
  'payment_method.detached': paymentMethod,
};
