import { upsertStripeCustomer } from '../upsert-stripe-customer';
import { recordOf, type StripeEventHandler } from './types';

// customer.created — a new Stripe customer, or details for a stub an earlier event created.
export const handleCustomerCreated: StripeEventHandler = (ctx) =>
  upsertStripeCustomer(ctx, recordOf(ctx.event, 'customer'));
