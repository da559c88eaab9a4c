import { recordStripePaymentFailure } from '../record-stripe-payment-failure';
import { recordOf, type StripeEventHandler } from './types';

// charge.failed — a failed charge with its failure code; guest charges may have no customer.
export const handleChargeFailed: StripeEventHandler = (ctx) =>
  recordStripePaymentFailure(ctx, recordOf(ctx.event, 'payment_failure'));
