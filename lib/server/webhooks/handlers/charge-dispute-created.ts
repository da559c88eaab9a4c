import { applyStripeDispute } from '../apply-stripe-dispute';
import { recordOf, type StripeEventHandler } from './types';

// charge.dispute.created — a chargeback opened against one of the customer's charges.
export const handleChargeDisputeCreated: StripeEventHandler = (ctx) =>
  applyStripeDispute(ctx, recordOf(ctx.event, 'dispute'));
