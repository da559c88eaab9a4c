import { getStripeClient } from '@/lib/server/billing/stripe/get-stripe-client';
import type { BillingProvider } from './billing-provider';
import { createLedgerProvider } from './ledger-provider';
import { createStripeProvider } from './stripe/stripe-provider';

// Stripe when a secret key is configured, the built-in ledger otherwise.
export function getBillingProvider(): BillingProvider {
  const stripe = getStripeClient();
  return stripe ? createStripeProvider(stripe) : createLedgerProvider();
}
