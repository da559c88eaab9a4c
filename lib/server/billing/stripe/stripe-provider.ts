import type Stripe from 'stripe';
import type { BillingProvider } from '../billing-provider';

// Billing effects go to Stripe through this client. The calls themselves (credit notes, balance
// transactions, subscription and invoice updates, and reading them back) belong to each kind's
// definition in lib/server/actions/kinds/, with the helpers in ./stripe-call.
export function createStripeProvider(stripe: Stripe): BillingProvider {
  return { name: 'stripe', stripe };
}
