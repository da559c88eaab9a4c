import { upsertStripeCustomer } from '../upsert-stripe-customer';
import { recordOf, type StripeEventHandler } from './types';

// customer.updated — name, e-mail, metadata and the delinquent flag, unless newer state is stored.
export const handleCustomerUpdated: StripeEventHandler = (ctx) =>
  upsertStripeCustomer(ctx, recordOf(ctx.event, 'customer'));
