import type { HandledStripeEventType } from '@/lib/billing/stripe/event-types';
import { handleChargeDisputeCreated } from './charge-dispute-created';
import { handleChargeFailed } from './charge-failed';
import { handleCustomerCreated } from './customer-created';
import { handleCustomerDeleted } from './customer-deleted';
import { handleCustomerSubscriptionCreated } from './customer-subscription-created';
import { handleCustomerSubscriptionDeleted } from './customer-subscription-deleted';
import { handleCustomerSubscriptionUpdated } from './customer-subscription-updated';
import { handleCustomerUpdated } from './customer-updated';
import { handleInvoiceCreated } from './invoice-created';
import { handleInvoiceFinalized } from './invoice-finalized';
import { handleInvoicePaid } from './invoice-paid';
import { handleInvoicePaymentFailed } from './invoice-payment-failed';
import { handleInvoiceUpdated } from './invoice-updated';
import { handlePaymentIntentPaymentFailed } from './payment-intent-payment-failed';
import type { StripeEventHandler } from './types';

// One handler per Stripe event type. The Record type makes a handled type without a handler a
// compile error. Looked up at call time, so a test may swap one in.
export const STRIPE_EVENT_HANDLERS: Record<HandledStripeEventType, StripeEventHandler> = {
  'customer.created': handleCustomerCreated,
  'customer.updated': handleCustomerUpdated,
  'customer.deleted': handleCustomerDeleted,
  'customer.subscription.created': handleCustomerSubscriptionCreated,
  'customer.subscription.updated': handleCustomerSubscriptionUpdated,
  'customer.subscription.deleted': handleCustomerSubscriptionDeleted,
  'invoice.created': handleInvoiceCreated,
  'invoice.finalized': handleInvoiceFinalized,
  'invoice.updated': handleInvoiceUpdated,
  'invoice.paid': handleInvoicePaid,
  'invoice.payment_failed': handleInvoicePaymentFailed,
  'charge.failed': handleChargeFailed,
  'charge.dispute.created': handleChargeDisputeCreated,
  'payment_intent.payment_failed': handlePaymentIntentPaymentFailed,
};
