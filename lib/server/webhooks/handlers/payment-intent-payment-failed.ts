import { recordStripePaymentFailure } from '../record-stripe-payment-failure';
import { recordOf, type StripeEventHandler } from './types';

// payment_intent.payment_failed — the same attempt as charge.failed, seen from the payment
// intent (reason in last_payment_error); merged into the charge's attempt when it names it.
export const handlePaymentIntentPaymentFailed: StripeEventHandler = (ctx) =>
  recordStripePaymentFailure(ctx, recordOf(ctx.event, 'payment_failure'));
