import { applyStripeSubscription } from '../apply-stripe-subscription';
import { recordOf, type StripeEventHandler } from './types';

// customer.subscription.updated — status, period, plan and items; older snapshots are skipped.
export const handleCustomerSubscriptionUpdated: StripeEventHandler = (ctx) =>
  applyStripeSubscription(ctx, recordOf(ctx.event, 'subscription'));
