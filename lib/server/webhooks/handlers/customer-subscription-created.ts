import { applyStripeSubscription } from '../apply-stripe-subscription';
import { recordOf, type StripeEventHandler } from './types';

// customer.subscription.created — may arrive before customer.created: the customer gets a stub.
export const handleCustomerSubscriptionCreated: StripeEventHandler = (ctx) =>
  applyStripeSubscription(ctx, recordOf(ctx.event, 'subscription'));
