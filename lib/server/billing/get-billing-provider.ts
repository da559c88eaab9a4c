import { resolveStripeClient } from '@/lib/server/billing/stripe/resolve-stripe-client';
import type { BillingProvider } from './billing-provider';
import { createLedgerProvider } from './ledger-provider';
import { createStripeProvider } from './stripe/stripe-provider';

// Stripe when a key is resolved (env or the console's connection), the built-in ledger otherwise.
export async function getBillingProvider(): Promise<BillingProvider> {
  const stripe = await resolveStripeClient();
  return stripe ? createStripeProvider(stripe) : createLedgerProvider();
}
