import { upsertStripeCustomer } from '../upsert-stripe-customer';
import { recordOf, type StripeEventHandler } from './types';

// customer.deleted — the row stays (history hangs off it) with deleted_at set.
export const handleCustomerDeleted: StripeEventHandler = (ctx) =>
  upsertStripeCustomer(ctx, recordOf(ctx.event, 'customer'));
