import { applyStripeSubscription } from '../apply-stripe-subscription';
import { recordOf, type StripeEventHandler } from './types';

// customer.subscription.deleted — the subscription ended: its snapshot says canceled (a final
// status in the ordering rule, so no earlier update can revive it).
export const handleCustomerSubscriptionDeleted: StripeEventHandler = (ctx) =>
  applyStripeSubscription(ctx, recordOf(ctx.event, 'subscription'));
